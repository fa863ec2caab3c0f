import type { NotesView } from '../../../src/contract';
import { emptyNotesBody, type FollowUp, type NotesBody } from '../../../src/domain/notes';
import type { NotesSave } from '../../../tab/src/shared/api/client';
import { NotesSync, type NotesSyncState } from '../../../tab/src/notes/notesSync';
import type { KeyValueStorage } from '../../../tab/src/shared/deviceStorage';
import { pendingStore } from '../../../tab/src/notes/pendingStore';

/** An in-memory `localStorage`, listable like the real one. */
export function memoryStorage(): KeyValueStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}

/** Notes with one goals text and some follow-ups. */
export function notes(goals: string, followUps: FollowUp[] = []): NotesBody {
  return { ...emptyNotesBody(), text: { ...emptyNotesBody().text, goals }, followUps };
}

/** A follow-up item. */
export const followUp = (id: string, text: string, done = false): FollowUp => ({ id, text, owner: 'leader', done });

/** The server's view of a body at a version. */
export function view(body: NotesBody, version: number): NotesView {
  return { ...body, version } as unknown as NotesView;
}

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void };
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

/** A save the fake API received. */
export interface SaveCall {
  readonly body: NotesBody;
  readonly ifVersion: number;
  readonly options?: { keepalive?: boolean };
}

/** A fake notes API: a server copy with versions and If-Match, or answers held until the test releases them. */
export function fakeApi(initial: NotesView = view(emptyNotesBody(), 0)) {
  const fake = {
    server: initial,
    saves: [] as SaveCall[],
    gets: 0,
    /** When set, the next getNotes waits for the test to resolve it. */
    heldGet: undefined as Deferred<NotesView> | undefined,
    /** When set, getNotes and saveNotes fail with it. */
    failWith: undefined as unknown,
    holdNextGet(): Deferred<NotesView> {
      fake.heldGet = deferred<NotesView>();
      return fake.heldGet;
    },
    async getNotes(): Promise<NotesView> {
      fake.gets++;
      if (fake.failWith) throw fake.failWith;
      const held = fake.heldGet;
      fake.heldGet = undefined;
      return held ? held.promise : fake.server;
    },
    async saveNotes(_id: string, body: NotesBody, ifVersion: number, options?: { keepalive?: boolean }) {
      fake.saves.push(options ? { body, ifVersion, options } : { body, ifVersion });
      if (fake.failWith) throw fake.failWith;
      if (ifVersion !== fake.server.version) return { ok: false, current: fake.server } as NotesSave;
      fake.server = view(body, fake.server.version + 1);
      return { ok: true, view: fake.server } as NotesSave;
    },
  };
  return fake;
}

/** A NotesSync on a fake API and in-memory storage, recording its states. */
export function setup(api = fakeApi(), storage = memoryStorage()) {
  const store = pendingStore(storage, { tenantId: 't', userId: 'u', introId: 'i' });
  const states: NotesSyncState[] = [];
  const sync = new NotesSync({ api, introId: 'i', store, onChange: (state) => states.push(state), debounceMs: 100 });
  const last = () => states[states.length - 1];
  return { api, storage, store, sync, states, last };
}
