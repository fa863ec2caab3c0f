import type { Response } from 'restify';
import type { ApiErrorCode } from '../contract';
import type { Failure } from '../domain/result';

/**
 * HTTP status for every failure code the API can answer: the one place failures become statuses, closed, so a new
 * code does not compile until it is given its status here.
 */
const STATUS = {
  invalidJson: 400,
  invalidBody: 400,
  invalidQuery: 400,
  invalidCursor: 400,
  invalidIntroId: 400,
  invalidMeetingId: 400,
  invalidUserId: 400,
  invalidPrecondition: 400,
  invalidTime: 400,
  invalidActivity: 400,
  invalidUrl: 400,
  durationTooShort: 400,
  durationTooLong: 400,
  durationNotWhole: 400,
  selfIntro: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  awaitingMember: 404,
  invalidTransition: 409,
  versionConflict: 412,
  preconditionRequired: 428,
  tooLarge: 413,
  unsupportedMediaType: 415,
  streamUnavailable: 503,
} as const satisfies Record<ApiErrorCode, number>;

/** The status for a failure. */
export function statusFor(code: ApiErrorCode): number {
  return STATUS[code];
}

/** Sends `{ error: { code, message, field? } }` with the failure's status. */
export function sendFailure(res: Response, failure: Failure<ApiErrorCode>, extra: Record<string, unknown> = {}): void {
  // Only the envelope's fields: a failure may carry data for other edges (the bot's replies) that no answer should show.
  const { code, message, field } = failure;
  res.send(statusFor(failure.code), {
    error: field === undefined ? { code, message } : { code, message, field },
    ...extra,
  });
}
