import { seededRandom } from '../offers/prng.ts';
import type { Random } from '../offers/prng.ts';

export type { Random };
export { seededRandom };

/** A 32-bit hash of the inputs (murmur3's finaliser over a running mix): well spread, stable everywhere. */
function mix(...values: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A number per collection name, so two collections never share a random stream. */
export function streamId(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The random stream of document `index` of a collection: each document is drawn from its own
 * stream, so any one of them can be generated alone (the last of 200 000 as cheaply as the first)
 * and documents never depend on the order they are asked for in.
 */
export function docRandom(seed: number, stream: number, index: number): Random {
  return seededRandom(mix(seed, stream, index));
}

/** One of `items`, each with its relative weight. */
export function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = items.at(-1);
  if (last === undefined) throw new RangeError('weighted() needs at least one item');
  return last[0];
}
