/** The three phases of an intro 1:1, in the order the method runs them. */
export const PHASES = ['goals', 'pullFeedback', 'pushFeedback'] as const;

/** One phase of the conversation. */
export type PhaseId = (typeof PHASES)[number];

/** Index of a phase in PHASES. */
export type PhaseIndex = 0 | 1 | 2;

/** Short names people see for each phase. */
export const PHASE_TITLES: Readonly<Record<PhaseId, string>> = {
  goals: 'Goals',
  pullFeedback: "How it's going",
  pushFeedback: 'Feedback',
};
