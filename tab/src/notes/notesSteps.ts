import type { NotesView } from '../../../src/contract';
import type { NotesBody } from '../../../src/domain/notes';
import { checkCaps } from './caps';
import { mergeNotes } from './merge';
import type { Failure, NotesDoc, NotesEffect, NotesEvent, NotesMachine, NotesTimings } from './notesTypes';

/** A transition's result. */
export interface Step {
  readonly state: NotesMachine;
  readonly effects: readonly NotesEffect[];
}

/** Browsers refuse keepalive requests with bodies over 64 KiB; bigger saves go as ordinary requests. */
const KEEPALIVE_MAX_CHARS = 60_000;

/** Whether two bodies are the same notes. */
export const sameBody = (a: NotesBody, b: NotesBody) => JSON.stringify(a) === JSON.stringify(b);
const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];
const keep = (doc: NotesDoc): NotesEffect => ({
  type: 'keep',
  edits: { base: doc.base, baseVersion: doc.baseVersion, local: doc.local },
});

/** What unsent edits show: still to send, or why they cannot be (over a cap) until they are shortened. */
function unsentView(view: NotesMachine['view'], local: NotesBody): NotesMachine['view'] {
  const capError = checkCaps(local);
  return capError
    ? { ...view, status: 'invalid', message: capError.message }
    : { ...view, status: 'pending', message: undefined };
}

/** The save of this device's copy (with keepalive only when the browser accepts a body that big). */
export function saveOf(doc: NotesDoc, keepalive: boolean): Extract<NotesEffect, { type: 'save' }> {
  const small = keepalive && JSON.stringify(doc.local).length <= KEEPALIVE_MAX_CHARS;
  return { type: 'save', body: doc.local, baseVersion: doc.baseVersion, keepalive: small };
}

/** Sends unsent edits now, unless there is nothing to send or they exceed the caps. */
export function flushNow(machine: NotesMachine, keepalive: boolean): Step {
  const { doc } = machine;
  const cancel: NotesEffect = { type: 'cancelTimer' };
  if (checkCaps(doc.local) || (!doc.unsent && sameBody(doc.local, doc.base))) {
    return { state: { ...machine, kind: 'idle' }, effects: [cancel] };
  }
  const state: NotesMachine = {
    ...machine,
    kind: 'saving',
    sent: doc.local,
    then: 'settle',
    view: { ...machine.view, status: 'saving' },
  };
  return { state, effects: [cancel, saveOf(doc, keepalive)] };
}

/** Merges this device's edits onto the newer copy the server has (texts: both kept; items: per item). */
export function rebase(machine: NotesMachine, current: NotesView): Step {
  const { doc, view } = machine;
  const { text, goals, issues, feedback, followUps } = current;
  const remote: NotesBody = { text, goals, issues, feedback, followUps };
  const merged = mergeNotes(doc.base, doc.local, remote);
  const conflicts = union(view.conflicts, merged.conflicts);
  const itemConflicts = union(view.itemConflicts, merged.itemConflicts);
  const next = { base: remote, baseVersion: current.version, local: merged.body };
  if (sameBody(merged.body, remote)) {
    // Everything here is on the server already (e.g. sent as the page closed last time).
    const shown = {
      ...view,
      status: 'saved' as const,
      body: merged.body,
      conflicts,
      itemConflicts,
      message: undefined,
    };
    const effects: NotesEffect[] = [{ type: 'clearIfSent', body: doc.local }];
    return { state: { ...machine, doc: { ...next, unsent: false }, view: shown }, effects };
  }
  const rebased = { ...next, unsent: doc.unsent };
  const shown = unsentView({ ...view, body: merged.body, conflicts, itemConflicts }, merged.body);
  return { state: { ...machine, doc: rebased, view: shown }, effects: [keep(rebased)] };
}

/** Shows a failure and schedules the retry it calls for (none when the server refused). */
export function failed(machine: NotesMachine, failure: Failure, timings: NotesTimings): Step {
  switch (failure.kind) {
    case 'signIn': {
      const reason = failure.message ? ` (${failure.message})` : '';
      const message = `Sign in to Teams again to save your notes; they are kept on this device until then.${reason}`;
      const view = { ...machine.view, status: 'signInNeeded' as const, message };
      return { state: { ...machine, view }, effects: [{ type: 'schedule', ms: timings.signInRetryMs }] };
    }
    case 'refused':
      return {
        state: { ...machine, view: { ...machine.view, status: 'error', message: failure.message } },
        effects: [],
      };
    case 'transient':
    case 'notStored': {
      const view =
        failure.kind === 'notStored'
          ? { ...machine.view, status: 'notStored' as const, message: failure.message }
          : { ...machine.view, status: 'offline' as const, message: undefined };
      const backoffMs = Math.min(machine.backoffMs * 2, timings.maxBackoffMs);
      return { state: { ...machine, view, backoffMs }, effects: [{ type: 'schedule', ms: machine.backoffMs }] };
    }
  }
}

function saved(machine: NotesMachine, sent: NotesBody, view: NotesView): Step {
  const doc = { ...machine.doc, base: sent, baseVersion: view.version };
  if (sameBody(doc.local, sent)) {
    const shown = { ...machine.view, status: 'saved' as const, message: undefined };
    return {
      state: { ...machine, doc: { ...doc, unsent: false }, view: shown },
      effects: [{ type: 'clearIfSent', body: sent }],
    };
  }
  return { state: { ...machine, doc, view: unsentView(machine.view, doc.local) }, effects: [keep(doc)] };
}

type SaveAnswer = Extract<NotesEvent, { type: 'saved' | 'conflict' | 'saveFailed' }>;

/** Takes a save's answer, then saves again, waits for the scheduled save, or settles. */
export function afterSave(
  machine: Extract<NotesMachine, { kind: 'saving' }>,
  event: SaveAnswer,
  timings: NotesTimings,
): Step {
  const answered =
    event.type === 'saved'
      ? saved({ ...machine, backoffMs: 1000 }, event.sent, event.view)
      : event.type === 'conflict'
        ? rebase({ ...machine, backoffMs: 1000 }, event.current)
        : failed(machine, event.failure, timings);
  const { state, effects } = answered;
  const retrying = event.type === 'saveFailed' && event.failure.kind !== 'refused';
  if (machine.then === 'saveAgain' || (!retrying && machine.then === 'settle' && state.view.status === 'pending')) {
    const again = flushNow(state, false);
    return { state: again.state, effects: [...effects, ...again.effects] };
  }
  const kind = retrying || machine.then === 'wait' ? 'waiting' : 'idle';
  return { state: { ...state, kind }, effects };
}
