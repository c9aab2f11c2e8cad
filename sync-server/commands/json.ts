import type { JsonObject, JsonValue } from '../../core/model/json.ts';

/**
 * Domain values (Quote, PaymentRequest, HistoryEvent …) are plain JSON by construction (DESIGN §3:
 * every document survives structured clone and the wire), but TypeScript interfaces carry no index
 * signature. These two casts are the one place that crossing is stated.
 */
export function toJson(value: object): JsonObject {
  return value as JsonObject;
}

/** A stored document as its core type: it was validated against its collection schema on write. */
export function fromJson<T>(body: JsonObject): T {
  return body as unknown as T;
}

/** `value` as a trimmed non-empty string, or null. */
export function text(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** `value` as a JSON object (not an array), or null. */
export function object(value: JsonValue | undefined): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}
