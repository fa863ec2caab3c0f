import type { SentCard } from './botHelpers';

/** Every input of a card by id, with its value, as Teams would submit it untouched. */
export function inputsOf(card: SentCard): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'string' && String(record.type).startsWith('Input.')) {
      found[record.id] = String(record.value ?? '');
    }
    Object.values(record).forEach(walk);
  };
  walk(card.body);
  return found;
}

/** The data of a card's first action. */
export const submitData = (card: SentCard): Record<string, unknown> =>
  (card.actions as { data?: Record<string, unknown> }[])[0]!.data!;

/** A team member with a Teams id and an Entra id. */
export const teamMember = (n: number, name: string) => ({
  id: `29:member-${n}`,
  aadObjectId: `6e0f1b6e-3c1d-4b8e-9f2a-0c4d5e6f7a${String(n).padStart(2, '0')}`,
  name,
});
