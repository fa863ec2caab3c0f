import type { Response } from 'restify';
import type { Failure } from '../domain/result';

/** HTTP status for each expected failure code; the one place failures become statuses. */
const STATUS: Readonly<Record<string, number>> = {
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  awaitingMember: 404,
  invalidTransition: 409,
  versionConflict: 412,
  preconditionRequired: 428,
  tooLarge: 413,
  unsupportedMediaType: 415,
};

/** The status for a failure; anything not listed is a validation failure (400). */
export function statusFor(code: string): number {
  return STATUS[code] ?? 400;
}

/** Sends `{ error: { code, message, field? } }` with the failure's status. */
export function sendFailure(res: Response, failure: Failure, extra: Record<string, unknown> = {}): void {
  res.send(statusFor(failure.code), { error: failure, ...extra });
}
