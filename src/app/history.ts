import {
  countFollowUps,
  introDate,
  otherPerson,
  passesFollowUpFilter,
  type FollowUpFilter,
  type SearchSnippet,
} from '../domain/history';
import { searchNotes, searchTerms } from '../domain/historySearch';
import type { IntroId, UserId } from '../domain/ids';
import type { FollowUp, Goal, Notes } from '../domain/notes';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { allIntrosOf, historyItem, type HistoryEntry } from './historyEntries';
import type { Page } from './ports';

/** Most intros one search returns. */
export const MAX_SEARCH_RESULTS = 50;

/** An intro whose notes match a search, with where they matched. */
type HistoryMatch = HistoryEntry & { readonly snippets: readonly SearchSnippet[] };

/** The intros a search found; `truncated` when more matched than were returned. */
export interface HistoryMatches {
  readonly items: readonly HistoryMatch[];
  readonly truncated: boolean;
}

/** What a leader carries into the next intro with the same person. */
export interface CarriedForward {
  /** The most recent earlier intro with this person that has the leader's notes. */
  readonly from?: { readonly introId: IntroId; readonly date: string };
  readonly goals: readonly Goal[];
  /** Every follow-up still open, with the intro it came from. */
  readonly openFollowUps: readonly (FollowUp & { readonly introId: IntroId })[];
}

/** One page of the caller's history, newest first, each with a summary of the caller's own notes. */
export async function listHistory(
  deps: UseCaseDeps,
  caller: Caller,
  page: { limit: number; cursor?: string },
): Promise<Page<HistoryEntry>> {
  const { items, nextCursor } = await deps.intros.listForUser(caller.tenantId, caller.userId, page);
  const entries = await Promise.all(
    items.map(async (intro) => {
      const notes = await deps.notes.get({ tenantId: caller.tenantId, introId: intro.id, authorId: caller.userId });
      return historyItem(deps.intros, caller, intro, notes, deps.clock.now());
    }),
  );
  const list = entries.filter((entry) => entry !== undefined);
  return nextCursor ? { items: list, nextCursor } : { items: list };
}

/** What to search for: words in one's own notes, the other person, and the follow-up state. */
interface HistoryQuery {
  readonly q?: string;
  readonly person?: UserId;
  readonly followUps?: FollowUpFilter;
}

/** Searches only the caller's own notes and filters by person and follow-up state; newest intro first. */
export async function searchHistory(deps: UseCaseDeps, caller: Caller, query: HistoryQuery): Promise<HistoryMatches> {
  const terms = searchTerms(query.q ?? '');
  if (terms.length === 0 && query.followUps === undefined) return filterByPerson(deps, caller, query.person);
  const mine = await deps.notes.listByAuthor(caller.tenantId, caller.userId);
  const found: HistoryMatch[] = [];
  for (const notes of mine) {
    if (!passesFollowUpFilter(countFollowUps(notes), query.followUps)) continue;
    const snippets = searchNotes(notes, terms);
    if (!snippets) continue;
    const intro = await deps.intros.get(caller.tenantId, notes.introId);
    if (!intro || (query.person && otherPerson(intro, caller.userId)?.id !== query.person)) continue;
    const item = await historyItem(deps.intros, caller, intro, notes, deps.clock.now());
    if (item) found.push({ ...item, snippets });
  }
  // Notes come in the order they were last edited: sort every match by intro date before capping.
  found.sort((a, b) => introDate(b.intro).localeCompare(introDate(a.intro)));
  return { items: found.slice(0, MAX_SEARCH_RESULTS), truncated: found.length > MAX_SEARCH_RESULTS };
}

async function filterByPerson(deps: UseCaseDeps, caller: Caller, person: UserId | undefined): Promise<HistoryMatches> {
  const intros = (await allIntrosOf(deps.intros, caller)).filter(
    (intro) => !person || otherPerson(intro, caller.userId)?.id === person,
  );
  const items: HistoryMatch[] = [];
  for (const intro of intros.slice(0, MAX_SEARCH_RESULTS)) {
    const notes = await deps.notes.get({ tenantId: caller.tenantId, introId: intro.id, authorId: caller.userId });
    const item = await historyItem(deps.intros, caller, intro, notes, deps.clock.now());
    if (item) items.push({ ...item, snippets: [] });
  }
  return { items, truncated: intros.length > MAX_SEARCH_RESULTS };
}

/**
 * What the caller, as leader, carries into the next intro with `memberId`: the goals from the most recent
 * earlier intro whose notes have goals, and every follow-up still open. Only the caller's own notes are read.
 */
export async function carriedForward(
  deps: UseCaseDeps,
  caller: Caller,
  memberId: UserId,
  options: { exclude?: IntroId } = {},
): Promise<CarriedForward> {
  const together = (await allIntrosOf(deps.intros, caller)).filter(
    (intro) => intro.leader.id === caller.userId && intro.member?.id === memberId && intro.id !== options.exclude,
  );
  let from: CarriedForward['from'];
  let goals: readonly Goal[] = [];
  const openFollowUps: CarriedForward['openFollowUps'][number][] = [];
  for (const intro of together) {
    const notes: Notes | undefined = await deps.notes.get({
      tenantId: caller.tenantId,
      introId: intro.id,
      authorId: caller.userId,
    });
    if (!notes) continue;
    if (!from && notes.goals.length > 0) {
      from = { introId: intro.id, date: introDate(intro) };
      goals = notes.goals;
    }
    for (const item of notes.followUps) if (!item.done) openFollowUps.push({ ...item, introId: intro.id });
  }
  return from ? { from, goals, openFollowUps } : { goals, openFollowUps };
}

/** Last time's goals between the caller (as leader) and `memberId`; empty when there are none. */
export async function lastGoalsWith(deps: UseCaseDeps, caller: Caller, memberId: UserId): Promise<readonly Goal[]> {
  return (await carriedForward(deps, caller, memberId)).goals;
}
