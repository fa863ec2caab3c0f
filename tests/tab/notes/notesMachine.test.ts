import type { NotesBody } from '../../../src/domain/notes';
import {
  initialMachine,
  transition,
  type NotesDoc,
  type NotesEvent,
  type NotesMachine,
} from '../../../tab/src/notes/notesMachine';
import type { SaveStatus } from '../../../tab/src/notes/syncState';
import { followUp, notes, view } from './notesFakes';

const TIMINGS = { debounceMs: 800, maxBackoffMs: 5000, signInRetryMs: 60_000 };
const A = notes('a');
const B = notes('b');
const C = notes('c');
const TOO_LONG = notes('x'.repeat(20_001));

type Activity =
  | { kind: 'unstarted' | 'loading' | 'loadWait' | 'idle' | 'waiting' | 'stopped' }
  | { kind: 'saving'; sent: NotesBody; then: 'settle' | 'wait' | 'saveAgain' };

/** A machine in a state, with a document (by default: synced `A` at version 1) and a status. */
function at(
  activity: Activity,
  doc: Partial<NotesDoc> = {},
  status: SaveStatus = 'idle',
  backoffMs = 1000,
): NotesMachine {
  const base = initialMachine();
  const fullDoc = { base: A, baseVersion: 1, local: A, unsent: false, ...doc };
  return {
    ...base,
    ...activity,
    doc: fullDoc,
    view: { ...base.view, status, loading: false, body: fullDoc.local },
    backoffMs,
  };
}
const saving = (then: 'settle' | 'wait' | 'saveAgain', doc: Partial<NotesDoc> = { local: B, unsent: true }) =>
  at({ kind: 'saving', sent: B, then }, doc, 'saving');

/** The next state's kind, the effects' types and the status shown. */
function step(state: NotesMachine, event: NotesEvent) {
  const next = transition(state, event, TIMINGS);
  return [next.state.kind, next.effects.map((effect) => effect.type), next.state.view.status];
}

