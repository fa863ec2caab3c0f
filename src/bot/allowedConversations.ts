import type { ConversationStore } from '../app/ports';
import type { ServiceUrlPolicy } from '../config';
import { storedKeyOf } from './conversationKeys';
import { isAllowedServiceUrl } from './serviceUrls';

/** Disallowed references forgotten per lookup before giving up (the rest go on later lookups). */
const MAX_PURGES = 20;

/**
 * A ConversationStore that never hands out (or keeps) a reference whose `serviceUrl` is outside the allow-list, so
 * nothing private is ever posted to a host that an earlier version or a forged activity stored.
 */
export function allowedConversations(inner: ConversationStore, policy: ServiceUrlPolicy): ConversationStore {
  const allowed = (reference: Readonly<Record<string, unknown>> | undefined) =>
    reference && isAllowedServiceUrl(policy, reference['serviceUrl']) ? reference : undefined;
  return {
    save: async (tenantId, userId, reference) => {
      if (allowed(reference)) await inner.save(tenantId, userId, reference);
    },
    get: async (tenantId, userId) => allowed(await inner.get(tenantId, userId)),
    delete: (tenantId, userId) => inner.delete(tenantId, userId),
    anyInTenant: async (tenantId) => {
      // A reference stored before the allow-list (or forged) is useless: forget it and look again, so one bad row
      // cannot stand for the whole tenant.
      for (let tries = 0; tries < MAX_PURGES; tries++) {
        const reference = await inner.anyInTenant(tenantId);
        if (!reference || allowed(reference)) return reference;
        const owner = storedKeyOf(reference);
        if (!owner) return undefined;
        await inner.delete(tenantId, owner);
      }
      return undefined;
    },
  };
}
