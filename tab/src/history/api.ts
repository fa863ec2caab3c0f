import type { IntroView, NotesView } from '../../../src/contract';
import type { HistoryList, HistorySearch } from '../../../src/contract';
import type { FollowUpFilter } from '../../../src/domain/history';
import type { NotesBody } from '../../../src/domain/notes';
import type { Me } from '../../../src/contract';
import { ApiError, type ApiClientOptions } from '../api/client';
import { clearPending, type KeyValueStorage } from '../notes/pendingStore';
import { clearCachedViews } from '../inperson/viewCache';
import { clearQueued } from '../sync/actionQueue';
import { browserStorage } from '../sync/deviceStorage';

/** Outcome of saving notes: the saved copy, or the newer copy the server kept (412). */
export type SaveNotesOutcome =
  { readonly ok: true; readonly notes: NotesView } | { readonly ok: false; readonly current: NotesView };

/** What to search: words in one's own notes, a person, a follow-up state. */
export interface HistoryQuery {
  readonly q?: string;
  readonly person?: string;
  readonly followUps?: FollowUpFilter;
}

/** A file the server sent as an attachment. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** Calls the personal tab makes to /api/v1. */
export interface HistoryApi {
  list(cursor?: string): Promise<HistoryList>;
  search(query: HistoryQuery): Promise<HistorySearch>;
  intro(id: string): Promise<IntroView>;
  notes(id: string): Promise<NotesView>;
  saveNotes(id: string, body: NotesBody, version: number): Promise<SaveNotesOutcome>;
  deleteNotes(id: string): Promise<void>;
  deleteAllMyData(): Promise<void>;
  download(format: 'md' | 'csv'): Promise<DownloadedFile>;
}

/** Page size of the history list. */
export const HISTORY_PAGE_SIZE = 20;

async function errorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: unknown; message?: unknown } };
  const code = typeof body.error?.code === 'string' ? body.error.code : `http${response.status}`;
  const message =
    typeof body.error?.message === 'string' ? body.error.message : `The server answered ${response.status}.`;
  return new ApiError(response.status, code, message);
}

/** The filename in a Content-Disposition header, or a fallback. */
export function filenameFrom(header: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(header ?? '');
  return match?.[1] ?? fallback;
}

/** The query string of a history search, leaving out what is not set. */
export function searchQueryString(query: HistoryQuery): string {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.person) params.set('person', query.person);
  if (query.followUps) params.set('followUps', query.followUps);
  return params.toString();
}

/** Where edits not yet sent from the meeting surfaces are kept, so deleting notes here deletes those copies too. */
export interface PendingNotesOptions {
  /** This browser's storage (default `localStorage`; none outside a browser). */
  readonly pendingStorage?: KeyValueStorage;
}

/** Creates the personal tab's API client; the bearer token comes from Teams SSO on every call. */
export function createHistoryApi(options: ApiClientOptions & PendingNotesOptions): HistoryApi {
  const base = `${options.baseUrl ?? ''}/api/v1`;
  const doFetch = options.fetch ?? ((input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, init));
  async function call(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { Authorization: `Bearer ${await options.getToken()}`, ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await doFetch(`${base}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch {
      throw new ApiError(0, 'offline', 'Cannot reach the Intro 1:1 server. Check your connection and retry.');
    }
  }
  async function json<T>(path: string): Promise<T> {
    const response = await call('GET', path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }
  async function remove(path: string): Promise<void> {
    const response = await call('DELETE', path);
    if (!response.ok) throw await errorFrom(response);
  }
  const storage = options.pendingStorage ?? browserStorage();
  let me: Promise<Me> | undefined;
  /** Removes this device's unsent copies so they cannot bring deleted notes back (all intros when no id). */
  async function forgetPending(introId?: string): Promise<void> {
    if (!storage) return;
    me ??= json<Me>('/me');
    const who = await me.catch(() => undefined);
    if (!who) me = undefined;
    else clearPending(storage, { tenantId: who.tenantId, userId: who.userId }, introId);
    // All data gone: so are the in-person copies this device kept (queued actions, intros opened offline).
    if (who && introId === undefined) {
      clearQueued(storage, { tenantId: who.tenantId, userId: who.userId });
      clearCachedViews(storage, { tenantId: who.tenantId, userId: who.userId });
    }
  }
  const intro = (id: string) => `/intros/${encodeURIComponent(id)}`;
  return {
    list: (cursor) =>
      json(`/history?limit=${HISTORY_PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    search: (query) => json(`/history/search?${searchQueryString(query)}`),
    intro: (id) => json(intro(id)),
    notes: (id) => json(`${intro(id)}/notes`),
    async saveNotes(id, body, version) {
      const response = await call('PUT', `${intro(id)}/notes`, { body, headers: { 'If-Match': `"${version}"` } });
      if (response.status === 412)
        return { ok: false, current: ((await response.json()) as { current: NotesView }).current };
      if (!response.ok) throw await errorFrom(response);
      return { ok: true, notes: (await response.json()) as NotesView };
    },
    async deleteNotes(id) {
      await remove(`${intro(id)}/notes`);
      await forgetPending(id);
    },
    async deleteAllMyData() {
      await remove('/me/data');
      await forgetPending();
    },
    async download(format) {
      const response = await call('GET', `/export.${format}`);
      if (!response.ok) throw await errorFrom(response);
      const fallback = `intro-1on1.${format}`;
      return {
        blob: await response.blob(),
        filename: filenameFrom(response.headers.get('Content-Disposition'), fallback),
      };
    },
  };
}
