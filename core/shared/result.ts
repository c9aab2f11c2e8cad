/**
 * Expected business failures are values, not exceptions (see STYLE.md).
 * `E` is a closed union of string codes so callers can switch over every case.
 */
export type Result<T, E extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: Failure<E> };

/** What crosses IPC and HTTP for an expected failure. */
export interface Failure<E extends string = string> {
  readonly code: E;
  readonly message: string;
}

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E extends string>(code: E, message: string): { readonly ok: false; readonly error: Failure<E> } {
  return { ok: false, error: { code, message } };
}

/** Unwraps a result whose failure would be a programming error (tests, fixtures, invariants). */
export function unwrap<T, E extends string>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
