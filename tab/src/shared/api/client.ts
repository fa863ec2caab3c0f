import type {
  IntroList,
  IntroView,
  Me,
  NotesConflict,
  NotesView,
  RoleSwitchRequestBody,
  SessionActionRequest,
  SessionView,
  ShareRequest,
  ShareResult,
  StartInPersonRequest,
  StartIntroRequest,
  CarriedForward,
  HistoryList,
  HistorySearch,
} from '../../../../src/contract';

import type { NotesBody } from '../../../../src/domain/notes';
import { ApiError, toApiError } from './errors';
import { readEventStream } from './eventStream';
import { filenameFrom, HISTORY_PAGE_SIZE, searchQueryString, type DownloadedFile, type HistoryQuery } from './query';
import { createTransport, type ApiClientOptions } from './transport';

export { ApiError, isOffline, isTransient } from './errors';
export type { HistoryQuery } from './query';

/** The meeting's intro, or why there is none to show yet. */
type MeetingIntroResult =
  | { readonly kind: 'intro'; readonly view: IntroView }
  | { readonly kind: 'none' }
  /** Someone else set it up and the member slot is free: `message` names them. */
  | { readonly kind: 'awaiting'; readonly message: string };

/** A session poll: a new view, or the server's time when nothing changed (304); with when it was sent and received. */
export type SessionPoll = (
  { readonly changed: true; readonly view: SessionView } | { readonly changed: false; readonly serverNow: number }
) & { readonly sentAt: number; readonly receivedAt: number };

/**
 * What a session stream brings, each with when it arrived: a new view, or the server's time alone (a heartbeat, or the
 * first thing sent when the view this client has is still current). `openedAt` is when the stream was asked for.
 */
export type SessionPush = (
  { readonly kind: 'view'; readonly view: SessionView } | { readonly kind: 'time'; readonly serverNow: number }
) & { readonly receivedAt: number };

/** An open session stream: when it was asked for and answered, and what it brings until it ends. */
export interface SessionStream {
  readonly sentAt: number;
  readonly openedAt: number;
  readonly pushes: AsyncIterable<SessionPush>;
}

/** A notes save: the saved copy, or (412) the newer copy it would have overwritten. */
export type NotesSave =
  { readonly ok: true; readonly view: NotesView } | { readonly ok: false; readonly current: NotesView };

/** Typed calls to the Intro 1:1 REST API, for every page of the tab. */
export interface ApiClient {
  me(): Promise<Me>;
  getMeetingIntro(meetingId: string): Promise<MeetingIntroResult>;
  startMeetingIntro(meetingId: string, body?: StartIntroRequest): Promise<IntroView>;
  getIntro(introId: string): Promise<IntroView>;
  sessionAction(introId: string, request: SessionActionRequest): Promise<SessionView>;
  /** Polls the session with If-None-Match so an unchanged session costs a 304. */
  pollSession(introId: string, version: number | undefined): Promise<SessionPoll>;
  /** Opens the session's event stream, resuming after `version`; ends (or throws) when the stream breaks. */
  streamSession(introId: string, version: number | undefined, signal: AbortSignal): Promise<SessionStream>;
  getNotes(introId: string): Promise<NotesView>;
  /** `keepalive` lets the save finish after the page is gone (closing the panel). */
  saveNotes(introId: string, body: NotesBody, ifVersion: number, options?: { keepalive?: boolean }): Promise<NotesSave>;
  deleteNotes(introId: string): Promise<void>;
  /** Last time's goals and open follow-ups from the caller's own notes as leader with `memberId`. */
  carriedForward(memberId: string, excludeIntroId: string): Promise<CarriedForward>;
  /** One step of handing over the lead; answers the caller's intro after it. */
  roleSwitch(introId: string, action: RoleSwitchRequestBody['action']): Promise<IntroView>;
  /** The leader sends the member the chosen lists of the recap (never notes) in their chat with the bot. */
  shareWithMember(introId: string, parts: ShareRequest['parts']): Promise<ShareResult>;
  /** The caller's intros, newest first (one page). */
  listIntros(limit?: number): Promise<IntroList>;
  /** Creates an intro held in person now, led by the caller. */
  startInPerson(body: StartInPersonRequest): Promise<IntroView>;
  /** Opens an intro planned in person (coffee, lunch, a meeting room), to run or follow it. */
  openInPerson(introId: string): Promise<IntroView>;
  /** One page of the caller's history, newest first. */
  listHistory(cursor?: string): Promise<HistoryList>;
  searchHistory(query: HistoryQuery): Promise<HistorySearch>;
  /** Deletes everything the caller has stored (notes and keys). */
  deleteMyData(): Promise<void>;
  /** The caller's own data as a Markdown or CSV attachment. */
  download(format: 'md' | 'csv'): Promise<DownloadedFile>;
}

