import { z } from 'zod';

/** Every failure code /api/v1 answers with; src/http/errors.ts gives each its status. */
export const API_ERROR_CODES = [
  'invalidJson',
  'invalidBody',
  'invalidQuery',
  'invalidCursor',
  'invalidIntroId',
  'invalidMeetingId',
  'invalidUserId',
  'invalidPrecondition',
  'invalidTime',
  'invalidActivity',
  'invalidUrl',
  'durationTooShort',
  'durationTooLong',
  'durationNotWhole',
  'selfIntro',
  'noMember',
  'memberUnreachable',
  'unauthorized',
  'forbidden',
  'notFound',
  'awaitingMember',
  'invalidTransition',
  'versionConflict',
  'preconditionRequired',
  'tooLarge',
  'unsupportedMediaType',
  'insufficientStorage',
  'streamUnavailable',
] as const;
/** A failure code /api/v1 answers with. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Shape of every error body. The code is a string on the wire: besides ApiErrorCode the server answers `internal`
 * (a bug, 500), the framework's own codes for an unknown route or method, and on the bot's endpoint (not /api/v1)
 * `botRestarting` (503 while its thread starts again).
 */
export const apiErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }).readonly(),
  })
  .readonly();
