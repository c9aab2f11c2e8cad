import type { Clock } from '../../core/shared/clock.ts';
import type { IdGenerator } from '../../core/shared/ids.ts';

/** The wall clock, injected into core operations (DESIGN §1). */
export const systemClock: Clock = { now: () => new Date().toISOString() };

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random ids that fit the RxDB primary-key pattern `[A-Za-z0-9_-]{1,64}`: a time prefix (so new
 * documents land together in IndexedDB's B-trees) and 16 random base-36 characters (~82 bits).
 * `crypto.getRandomValues` works in insecure contexts too, unlike `randomUUID`.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let tail = '';
  for (const byte of bytes) tail += ALPHABET[byte % 36];
  return `${Date.now().toString(36)}-${tail}`;
}

export const randomIds: IdGenerator = { next: randomId };
