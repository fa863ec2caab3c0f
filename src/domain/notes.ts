import type { IntroId, TenantId, UserId } from './ids';
import { PHASE_TITLES } from './phases';

/** Most characters one free-text note may hold. */
export const MAX_TEXT_CHARS = 20_000;
/** Most structured items (goals, issues, feedback, follow-ups together) one author may keep per intro. */
export const MAX_ITEMS = 200;
/** Most characters in one structured item's text. */
export const MAX_ITEM_CHARS = 1_000;

/** Horizons a goal can have. */
export const HORIZONS = ['short', 'medium', 'long'] as const;
/** Kinds of feedback the leader gives. */
export const FEEDBACK_KINDS = ['celebratory', 'critical'] as const;

/** Free text per phase, plus what one prepares before the call. */
export interface NoteText {
  prep: string;
  goals: string;
  pullFeedback: string;
  pushFeedback: string;
}
/** A goal the person named. */
export interface Goal {
  id: string;
  text: string;
  horizon: (typeof HORIZONS)[number];
}
/** An issue the person raised, and whether the leader paraphrased it back and had it confirmed. */
export interface IssueRaised {
  id: string;
  text: string;
  paraphrased: boolean;
}
/** Feedback the leader gave, optionally tied to one of the person's goals. */
export interface FeedbackGiven {
  id: string;
  text: string;
  kind: (typeof FEEDBACK_KINDS)[number];
  goalId?: string | undefined;
}
/** Something to do after the conversation. */
export interface FollowUp {
  id: string;
  text: string;
  owner: 'leader' | 'member';
  due?: string | undefined;
  done: boolean;
}
/** The body of a notes document: what an author writes. */
export interface NotesBody {
  text: NoteText;
  goals: Goal[];
  issues: IssueRaised[];
  feedback: FeedbackGiven[];
  followUps: FollowUp[];
}

/** One author's private notes for one intro. */
export interface Notes extends NotesBody {
  readonly tenantId: TenantId;
  readonly introId: IntroId;
  readonly authorId: UserId;
  /** Increases by one with every save; the ETag for If-Match. */
  readonly version: number;
  /** ISO 8601 instant. */
  readonly updatedAt: string;
}

/** Notes before anything is written. */
export function emptyNotesBody(): NotesBody {
  return {
    text: { prep: '', goals: '', pullFeedback: '', pushFeedback: '' },
    goals: [],
    issues: [],
    feedback: [],
    followUps: [],
  };
}

/** The free-text notes that have something in them, each with the title people see, in phase order. */
export function writtenTexts(notes: NotesBody): Array<readonly [title: string, text: string]> {
  const texts = [
    ['Prep', notes.text.prep],
    [PHASE_TITLES.goals, notes.text.goals],
    [PHASE_TITLES.pullFeedback, notes.text.pullFeedback],
    [PHASE_TITLES.pushFeedback, notes.text.pushFeedback],
  ] as const;
  return texts.filter(([, text]) => text.trim() !== '');
}
