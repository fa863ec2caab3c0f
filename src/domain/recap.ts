import type { Intro } from './intro';
import type { HORIZONS } from './notes';
import { type FeedbackGiven, type FollowUp, type Goal, type IssueRaised, type NotesBody } from './notes';
import { PHASES, type PhaseId, type PhaseIndex } from './phases';
import { planOf, spentAt, type Session } from './session';

/** Planned and actual minutes for one phase. */
interface PhaseTime {
  readonly phase: PhaseId;
  readonly plannedMinutes: number;
  /** Whole minutes, rounded; 0 when the session never ran. */
  readonly actualMinutes: number;
}

/** What the leader gets after an intro, built only from their own notes. */
export interface Recap {
  readonly intro: Intro;
  readonly phases: readonly PhaseTime[];
  readonly goals: Readonly<Record<(typeof HORIZONS)[number], readonly Goal[]>>;
  readonly issues: readonly IssueRaised[];
  readonly feedback: readonly FeedbackGiven[];
  readonly followUps: readonly FollowUp[];
}

/** Parts of a recap the leader may share with the member; free-text notes are never among them. */
export const SHAREABLE_PARTS = ['goals', 'followUps'] as const;
/** A part of a recap the leader may share. */
export type ShareablePart = (typeof SHAREABLE_PARTS)[number];

/** What the member receives when the leader shares part of a recap. */
export interface SharedRecap {
  readonly intro: Intro;
  readonly goals?: readonly Goal[];
  readonly followUps?: readonly FollowUp[];
}

/** Builds a recap from an intro, its session at `now` and the leader's notes (undefined when none). */
export function buildRecap(intro: Intro, session: Session, notes: NotesBody | undefined, now: number): Recap {
  // The plan as it ended: minutes the leader gave from one phase to the next count where they were given.
  const planned = planOf(session, intro.durationMinutes);
  const spent = spentAt(session, now);
  const goals = notes?.goals ?? [];
  return {
    intro,
    phases: PHASES.map((phase, index) => ({
      phase,
      plannedMinutes: planned[index as PhaseIndex],
      actualMinutes: Math.round(spent[index as PhaseIndex] / 60_000),
    })),
    goals: {
      short: goals.filter((goal) => goal.horizon === 'short'),
      medium: goals.filter((goal) => goal.horizon === 'medium'),
      long: goals.filter((goal) => goal.horizon === 'long'),
    },
    issues: notes?.issues ?? [],
    feedback: notes?.feedback ?? [],
    followUps: notes?.followUps ?? [],
  };
}

/** The parts of a recap chosen for sharing, and nothing else. */
export function shareableRecap(recap: Recap, parts: readonly ShareablePart[]): SharedRecap {
  const all = [...recap.goals.short, ...recap.goals.medium, ...recap.goals.long];
  return {
    intro: recap.intro,
    ...(parts.includes('goals') ? { goals: all } : {}),
    ...(parts.includes('followUps') ? { followUps: recap.followUps } : {}),
  };
}
