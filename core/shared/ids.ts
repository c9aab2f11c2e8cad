import type { Brand } from './brand.ts';

export type DossierId = Brand<string, 'DossierId'>;
export type QuoteId = Brand<string, 'QuoteId'>;
export type QuoteLineId = Brand<string, 'QuoteLineId'>;
export type ClientId = Brand<string, 'ClientId'>;
export type ProductId = Brand<string, 'ProductId'>;
export type OfferId = Brand<string, 'OfferId'>;
export type PaymentId = Brand<string, 'PaymentId'>;
export type UserId = Brand<string, 'UserId'>;
export type DeviceId = Brand<string, 'DeviceId'>;

/** Produces unique ids; injected so that tests are deterministic (DESIGN §1). */
export interface IdGenerator {
  next(): string;
}

/** Ids are 1–64 characters of `[A-Za-z0-9_-]`, the shape the RxDB primary keys accept. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A deterministic generator for tests and fixtures: `prefix-1`, `prefix-2`, … */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
}
