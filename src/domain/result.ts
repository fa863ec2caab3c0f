/** An expected failure, carried as a value and mapped to HTTP or a bot reply at the edge. */
export interface Failure<C extends string = string> {
  readonly code: C;
  readonly message: string;
  /** The input field the failure is about, when there is one. */
  readonly field?: string;
}

/** The outcome of an operation that can fail in an expected way. */
export type Result<T, C extends string = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure<C> };

/** Wraps a value as a success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function fail<C extends string>(code: C, message: string, field?: string): { ok: false; error: Failure<C> } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** Fails loudly when a switch misses a case; the compiler checks it first. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
