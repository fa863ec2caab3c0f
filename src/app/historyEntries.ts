import {
  countFollowUps,
  historyStatus,
  notesPreview,
  otherPerson,
  type FollowUpCounts,
  type HistoryStatus,
} from '../domain/history';
import { roleOf, type Intro, type Person } from '../domain/intro';
import type { Notes } from '../domain/notes';
import { spentAt } from '../domain/session';
import type { Caller } from './caller';
import type { IntroStore } from './ports';

const PAGE = 100;

/** One intro in the caller's history, with a summary of the caller's own notes. */
export interface HistoryEntry {
  readonly intro: Intro;
  readonly role: 'leader' | 'member';
  readonly status: HistoryStatus;
  /** The other participant, when known. */
  readonly other?: Person;
  /** Milliseconds actually spent, once the session has started. */
  readonly spentMs?: number;
  readonly followUps: FollowUpCounts;
  readonly hasNotes: boolean;
  /** A line from the caller's own notes to recognise the intro by; absent when they wrote nothing. */
  readonly preview?: string;
}

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

/**
 * One history entry for the caller at `now`: the intro with its truthful status, a summary of the caller's own
 * notes and the time spent once the session started.
 */
export async function historyItem(
  intros: IntroStore,
  caller: Caller,
  intro: Intro,
  notes: Notes | undefined,
  now: number,
): Promise<HistoryEntry | undefined> {
  const role = roleOf(intro, caller.userId);
  if (!role) return undefined;
  const { value: session } = await intros.getSession(intro.tenantId, intro.id);
  const other = otherPerson(intro, caller.userId);
  const spent = spentAt(session, now);
  return {
    intro,
    role,
    status: historyStatus(intro, session),
    ...(other ? { other } : {}),
    ...(session.status === 'notStarted' ? {} : { spentMs: spent[0] + spent[1] + spent[2] }),
    followUps: countFollowUps(notes),
    hasNotes: notes !== undefined,
    ...withPreview(notesPreview(notes)),
  };
}

const withPreview = (preview: string | undefined) => (preview === undefined ? {} : { preview });
