import {
  clockText,
  countFollowUps,
  feedbackGoal,
  historyStatus,
  notesPreview,
  ownerName,
  PREVIEW_CHARS,
  passesFollowUpFilter,
  setFollowUpDone,
  type HistoryStatus,
} from '../../src/domain/history';
import type { IntroId, TenantId, UserId } from '../../src/domain/ids';
import type { Intro, IntroStatus } from '../../src/domain/intro';
import type { Session } from '../../src/domain/session';
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

describe('snippetAround cuts on word boundaries, with an ellipsis where it cut', () => {
  const long =
    'We talked about the onboarding guide and how the team reviews pull requests before the release train leaves on Thursday afternoons.';
  test.each([
    ['a short text whole', 'Mentor a junior engineer', 'junior', 50, 'Mentor a junior engineer'],
    ['cut inside words on both sides', long, 'reviews', 20, '…and how the team reviews pull requests…'],
    [
      'already on boundaries',
      `${'a '.repeat(100)}needle${' b'.repeat(100)}`,
      'needle',
      10,
      '…a a a a a needle b b b b b…',
    ],
    ['the term at the very start', long, 'we talked', 10, 'We talked about the…'],
    ['the term at the very end', long, 'afternoons.', 12, '…on Thursday afternoons.'],
    ['a term inside a word keeps that word whole', long, 'boarding', 5, '…onboarding…'],
    ['one word longer than the window', 'Supercalifragilisticexpialidocious indeed', 'indeed', 3, '…indeed'],
    ['no match: the start, cut after a word', long, 'zebra', 10, 'We talked about the…'],
    ['line breaks flatten to spaces', 'first line\nsecond   line', 'second', 50, 'first line second line'],
  ])('%s', (_name, text, term, radius, expected) => {
    const snippet = snippetAround(text, term, radius);
    expect(snippet).toBe(expected);
    // Every word in the snippet is a whole word of the text.
    const words = new Set(text.split(/\s+/));
    for (const word of snippet.replace(/…/g, ' ').trim().split(' ')) expect(words).toContain(word);
  });
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

describe('clockText shows durations as m:ss, like the side panel', () => {
  test.each([
    [0, '0:00'],
    [999, '0:00'],
    [636_000, '10:36'],
    [45 * 60_000, '45:00'],
    [61 * 60_000 + 5_000, '61:05'],
    [-5_000, '0:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(clockText(ms)).toBe(text);
  });
});

const intro = (status: IntroStatus, member = true): Intro => ({
  id: 'i' as IntroId,
  tenantId: 't' as TenantId,
  leader: { id: 'l' as UserId, name: 'Avery Leader' },
  ...(member ? { member: { id: 'm' as UserId, name: 'Sam Member' } } : {}),
  durationMinutes: 45,
  setting: 'teamsCall',
  status,
  createdAt: '2025-05-01T10:00:00.000Z',
});
const ended: Session = { status: 'ended', phase: 2, startedAt: 1, endedAt: 2, spentMs: [1, 0, 0] };
const notStarted: Session = { status: 'notStarted' };

describe('historyStatus tells whether an intro was really held', () => {
  test.each<[string, Intro, Session, HistoryStatus]>([
    ['held with the member', intro('done'), ended, 'done'],
    ['done but the session never started', intro('done'), notStarted, 'notHeld'],
    ['done and the member never joined', intro('done', false), ended, 'endedBeforeJoined'],
    ['never joined, never started', intro('done', false), notStarted, 'endedBeforeJoined'],
    ['still scheduled', intro('scheduled'), notStarted, 'scheduled'],
    ['in progress without the member yet', intro('inProgress', false), ended, 'inProgress'],
    ['cancelled', intro('cancelled'), notStarted, 'cancelled'],
  ])('%s', (_name, value, session, expected) => {
    expect(historyStatus(value, session)).toBe(expected);
  });
});

test('owners by name, and the goal a feedback item is about', () => {
  expect(ownerName(intro('done'), 'leader')).toBe('Avery Leader');
  expect(ownerName(intro('done'), 'member')).toBe('Sam Member');
  expect(ownerName(intro('done', false), 'member')).toBe('the member');
  const goals = [{ id: 'g1', text: 'Lead the Q3 launch', horizon: 'medium' as const }];
  expect(feedbackGoal({ goals }, { id: 'f', text: 'x', kind: 'critical', goalId: 'g1' })).toBe('Lead the Q3 launch');
  expect(feedbackGoal({ goals }, { id: 'f', text: 'x', kind: 'critical', goalId: 'gone' })).toBeUndefined();
  expect(feedbackGoal({ goals }, { id: 'f', text: 'x', kind: 'critical' })).toBeUndefined();
});

describe('notesPreview: a line of the reader’s own notes to recognise an intro by in a list', () => {
  const notes = (goals: string[], text: Partial<ReturnType<typeof emptyNotesBody>['text']> = {}) => ({
    goals: goals.map((goal, index) => ({ id: `g${index}`, text: goal, horizon: 'short' as const })),
    text: { ...emptyNotesBody().text, ...text },
  });

  it('is the first goal, else the first text written in the order of the conversation', () => {
    expect(notesPreview(notes(['Learn Go', 'Lead a retro'], { prep: 'Ask about Go' }))).toBe('Learn Go');
    expect(notesPreview(notes([], { pushFeedback: 'Great demo', pullFeedback: '  Slow\n builds ' }))).toBe(
      'Slow builds',
    );
    expect(notesPreview(notes([], { prep: 'Ask about the move' }))).toBe('Ask about the move');
  });

  it('is absent without notes or when nothing was written', () => {
    expect(notesPreview(undefined)).toBeUndefined();
    expect(notesPreview(notes([], { goals: '  \n ' }))).toBeUndefined();
  });

  it('cuts a long text at a word, with an ellipsis', () => {
    const long = 'word '.repeat(40);
    const preview = notesPreview(notes([], { goals: long }))!;
    expect(preview.endsWith('word…')).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(PREVIEW_CHARS + 1);
    expect(notesPreview(notes([], { goals: 'x'.repeat(200) }))).toBe(`${'x'.repeat(PREVIEW_CHARS)}…`);
  });
});
