import { buildAgenda } from '../../src/domain/agenda';
import { countFollowUps, passesFollowUpFilter, phaseMinutes, setFollowUpDone } from '../../src/domain/history';
import { searchNotes, searchTerms, snippetAround } from '../../src/domain/historySearch';
import { emptyNotesBody, type NotesBody } from '../../src/domain/notes';

const notes: NotesBody = {
  ...emptyNotesBody(),
  text: { prep: '', goals: 'Wants to grow into a tech lead role within a year.', pullFeedback: '', pushFeedback: '' },
  goals: [{ id: 'g1', text: 'Mentor a junior engineer', horizon: 'short' }],
  followUps: [
    { id: 'f1', text: 'Book a mentoring course', owner: 'leader', done: false },
    { id: 'f2', text: 'Send the onboarding doc', owner: 'leader', done: true },
  ],
};

describe('searchTerms', () => {
  test.each([
    ['', []],
    ['   ', []],
    ['Mentor', ['mentor']],
    ['tech  LEAD tech', ['tech', 'lead']],
    ['"tech lead" year', ['tech lead', 'year']],
  ])('%j → %j', (query, terms) => {
    expect(searchTerms(query)).toEqual(terms);
  });
});

describe('searchNotes', () => {
  test('matches when every term occurs somewhere, with labelled snippets', () => {
    expect(searchNotes(notes, ['mentor', 'year'])).toEqual([
      { where: 'Goals notes', text: 'Wants to grow into a tech lead role within a year.' },
      { where: 'Goal (short term)', text: 'Mentor a junior engineer' },
      { where: 'Follow-up', text: 'Book a mentoring course' },
    ]);
  });
  test('does not match when one term is missing', () => {
    expect(searchNotes(notes, ['mentor', 'salary'])).toBeUndefined();
  });
  test('an empty term list matches with no snippets', () => {
    expect(searchNotes(notes, [])).toEqual([]);
  });
});

test('snippetAround cuts long text around the term with ellipses', () => {
  const text = `${'a '.repeat(100)}needle${' b'.repeat(100)}`;
  const snippet = snippetAround(text, 'needle', 10);
  expect(snippet).toBe('…a a a a a needle b b b b b…');
});

describe('follow-ups', () => {
  test('counts and filters', () => {
    const counts = countFollowUps(notes);
    expect(counts).toEqual({ open: 1, done: 1 });
    expect(passesFollowUpFilter(counts, 'open')).toBe(true);
    expect(passesFollowUpFilter({ open: 0, done: 2 }, 'open')).toBe(false);
    expect(passesFollowUpFilter({ open: 2, done: 0 }, 'done')).toBe(false);
    expect(passesFollowUpFilter({ open: 0, done: 0 }, undefined)).toBe(true);
  });
  test('setFollowUpDone changes only that follow-up', () => {
    const next = setFollowUpDone(notes, 'f1', true);
    expect(next.followUps.map((item) => item.done)).toEqual([true, true]);
    expect(notes.followUps[0]?.done).toBe(false);
    expect(next.goals).toBe(notes.goals);
  });
});

test('phaseMinutes gives planned and actual minutes per phase', () => {
  expect(phaseMinutes(buildAgenda(45), [18 * 60_000, 15 * 60_000 + 30_000, 0])).toEqual([
    { phase: 'goals', title: 'Goals', planned: 15, actual: 18 },
    { phase: 'pullFeedback', title: "How it's going", planned: 20, actual: 15.5 },
    { phase: 'pushFeedback', title: 'Feedback', planned: 10, actual: 0 },
  ]);
});
