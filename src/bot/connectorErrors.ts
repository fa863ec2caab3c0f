/** The HTTP status of a failed Bot Framework connector call, when it has one. */
export function statusOf(error: unknown): number | undefined {
  const failed = error as { statusCode?: unknown; response?: { status?: unknown } } | undefined;
  const status = failed?.statusCode ?? failed?.response?.status;
  return typeof status === 'number' ? status : undefined;
}
