import type { NotesView } from '../../../src/contract';
import { emptyNotesBody, type NotesBody } from '../../../src/domain/notes';
import { isSignInProblem, isTransient } from '../api/errors';
import { checkCaps } from './caps';
import { mergeNotes } from './merge';
import type { PendingEdits } from './pendingStore';
import { LOADING_STATE, type NotesSyncOptions, type NotesSyncState } from './syncState';

export { LOADING_STATE, type NotesSyncOptions, type NotesSyncState, type SaveStatus } from './syncState';

/** Browsers refuse keepalive requests with bodies over 64 KiB; bigger saves go as ordinary requests. */
const KEEPALIVE_MAX_CHARS = 60_000;

function bodyOf(view: NotesView): NotesBody {
  const { text, goals, issues, feedback, followUps } = view;
  return { text, goals, issues, feedback, followUps };
}

const sameBody = (a: NotesBody, b: NotesBody) => JSON.stringify(a) === JSON.stringify(b);
const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];

/**
 * Autosaves one person's notes: edits go to local storage at once and to the API after a pause in typing;
 * unsent edits survive reloads, outages and closing the panel, and a 412 is merged, not lost.
 */
export class NotesSync {
  private base: NotesBody = emptyNotesBody();
  private baseVersion = 0;
  private local: NotesBody = emptyNotesBody();
  /** Whether `local` holds edits the server has not confirmed. */
  private unsent = false;
  private state: NotesSyncState = LOADING_STATE;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private starting: Promise<void> | undefined;
  private inFlight = false;
  private again = false;
  private backoffMs = 1000;
  private loaded = false;
  private disposed = false;

  constructor(private readonly options: NotesSyncOptions) {}

