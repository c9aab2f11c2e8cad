/**
 * Small payload validators for IPC requests. The renderer is treated as untrusted (a compromised
 * page can call `ipcRenderer.invoke` with anything), so every handler validates its payload before
 * use: Electron security checklist §17 "Validate the sender of all IPC messages" covers who sent
 * it, these cover what was sent. Objects with unknown keys are refused so that a typo or an
 * injected field never passes silently.
 */
import type { Result } from '../../core/shared/result.ts';

/** A validator answers the typed value or a message saying what is wrong (at which path). */
export type Validator<T> = (input: unknown, path?: string) => Result<T, 'INVALID_PAYLOAD'>;

function invalid(path: string, expected: string): { ok: false; error: { code: 'INVALID_PAYLOAD'; message: string } } {
  return { ok: false, error: { code: 'INVALID_PAYLOAD', message: `${path}: expected ${expected}` } };
}

/** Requests without a payload: `invoke(channel)` sends `undefined`. */
export const noPayload: Validator<null> = (input, path = 'payload') =>
  input === undefined || input === null ? { ok: true, value: null } : invalid(path, 'no payload');

/** A string of bounded length, optionally matching a pattern. */
export function string(options: { minLength?: number; maxLength: number; pattern?: RegExp }): Validator<string> {
  return (input, path = 'payload') => {
    if (typeof input !== 'string') return invalid(path, 'a string');
    if (input.length < (options.minLength ?? 0) || input.length > options.maxLength) {
      return invalid(path, `a string of ${options.minLength ?? 0} to ${options.maxLength} characters`);
    }
    if (options.pattern && !options.pattern.test(input)) return invalid(path, `a string matching ${options.pattern}`);
    return { ok: true, value: input };
  };
}

/** An integer in a closed range. */
export function integer(min: number, max: number): Validator<number> {
  return (input, path = 'payload') =>
    typeof input === 'number' && Number.isInteger(input) && input >= min && input <= max
      ? { ok: true, value: input }
      : invalid(path, `an integer between ${min} and ${max}`);
}

export const boolean: Validator<boolean> = (input, path = 'payload') =>
  typeof input === 'boolean' ? { ok: true, value: input } : invalid(path, 'a boolean');

/** One of a closed set of string literals. */
export function oneOf<const T extends string>(values: readonly T[]): Validator<T> {
  return (input, path = 'payload') =>
    typeof input === 'string' && (values as readonly string[]).includes(input)
      ? { ok: true, value: input as T }
      : invalid(path, `one of ${values.join(', ')}`);
}

/** Binary data; structured clone turns a renderer `Uint8Array` (or `ArrayBuffer` view) into one here. */
export function bytes(maxBytes: number): Validator<Uint8Array> {
  return (input, path = 'payload') => {
    if (!(input instanceof Uint8Array)) return invalid(path, 'a Uint8Array');
    if (input.byteLength === 0 || input.byteLength > maxBytes) return invalid(path, `1 to ${maxBytes} bytes`);
    return { ok: true, value: input };
  };
}

type Shape = Record<string, Validator<unknown>>;
type ShapeValue<S extends Shape> = { readonly [K in keyof S]: S[K] extends Validator<infer V> ? V : never };

/** A plain object with exactly these keys (no more, no fewer). */
export function object<S extends Shape>(shape: S): Validator<ShapeValue<S>> {
  return (input, path = 'payload') => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return invalid(path, 'an object');
    const record = input as Record<string, unknown>;
    const unknownKey = Object.keys(record).find((key) => !Object.hasOwn(shape, key));
    if (unknownKey !== undefined) return invalid(`${path}.${unknownKey}`, 'no such field');
    const value: Record<string, unknown> = {};
    for (const [key, validate] of Object.entries(shape)) {
      const field = validate(record[key], `${path}.${key}`);
      if (!field.ok) return field;
      value[key] = field.value;
    }
    return { ok: true, value: value as ShapeValue<S> };
  };
}

/** A union of objects told apart by a string field (e.g. `target: 'window' | 'pdf'`). */
export function discriminated<K extends string, const V extends Record<string, Validator<unknown>>>(
  key: K,
  variants: V,
): Validator<V[keyof V] extends Validator<infer T> ? T : never> {
  return (input, path = 'payload') => {
    if (typeof input !== 'object' || input === null) return invalid(path, 'an object');
    const tag = (input as Record<string, unknown>)[key];
    if (typeof tag !== 'string' || !Object.hasOwn(variants, tag)) return invalid(`${path}.${key}`, `one of ${Object.keys(variants).join(', ')}`);
    const variant = variants[tag] as Validator<V[keyof V] extends Validator<infer T> ? T : never>;
    return variant(input, path);
  };
}
