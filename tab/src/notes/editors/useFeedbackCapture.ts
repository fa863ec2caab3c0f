import { useState } from 'react';
import type { FEEDBACK_KINDS, Goal, NotesBody } from '../../../../src/domain/notes';
import { newItemId } from '../statusText';

type Kind = (typeof FEEDBACK_KINDS)[number];
type Edit = (update: (body: NotesBody) => NotesBody) => void;

/** A goal to frame feedback in: one of this intro's, or one carried forward from last time. */
interface FramingGoal {
  readonly goal: Goal;
  readonly carried: boolean;
}

/** This intro's goals, then last time's that are not among them (by text), in that order. */
export function framingGoals(body: Pick<NotesBody, 'goals'>, carried: readonly Goal[]): FramingGoal[] {
  const here = new Set(body.goals.map((goal) => goal.text.trim().toLowerCase()));
  return [
    ...body.goals.map((goal) => ({ goal, carried: false })),
    ...carried.filter((goal) => !here.has(goal.text.trim().toLowerCase())).map((goal) => ({ goal, carried: true })),
  ];
}

/** Adds a feedback item framed in a goal; a goal carried from last time joins this intro's goals in the same edit. */
export function addFeedback(body: NotesBody, text: string, kind: Kind, framing: FramingGoal | undefined): NotesBody {
  if (!framing) return { ...body, feedback: [...body.feedback, { id: newItemId(), text, kind }] };
  const goal = framing.carried ? { ...framing.goal, id: newItemId() } : framing.goal;
  return {
    ...body,
    goals: framing.carried ? [...body.goals, goal] : body.goals,
    feedback: [...body.feedback, { id: newItemId(), text, kind, goalId: goal.id }],
  };
}

/** The feedback being written: its kind (chosen, never assumed) and the goal it is framed in. */
export function useFeedbackCapture(body: NotesBody, edit: Edit, carried: readonly Goal[]) {
  const [kind, setKind] = useState<Kind | undefined>(undefined);
  const [goalId, setGoalId] = useState<string | undefined>(undefined);
  const goals = framingGoals(body, carried);
  const framing = goals.find((item) => item.goal.id === goalId);
  return {
    goals,
    kind,
    setKind,
    goalId: framing?.goal.id,
    // One press frames the next feedback in a goal; a second press on the same goal unframes it.
    toggleGoal: (id: string) => setGoalId((current) => (current === id ? undefined : id)),
    add: (text: string) => {
      if (!kind) return;
      edit((latest) => addFeedback(latest, text, kind, framing));
      setKind(undefined);
      setGoalId(undefined);
    },
  };
}
