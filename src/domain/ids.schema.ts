import { z } from 'zod';
import { GUID_PATTERN, MEETING_KEY_PATTERN, type IntroId, type MeetingKey, type TenantId, type UserId } from './ids';

/** Schema for a user id: a GUID, lower-cased. */
export const userIdSchema = z
  .string()
  .regex(GUID_PATTERN, 'must be an Entra ID object id (GUID)')
  .transform((s) => s.toLowerCase() as UserId);
/** Schema for a tenant id: a GUID, lower-cased. */
export const tenantIdSchema = z
  .string()
  .regex(GUID_PATTERN, 'must be an Entra ID tenant id (GUID)')
  .transform((s) => s.toLowerCase() as TenantId);
/** Schema for an intro id: a GUID made by the server. */
export const introIdSchema = z
  .string()
  .regex(GUID_PATTERN, 'must be an intro id')
  .transform((s) => s.toLowerCase() as IntroId);
/** Schema for a meeting key: Teams meeting ids are opaque base64-ish strings. */
export const meetingKeySchema = z
  .string()
  .min(1)
  .max(512)
  .regex(MEETING_KEY_PATTERN, 'must be a Teams meeting id')
  .transform((s) => s as MeetingKey);
