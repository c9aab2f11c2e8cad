import { describe, expect, it } from 'vitest';
import { isCaughtUp, KnownSequence, requestChunks } from './collection-replication.ts';

const at = (seq: number, epoch = 'e') => ({ epoch, seq });
const written = (from: number, to: number, epoch = 'e') => ({ epoch, from, to });

describe('the sequence a client knows it holds', () => {
  it('follows pulls, never moving back within an epoch', () => {
    const known = new KnownSequence();
    expect(known.checkpoint).toBeNull();
    known.pulled(at(5));
    known.pulled(at(3));
    expect(known.checkpoint).toEqual(at(5));
    // Another epoch (a restored server): start over from what the server says.
    known.pulled(at(1, 'restored'));
    expect(known.checkpoint).toEqual(at(1, 'restored'));
  });

  it('moves over its own writes only when they continue what it holds', () => {
    const known = new KnownSequence();
    known.pulled(at(10));
    known.pushed(written(11, 12));
    expect(known.checkpoint).toEqual(at(12));
    // Sequence 13 is someone else's write, not pulled yet: 14…15 must not hide it.
    known.pushed(written(14, 15));
    expect(known.checkpoint).toEqual(at(12));
    expect(isCaughtUp(known.checkpoint, at(15))).toBe(false);
    // Once 13 is pulled, the report waiting for it applies.
    known.pulled(at(13));
    expect(known.checkpoint).toEqual(at(15));
  });

  it('chains reports of parallel batches that answer out of order', () => {
    const known = new KnownSequence();
    known.pulled(at(0));
    known.pushed(written(201, 400));
    known.pushed(written(401, 600));
    expect(known.checkpoint).toEqual(at(0));
    known.pushed(written(1, 200));
    expect(known.checkpoint).toEqual(at(600));
  });

  it('ignores reports of another epoch and reports before any pull', () => {
    const known = new KnownSequence();
    known.pushed(written(1, 3));
    expect(known.checkpoint).toBeNull();
    known.pulled(at(0, 'new'));
    known.pushed(written(1, 2, 'old'));
    expect(known.checkpoint).toEqual(at(0, 'new'));
  });
});

describe('push requests of a batch', () => {
  it('cuts rows in order into requests of at most the given JSON size, a larger row alone', () => {
    const row = (id: string, size: number) => ({ newDocumentState: { id, text: 'x'.repeat(size) } });
    const rows = [row('a', 10), row('b', 10), row('c', 500), row('d', 10), row('e', 10)];
    const chunks = requestChunks(rows, 200);
    expect(chunks.map((chunk) => chunk.map((r) => r.newDocumentState.id))).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
    for (const chunk of chunks.filter((c) => c.length > 1)) expect(JSON.stringify(chunk).length).toBeLessThanOrEqual(200);
    expect(requestChunks(rows, 10_000)).toEqual([rows]);
    expect(requestChunks([], 100)).toEqual([]);
  });
});
