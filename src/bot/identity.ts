import type { Activity } from 'botbuilder';
import type { Caller } from '../app/caller';
import { derivedGuid } from '../derivedGuid';
import { parseTenantId, parseUserId, type TenantId, type UserId } from '../domain/ids';
import { isTimeZone } from '../domain/schedule';

/** The tenant id an activity carries, unvalidated: the conversation's, else the Teams channel data's. */
function tenantOf(activity: Partial<Activity>): unknown {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/** The activity's tenant; with `allowNonGuid` (never in production) a non-GUID test tenant maps to a derived GUID. */
export function tenantIdOf(activity: Partial<Activity>, allowNonGuid: boolean): TenantId | undefined {
  const raw = tenantOf(activity);
  const parsed = parseTenantId(raw);
  if (parsed || !allowNonGuid || typeof raw !== 'string' || raw === '') return parsed;
  return derivedGuid(`tenant|${raw}`) as TenantId;
}

/**
 * Who sent an activity: the tenant and Entra object id Teams gives. With `allowNonGuid` (never in production),
 * non-GUID ids such as the Agents Playground's are mapped to derived GUIDs so local runs work.
 */
export function callerOf(activity: Partial<Activity>, allowNonGuid: boolean): Caller | undefined {
  const tenantId = tenantIdOf(activity, allowNonGuid);
  const rawUser = activity.from?.aadObjectId;
  let userId = parseUserId(rawUser);
  if (allowNonGuid && typeof rawUser === 'string' && rawUser !== '' && !userId) {
    userId = derivedGuid(`user|${rawUser}`) as UserId;
  }
  if (!tenantId || !userId) return undefined;
  return { tenantId, userId, name: activity.from?.name?.trim() || 'You' };
}

/**
 * The sender's IANA time zone: the activity's `localTimezone`, else the `timezone` of its `clientInfo` entity (some
 * clients send only that); undefined when neither names a real zone.
 */
export function senderZoneOf(activity: Partial<Activity>): string | undefined {
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo') as
    { timezone?: unknown } | undefined;
  for (const zone of [activity.localTimezone, clientInfo?.timezone]) {
    if (typeof zone === 'string' && isTimeZone(zone)) return zone;
  }
  return undefined;
}
