import { z } from 'zod';
import { parseIntroId, parseMeetingKey, parseUserId } from '../domain/ids';
import type { ApiErrorCode } from './errors';

/** A value the domain's own parser accepts, or the issue `message`. */
function parsedBy<T>(parse: (value: unknown) => T | undefined, message: string) {
  return z.string().transform((value, ctx): T => {
    const parsed = parse(value);
    if (parsed === undefined) ctx.addIssue({ code: 'custom', message });
    return parsed as T;
  });
}

/** An intro id in a path or query. */
export const introIdParamSchema = parsedBy(parseIntroId, 'must be an intro id');
/** A person's id (an Entra object id, never the nil GUID) in a path or query. */
export const userIdParamSchema = parsedBy(parseUserId, 'must be an Entra ID object id (GUID)');
/** A Teams meeting id in a path. */
const meetingIdParamSchema = parsedBy(parseMeetingKey, 'must be a Teams meeting id');

/** Every path parameter of /api/v1: its schema and the failure when it does not parse. */
export const PATH_PARAMS = {
  id: {
    schema: introIdParamSchema,
    failure: { code: 'invalidIntroId', message: 'The intro id in the path is not valid.', field: 'id' },
  },
  meetingId: {
    schema: meetingIdParamSchema,
    failure: {
      code: 'invalidMeetingId',
      message: 'The meeting id in the path is not a Teams meeting id.',
      field: 'meetingId',
    },
  },
  userId: {
    schema: userIdParamSchema,
    failure: { code: 'invalidUserId', message: 'The user id in the path is not valid.' },
  },
} as const satisfies Record<
  string,
  { schema: z.ZodTypeAny; failure: { code: ApiErrorCode; message: string; field?: string } }
>;
/** The name of a path parameter, as routes write it after `:`. */
export type PathParam = keyof typeof PATH_PARAMS;
/** The parsed value of a path parameter. */
export type PathParamValue<P extends PathParam> = z.infer<(typeof PATH_PARAMS)[P]['schema']>;
