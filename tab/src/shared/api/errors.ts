/** A failed /api/v1 call: the HTTP status (0 when the server could not be reached) and the server's code and message. */
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

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

/** Reads an error body into an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const code = typeof body.error?.code === 'string' ? body.error.code : `http${response.status}`;
  const message =
    typeof body.error?.message === 'string'
      ? body.error.message
      : `The server answered ${response.status} ${response.statusText}. Try again in a moment.`;
  const field = typeof body.error?.field === 'string' ? body.error.field : undefined;
  return new ApiError(response.status, code, message, field);
}

/**
 * Whether the person must sign in again: getting a token failed, or the server still answered 401 after the client
 * fetched a fresh token once. Retrying soon does not help.
 */
export function isSignInProblem(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'signIn' || error.status === 401);
}

/** Whether a failure may go away by itself (server unreachable, restarting or overloaded); sign-in problems do not. */
export function isTransient(error: unknown): boolean {
  if (isSignInProblem(error)) return false;
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}
