/**
 * Free-form JSON as stored in payload fields (command payloads and results, reference data).
 * Kept to plain JSON so every document survives structured clone, IndexedDB and the HTTP wire as is.
 */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

/** A JSON object: the shape of every free-form payload field. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}
