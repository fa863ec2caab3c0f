import type { NotesView } from '../../../src/domain/api';
import { emptyNotesBody, type NoteText, type NotesBody } from '../../../src/domain/notes';
import type { ApiClient } from '../api/client';
import { isTransient } from '../api/errors';
import { checkCaps } from './caps';
import { mergeNotes } from './merge';
import type { PendingStore } from './pendingStore';

/** What the save status line says. */
export type SaveStatus = 'loading' | 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'invalid' | 'error';

/** What the notes editor shows. */
export interface NotesSyncState {
  readonly status: SaveStatus;
  readonly body: NotesBody;
  readonly message?: string;
  /** Texts changed on two devices at once; both versions were kept, marked. */
  readonly conflicts: readonly (keyof NoteText)[];
}

/** What the notes sync needs. */
export interface NotesSyncOptions {
  readonly api: Pick<ApiClient, 'getNotes' | 'saveNotes'>;
  readonly introId: string;
  readonly store: PendingStore;
  readonly onChange: (state: NotesSyncState) => void;
  readonly debounceMs?: number;
  readonly maxBackoffMs?: number;
}

function bodyOf(view: NotesView): NotesBody {
  const { text, goals, issues, feedback, followUps } = view;
  return { text, goals, issues, feedback, followUps };
}

const sameBody = (a: NotesBody, b: NotesBody) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Autosaves one person's notes: edits go to local storage at once and to the API after a pause in typing;
 * unsent edits survive reloads and outages (retried with backoff and on `online`), and a 412 is merged, not lost.
 */
export class NotesSync {
  private base: NotesBody = emptyNotesBody();
  private baseVersion = 0;
  private local: NotesBody = emptyNotesBody();
  private state: NotesSyncState = { status: 'loading', body: emptyNotesBody(), conflicts: [] };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private again = false;
  private backoffMs = 1000;
  private loaded = false;
  private disposed = false;

  constructor(private readonly options: NotesSyncOptions) {}

  /** Loads the saved notes and any edits kept on this device, then sends those. */
  async start(): Promise<void> {
    const pending = this.options.store.load();
    if (pending) {
      Object.assign(this, { base: pending.base, baseVersion: pending.baseVersion, local: pending.local });
      this.set({ status: 'pending', body: pending.local });
    }
    try {
      const view = await this.options.api.getNotes(this.options.introId);
      this.loaded = true;
      if (!pending) {
        Object.assign(this, { base: bodyOf(view), baseVersion: view.version, local: bodyOf(view) });
        return this.set({ status: 'idle', body: this.local });
      }
      if (view.version !== pending.baseVersion) this.rebase(view);
      await this.flush();
    } catch (error) {
      if (!isTransient(error)) return this.set({ status: 'error', message: (error as Error).message });
      this.set({ status: 'offline' });
      this.retryLater(() => this.start());
    }
  }

  /** Records an edit: kept on this device now, sent after a pause in typing. */
  edit(body: NotesBody): void {
    this.local = body;
    this.options.store.save({ base: this.base, baseVersion: this.baseVersion, local: body });
    const capError = checkCaps(body);
    if (capError) return this.set({ status: 'invalid', body, message: capError.message });
    this.set({ status: this.state.status === 'offline' ? 'offline' : 'pending', body, message: undefined });
    this.schedule(this.options.debounceMs ?? 800);
  }

  /** Sends unsent edits now (e.g. when the browser says it is online again). */
  async flush(): Promise<void> {
    this.clearTimer();
    if (!this.loaded) return this.start();
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (checkCaps(this.local)) return;
    if (this.options.store.load() === undefined && sameBody(this.local, this.base)) return;
    this.inFlight = true;
    const sent = this.local;
    this.set({ status: 'saving' });
    try {
      const result = await this.options.api.saveNotes(this.options.introId, sent, this.baseVersion);
      if (result.ok) this.saved(sent, result.view);
      else this.rebase(result.current);
      this.backoffMs = 1000;
    } catch (error) {
      if (isTransient(error)) {
        this.set({ status: 'offline', message: undefined });
        this.retryLater(() => this.flush());
      } else this.set({ status: 'error', message: (error as Error).message });
    } finally {
      this.inFlight = false;
    }
    if (this.again || (this.state.status === 'pending' && !this.timer)) {
      this.again = false;
      await this.flush();
    }
  }

  /** Stops timers; pending edits stay on this device. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private saved(sent: NotesBody, view: NotesView): void {
    this.base = sent;
    this.baseVersion = view.version;
    if (sameBody(this.local, sent)) {
      this.options.store.clear();
      this.set({ status: 'saved' });
    } else {
      this.options.store.save({ base: this.base, baseVersion: this.baseVersion, local: this.local });
      this.set({ status: 'pending' });
    }
  }

  private rebase(current: NotesView): void {
    const merged = mergeNotes(this.base, this.local, bodyOf(current));
    this.base = bodyOf(current);
    this.baseVersion = current.version;
    this.local = merged.body;
    this.options.store.save({ base: this.base, baseVersion: this.baseVersion, local: this.local });
    const conflicts = [...new Set([...this.state.conflicts, ...merged.conflicts])];
    this.set({ status: 'pending', body: this.local, conflicts });
  }

  private retryLater(run: () => Promise<void>): void {
    if (this.disposed) return;
    this.clearTimer();
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 5000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void run();
    }, wait);
  }

  private schedule(ms: number): void {
    if (this.disposed) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
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
