import type { IntroView, Me, SessionActionRequest, SessionView, StartIntroRequest } from '../../../src/domain/api';

/** A failed /api/v1 call: the HTTP status and the server's error code and message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Typed calls to the Intro 1:1 REST API. */
export interface ApiClient {
  me(): Promise<Me>;
  /** The intro held in a meeting, or undefined when there is none yet (404). */
  getMeetingIntro(meetingId: string): Promise<IntroView | undefined>;
  startMeetingIntro(meetingId: string, body?: StartIntroRequest): Promise<IntroView>;
  sessionAction(introId: string, action: SessionActionRequest['action']): Promise<SessionView>;
}

/** Where the client sends requests and how it gets a bearer token. */
export interface ApiClientOptions {
  readonly getToken: () => Promise<string>;
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const code = typeof body.error?.code === 'string' ? body.error.code : `http${response.status}`;
  const message =
    typeof body.error?.message === 'string'
      ? body.error.message
      : `The server answered ${response.status} ${response.statusText}. Try again in a moment.`;
  const field = typeof body.error?.field === 'string' ? body.error.field : undefined;
  return new ApiError(response.status, code, message, field);
}

/** Creates an API client that sends JSON with the Teams SSO token and maps error bodies to ApiError. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = `${options.baseUrl ?? ''}/api/v1`;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const token = await options.getToken();
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'offline', 'Cannot reach the Intro 1:1 server. Check your connection and retry.');
    }
    if (!response.ok) throw await toApiError(response);
    return (await response.json()) as T;
  }

  const meeting = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/intro`;
  return {
    me: () => send<Me>('GET', '/me'),
    async getMeetingIntro(meetingId) {
      try {
        return await send<IntroView>('GET', meeting(meetingId));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      }
    },
    startMeetingIntro: (meetingId, body = {}) => send<IntroView>('POST', meeting(meetingId), body),
    sessionAction: (introId, action) =>
      send<SessionView>('POST', `/intros/${encodeURIComponent(introId)}/session`, { action }),
  };
}
