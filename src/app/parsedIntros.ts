import type { IntroId, TenantId } from '../domain/ids';
import type { Intro } from '../domain/intro';
import type { IntroStore, Versioned } from './ports';

const MAX_PARSED_INTROS = 5_000;

/**
 * The intro store with a cache of parsed intros: every read checks the stored version (a cheap read) and only a
 * changed or unseen intro is read and parsed whole (the session poll, the streams' rereads and the participant checks
 * would otherwise decode the same document again and again). A delete forgets the copy, so an id created again starts
 * afresh and a deleted person's names do not stay in memory. Wired once in the composition root.
 */
export function withParsedIntros(intros: IntroStore): IntroStore {
  const parsed = new Map<string, Versioned<Intro>>();
  const keyOf = (tenantId: TenantId, id: IntroId) => `${tenantId}|${id}`;
  const getVersioned = async (tenantId: TenantId, id: IntroId): Promise<Versioned<Intro> | undefined> => {
    const key = keyOf(tenantId, id);
    const version = await intros.getVersion(tenantId, id);
    const hit = parsed.get(key);
    if (version !== undefined && hit?.version === version) return hit;
    parsed.delete(key);
    const fresh = version === undefined ? undefined : await intros.getVersioned(tenantId, id);
    if (!fresh) return undefined;
    if (parsed.size >= MAX_PARSED_INTROS) parsed.delete(parsed.keys().next().value as string);
    parsed.set(key, fresh);
    return fresh;
  };
  return {
    ...intros,
    getVersioned,
    get: async (tenantId, id) => (await getVersioned(tenantId, id))?.value,
    delete: async (tenantId, id) => {
      await intros.delete(tenantId, id);
      parsed.delete(keyOf(tenantId, id));
    },
  };
}