describe('the notes machine', () => {
  it.each<[string, NotesMachine, NotesEvent, ReturnType<typeof step>]>([
    ['starts by loading', initialMachine(), { type: 'start' }, ['loading', ['load'], 'loading']],
    [
      'shows kept edits while loading',
      initialMachine(),
      { type: 'start', kept: { base: A, baseVersion: 1, local: B } },
      ['loading', ['load'], 'pending'],
    ],
    [
      'shows the server copy when nothing is unsent',
      at({ kind: 'loading' }),
      { type: 'loaded', view: view(C, 2) },
      ['idle', [], 'idle'],
    ],
    [
      'sends unsent edits once loaded',
      at({ kind: 'loading' }, { local: B, unsent: true }),
      { type: 'loaded', view: view(A, 1) },
      ['saving', ['cancelTimer', 'save'], 'saving'],
    ],
    [
      'drops edits on notes deleted since',
      at({ kind: 'loading' }, { baseVersion: 3, local: B, unsent: true }),
      { type: 'loaded', view: view(notes(''), 0) },
      ['idle', ['clearKept'], 'idle'],
    ],
    [
      'retries a load while offline',
      at({ kind: 'loading' }),
      { type: 'loadFailed', failure: { kind: 'transient' } },
      ['loadWait', ['schedule'], 'offline'],
    ],
    [
      'waits for the person to sign in',
      at({ kind: 'loading' }),
      { type: 'loadFailed', failure: { kind: 'signIn' } },
      ['loadWait', ['schedule'], 'signInNeeded'],
    ],
    ['loads again when the retry fires', at({ kind: 'loadWait' }), { type: 'timer' }, ['loading', ['load'], 'idle']],
    [
      'loads again at once when flushed',
      at({ kind: 'loadWait' }),
      { type: 'flush', keepalive: false },
      ['loading', ['cancelTimer', 'load'], 'idle'],
    ],
    [
      'keeps an edit and schedules its save',
      at({ kind: 'idle' }),
      { type: 'edit', body: B },
      ['waiting', ['keep', 'schedule'], 'pending'],
    ],
    [
      'keeps an edit over the caps but does not send it',
      at({ kind: 'idle' }),
      { type: 'edit', body: TOO_LONG },
      ['idle', ['keep'], 'invalid'],
    ],
    [
      'still says offline while offline',
      at({ kind: 'waiting' }, {}, 'offline'),
      { type: 'edit', body: B },
      ['waiting', ['keep', 'schedule'], 'offline'],
    ],
    [
      'saves after the pause',
      at({ kind: 'waiting' }, { local: B, unsent: true }, 'pending'),
      { type: 'timer' },
      ['saving', ['cancelTimer', 'save'], 'saving'],
    ],
    [
      'has nothing to send when synced',
      at({ kind: 'idle' }),
      { type: 'flush', keepalive: false },
      ['idle', ['cancelTimer'], 'idle'],
    ],
    [
      'saves again after the running save when flushed',
      saving('settle'),
      { type: 'flush', keepalive: false },
      ['saving', ['cancelTimer'], 'saving'],
    ],
    [
      'sends a keepalive copy on its own when the page goes away mid-save',
      saving('settle'),
      { type: 'flush', keepalive: true },
      ['saving', ['cancelTimer', 'sendDetached'], 'saving'],
    ],
    [
      'schedules an edit made during a save',
      saving('settle'),
      { type: 'edit', body: C },
      ['saving', ['keep', 'schedule'], 'pending'],
    ],
    [
      'says saved and clears the kept copy once confirmed',
      saving('settle'),
      { type: 'saved', sent: B, view: view(B, 2) },
      ['idle', ['clearIfSent'], 'saved'],
    ],
    [
      'waits for the scheduled save of a newer edit',
      saving('wait', { local: C, unsent: true }),
      { type: 'saved', sent: B, view: view(B, 2) },
      ['waiting', ['keep'], 'pending'],
    ],
    [
      'saves a newer edit at once when asked to',
      saving('saveAgain', { local: C, unsent: true }),
      { type: 'saved', sent: B, view: view(B, 2) },
      ['saving', ['keep', 'cancelTimer', 'save'], 'saving'],
    ],
    [
      'keeps saying why a newer edit over a cap cannot be sent once the save before it is confirmed',
      saving('saveAgain', { local: TOO_LONG, unsent: true }),
      { type: 'saved', sent: B, view: view(B, 2) },
      ['idle', ['keep', 'cancelTimer'], 'invalid'],
    ],
    [
      'merges on a 412 and saves the merge',
      saving('settle'),
      { type: 'conflict', current: view(notes('a', [followUp('f1', 'x')]), 2) },
      ['saving', ['keep', 'cancelTimer', 'save'], 'saving'],
    ],
    [
      'retries a save while offline',
      saving('settle'),
      { type: 'saveFailed', failure: { kind: 'transient' } },
      ['waiting', ['schedule'], 'offline'],
    ],
    [
      'retries a save the server could not store, and says so (not "offline")',
      saving('settle'),
      { type: 'saveFailed', failure: { kind: 'notStored', message: 'Storage is full.' } },
      ['waiting', ['schedule'], 'notStored'],
    ],
    [
      'shows a refusal without retrying',
      saving('settle'),
      { type: 'saveFailed', failure: { kind: 'refused', message: 'No.' } },
      ['idle', [], 'error'],
    ],
    [
      'sends unsent edits with keepalive on dispose',
      at({ kind: 'waiting' }, { local: B, unsent: true }, 'pending'),
      { type: 'dispose' },
      ['stopped', ['cancelTimer', 'sendDetached'], 'pending'],
    ],
    [
      'sends nothing on dispose when synced',
      at({ kind: 'idle' }),
      { type: 'dispose' },
      ['stopped', ['cancelTimer'], 'idle'],
    ],
    [
      'sends nothing on stop',
      at({ kind: 'waiting' }, { local: B, unsent: true }, 'pending'),
      { type: 'stop' },
      ['stopped', ['cancelTimer'], 'pending'],
    ],
    ['ignores edits once stopped', at({ kind: 'stopped' }), { type: 'edit', body: B }, ['stopped', [], 'idle']],
    [
      'clears the kept copy on a late confirmation',
      at({ kind: 'stopped' }, { local: B, unsent: true }),
      { type: 'saved', sent: B, view: view(B, 2) },
      ['stopped', ['clearIfSent'], 'idle'],
    ],
    [
      "shows another window's kept edits, and saves them only if that window does not",
      at({ kind: 'idle' }),
      { type: 'stored', kept: { base: A, baseVersion: 1, local: C } },
      ['waiting', ['schedule'], 'pending'],
    ],
    [
      'reloads once the other window saved and cleared them (never "Saving…" for ever)',
      at({ kind: 'waiting' }, { local: C, unsent: true, borrowed: true }, 'pending'),
      { type: 'stored' },
      ['loading', ['cancelTimer', 'load'], 'pending'],
    ],
    [
      'reloads when idle and the other window cleared what it kept (it saved newer notes)',
      at({ kind: 'idle' }),
      { type: 'stored' },
      ['loading', ['cancelTimer', 'load'], 'idle'],
    ],
    [
      'keeps its own unsent edits when the other window clears',
      at({ kind: 'waiting' }, { local: B, unsent: true }, 'pending'),
      { type: 'stored' },
      ['waiting', [], 'pending'],
    ],
    [
      'ignores them while it has its own',
      at({ kind: 'waiting' }, { local: B, unsent: true }, 'pending'),
      { type: 'stored', kept: { base: A, baseVersion: 1, local: C } },
      ['waiting', [], 'pending'],
    ],
  ])('%s', (_name, state, event, expected) => {
    expect(step(state, event)).toEqual(expected);
  });

  it('backs off 1 s, 2 s, 4 s, then every 5 s, and starts over after a save', () => {
    let state = saving('settle');
    const waits: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const next = transition(state, { type: 'saveFailed', failure: { kind: 'transient' } }, TIMINGS);
      const schedule = next.effects.find((effect) => effect.type === 'schedule');
      waits.push(schedule?.type === 'schedule' ? schedule.ms : -1);
      state = transition(next.state, { type: 'timer' }, TIMINGS).state;
    }
    expect(waits).toEqual([1000, 2000, 4000, 5000]);
    expect(transition(state, { type: 'saved', sent: B, view: view(B, 2) }, TIMINGS).state.backoffMs).toBe(1000);
  });

  it('sends the save with If-Match on the base version, keepalive only for bodies a browser accepts', () => {
    const send = (local: NotesBody) =>
      transition(at({ kind: 'idle' }, { local, unsent: true }), { type: 'flush', keepalive: true }, TIMINGS).effects[1];
    expect(send(B)).toEqual({ type: 'save', body: B, baseVersion: 1, keepalive: true });
    const big = {
      ...notes('x'.repeat(20_000)),
      text: { prep: 'p'.repeat(20_000), goals: 'g'.repeat(20_000), pullFeedback: 'f'.repeat(20_000), pushFeedback: '' },
    };
    expect(send(big)).toMatchObject({ type: 'save', keepalive: false });
  });

  it('names the sign-in problem and keeps both versions of a text changed on two devices', () => {
    const signIn = transition(
      at({ kind: 'loading' }),
      { type: 'loadFailed', failure: { kind: 'signIn', message: 'Consent required' } },
      TIMINGS,
    );
    expect(signIn.state.view.message).toContain('(Consent required)');
    const merged = transition(
      saving('settle', { local: B, unsent: true }),
      { type: 'conflict', current: view(C, 2) },
      TIMINGS,
    );
    expect(merged.state.view.conflicts).toEqual(['goals']);
    expect(merged.state.doc).toMatchObject({ base: C, baseVersion: 2, unsent: true });
  });
});
