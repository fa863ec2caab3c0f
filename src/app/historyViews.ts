import { countFollowUps, otherPerson, type HistoryItem } from '../domain/history';
import { roleOf, type Intro } from '../domain/intro';
import type { Notes } from '../domain/notes';
import type { Caller } from './caller';
import type { IntroStore } from './ports';

const PAGE = 100;

/** Every intro the caller leads or attends, newest first, read page by page. */
export async function allIntrosOf(intros: IntroStore, caller: Caller): Promise<Intro[]> {
  const all: Intro[] = [];
  let cursor: string | undefined;
  do {
    const page = await intros.listForUser(
      caller.tenantId,
      caller.userId,
      cursor ? { limit: PAGE, cursor } : { limit: PAGE },
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** One history entry for the caller: the intro with a summary of the caller's own notes and the time spent. */
export async function historyItem(
  intros: IntroStore,
  caller: Caller,
  intro: Intro,
  notes: Notes | undefined,
): Promise<HistoryItem | undefined> {
  const role = roleOf(intro, caller.userId);
  if (!role) return undefined;
  const { value: session } = await intros.getSession(intro.tenantId, intro.id);
  const other = otherPerson(intro, caller.userId);
  const spent = session.status === 'notStarted' ? undefined : session.spentMs;
  return {
    intro,
    role,
    ...(other ? { with: other } : {}),
    ...(spent ? { actualMinutes: Math.round((spent[0] + spent[1] + spent[2]) / 60_000) } : {}),
    followUps: countFollowUps(notes),
    hasNotes: notes !== undefined,
  };
}
