import { emptyNotesBody, MAX_ITEMS, MAX_TEXT_CHARS } from '../../src/domain/notes';
import { notesBodySchema } from '../../src/domain/notes.schema';

describe('notesBodySchema', () => {
  it('accepts empty notes and structured items', () => {
    const body = {
      ...emptyNotesBody(),
      goals: [{ id: 'g1', text: 'Become a tech lead', horizon: 'long' }],
      issues: [{ id: 'i1', text: 'Builds are slow', paraphrased: true }],
      feedback: [{ id: 'f1', text: 'Great demo', kind: 'celebratory', goalId: 'g1' }],
      followUps: [{ id: 'u1', text: 'Share the CI plan', owner: 'leader', due: '2026-12-01', done: false }],
    };
    expect(notesBodySchema.safeParse(body).success).toBe(true);
  });

  it('caps free text per phase at 20 000 characters, naming the field', () => {
    const body = { ...emptyNotesBody(), text: { ...emptyNotesBody().text, goals: 'x'.repeat(MAX_TEXT_CHARS + 1) } };
    const result = notesBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['text', 'goals']);
  });

  it('caps structured items at 200 in all', () => {
    const goals = Array.from({ length: MAX_ITEMS + 1 }, (_, i) => ({ id: `g${i}`, text: 'goal', horizon: 'short' }));
    const result = notesBodySchema.safeParse({ ...emptyNotesBody(), goals });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['items']);
  });

  it('refuses unknown fields and wrong kinds', () => {
    expect(notesBodySchema.safeParse({ ...emptyNotesBody(), authorId: 'someone-else' }).success).toBe(false);
    expect(
      notesBodySchema.safeParse({ ...emptyNotesBody(), goals: [{ id: 'g', text: 'x', horizon: 'eventually' }] })
        .success,
    ).toBe(false);
  });
});
