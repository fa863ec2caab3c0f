import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Caller } from '../app/caller';
import { parseTenantId, parseUserId, type TenantId, type UserId } from '../domain/ids';

/** A stable GUID derived from a string: stands for people known only by a name, email or non-GUID test id. */
export function derivedGuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  // Version nibble 8 ("custom", RFC 9562) and the RFC variant, so it never equals a random v4 Entra id.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The tenant id an activity carries, unvalidated: the conversation's, else the Teams channel data's. */
export function tenantOf(activity: Partial<Activity>): unknown {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/**
 * Who sent an activity: the tenant and Entra object id Teams gives. With `allowNonGuid` (never in production),
 * non-GUID ids such as the Agents Playground's are mapped to derived GUIDs so local runs work.
 */
export function callerOf(activity: Partial<Activity>, allowNonGuid: boolean): Caller | undefined {
  const rawTenant = tenantOf(activity);
  const rawUser = activity.from?.aadObjectId;
  let tenantId = parseTenantId(rawTenant);
  let userId = parseUserId(rawUser);
  if (allowNonGuid && typeof rawTenant === 'string' && rawTenant !== '' && !tenantId) {
    tenantId = derivedGuid(`tenant|${rawTenant}`) as TenantId;
  }
  if (allowNonGuid && typeof rawUser === 'string' && rawUser !== '' && !userId) {
    userId = derivedGuid(`user|${rawUser}`) as UserId;
  }
  if (!tenantId || !userId) return undefined;
  return { tenantId, userId, name: activity.from?.name?.trim() || 'You' };
}
