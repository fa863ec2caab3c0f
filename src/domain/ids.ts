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

/** A GUID, as Entra ID writes object and tenant ids. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Characters a Teams meeting id is made of (1–512 of them). */
export const MEETING_KEY_PATTERN = /^[A-Za-z0-9+/=_:.@-]+$/;

/** The all-zero GUID: never a real person or tenant; it stands for people whose data was deleted. */
export const NIL_GUID = '00000000-0000-0000-0000-000000000000';

function guidOf(value: unknown): string | undefined {
  return typeof value === 'string' && GUID_PATTERN.test(value) ? value.toLowerCase() : undefined;
}

/** A GUID that can name a real Entra object: not the nil GUID, which anonymised records carry. */
function entraIdOf(value: unknown): string | undefined {
  const guid = guidOf(value);
  return guid === NIL_GUID ? undefined : guid;
}

/** Parses the id of a real person (never the nil GUID), or returns undefined. */
export function parseUserId(value: unknown): UserId | undefined {
  return entraIdOf(value) as UserId | undefined;
}
/** Parses the id of a real tenant (never the nil GUID), or returns undefined. */
export function parseTenantId(value: unknown): TenantId | undefined {
  return entraIdOf(value) as TenantId | undefined;
}
/** Parses an intro id, or returns undefined. */
export function parseIntroId(value: unknown): IntroId | undefined {
  return guidOf(value) as IntroId | undefined;
}
/** Parses a meeting key, or returns undefined. */
export function parseMeetingKey(value: unknown): MeetingKey | undefined {
  const ok = typeof value === 'string' && value.length <= 512 && MEETING_KEY_PATTERN.test(value);
  return ok ? (value as MeetingKey) : undefined;
}
