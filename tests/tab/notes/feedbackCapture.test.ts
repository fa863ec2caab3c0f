import { emptyNotesBody, type Goal, type NotesBody } from '../../../src/domain/notes';
import { addFeedback, framingGoals } from '../../../tab/src/notes/editors/useFeedbackCapture';

const mine: Goal = { id: 'g1', text: 'Lead the platform migration', horizon: 'long' };
const carried: Goal = { id: 'old1', text: 'Ship the onboarding guide', horizon: 'medium' };
const body: NotesBody = { ...emptyNotesBody(), goals: [mine] };

describe('feedback framed in the person’s goals', () => {
  test('this intro’s goals come first, then last time’s that are not already among them', () => {
    const again = { ...carried, id: 'old2', text: ' lead the PLATFORM migration ' };
    expect(framingGoals(body, [again, carried])).toEqual([
      { goal: mine, carried: false },
      { goal: carried, carried: true },
    ]);
  });

  test.each([
    ['unframed', undefined, undefined, 1],
    ['framed in one of this intro’s goals', { goal: mine, carried: false }, 'g1', 1],
  ])('%s: the item keeps its chosen kind', (_, framing, goalId, goals) => {
    const next = addFeedback(body, 'Clear design doc', 'critical', framing);
    expect(next.feedback).toHaveLength(1);
    expect(next.feedback[0]).toMatchObject({ text: 'Clear design doc', kind: 'critical' });
    expect(next.feedback[0]?.goalId).toBe(goalId);
    expect(next.goals).toHaveLength(goals);
  });

  test('a goal carried from last time joins this intro’s goals in the same edit, and the item links to it', () => {
    const next = addFeedback(body, 'The guide is late', 'celebratory', { goal: carried, carried: true });
    const joined = next.goals.find((goal) => goal.text === carried.text);
    expect(joined).toEqual({ ...carried, id: expect.any(String) });
    expect(joined?.id).not.toBe('old1');
    expect(next.feedback[0]?.goalId).toBe(joined?.id);
  });
});
