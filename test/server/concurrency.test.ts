import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClientDoc } from '../../core/schemas/doc-builders.ts';
import type { ClientId } from '../../core/shared/ids.ts';
import type { Checkpoint } from '../../sync-server/sync/checkpoint.ts';
import { build, signedIn } from './support/build.ts';
import { dossier, edit } from './support/docs.ts';
import { httpClient, listen, wire, type Doc, type SyncClient } from './support/sync-client.ts';
import { backends, openTestDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();
const WRITERS = 24;
const ROUNDS = 5;
const DOCS_PER_ROUND = 3;
const READERS = 4;
/** Shared documents every writer keeps editing (conflicts resolved by retrying on the server copy). */
const COUNTERS = 4;

function client(id: string): Doc {
  return wire(aClientDoc({ id: id as ClientId, reference: id }));
}

/** Follows a collection like a live client: pull from its checkpoint until told to stop, then catch up. */
async function tail(sync: SyncClient, collection: string, done: () => boolean) {
  const seen = new Map<string, number>();
  const latest = new Map<string, Doc>();
  let checkpoint: Checkpoint | null = null;
  let lastSeq = 0;
  let finalPass = false;
  for (;;) {
    const stop = done();
    const page = await sync.pull(collection, checkpoint, 5);
    for (const doc of page.documents) {
      seen.set(doc.id, (seen.get(doc.id) ?? 0) + 1);
      latest.set(doc.id, doc);
    }
    if (page.checkpoint.seq < lastSeq) throw new Error(`checkpoint went back from ${lastSeq} to ${page.checkpoint.seq}`);
    lastSeq = page.checkpoint.seq;
    checkpoint = page.checkpoint;
    if (page.documents.length < 5) {
      // Caught up; once writers are finished, one complete pass after that ends the tail.
      if (finalPass) return { seen, latest };
      if (stop) finalPass = true;
      else await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
}

describe.each(BACKENDS)('concurrent clients over HTTP on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'concurrency');
    app = await build(tdb.db);
    base = await listen(app);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await tdb.destroy();
  });

  // Checked against a naive design (sequence from nextval() without the collection lock, commits in
  // any order): the tailing readers then miss documents and this test fails.
  it(`loses, duplicates and skips nothing: ${WRITERS} writers, ${READERS} tailing readers`, async () => {
    const tokens = await signedIn(app, tdb.db, 'manager');
    const setup = httpClient(base, tokens);
    const counterIds = Array.from({ length: COUNTERS }, (_, i) => `counter-${i}`);
    await setup.push('dossiers', counterIds.map((id) => ({ newDocumentState: dossier(id, { partySize: 0, subject: 'start' }) })));

    let writersDone = false;
    const readers = Array.from({ length: READERS }, (_, r) => tail(httpClient(base, tokens), r % 2 === 0 ? 'clients' : 'dossiers', () => writersDone));
    const writer = async (w: number) => {
      const sync = httpClient(base, tokens);
      const counterId = counterIds[w % COUNTERS];
      let master = (await sync.pull('dossiers', null, 10)).documents.find((d) => d.id === counterId) as Doc;
      for (let round = 0; round < ROUNDS; round++) {
        const fresh = Array.from({ length: DOCS_PER_ROUND }, (_, i) => ({ newDocumentState: client(`c-${w}-${round}-${i}`) }));
        expect(await sync.push('clients', fresh)).toEqual([]);
        // Increment the shared counter, resolving conflicts with the server copy as a client would.
        for (let attempt = 0; ; attempt++) {
          const next = edit(master, { partySize: Number(master.partySize) + 1, subject: `w${w} r${round}` });
          const [conflict] = await sync.push('dossiers', [{ assumedMasterState: master, newDocumentState: next }]);
          if (conflict === undefined) {
            master = next;
            break;
          }
          master = conflict;
          if (attempt > 500) throw new Error('no progress');
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writersDone = true;
    const tails = await Promise.all(readers);

    const expectedIds = Array.from({ length: WRITERS }, (_, w) =>
      Array.from({ length: ROUNDS }, (_, r) => Array.from({ length: DOCS_PER_ROUND }, (_, i) => `c-${w}-${r}-${i}`)),
    ).flat(2);
    const fromScratch = await setup.pullAll('clients', 1000);
    expect(fromScratch.documents.map((d) => d.id).sort()).toEqual([...expectedIds].sort());
    // Every increment survived: the sum over the counters is the number of increments made.
    const sum = (docs: Iterable<Doc>) => [...docs].filter((d) => d.id.startsWith('counter-')).reduce((total, d) => total + Number(d.partySize), 0);
    expect(sum((await setup.pullAll('dossiers')).documents)).toBe(WRITERS * ROUNDS);

    tails.forEach(({ seen, latest }, r) => {
      if (r % 2 === 0) {
        expect([...seen.keys()].sort()).toEqual([...expectedIds].sort());
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
      } else {
        expect(sum(latest.values())).toBe(WRITERS * ROUNDS);
      }
    });
  }, 120_000);

  it('lets exactly one of 20 simultaneous edits of one document win; the others get its copy', async () => {
    const tokens = await signedIn(app, tdb.db, 'manager');
    const setup = httpClient(base, tokens);
    const original = dossier('contested', { subject: 'original' });
    await setup.push('dossiers', [{ newDocumentState: original }]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        httpClient(base, tokens).push('dossiers', [{ assumedMasterState: original, newDocumentState: edit(original, { subject: `edit ${i}` }) }]),
      ),
    );
    const winners = results.filter((conflicts) => conflicts.length === 0);
    expect(winners).toHaveLength(1);
    const stored = (await setup.pullAll('dossiers')).documents.find((d) => d.id === 'contested') as Doc;
    for (const conflicts of results.filter((c) => c.length > 0)) expect(conflicts).toEqual([stored]);
  }, 60_000);
});
