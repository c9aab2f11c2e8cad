import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../core/model/json.ts';
import { computeTotals } from '../../core/quote/totals.ts';
import type { Quote } from '../../core/quote/quote.ts';
import { aQuoteLines } from '../../core/schemas/quote-builder.ts';
import { backends } from '../server/support/test-db.ts';
import type { TestClient } from './support/client-proxy.ts';
import { eventually } from './support/eventually.ts';
import { at, dossier, quote, signedInClient } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const BACKENDS = await backends();
const SYNC = { timeoutMs: 15_000 };

describe.each(BACKENDS)('two clients editing offline, on %s', (backend) => {
  let server: TestServer;
  let a: TestClient;
  let b: TestClient;

  beforeAll(async () => {
    server = await startTestServer(backend);
  }, 60_000);
  afterAll(async () => server.destroy());
  afterEach(async () => {
    await Promise.all([a?.terminate(), b?.terminate()]);
  });

  /** Two agents of the same team, both holding `docs` in sync. */
  async function twoClientsWith(docs: { collection: 'dossiers' | 'quotes'; doc: JsonObject }[]): Promise<void> {
    ({ client: a } = await signedInClient(server, 'A'));
    ({ client: b } = await signedInClient(server, 'B'));
    for (const { collection, doc } of docs) await a.send('insert', { collection, doc });
    await a.send('awaitInSync', SYNC);
    for (const { collection, doc } of docs) {
      await eventually(async () => expect(await b.send('get', { collection, id: String(doc.id) })).toEqual(doc));
    }
  }

  it('merges edits of different fields; a field edited on both keeps the server value and records mine', async () => {
    await twoClientsWith([{ collection: 'dossiers', doc: dossier('merge-1', { updatedAt: at(0) }) }]);
    await Promise.all([a.send('pause'), b.send('pause')]);
    await a.send('patch', { collection: 'dossiers', id: 'merge-1', patch: { subject: 'A: 3 enfants', tags: ['vip'], updatedAt: at(10) } });
    await b.send('patch', { collection: 'dossiers', id: 'merge-1', patch: { subject: 'B: 2 enfants', startDate: '2026-02-15', updatedAt: at(20) } });
    const offline = await a.send('state');
    expect(offline).toMatchObject({ connection: 'paused', pendingChanges: 1, pendingByCollection: { dossiers: 1 } });

    await b.send('resume');
    await b.send('awaitInSync', SYNC);
    await a.send('resume');
    const synced = await a.send('awaitInSync', SYNC);
    expect(synced).toMatchObject({ pendingChanges: 0, lastError: null });

    const expected = { ...dossier('merge-1'), subject: 'B: 2 enfants', startDate: '2026-02-15', tags: ['vip'], updatedAt: at(20) };
    expect(await a.send('get', { collection: 'dossiers', id: 'merge-1' })).toEqual(expected);
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'merge-1' })).toEqual(expected));
    const conflicts = await a.send('conflicts');
    expect(conflicts).toEqual([
      expect.objectContaining({
        collectionName: 'dossiers',
        docId: 'merge-1',
        path: 'subject',
        reason: 'concurrent',
        status: 'open',
        mine: { present: true, value: 'A: 3 enfants' },
        theirs: { present: true, value: 'B: 2 enfants' },
      }),
    ]);
    expect(await b.send('conflicts')).toEqual([]);

    // "Keep mine" writes the losing value back as a new change, which reaches the other client.
    expect(await a.send('resolveConflict', { id: conflicts[0]?.id ?? '', choice: 'mine' })).toEqual({ ok: true, code: null });
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'merge-1' })).toMatchObject({ subject: 'A: 3 enfants', tags: ['vip'] }));
    expect(await a.send('conflicts')).toEqual([expect.objectContaining({ status: 'kept_mine' })]);
    expect(await a.send('resolveConflict', { id: conflicts[0]?.id ?? '', choice: 'theirs' })).toEqual({ ok: false, code: 'CONFLICT_CLOSED' });
  }, 60_000);

  it('merges quote lines by id and recomputes totals on both clients', async () => {
    await twoClientsWith([
      { collection: 'dossiers', doc: dossier('merge-2') },
      { collection: 'quotes', doc: quote('quote-2', 'merge-2') },
    ]);
    const [l1, l2, , l4] = aQuoteLines();
    await Promise.all([a.send('pause'), b.send('pause')]);
    const added = { id: 'line-9', kind: 'comment', text: 'Forfait enfant offert' };
    // Each side saves its lines with their totals, as the quote editor does: the server refuses a
    // quote whose totals are not what its lines give (DESIGN §4).
    const saved = (lines: unknown[]) => ({ lines: lines as never, totals: computeTotals({ priceMode: 'HT', lines: lines as Quote['lines'], footerDiscount: { kind: 'amount', amount: 1000 as never } }) as never });
    await a.send('patch', { collection: 'quotes', id: 'quote-2', patch: { ...saved([...aQuoteLines(), added]), updatedAt: at(10) } });
    const changed = { ...l2, quantity: 3000 };
    await b.send('patch', { collection: 'quotes', id: 'quote-2', patch: { ...saved([l1, changed, l4]), updatedAt: at(20) } });
    await b.send('resume');
    await b.send('awaitInSync', SYNC);
    await a.send('resume');
    await a.send('awaitInSync', SYNC);

    const lines = [l1, changed, l4, added] as unknown as Quote['lines'];
    const expected = { ...quote('quote-2', 'merge-2'), lines, totals: computeTotals({ priceMode: 'HT', lines, footerDiscount: { kind: 'amount', amount: 1000 as never } }), updatedAt: at(20) };
    expect(await a.send('get', { collection: 'quotes', id: 'quote-2' })).toEqual(JSON.parse(JSON.stringify(expected)));
    await eventually(async () => expect(await b.send('get', { collection: 'quotes', id: 'quote-2' })).toEqual(JSON.parse(JSON.stringify(expected))));
    expect(await a.send('conflicts')).toEqual([]);
  }, 60_000);

  it('keeps the server version of a line both sides changed, and records mine for review', async () => {
    await twoClientsWith([
      { collection: 'dossiers', doc: dossier('merge-3') },
      { collection: 'quotes', doc: quote('quote-3', 'merge-3') },
    ]);
    const [l1, l2, l3, l4] = aQuoteLines();
    await Promise.all([a.send('pause'), b.send('pause')]);
    await a.send('patch', { collection: 'quotes', id: 'quote-3', patch: { lines: [l1, { ...l2, label: 'Navette A' }, l3, l4] as never } });
    await b.send('patch', { collection: 'quotes', id: 'quote-3', patch: { lines: [l1, { ...l2, label: 'Navette B' }, l3, l4] as never } });
    await b.send('resume');
    await b.send('awaitInSync', SYNC);
    await a.send('resume');
    await a.send('awaitInSync', SYNC);
    const onA = await a.send('get', { collection: 'quotes', id: 'quote-3' });
    expect((onA?.lines as { label?: string }[])[1]?.label).toBe('Navette B');
    expect(await a.send('conflicts')).toEqual([
      expect.objectContaining({ path: 'lines/@line-2', mine: { present: true, value: { ...l2, label: 'Navette A' } }, theirs: { present: true, value: { ...l2, label: 'Navette B' } } }),
    ]);
  }, 60_000);

  it('propagates a delete made while the other client was offline', async () => {
    await twoClientsWith([{ collection: 'dossiers', doc: dossier('delete-1') }]);
    await b.send('pause');
    await a.send('remove', { collection: 'dossiers', id: 'delete-1' });
    await a.send('awaitInSync', SYNC);
    expect(await b.send('get', { collection: 'dossiers', id: 'delete-1' })).not.toBeNull();
    await b.send('resume');
    await b.send('awaitInSync', SYNC);
    expect(await b.send('get', { collection: 'dossiers', id: 'delete-1' })).toBeNull();
    expect(await b.send('conflicts')).toEqual([]);
  }, 60_000);

  it('keeps a delete against an offline edit, records the edited document, and restores it on "keep mine"', async () => {
    await twoClientsWith([{ collection: 'dossiers', doc: dossier('delete-2') }]);
    await b.send('pause');
    await b.send('patch', { collection: 'dossiers', id: 'delete-2', patch: { subject: 'edited offline' } });
    await a.send('remove', { collection: 'dossiers', id: 'delete-2' });
    await a.send('awaitInSync', SYNC);
    await b.send('resume');
    await b.send('awaitInSync', SYNC);
    expect(await b.send('get', { collection: 'dossiers', id: 'delete-2' })).toBeNull();
    const [conflict] = await b.send('conflicts');
    expect(conflict).toMatchObject({ path: '', reason: 'concurrent', mine: { present: true, value: { subject: 'edited offline' } }, theirs: { present: false, value: null } });

    expect(await b.send('resolveConflict', { id: conflict?.id ?? '', choice: 'mine' })).toEqual({ ok: true, code: null });
    await b.send('awaitInSync', SYNC);
    await eventually(async () => expect(await a.send('get', { collection: 'dossiers', id: 'delete-2' })).toMatchObject({ subject: 'edited offline' }));
  }, 60_000);
});
