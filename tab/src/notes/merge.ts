import type { NoteText, NotesBody } from '../../../src/domain/notes';

/** The marker put between two versions of a text changed on two devices. */
export const CONFLICT_MARKER = '──── also written on your other device ────';

/** The lists of structured items in a notes body. */
export type ItemListKey = 'goals' | 'issues' | 'feedback' | 'followUps';

/** A merged body, the texts where both sides changed and both were kept, and the lists where both changed one item. */
interface MergeResult {
  readonly body: NotesBody;
  readonly conflicts: readonly (keyof NoteText)[];
  /** Lists where both sides changed the same item; this device's copy of that item was kept. */
  readonly itemConflicts: readonly ItemListKey[];
}

/** Merged items and whether both sides changed the same item differently. */
interface ItemMerge<T> {
  readonly items: T[];
  readonly conflict: boolean;
}

type Item = { readonly id: string };

const ITEM_LISTS: readonly ItemListKey[] = ['goals', 'issues', 'feedback', 'followUps'];

function mergeText(base: string, local: string, remote: string): { text: string; conflict: boolean } {
  if (local === remote || remote === base) return { text: local, conflict: false };
  if (local === base) return { text: remote, conflict: false };
  return { text: `${local}\n\n${CONFLICT_MARKER}\n${remote}`, conflict: true };
}

const same = (a: Item | undefined, b: Item | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** One item's three-way merge: undefined means deleted; `conflict` when both sides changed it differently. */
function mergeItem<T extends Item>(base: T | undefined, local: T | undefined, remote: T | undefined) {
  if (same(local, remote)) return { item: local, conflict: false };
  if (same(local, base)) return { item: remote, conflict: false };
  if (same(remote, base)) return { item: local, conflict: false };
  // Both changed it: a deletion loses to an edit; two different edits keep this device's copy.
  if (!local) return { item: remote, conflict: false };
  return { item: local, conflict: remote !== undefined };
}

/**
 * Three-way merge of item lists by id: a side that did not touch an item takes the other side's copy (or deletion);
 * a deletion loses to an edit; two different edits keep the local one and report a conflict. Local order first.
 */
export function mergeItems<T extends Item>(
  base: readonly T[],
  local: readonly T[],
  remote: readonly T[],
): ItemMerge<T> {
  const byId = (list: readonly T[]) => new Map(list.map((item) => [item.id, item]));
  const [baseById, localById, remoteById] = [byId(base), byId(local), byId(remote)];
  const ids = [...new Set([...local.map((item) => item.id), ...remote.map((item) => item.id)])];
  const items: T[] = [];
  let conflict = false;
  for (const id of ids) {
    const merged = mergeItem(baseById.get(id), localById.get(id), remoteById.get(id));
    if (merged.item) items.push(merged.item);
    conflict ||= merged.conflict;
  }
  return { items, conflict };
}

/** Three-way merge of notes edited here (`local`) and on another device (`remote`) since `base`; nothing is lost. */
export function mergeNotes(base: NotesBody, local: NotesBody, remote: NotesBody): MergeResult {
  const conflicts: (keyof NoteText)[] = [];
  const text = { ...local.text };
  for (const key of Object.keys(text) as (keyof NoteText)[]) {
    const merged = mergeText(base.text[key], local.text[key], remote.text[key]);
    text[key] = merged.text;
    if (merged.conflict) conflicts.push(key);
  }
  const goals = mergeItems(base.goals, local.goals, remote.goals);
  const issues = mergeItems(base.issues, local.issues, remote.issues);
  const feedback = mergeItems(base.feedback, local.feedback, remote.feedback);
  const followUps = mergeItems(base.followUps, local.followUps, remote.followUps);
  const lists = { goals, issues, feedback, followUps };
  return {
    body: { text, goals: goals.items, issues: issues.items, feedback: feedback.items, followUps: followUps.items },
    conflicts,
    itemConflicts: ITEM_LISTS.filter((key) => lists[key].conflict),
  };
}
