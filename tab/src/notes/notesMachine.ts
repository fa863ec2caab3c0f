import type { NotesView } from '../../../src/contract';
import { emptyNotesBody, type NotesBody } from '../../../src/domain/notes';
import { checkCaps } from './caps';
import { afterSave, failed, flushNow, rebase, sameBody, saveOf, type Step } from './notesSteps';
import { DEFAULT_TIMINGS, type NotesEffect, type NotesEvent, type NotesMachine, type NotesTimings } from './notesTypes';
import type { PendingEdits } from './pendingStore';
import { LOADING_STATE } from './syncState';

export * from './notesTypes';

/** The state before `start`. */
export function initialMachine(): NotesMachine {
  const body = emptyNotesBody();
  return {
    kind: 'unstarted',
    doc: { base: body, baseVersion: 0, local: body, unsent: false },
    view: LOADING_STATE,
    backoffMs: 1000,
  };
}

/** Whether a request is on its way (callers waiting for the sync to settle keep waiting). */
export const isBusy = (machine: NotesMachine) => machine.kind === 'loading' || machine.kind === 'saving';

/** Whether the saved notes have arrived. */
const isLoaded = (machine: NotesMachine) => !['unstarted', 'loading', 'loadWait'].includes(machine.kind);

function adopt(machine: NotesMachine, kept: PendingEdits | undefined): NotesMachine {
  if (!kept) return machine;
  const doc = { ...kept, unsent: true };
  return { ...machine, doc, view: { ...machine.view, status: 'pending', body: kept.local } };
}

function bodyOf(view: NotesView): NotesBody {
  const { text, goals, issues, feedback, followUps } = view;
  return { text, goals, issues, feedback, followUps };
}

function loaded(machine: NotesMachine, view: NotesView, kept: PendingEdits | undefined): Step {
  const current = machine.doc.unsent ? machine : adopt(machine, kept);
  const { doc } = current;
  // Pending edits based on notes deleted since (the server is back at version 0) are dropped, not resurrected.
  if (!doc.unsent || (view.version === 0 && doc.baseVersion > 0)) {
    const body = bodyOf(view);
    const fresh = { base: body, baseVersion: view.version, local: body, unsent: false };
    const shown = { ...current.view, status: 'idle' as const, loading: false, body, message: undefined };
    return {
      state: { ...current, kind: 'idle', doc: fresh, view: shown },
      effects: doc.unsent ? [{ type: 'clearKept' }] : [],
    };
  }
  const rebased = view.version === doc.baseVersion ? { state: current, effects: [] } : rebase(current, view);
  const ready: NotesMachine = { ...rebased.state, kind: 'idle', view: { ...rebased.state.view, loading: false } };
  const flushed = flushNow(ready, false);
  return { state: flushed.state, effects: [...rebased.effects, ...flushed.effects] };
}

/**
 * How long a window waits before saving edits it picked up from another window of the same person: that window saves
 * them within a second; this one does only if that window went away first.
 */
const TAKEOVER_MS = 10_000;

/**
 * Another window of the same person kept edits on this device, or cleared them once saved. An idle window shows them
 * (and saves them only if the other window does not); once they are cleared it reloads, so it shows what was saved
 * instead of "Saving…" for ever. A window with its own unsent edits keeps them.
 */
function storedElsewhere(machine: NotesMachine, kept: PendingEdits | undefined): Step {
  const same = { state: machine, effects: [] };
  const { doc } = machine;
  const own = doc.unsent && !doc.borrowed;
  if (own) return same;
  const settled = machine.kind === 'idle' || machine.kind === 'waiting';
  if (!kept) {
    if (!settled) return same;
    const dropped = { ...doc, local: doc.base, unsent: false, borrowed: false };
    return {
      state: { ...machine, kind: 'loading', doc: dropped },
      effects: [{ type: 'cancelTimer' }, { type: 'load' }],
    };
  }
  if (sameBody(kept.local, doc.local)) return same;
  const adopted = adopt(machine, kept);
  const borrowed = { ...adopted, doc: { ...adopted.doc, borrowed: true } };
  if (!settled) return { state: borrowed, effects: [] };
  return { state: { ...borrowed, kind: 'waiting' }, effects: [{ type: 'schedule', ms: TAKEOVER_MS }] };
}

