import type { ExportEntry } from '../domain/historyExport';
import type { IntroId } from '../domain/ids';
import { roleOf } from '../domain/intro';
import { ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { allIntrosOf } from './historyViews';
import { loadParticipantIntro } from './introViews';

/** Everything the caller may export: each intro they take part in, with their own notes only. */
export async function exportEntries(deps: UseCaseDeps, caller: Caller): Promise<ExportEntry[]> {
  const intros = await allIntrosOf(deps.intros, caller);
  const entries: ExportEntry[] = [];
  for (const intro of intros) {
    const role = roleOf(intro, caller.userId);
    if (!role) continue;
    const notes = await deps.notes.get({ tenantId: caller.tenantId, introId: intro.id, authorId: caller.userId });
    entries.push(notes ? { intro, role, notes } : { intro, role });
  }
  return entries;
}

/** Deletes the caller's own notes on one intro they take part in; other people's notes stay. */
export async function deleteMyNotes(
  deps: UseCaseDeps,
  caller: Caller,
  introId: IntroId,
): Promise<Result<void, 'notFound'>> {
  const found = await loadParticipantIntro(deps.intros, caller, introId);
  if (!found.ok) return found;
  await deps.notes.delete({ tenantId: caller.tenantId, introId, authorId: caller.userId });
  return ok(undefined);
}

/** What deleting all of one's data removed. */
export interface DeletedData {
  readonly introsDeleted: number;
}

/**
 * Deletes all the caller's data: every note they wrote, every intro they led (with its session and the
 * member's notes on it), and the conversation reference the bot would use to reach them.
 */
export async function deleteAllMyData(deps: UseCaseDeps, caller: Caller): Promise<DeletedData> {
  const led = (await allIntrosOf(deps.intros, caller)).filter((intro) => intro.leader.id === caller.userId);
  for (const intro of led) await deps.intros.delete(caller.tenantId, intro.id);
  await deps.notes.deleteAllByAuthor(caller.tenantId, caller.userId);
  await deps.conversations.delete(caller.tenantId, caller.userId);
  return { introsDeleted: led.length };
}
