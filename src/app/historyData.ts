import type { ExportEntry } from '../domain/historyExport';
import type { IntroId, UserId } from '../domain/ids';
import { NIL_GUID } from '../domain/ids';
import type { Intro, Person } from '../domain/intro';
import { ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { allIntrosOf, historyItem } from './historyEntries';
import { changeIntro } from './introUpdates';
import { loadParticipantIntro } from './participantIntro';

/** Everything the caller may export: each intro they take part in, with their own notes only. */
export async function exportEntries(deps: UseCaseDeps, caller: Caller): Promise<ExportEntry[]> {
  const intros = await allIntrosOf(deps.intros, caller);
  const entries: ExportEntry[] = [];
  for (const intro of intros) {
    const notes = await deps.notes.get({ tenantId: caller.tenantId, introId: intro.id, authorId: caller.userId });
    const item = await historyItem(deps.intros, caller, intro, notes, deps.clock.now());
    if (!item) continue;
    const { role, status, spentMs } = item;
    entries.push({ intro, role, status, ...(spentMs === undefined ? {} : { spentMs }), ...(notes ? { notes } : {}) });
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
interface DeletedData {
  /** Intros the caller led that are gone with their session. */
  readonly introsDeleted: number;
  /** Intros the caller led that stay for the member (who has notes on them), with the leader anonymised. */
  readonly introsAnonymised: number;
}

/** Who an anonymised leader becomes: no name and no Entra id of theirs remain. */
const DELETED_USER: Person = { id: NIL_GUID as UserId, name: '(deleted user)' };

/**
 * Deletes all the caller's data: every note they wrote, the bot's conversation reference, the team plans they made,
 * and every intro they
 * led, unless the member has notes on it: that intro stays for the member with the leader replaced by
 * "(deleted user)" and, if it had not happened yet, cancelled — one person's deletion never destroys another's notes.
 */
export async function deleteAllMyData(deps: UseCaseDeps, caller: Caller): Promise<DeletedData> {
  const led = (await allIntrosOf(deps.intros, caller)).filter((intro) => intro.leader.id === caller.userId);
  let introsAnonymised = 0;
  for (const intro of led) {
    if (await memberHasNotes(deps, intro)) {
      await changeIntro(deps.intros, intro.tenantId, intro.id, anonymiseLeader);
      introsAnonymised += 1;
    } else {
      await deps.intros.delete(caller.tenantId, intro.id);
    }
  }
  await deps.notes.deleteAllByAuthor(caller.tenantId, caller.userId);
  await deps.conversations.delete(caller.tenantId, caller.userId);
  await deps.teamPlans.deletePlansOfLeader(caller.tenantId, caller.userId);
  return { introsDeleted: led.length - introsAnonymised, introsAnonymised };
}

async function memberHasNotes(deps: UseCaseDeps, intro: Intro): Promise<boolean> {
  if (!intro.member) return false;
  return (
    (await deps.notes.get({ tenantId: intro.tenantId, introId: intro.id, authorId: intro.member.id })) !== undefined
  );
}

function anonymiseLeader(intro: Intro): Intro {
  return { ...intro, leader: DELETED_USER, status: intro.status === 'done' ? 'done' : 'cancelled' };
}