function edited(machine: NotesMachine, body: NotesBody, timings: NotesTimings): Step {
  const doc = { ...machine.doc, local: body, unsent: true, borrowed: false };
  const keep = { type: 'keep', edits: { base: doc.base, baseVersion: doc.baseVersion, local: body } } as const;
  const capError = checkCaps(body);
  if (capError) {
    return {
      state: { ...machine, doc, view: { ...machine.view, status: 'invalid', body, message: capError.message } },
      effects: [keep],
    };
  }
  const sticky = ['offline', 'notStored', 'signInNeeded'].includes(machine.view.status);
  const view = sticky
    ? { ...machine.view, body }
    : { ...machine.view, status: 'pending' as const, body, message: undefined };
  const schedule = { type: 'schedule', ms: timings.debounceMs } as const;
  const next = { ...machine, doc, view };
  switch (machine.kind) {
    case 'unstarted':
    case 'loading':
      return { state: next, effects: [keep] };
    case 'loadWait':
      return { state: next, effects: [keep, schedule] };
    case 'idle':
    case 'waiting':
      return { state: { ...next, kind: 'waiting' }, effects: [keep, schedule] };
    case 'saving':
      return {
        state: { ...machine, doc, view, then: machine.then === 'saveAgain' ? 'saveAgain' : 'wait' },
        effects: [keep, schedule],
      };
    case 'stopped':
      return { state: machine, effects: [] };
  }
}

function flushed(machine: NotesMachine, keepalive: boolean): Step {
  switch (machine.kind) {
    case 'unstarted':
    case 'loading':
    case 'stopped':
      return { state: machine, effects: [] };
    case 'loadWait':
      return { state: { ...machine, kind: 'loading' }, effects: [{ type: 'cancelTimer' }, { type: 'load' }] };
    case 'idle':
    case 'waiting':
      return flushNow(machine, keepalive);
    case 'saving': {
      // The running request may die with the page: send the latest copy on its own, too.
      if (!keepalive) return { state: { ...machine, then: 'saveAgain' }, effects: [{ type: 'cancelTimer' }] };
      const then = machine.then === 'saveAgain' ? 'saveAgain' : 'settle';
      const effects: NotesEffect[] = [{ type: 'cancelTimer' }];
      if (!checkCaps(machine.doc.local)) effects.push({ ...saveOf(machine.doc, true), type: 'sendDetached' });
      return { state: { ...machine, then }, effects };
    }
  }
}

function timerFired(machine: NotesMachine): Step {
  switch (machine.kind) {
    case 'loadWait':
      return { state: { ...machine, kind: 'loading' }, effects: [{ type: 'load' }] };
    case 'waiting':
      return flushNow(machine, false);
    case 'saving':
      return { state: { ...machine, then: machine.then === 'wait' ? 'saveAgain' : machine.then }, effects: [] };
    default:
      return { state: machine, effects: [] };
  }
}

function stopped(machine: NotesMachine, send: boolean): Step {
  const { doc } = machine;
  const effects: NotesEffect[] = [{ type: 'cancelTimer' }];
  if (send && isLoaded(machine) && doc.unsent && !checkCaps(doc.local)) {
    effects.push({ ...saveOf(doc, true), type: 'sendDetached' });
  }
  return { state: { ...machine, kind: 'stopped' }, effects };
}

/** The notes sync's one transition: the next state and the effects to run; pure, so tables can test it. */
export function transition(machine: NotesMachine, event: NotesEvent, timings: NotesTimings = DEFAULT_TIMINGS): Step {
  const same = { state: machine, effects: [] };
  if (machine.kind === 'stopped') {
    // A save confirmed after closing still clears the copy this device kept.
    const late = event.type === 'saved' && sameBody(machine.doc.local, event.sent);
    return late ? { state: machine, effects: [{ type: 'clearIfSent', body: event.sent }] } : same;
  }
  switch (event.type) {
    case 'start':
      if (machine.kind !== 'unstarted') return same;
      return { state: { ...adopt(machine, event.kept), kind: 'loading' }, effects: [{ type: 'load' }] };
    case 'loaded':
      return machine.kind === 'loading' ? loaded(machine, event.view, event.kept) : same;
    case 'loadFailed':
      if (machine.kind !== 'loading') return same;
      return failed(
        { ...machine, kind: 'loadWait', view: { ...machine.view, loading: false } },
        event.failure,
        timings,
      );
    case 'edit':
      return edited(machine, event.body, timings);
    case 'flush':
      return flushed(machine, event.keepalive);
    case 'timer':
      return timerFired(machine);
    case 'saved':
    case 'conflict':
    case 'saveFailed':
      return machine.kind === 'saving' ? afterSave(machine, event, timings) : same;
    case 'stored':
      return storedElsewhere(machine, event.kept);
    case 'dispose':
      return stopped(machine, true);
    case 'stop':
      return stopped(machine, false);
  }
}