/** Creates the tab's one API client: JSON with the Teams SSO token, typed errors, 412 as a value. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { raw, read, check, send, sendEmpty } = createTransport(options);
  const now = options.now ?? (() => Date.now());
  const meeting = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/intro`;
  const intro = (introId: string, rest = '') => `/intros/${encodeURIComponent(introId)}${rest}`;
  const get = <T>(path: string, kind: Parameters<typeof send>[1]) => send<T>({ method: 'GET', path }, kind);
  return {
    me: () => get<Me>('/me', 'me'),
    async getMeetingIntro(meetingId) {
      try {
        return { kind: 'intro', view: await get<IntroView>(meeting(meetingId), 'introView') };
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
        return error.code === 'awaitingMember' ? { kind: 'awaiting', message: error.message } : { kind: 'none' };
      }
    },
    startMeetingIntro: (meetingId, body = {}) =>
      send<IntroView>({ method: 'POST', path: meeting(meetingId), body }, 'introView'),
    getIntro: (introId) => get<IntroView>(intro(introId), 'introView'),
    sessionAction: (introId, request) =>
      send<SessionView>({ method: 'POST', path: intro(introId, '/session'), body: request }, 'sessionView'),
    async pollSession(introId, version) {
      const sentAt = now();
      const headers: Record<string, string> = version === undefined ? {} : { 'If-None-Match': `"${version}"` };
      const response = await raw({ method: 'GET', path: intro(introId, '/session'), headers });
      const receivedAt = now();
      if (response.status === 304) {
        const serverNow = Number(response.headers.get('X-Server-Now'));
        return { changed: false, serverNow: Number.isFinite(serverNow) ? serverNow : receivedAt, sentAt, receivedAt };
      }
      if (!response.ok) throw await toApiError(response);
      return { changed: true, view: await read<SessionView>(response, 'sessionView'), sentAt, receivedAt };
    },
    async streamSession(introId, version, signal) {
      const sentAt = now();
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (version !== undefined) headers['Last-Event-ID'] = String(version);
      const response = await raw({ method: 'GET', path: intro(introId, '/session/events'), headers, signal });
      if (!response.ok || !response.body) throw await toApiError(response);
      const view = (data: string) => check<SessionView>(JSON.parse(data), 'sessionView');
      return { sentAt, openedAt: now(), pushes: sessionPushes(response.body, now, view) };
    },
    getNotes: (introId) => get<NotesView>(intro(introId, '/notes'), 'notesView'),
    async saveNotes(introId, body, ifVersion, saveOptions) {
      const path = intro(introId, '/notes');
      const headers = { 'If-Match': `"${ifVersion}"` };
      const response = await raw({ method: 'PUT', path, body, headers, keepalive: saveOptions?.keepalive });
      if (response.status === 412)
        return { ok: false, current: (await read<NotesConflict>(response, 'notesConflict')).current };
      if (!response.ok) throw await toApiError(response);
      return { ok: true, view: await read<NotesView>(response, 'notesView') };
    },
    deleteNotes: (introId) => sendEmpty({ method: 'DELETE', path: intro(introId, '/notes') }),
    carriedForward: (memberId, excludeIntroId) =>
      get<CarriedForward>(
        `/people/${encodeURIComponent(memberId)}/carried-forward?exclude=${encodeURIComponent(excludeIntroId)}`,
        'carriedForward',
      ),
    roleSwitch: (introId, action) =>
      send<IntroView>({ method: 'POST', path: intro(introId, '/role-switch'), body: { action } }, 'introView'),
    shareWithMember: (introId, parts) =>
      send<ShareResult>({ method: 'POST', path: intro(introId, '/share'), body: { parts } }, 'shareResult'),
    listIntros: (limit = 50) => get<IntroList>(`/intros?limit=${limit}`, 'introList'),
    startInPerson: (body) => send<IntroView>({ method: 'POST', path: '/in-person', body }, 'introView'),
    openInPerson: (introId) =>
      send<IntroView>({ method: 'POST', path: intro(introId, '/in-person'), body: {} }, 'introView'),
    listHistory: (cursor) =>
      get<HistoryList>(
        `/history?limit=${HISTORY_PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        'historyList',
      ),
    searchHistory: (query) => get<HistorySearch>(`/history/search?${searchQueryString(query)}`, 'historySearch'),
    deleteMyData: () => sendEmpty({ method: 'DELETE', path: '/me/data' }),
    async download(format) {
      const response = await raw({ method: 'GET', path: `/export.${format}` });
      if (!response.ok) throw await toApiError(response);
      const filename = filenameFrom(response.headers.get('Content-Disposition'), `intro-1on1.${format}`);
      return { blob: await response.blob(), filename };
    },
  };
}

/** The session views and server times a stream brings (other events and comments are skipped). */
async function* sessionPushes(
  body: ReadableStream<Uint8Array>,
  now: () => number,
  view: (data: string) => Promise<SessionView>,
): AsyncGenerator<SessionPush> {
  for await (const item of readEventStream(body)) {
    const receivedAt = now();
    if (item.kind === 'comment') {
      const serverNow = Number(item.text);
      if (item.text !== '' && Number.isFinite(serverNow)) yield { kind: 'time', serverNow, receivedAt };
    } else if (item.event.event === 'session') {
      yield { kind: 'view', view: await view(item.event.data), receivedAt };
    }
  }
}
