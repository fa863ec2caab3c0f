import type { ConversationStore } from '../app/ports';
import type { ServiceUrlPolicy } from '../config';
import { isAllowedServiceUrl } from './serviceUrls';

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
    anyInTenant: async (tenantId) => allowed(await inner.anyInTenant(tenantId)),
  };
}
