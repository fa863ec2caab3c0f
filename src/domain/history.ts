import type { Agenda } from './agenda';
import type { UserId } from './ids';
import type { Intro, IntroStatus, Person } from './intro';
import type { FeedbackGiven, FollowUp, Goal, NotesBody } from './notes';
import { PHASE_TITLES, PHASES, type PhaseId } from './phases';
import type { Session } from './session';

/**
 * The history contract (personal tab), shared by the server and the tab.
 *
 * GET    /api/v1/history?cursor=&limit=                 → HistoryList (intros the caller led or attended, newest first)
 * GET    /api/v1/history/search?q=&person=&followUps=   → HistorySearch (only the caller's own notes are searched)
 * GET    /api/v1/export.md | /api/v1/export.csv        → the caller's own data, as an attachment
 * DELETE /api/v1/intros/:id/notes                       → 204 (the caller's notes on that intro)
 * DELETE /api/v1/me/data                                → 204 (all the caller's notes, intros they led, their bot reference)
 * GET    /api/v1/people/:userId/carried-forward?exclude= → CarriedForward (the caller as leader)
 */
export type FollowUpFilter = 'open' | 'done';

/** How many follow-ups are open and done in one set of notes. */
export interface FollowUpCounts {
  readonly open: number;
  readonly done: number;
}

/**
 * Where an intro is, as its history tells it: the intro's own status, except that an intro marked done is
 * `endedBeforeJoined` when the member never joined and `notHeld` when its session never started.
 */
export type HistoryStatus = IntroStatus | 'notHeld' | 'endedBeforeJoined';

/** Words people see for each history status. */
export const HISTORY_STATUS_TEXT: Readonly<Record<HistoryStatus, string>> = {
  scheduled: 'Scheduled',
  ready: 'Ready',
  inProgress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
  notHeld: 'Not held',
  endedBeforeJoined: 'Ended before the member joined',
};

/** The truthful status of an intro from its member and its session: "done" only when it was held with the member. */
export function historyStatus(intro: Intro, session: Session): HistoryStatus {
  if (intro.status !== 'done') return intro.status;
  if (!intro.member) return 'endedBeforeJoined';
  return session.status === 'notStarted' ? 'notHeld' : 'done';
}

/** One intro in the caller's history, with a summary of the caller's own notes. */
export interface HistoryItem {
  readonly intro: Intro;
  readonly role: 'leader' | 'member';
  readonly status: HistoryStatus;
  /** The other participant, when known. */
  readonly with?: Person;
  /** Milliseconds actually spent, once the session has started. */
  readonly spentMs?: number;
  readonly followUps: FollowUpCounts;
  readonly hasNotes: boolean;
}

/** A page of history. */
export interface HistoryList {
  readonly items: readonly HistoryItem[];
  readonly nextCursor?: string;
}

/** Where in the notes a search matched, and the text around the match. */
export interface SearchSnippet {
  readonly where: string;
  readonly text: string;
}

/** One intro whose notes match a search. */
export interface SearchResultItem extends HistoryItem {
  readonly snippets: readonly SearchSnippet[];
}

/** The answer to a history search. */
export interface HistorySearch {
  readonly items: readonly SearchResultItem[];
  /** True when more intros matched than were returned. */
  readonly truncated: boolean;
}

/** An open follow-up, with the intro it came from. */
export interface CarriedFollowUp extends FollowUp {
  readonly introId: string;
}

/** What a leader carries into the next conversation with the same person. */
export interface CarriedForward {
  /** The most recent earlier intro with this person that has the leader's notes. */
  readonly from?: { readonly introId: string; readonly date: string };
  readonly goals: readonly Goal[];
  readonly openFollowUps: readonly CarriedFollowUp[];
}

/** The date an intro is filed under: its scheduled start, else when it was created. */
export function introDate(intro: Intro): string {
  return intro.scheduledStart ?? intro.createdAt;
}

/** The other participant from one user's point of view. */
export function otherPerson(intro: Intro, userId: UserId): Person | undefined {
  return intro.leader.id === userId ? intro.member : intro.leader;
}

/** Counts open and done follow-ups. */
export function countFollowUps(notes: Pick<NotesBody, 'followUps'> | undefined): FollowUpCounts {
  const items = notes?.followUps ?? [];
  const done = items.filter((item) => item.done).length;
  return { open: items.length - done, done };
}

/** Whether notes pass a follow-up filter: `open` needs an open follow-up, `done` a done one. */
export function passesFollowUpFilter(counts: FollowUpCounts, filter: FollowUpFilter | undefined): boolean {
  if (filter === undefined) return true;
  return filter === 'open' ? counts.open > 0 : counts.done > 0;
}

/** Marks one follow-up done or open again; other items are untouched. */
export function setFollowUpDone<T extends Pick<NotesBody, 'followUps'>>(
  notes: T,
  followUpId: string,
  done: boolean,
): T {
  return { ...notes, followUps: notes.followUps.map((item) => (item.id === followUpId ? { ...item, done } : item)) };
}

/** Planned and actual time for one phase, in milliseconds. */
export interface PhaseTime {
  readonly phase: PhaseId;
  readonly title: string;
  readonly plannedMs: number;
  readonly actualMs: number;
}

/** Planned vs actual time per phase, from the agenda and the time spent (ms per phase). */
export function phaseTimes(agenda: Agenda, spentMs: readonly number[]): PhaseTime[] {
  return PHASES.map((phase, index) => ({
    phase,
    title: PHASE_TITLES[phase],
    plannedMs: (agenda.items[index]?.minutes ?? 0) * 60_000,
    actualMs: spentMs[index] ?? 0,
  }));
}

/** A duration as minutes and seconds, the way the side panel shows time: 636000 → "10:36", 45 min → "45:00". */
export function clockText(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;
}

/** The name of the person who owns a follow-up; "the member" while the member is not known. */
export function ownerName(intro: Intro, owner: FollowUp['owner']): string {
  return owner === 'leader' ? intro.leader.name : (intro.member?.name ?? 'the member');
}

/** The text of the goal a feedback item is about, when it is tied to a goal that is still in the notes. */
export function feedbackGoal(notes: Pick<NotesBody, 'goals'>, item: FeedbackGiven): string | undefined {
  return item.goalId === undefined ? undefined : notes.goals.find((goal) => goal.id === item.goalId)?.text;
}
