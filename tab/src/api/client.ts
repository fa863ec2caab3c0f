import type {
  IntroList,
  IntroView,
  Me,
  NotesConflict,
  NotesView,
  RoleSwitchRequestBody,
  SessionActionRequest,
  SessionView,
  StartInPersonRequest,
  StartIntroRequest,
} from '../../../src/contract';
import type { CarriedForward } from '../../../src/contract';
import type { NotesBody } from '../../../src/domain/notes';
import { ApiError, toApiError } from './errors';

export { ApiError } from './errors';

/** The meeting's intro, or why there is none to show yet. */
export type MeetingIntroResult =
  | { readonly kind: 'intro'; readonly view: IntroView }
  | { readonly kind: 'none' }
  /** Someone else set it up and the member slot is free: `message` names them. */
  | { readonly kind: 'awaiting'; readonly message: string };

/** A session poll: a new view, or the server's time when nothing changed (304); with when it was sent and received. */
export type SessionPoll = (
  { readonly changed: true; readonly view: SessionView } | { readonly changed: false; readonly serverNow: number }
) & { readonly sentAt: number; readonly receivedAt: number };

/** A notes save: the saved copy, or the newer copy it would have overwritten. */
export type NotesSave =
  { readonly ok: true; readonly view: NotesView } | { readonly ok: false; readonly current: NotesView };

/** Typed calls to the Intro 1:1 REST API. */
export interface ApiClient {
  me(): Promise<Me>;
  getMeetingIntro(meetingId: string): Promise<MeetingIntroResult>;
  startMeetingIntro(meetingId: string, body?: StartIntroRequest): Promise<IntroView>;
  sessionAction(introId: string, request: SessionActionRequest): Promise<SessionView>;
  /** Polls the session with If-None-Match so an unchanged session costs a 304. */
  pollSession(introId: string, version: number | undefined): Promise<SessionPoll>;
  getNotes(introId: string): Promise<NotesView>;
  /** `keepalive` lets the save finish after the page is gone (closing the panel). */
  saveNotes(introId: string, body: NotesBody, ifVersion: number, options?: { keepalive?: boolean }): Promise<NotesSave>;
  /** Last time's goals and open follow-ups from the caller's own notes as leader with `memberId`. */
  carriedForward(memberId: string, excludeIntroId: string): Promise<CarriedForward>;
  /** One step of handing over the lead; answers the caller's intro after it. */
  roleSwitch(introId: string, action: RoleSwitchRequestBody['action']): Promise<IntroView>;
  /** The caller's intros, newest first (one page). */
  listIntros(limit?: number): Promise<IntroList>;
  /** Creates an intro held in person now, led by the caller. */
  startInPerson(body: StartInPersonRequest): Promise<IntroView>;
  /** Opens an intro planned in person (coffee, lunch, a meeting room), to run or follow it. */
  openInPerson(introId: string): Promise<IntroView>;
}

/** Where the client sends requests and how it gets a bearer token. */
export interface ApiClientOptions {
  readonly getToken: () => Promise<string>;
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

interface Request {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly keepalive?: boolean;
}

/** Creates an API client that sends JSON with the Teams SSO token (fetched again once on 401) and maps errors. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = `${options.baseUrl ?? ''}/api/v1`;
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  let token: Promise<string> | undefined;

  async function bearer(): Promise<string> {
    token ??= options.getToken();
    try {
      return await token;
    } catch (error) {
      token = undefined;
      throw new ApiError(0, 'signIn', error instanceof Error ? error.message : String(error));
    }
  }

  async function raw(request: Request, retried = false): Promise<Response> {
    const auth = await bearer();
    let response: Response;
    try {
      response = await doFetch(`${base}${request.path}`, {
        method: request.method,
        headers: {
          Authorization: `Bearer ${auth}`,
          Accept: 'application/json',
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...request.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        ...(request.keepalive ? { keepalive: true } : {}),
      });
    } catch {
      throw new ApiError(0, 'offline', 'Cannot reach the Intro 1:1 server. Check your connection and retry.');
    }
    // The server may have restarted with new keys, or the token expired: get a fresh one once.
    if (response.status === 401 && !retried) {
      token = undefined;
      return raw(request, true);
    }
    return response;
  }

  async function send<T>(request: Request): Promise<T> {
    const response = await raw(request);
    if (!response.ok) throw await toApiError(response);
    return (await response.json()) as T;
  }

  const meeting = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/intro`;
  const intro = (introId: string, rest: string) => `/intros/${encodeURIComponent(introId)}${rest}`;
  return {
    me: () => send<Me>({ method: 'GET', path: '/me' }),
    async getMeetingIntro(meetingId) {
      try {
        return { kind: 'intro', view: await send<IntroView>({ method: 'GET', path: meeting(meetingId) }) };
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
        return error.code === 'awaitingMember' ? { kind: 'awaiting', message: error.message } : { kind: 'none' };
      }
    },
    startMeetingIntro: (meetingId, body = {}) => send<IntroView>({ method: 'POST', path: meeting(meetingId), body }),
    sessionAction: (introId, request) =>
      send<SessionView>({ method: 'POST', path: intro(introId, '/session'), body: request }),
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
      return { changed: true, view: (await response.json()) as SessionView, sentAt, receivedAt };
    },
    getNotes: (introId) => send<NotesView>({ method: 'GET', path: intro(introId, '/notes') }),
    async saveNotes(introId, body, ifVersion, options) {
      const path = intro(introId, '/notes');
      const headers = { 'If-Match': `"${ifVersion}"` };
      const response = await raw({ method: 'PUT', path, body, headers, keepalive: options?.keepalive });
      if (response.status === 412) return { ok: false, current: ((await response.json()) as NotesConflict).current };
      if (!response.ok) throw await toApiError(response);
      return { ok: true, view: (await response.json()) as NotesView };
    },
    carriedForward: (memberId, excludeIntroId) =>
      send<CarriedForward>({
        method: 'GET',
        path: `/people/${encodeURIComponent(memberId)}/carried-forward?exclude=${encodeURIComponent(excludeIntroId)}`,
      }),
    roleSwitch: (introId, action) =>
      send<IntroView>({ method: 'POST', path: intro(introId, '/role-switch'), body: { action } }),
    listIntros: (limit = 50) => send<IntroList>({ method: 'GET', path: `/intros?limit=${limit}` }),
    startInPerson: (body) => send<IntroView>({ method: 'POST', path: '/in-person', body }),
    openInPerson: (introId) => send<IntroView>({ method: 'POST', path: intro(introId, '/in-person'), body: {} }),
  };
}
