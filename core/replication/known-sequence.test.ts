import { describe, expect, it } from 'vitest';
import { DeliveredCommits, isCaughtUp, KnownSequence, requestChunks } from './collection-replication.ts';

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

describe('commits delivered on the live stream', () => {
  const doc = (id: string) => ({ id, _deleted: false });

  it('answer a pull from the checkpoint they continue, chaining the commits that follow on', () => {
    const commits = new DeliveredCommits();
    commits.add(at(11), { from: 11, documents: [doc('a')] });
    commits.add(at(13), { from: 12, documents: [doc('b'), doc('c')] });
    expect(commits.take(at(10), 100)).toEqual({ documents: [doc('a'), doc('b'), doc('c')], checkpoint: at(13) });
    // Taken: the next pull asks the server.
    expect(commits.take(at(13), 100)).toBeNull();
  });

  it('never cover a gap: a commit that does not continue the checkpoint waits for a pull', () => {
    const commits = new DeliveredCommits();
    commits.add(at(15), { from: 15, documents: [doc('x')] });
    expect(commits.take(at(13), 100)).toBeNull();
    // Once a pull brought 14, the commit applies.
    expect(commits.take(at(14), 100)).toEqual({ documents: [doc('x')], checkpoint: at(15) });
  });

  it('forget commits already held, of another epoch, and stop at whole commits within the limit', () => {
    const commits = new DeliveredCommits();
    commits.add(at(5), { from: 4, documents: [doc('old')] });
    commits.add(at(6, 'restored'), { from: 6, documents: [doc('other')] });
    commits.add(at(7), { from: 7, documents: [doc('p'), doc('q')] });
    commits.add(at(8), { from: 8, documents: [doc('r'), doc('s')] });
    expect(commits.take(at(6), 3)).toEqual({ documents: [doc('p'), doc('q')], checkpoint: at(7) });
    expect(commits.take(at(7), 3)).toEqual({ documents: [doc('r'), doc('s')], checkpoint: at(8) });
    // A commit the rules show none of still moves the checkpoint.
    commits.add(at(9), { from: 9, documents: [] });
    expect(commits.take(at(8), 3)).toEqual({ documents: [], checkpoint: at(9) });
  });

  it("drop this client's own pushed documents from commits older than its push", () => {
    const commits = new DeliveredCommits();
    // Read by the server before this client's push of d1 committed at 12.
    commits.add(at(11), { from: 11, documents: [doc('d1'), doc('d2')] });
    commits.pushed(['d1'], written(12, 12));
    expect(commits.take(at(10), 100)).toEqual({ documents: [doc('d2')], checkpoint: at(11) });
    // Commits after the push are newer than it: kept whole.
    commits.add(at(13), { from: 13, documents: [doc('d1')] });
    expect(commits.take(at(12), 100)).toEqual({ documents: [doc('d1')], checkpoint: at(13) });
  });

  it('wait for a pull from the server after a push that did not say its sequences', () => {
    const commits = new DeliveredCommits();
    commits.add(at(11), { from: 11, documents: [doc('d1')] });
    const before = commits.pullStarting();
    commits.pushed(['d1'], null);
    commits.serverPulled(before);
    expect(commits.take(at(10), 100)).toBeNull();
    const after = commits.pullStarting();
    commits.serverPulled(after);
    commits.add(at(14), { from: 14, documents: [doc('d3')] });
    expect(commits.take(at(13), 100)).toEqual({ documents: [doc('d3')], checkpoint: at(14) });
  });
});
