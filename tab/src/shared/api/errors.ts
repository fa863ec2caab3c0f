/** The server's error body: `{ error: { code, message, field? } }`. */
interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string };
}

/** A failed /api/v1 call: the HTTP status (0 when the call never got an answer) and the server's code and message. */
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

/** The server could not be reached (network down, DNS, CORS, aborted): transient, queues keep the work and retry. */
export function offlineError(): ApiError {
  return new ApiError(0, 'offline', 'Cannot reach the Intro 1:1 server. Check your connection and retry.');
}

/** Getting a Teams SSO token failed: the person must sign in again. */
export function signInError(cause: unknown): ApiError {
  return new ApiError(0, 'signIn', cause instanceof Error ? cause.message : String(cause));
}

/** Reads an error body (whatever the server or a proxy sent) into an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: Partial<Record<keyof ErrorBody['error'], unknown>>;
  };
  const code = typeof body.error?.code === 'string' ? body.error.code : `http${response.status}`;
  const message =
    typeof body.error?.message === 'string'
      ? body.error.message
      : `The server answered ${response.status} ${response.statusText}. Try again in a moment.`;
  const field = typeof body.error?.field === 'string' ? body.error.field : undefined;
  return new ApiError(response.status, code, message, field);
}

/** Whether the call never reached the server (the device is offline or the server is down). */
export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'offline' && error.status === 0;
}

/**
 * Whether the person must sign in again: getting a token failed, or the server still answered 401 after the client
 * fetched a fresh token once. Retrying soon does not help.
 */
export function isSignInProblem(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'signIn' || error.status === 401);
}

/**
 * Whether the server refused to store anything because its storage is full or read-only (507 `insufficientStorage`):
 * nothing was saved, its message says so, and it passes by itself once storage is back, so queues keep the work.
 */
export function isStorageRefused(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'insufficientStorage';
}

/**
 * Whether a failure may go away by itself (server unreachable, restarting or overloaded, or its storage full: every
 * 5xx); sign-in problems do not.
 */
export function isTransient(error: unknown): boolean {
  if (isSignInProblem(error)) return false;
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}
