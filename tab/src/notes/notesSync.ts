import type { NotesBody } from '../../../src/domain/notes';
import { isSignInProblem, isStorageRefused, isTransient } from '../shared/api/errors';
import {
  DEFAULT_TIMINGS,
  initialMachine,
  isBusy,
  transition,
  type Failure,
  type NotesEffect,
  type NotesEvent,
  type NotesMachine,
  type NotesTimings,
} from './notesMachine';
import type { NotesSyncOptions } from './syncState';

export { LOADING_STATE, type NotesSyncOptions, type NotesSyncState, type SaveStatus } from './syncState';

/** How the sync sees a failed request. */
export function failureOf(error: unknown): Failure {
  if (isSignInProblem(error)) return { kind: 'signIn', message: error instanceof Error ? error.message : undefined };
  if (isStorageRefused(error)) return { kind: 'notStored', message: (error as Error).message };
  if (isTransient(error)) return { kind: 'transient' };
  return { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Autosaves one person's notes: runs the notes machine's effects (API calls, the device's copy, one timer) and feeds
 * their outcomes back as events. Edits are kept on this device at once and sent after a pause in typing.
 */
export class NotesSync {
  private machine: NotesMachine = initialMachine();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settled: (() => void)[] = [];
  private readonly timings: NotesTimings;

  constructor(private readonly options: NotesSyncOptions) {
    this.timings = {
      debounceMs: options.debounceMs ?? DEFAULT_TIMINGS.debounceMs,
      maxBackoffMs: options.maxBackoffMs ?? DEFAULT_TIMINGS.maxBackoffMs,
      signInRetryMs: options.signInRetryMs ?? DEFAULT_TIMINGS.signInRetryMs,
    };
  }

  /** Loads the saved notes and any edits kept on this device, then sends those; resolves when nothing is on its way. */
  start(): Promise<void> {
    this.send({ type: 'start', kept: this.options.store.load() });
    return this.whenSettled();
  }

  /** Records an edit: kept on this device now, sent after a pause in typing. */
  edit(body: NotesBody): void {
    this.send({ type: 'edit', body });
  }

  /** Applies a change to the latest copy on this device (successive changes compose). */
  update(change: (body: NotesBody) => NotesBody): void {
    this.edit(change(this.machine.view.body));
  }

  /** Sends unsent edits now (when online again, or with `keepalive` when the page goes away). */
  flush(options: { keepalive?: boolean } = {}): Promise<void> {
    if (this.machine.kind === 'unstarted') return this.start();
    this.send({ type: 'flush', keepalive: options.keepalive ?? false });
    return this.whenSettled();
  }

  /** Picks up edits another surface (side panel or meeting details) kept under the same key, if this one has none. */
  adoptStored(): void {
    this.send({ type: 'stored', kept: this.options.store.load() });
  }

  /** Stops timers and sends unsent edits with `keepalive`; they also stay on this device until confirmed. */
  dispose(): void {
    this.send({ type: 'dispose' });
  }

  /** Stops timers and state updates without sending. */
  stop(): void {
    this.send({ type: 'stop' });
  }

  private send(event: NotesEvent): void {
    const before = this.machine;
    const { state, effects } = transition(before, event, this.timings);
    this.machine = state;
    for (const effect of effects) this.run(effect);
    if (state.view !== before.view && state.kind !== 'stopped') this.options.onChange(state.view);
    if (!isBusy(state)) for (const resolve of this.settled.splice(0)) resolve();
  }

  private whenSettled(): Promise<void> {
    return isBusy(this.machine) ? new Promise((resolve) => this.settled.push(resolve)) : Promise.resolve();
  }

  private run(effect: NotesEffect): void {
    const { api, introId, store } = this.options;
    switch (effect.type) {
      case 'load':
        return void api.getNotes(introId).then(
          (view) => this.send({ type: 'loaded', view, kept: store.load() }),
          (error: unknown) => this.send({ type: 'loadFailed', failure: failureOf(error) }),
        );
      case 'save':
        return void this.save(effect).then(
          (result) =>
            this.send(
              result.ok
                ? { type: 'saved', sent: effect.body, view: result.view }
                : { type: 'conflict', current: result.current },
            ),
          (error: unknown) => this.send({ type: 'saveFailed', failure: failureOf(error) }),
        );
      case 'sendDetached':
        return void this.save(effect).then(
          (result) => void (result.ok && store.clearIfSent(effect.body)),
          () => undefined,
        );
      case 'keep':
        return void store.save(effect.edits);
      case 'clearIfSent':
        return void store.clearIfSent(effect.body);
      case 'clearKept':
        return store.clear();
      case 'schedule':
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.send({ type: 'timer' });
        }, effect.ms);
        return;
      case 'cancelTimer':
        clearTimeout(this.timer);
        this.timer = undefined;
        return;
    }
  }

  private save(effect: { body: NotesBody; baseVersion: number; keepalive: boolean }) {
    const { api, introId } = this.options;
    return effect.keepalive
      ? api.saveNotes(introId, effect.body, effect.baseVersion, { keepalive: true })
      : api.saveNotes(introId, effect.body, effect.baseVersion);
  }
}
