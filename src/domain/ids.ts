import { z } from 'zod';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** An Entra ID object id (the token's `oid`, the bot's `from.aadObjectId`). */
export type UserId = Brand<string, 'UserId'>;
/** An Entra ID tenant id (the token's `tid`). */
export type TenantId = Brand<string, 'TenantId'>;
/** The id of one intro 1:1. */
export type IntroId = Brand<string, 'IntroId'>;
/** The Teams meeting id, as TeamsJS `context.meeting.id` and the bot's `channelData.meeting.id` give it. */
export type MeetingKey = Brand<string, 'MeetingKey'>;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Schema for a user id: a GUID, lower-cased. */
export const userIdSchema = z
  .string()
  .regex(guid, 'must be an Entra ID object id (GUID)')
  .transform((s) => s.toLowerCase() as UserId);
/** Schema for a tenant id: a GUID, lower-cased. */
export const tenantIdSchema = z
  .string()
  .regex(guid, 'must be an Entra ID tenant id (GUID)')
  .transform((s) => s.toLowerCase() as TenantId);
/** Schema for an intro id: a GUID made by the server. */
export const introIdSchema = z
  .string()
  .regex(guid, 'must be an intro id')
  .transform((s) => s.toLowerCase() as IntroId);
/** Schema for a meeting key: Teams meeting ids are opaque base64-ish strings. */
export const meetingKeySchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9+/=_:.@-]+$/, 'must be a Teams meeting id')
  .transform((s) => s as MeetingKey);

/** Parses a user id, or returns undefined. */
export function parseUserId(value: unknown): UserId | undefined {
  const parsed = userIdSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
/** Parses a tenant id, or returns undefined. */
export function parseTenantId(value: unknown): TenantId | undefined {
  const parsed = tenantIdSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
/** Parses an intro id, or returns undefined. */
export function parseIntroId(value: unknown): IntroId | undefined {
  const parsed = introIdSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
/** Parses a meeting key, or returns undefined. */
export function parseMeetingKey(value: unknown): MeetingKey | undefined {
  const parsed = meetingKeySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
