import type { Response } from 'restify';
import type { ApiErrorCode } from '../contract';
import { StorageRefusedError } from '../app/storageRefused';
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
  // The intro's state, not the request, stands in the way: nobody to send to yet, or no chat with them yet.
  noMember: 409,
  memberUnreachable: 409,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  awaitingMember: 404,
  invalidTransition: 409,
  versionConflict: 412,
  preconditionRequired: 428,
  tooLarge: 413,
  unsupportedMediaType: 415,
  // The store's disk is full or read-only. 507 rather than 503: the server is up and reads work; only storing fails,
  // and a load balancer must not take it for an instance to route around (every instance shares that disk or account).
  insufficientStorage: 507,
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

/** What a person reads when the store refuses writes: nothing changed, their unsent work waits on their device. */
export const STORAGE_REFUSED: Failure<'insufficientStorage'> = {
  code: 'insufficientStorage',
  message:
    'The server cannot save anything right now: its storage is full or read-only. Nothing was changed; what you ' +
    "haven't saved stays on this device and is sent once storage is back. If this lasts, tell your Teams admin.",
};

/** The failure for an error a handler threw, when it is an expected one (storage refusing writes); else undefined. */
export function failureOfThrown(error: unknown): Failure<ApiErrorCode> | undefined {
  return error instanceof StorageRefusedError ? STORAGE_REFUSED : undefined;
}
