import type { NoteText, NotesBody } from '../../../src/domain/notes';

/** The marker put between two versions of a text changed on two devices. */
export const CONFLICT_MARKER = '──── also written on your other device ────';

/** A merged body and the texts where both sides changed and both were kept. */
export interface MergeResult {
  readonly body: NotesBody;
  readonly conflicts: readonly (keyof NoteText)[];
}

type Item = { readonly id: string };

function mergeText(base: string, local: string, remote: string): { text: string; conflict: boolean } {
  if (local === remote || remote === base) return { text: local, conflict: false };
  if (local === base) return { text: remote, conflict: false };
  return { text: `${local}\n\n${CONFLICT_MARKER}\n${remote}`, conflict: true };
}

const same = (a: Item | undefined, b: Item | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** Union by id: same id keeps the local edit; an item one side deleted stays deleted unless the other side edited it. */
export function mergeItems<T extends Item>(base: readonly T[], local: readonly T[], remote: readonly T[]): T[] {
  const byId = (list: readonly T[]) => new Map(list.map((item) => [item.id, item]));
  const [baseById, localById, remoteById] = [byId(base), byId(local), byId(remote)];
  const kept = local.filter((item) => {
    const before = baseById.get(item.id);
    return remoteById.has(item.id) || !before || !same(before, item);
  });
  const added = remote.filter((item) => {
    if (localById.has(item.id)) return false;
    const before = baseById.get(item.id);
    return !before || !same(before, item);
  });
  return [...kept, ...added];
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
  return {
    body: {
      text,
      goals: mergeItems(base.goals, local.goals, remote.goals),
      issues: mergeItems(base.issues, local.issues, remote.issues),
      feedback: mergeItems(base.feedback, local.feedback, remote.feedback),
      followUps: mergeItems(base.followUps, local.followUps, remote.followUps),
    },
    conflicts,
  };
}