  /** Loads the saved notes and any edits kept on this device (also those made while loading), then sends those. */
  start(): Promise<void> {
    this.starting ??= this.load().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Records an edit: kept on this device now, sent after a pause in typing. */
  edit(body: NotesBody): void {
    this.local = body;
    this.unsent = true;
    this.keep();
    const capError = checkCaps(body);
    if (capError) return this.set({ status: 'invalid', body, message: capError.message });
    const sticky = this.state.status === 'offline' || this.state.status === 'signInNeeded';
    this.set(sticky ? { body } : { status: 'pending', body, message: undefined });
    this.schedule(this.options.debounceMs ?? 800);
  }

  /** Sends unsent edits now (when online again, or with `keepalive` when the page goes away). */
  async flush(options: { keepalive?: boolean } = {}): Promise<void> {
    this.clearTimer();
    if (!this.loaded) return this.start();
    if (this.inFlight) {
      // The running request may die with the page: send the latest copy on its own, too.
      if (options.keepalive) this.sendDetached();
      else this.again = true;
      return;
    }
    if (checkCaps(this.local) || (!this.unsent && sameBody(this.local, this.base))) return;
    this.inFlight = true;
    const sent = this.local;
    this.set({ status: 'saving' });
    try {
      const result = await this.save(sent, options.keepalive);
      if (result.ok) this.saved(sent, result.view);
      else this.rebase(result.current);
      this.backoffMs = 1000;
    } catch (error) {
      this.failed(error, () => this.flush());
    } finally {
      this.inFlight = false;
    }
    if (this.again || (this.state.status === 'pending' && !this.timer)) {
      this.again = false;
      await this.flush();
    }
  }

  /** Picks up edits another surface (side panel or meeting details) kept under the same key, if this one has none. */
  adoptStored(): void {
    const kept = this.options.store.load();
    if (!kept || this.unsent || sameBody(kept.local, this.local)) return;
    this.adopt(kept);
    this.set({ status: this.loaded ? 'pending' : this.state.status, body: this.local });
  }

  /** Stops timers and sends unsent edits with `keepalive`; they also stay on this device until confirmed. */
  dispose(): void {
    this.stop();
    if (this.loaded && this.unsent) void this.flush({ keepalive: true });
  }

  /** Stops timers and state updates without sending. */
  stop(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private async load(): Promise<void> {
    if (!this.unsent) this.adopt(this.options.store.load());
    try {
      const view = await this.options.api.getNotes(this.options.introId);
      this.loaded = true;
      // Edits may have arrived while loading, here (`unsent`) or from another surface (the store): rebase them.
      if (!this.unsent) this.adopt(this.options.store.load());
      if (!this.unsent || (view.version === 0 && this.baseVersion > 0)) return this.fresh(view);
      if (view.version !== this.baseVersion) this.rebase(view);
      this.set({ loading: false });
      await this.flush();
    } catch (error) {
      this.set({ loading: false });
      this.failed(error, () => this.start());
    }
  }

  /** Shows the server's copy; pending edits based on notes since deleted (version 0) are dropped, not resurrected. */
  private fresh(view: NotesView): void {
    if (this.unsent) this.options.store.clear();
    Object.assign(this, { base: bodyOf(view), baseVersion: view.version, local: bodyOf(view), unsent: false });
    this.set({ status: 'idle', loading: false, body: this.local, message: undefined });
  }

  private adopt(kept: PendingEdits | undefined): void {
    if (!kept) return;
    Object.assign(this, { base: kept.base, baseVersion: kept.baseVersion, local: kept.local, unsent: true });
    this.set({ status: 'pending', body: kept.local });
  }

  private save(sent: NotesBody, keepalive = false) {
    const small = keepalive && JSON.stringify(sent).length <= KEEPALIVE_MAX_CHARS;
    const { api, introId } = this.options;
    return small
      ? api.saveNotes(introId, sent, this.baseVersion, { keepalive: true })
      : api.saveNotes(introId, sent, this.baseVersion);
  }

  private sendDetached(): void {
    const sent = this.local;
    this.save(sent, true).then(
      (result) => void (result.ok && this.options.store.clearIfSent(sent)),
      () => undefined,
    );
  }

  private saved(sent: NotesBody, view: NotesView): void {
    this.base = sent;
    this.baseVersion = view.version;
    if (sameBody(this.local, sent)) {
      this.unsent = false;
      this.options.store.clearIfSent(sent);
      this.set({ status: 'saved', message: undefined });
    } else {
      this.keep();
      this.set({ status: 'pending', message: undefined });
    }
  }

  private rebase(current: NotesView): void {
    const before = this.local;
    const remote = bodyOf(current);
    const merged = mergeNotes(this.base, before, remote);
    Object.assign(this, { base: remote, baseVersion: current.version, local: merged.body });
    const conflicts = union(this.state.conflicts, merged.conflicts);
    const itemConflicts = union(this.state.itemConflicts, merged.itemConflicts);
    if (sameBody(merged.body, remote)) {
      // Everything here is on the server already (e.g. sent as the page closed last time).
      this.unsent = false;
      this.options.store.clearIfSent(before);
      return this.set({ status: 'saved', body: this.local, conflicts, itemConflicts, message: undefined });
    }
    this.keep();
    this.set({ status: 'pending', body: this.local, conflicts, itemConflicts });
  }

  private failed(error: unknown, retry: () => Promise<void>): void {
    if (isSignInProblem(error)) {
      const reason = error instanceof Error ? ` (${error.message})` : '';
      const message = `Sign in to Teams again to save your notes; they are kept on this device until then.${reason}`;
      this.set({ status: 'signInNeeded', message });
      return this.retryIn(this.options.signInRetryMs ?? 60_000, retry);
    }
    if (!isTransient(error)) return this.set({ status: 'error', message: (error as Error).message });
    this.set({ status: 'offline', message: undefined });
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 5000);
    this.retryIn(wait, retry);
  }

  private keep(): void {
    this.options.store.save({ base: this.base, baseVersion: this.baseVersion, local: this.local });
  }

  private retryIn(ms: number, run: () => Promise<void>): void {
    if (this.disposed) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void run();
    }, ms);
  }

  private schedule(ms: number): void {
    this.retryIn(ms, () => this.flush());
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(patch: Partial<NotesSyncState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    this.options.onChange(this.state);
  }
}
