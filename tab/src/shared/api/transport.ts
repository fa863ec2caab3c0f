import { ApiError, offlineError, signInError, toApiError } from './errors';

/** The answers the client can check against the contract (in development and tests). */
export type ResponseKind =
  | 'me'
  | 'introView'
  | 'introList'
  | 'sessionView'
  | 'notesView'
  | 'notesConflict'
  | 'carriedForward'
  | 'historyList'
  | 'historySearch'
  | 'shareResult';

/** Checks an answer's body: a description of what is wrong, or undefined when it fits. */
export type ResponseValidator = (kind: ResponseKind, body: unknown) => string | undefined;

/** Where the client sends requests, how it gets a bearer token and whether it checks answers. */
export interface ApiClientOptions {
  readonly getToken: () => Promise<string>;
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** Loads the answer checker; left out in the production build so zod stays out of the bundle. */
  readonly loadValidator?: () => Promise<ResponseValidator>;
}

/** One HTTP request to /api/v1. */
interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly keepalive?: boolean;
  /** Aborts the request, or a streamed answer while it is read. */
  readonly signal?: AbortSignal;
}

/** Sends requests with the SSO token (fetched again once on 401), maps failures to ApiError and checks answers. */
export function createTransport(options: ApiClientOptions) {
  const base = `${options.baseUrl ?? ''}/api/v1`;
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  let token: Promise<string> | undefined;
  let validator: Promise<ResponseValidator> | undefined;

  async function bearer(): Promise<string> {
    token ??= options.getToken();
    try {
      return await token;
    } catch (error) {
      token = undefined;
      throw signInError(error);
    }
  }

  /** The answer as it came (any status but a first 401); an unreachable server is an `offline` ApiError. */
  async function raw(request: ApiRequest, retried = false): Promise<Response> {
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
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch {
      throw offlineError();
    }
    // The server may have restarted with new keys, or the token expired: get a fresh one once.
    if (response.status === 401 && !retried) {
      token = undefined;
      return raw(request, true);
    }
    return response;
  }

  /** A body the server sent (an answer, or an event of a stream), checked against the contract when a validator is loaded. */
  async function check<T>(body: unknown, kind: ResponseKind, status = 200): Promise<T> {
    if (options.loadValidator) {
      validator ??= options.loadValidator();
      const problem = (await validator)(kind, body);
      if (problem) {
        const message = `The server's answer (${kind}) does not match the contract: ${problem}`;
        throw new ApiError(status, 'invalidResponse', message);
      }
    }
    return body as T;
  }

  /** The answer's JSON body, checked against the contract when a validator is loaded. */
  async function read<T>(response: Response, kind: ResponseKind): Promise<T> {
    return check<T>(await response.json(), kind, response.status);
  }

  /** Sends a request and reads a successful answer, or throws the server's error. */
  async function send<T>(request: ApiRequest, kind: ResponseKind): Promise<T> {
    const response = await raw(request);
    if (!response.ok) throw await toApiError(response);
    return read<T>(response, kind);
  }

  /** Sends a request whose successful answer has no body worth reading. */
  async function sendEmpty(request: ApiRequest): Promise<void> {
    const response = await raw(request);
    if (!response.ok) throw await toApiError(response);
  }

  return { raw, read, check, send, sendEmpty };
}
