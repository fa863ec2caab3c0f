import type { UserId } from './ids';
import type { Intro, IntroStatus, Person } from './intro';
import type { FeedbackGiven, FollowUp, NotesBody } from './notes';
import { PHASE_TITLES, PHASES, type PhaseId, type PhaseIndex } from './phases';
import { planOf, spentAt, type Session } from './session';

/** What a history search keeps: intros with open, or with done, follow-ups (the wire shapes are in src/contract). */
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

/** Where in the notes a search matched, and the text around the match. */
export interface SearchSnippet {
  readonly where: string;
  readonly text: string;
}

/** The date an intro is filed under: its scheduled start, else when it was created. */
export function introDate(intro: Intro): string {
  return intro.scheduledStart ?? intro.createdAt;
}

/** The other participant from one user's point of view. */
export function otherPerson(intro: Intro, userId: UserId): Person | undefined {
  return intro.leader.id === userId ? intro.member : intro.leader;
}

/** How long a history entry's preview runs before it is cut at a word with "…". */
export const PREVIEW_CHARS = 90;

/**
 * A line to recognise an intro by in a list, from the reader's own notes: their first goal, else the first text they
 * wrote (prep, then each phase in order). Undefined when they wrote nothing.
 */
export function notesPreview(notes: Pick<NotesBody, 'goals' | 'text'> | undefined): string | undefined {
  if (!notes) return undefined;
  const texts = [
    notes.goals[0]?.text ?? '',
    notes.text.prep,
    notes.text.goals,
    notes.text.pullFeedback,
    notes.text.pushFeedback,
  ];
  const first = texts.map((text) => text.replace(/\s+/g, ' ').trim()).find((text) => text !== '');
  if (first === undefined || first.length <= PREVIEW_CHARS) return first;
  const cut = first.slice(0, PREVIEW_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > PREVIEW_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
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

/**
 * Planned vs actual time per phase at `now`: planned includes minutes the leader gave from one phase to the next,
 * actual adds up every visit to the phase.
 */
export function phaseTimes(session: Session, durationMinutes: number, now: number): PhaseTime[] {
  const plan = planOf(session, durationMinutes);
  const spent = spentAt(session, now);
  return PHASES.map((phase, index) => ({
    phase,
    title: PHASE_TITLES[phase],
    plannedMs: plan[index as PhaseIndex] * 60_000,
    actualMs: spent[index as PhaseIndex],
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
