import { newTenant, newUser } from '../fixtures';
import type { Harness } from './harness';

/** ConversationStore: one reference per tenant and user. */
export function describeConversationContract(h: Harness): void {
  describe('conversations', () => {
    it('saves, replaces, isolates by tenant and deletes a reference', async () => {
      const { conversations } = h().store;
      const tenantId = newTenant();
      const userId = newUser();
      const reference = { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/', bot: { id: '28:b' } };
      expect(await conversations.get(tenantId, userId)).toBeUndefined();
      await conversations.save(tenantId, userId, reference);
      expect(await conversations.get(tenantId, userId)).toEqual(reference);
      expect(await conversations.get(newTenant(), userId)).toBeUndefined();
      expect(await conversations.get(tenantId, newUser())).toBeUndefined();
      await conversations.save(tenantId, userId, { conversation: { id: 'a:2' } });
      expect(await conversations.get(tenantId, userId)).toEqual({ conversation: { id: 'a:2' } });
      await conversations.delete(tenantId, userId);
      expect(await conversations.get(tenantId, userId)).toBeUndefined();
    });

    it('finds any reference in a tenant, and none in another', async () => {
      const { conversations } = h().store;
      const tenantId = newTenant();
      expect(await conversations.anyInTenant(tenantId)).toBeUndefined();
      await conversations.save(tenantId, newUser(), { serviceUrl: 'https://smba.example/a/' });
      await conversations.save(tenantId, newUser(), { serviceUrl: 'https://smba.example/a/' });
      await conversations.save(newTenant(), newUser(), { serviceUrl: 'https://smba.example/b/' });
      expect(await conversations.anyInTenant(tenantId)).toEqual({ serviceUrl: 'https://smba.example/a/' });
      expect(await conversations.anyInTenant(newTenant())).toBeUndefined();
    });
  });
}
