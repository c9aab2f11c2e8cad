// DESIGN §4: the server re-checks every quote it receives with core/quote's computeTotals, and
// refuses (as a conflict, like a rules refusal) a quote whose stored totals are not what its lines give.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cents, milli } from '../../core/money/units.ts';
import { computeTotals } from '../../core/quote/totals.ts';
import type { Quote, QuoteLine } from '../../core/quote/quote.ts';
import { aQuote } from '../../core/schemas/quote-builder.ts';
import type { DossierId, QuoteId } from '../../core/shared/ids.ts';
import { build, signedIn, type Tokens } from './support/build.ts';
import { dossier } from './support/docs.ts';
import { injectClient, wire, type Doc, type SyncClient } from './support/sync-client.ts';
import { backends, openTestDatabase, resetDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();

function quoteDoc(overrides: Partial<Quote> = {}): Doc {
  return wire(aQuote({ id: 'quote-1' as QuoteId, dossierId: 'dossier-1' as DossierId, ...overrides }));
}

/** The quote with its totals recomputed for new lines, as the editor saves it. */
function withLines(doc: Doc, lines: QuoteLine[]): Doc {
  const quote = doc as unknown as Quote;
  return { ...doc, lines, totals: computeTotals({ priceMode: quote.priceMode, lines, footerDiscount: quote.footerDiscount }) } as unknown as Doc;
}

describe.each(BACKENDS)('quote totals re-check on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let agent: Tokens;
  let sync: SyncClient;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'totals');
    app = await build(tdb.db);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await tdb.destroy();
  });
  beforeEach(async () => {
    await resetDatabase(tdb.db);
    agent = await signedIn(app, tdb.db, 'agent', 'alpes');
    sync = injectClient(app, agent);
    expect(await sync.push('dossiers', [{ newDocumentState: dossier('dossier-1', { team: 'alpes', assignedTo: agent.user.id }) }])).toEqual([]);
  });

  it('accepts a quote whose totals are what its lines give, and a re-priced next state', async () => {
    const quote = quoteDoc();
    expect(await sync.push('quotes', [{ newDocumentState: quote }])).toEqual([]);
    const lines = [...(quote.lines as unknown as QuoteLine[])];
    const first = lines[0] as Extract<QuoteLine, { kind: 'product' }>;
    const repriced = withLines(quote, [{ ...first, quantity: milli(3_000) }, ...lines.slice(1)]);
    expect(repriced.totals).not.toEqual(quote.totals);
    expect(await sync.push('quotes', [{ assumedMasterState: quote, newDocumentState: repriced }])).toEqual([]);
    const { documents } = await sync.pullAll('quotes');
    expect(documents).toEqual([repriced]);
  });

  it('refuses a new quote with forged totals: a tombstone back, nothing stored', async () => {
    const forged = quoteDoc({ totals: { ...aQuote().totals, totalGross: cents(100) } });
    expect(await sync.push('quotes', [{ newDocumentState: forged }])).toEqual([{ ...forged, _deleted: true }]);
    expect((await sync.pullAll('quotes')).documents).toEqual([]);
  });

  it('refuses an edit whose totals were not recomputed: the server copy back, kept', async () => {
    const quote = quoteDoc();
    await sync.push('quotes', [{ newDocumentState: quote }]);
    const lines = (quote.lines as unknown as QuoteLine[]).filter((line) => line.kind !== 'misc');
    const stale = { ...quote, lines } as unknown as Doc;
    // Totals recomputed, but the VAT table left as it was.
    const recomputed = withLines(quote, lines);
    const staleRates = { ...recomputed, totals: { ...(recomputed.totals as object), byRate: (quote.totals as { byRate: unknown[] }).byRate } } as unknown as Doc;
    for (const edited of [stale, staleRates]) {
      expect(await sync.push('quotes', [{ assumedMasterState: quote, newDocumentState: edited }])).toEqual([quote]);
    }
    expect((await sync.pullAll('quotes')).documents).toEqual([quote]);
    // Other rows of the same push are unaffected.
    const other = quoteDoc({ id: 'quote-2' as QuoteId });
    expect(await sync.push('quotes', [{ assumedMasterState: quote, newDocumentState: stale }, { newDocumentState: other }])).toEqual([quote]);
    expect((await sync.pullAll('quotes')).documents.map((d) => d.id)).toEqual(['quote-1', 'quote-2']);
  });

  it('lets a quote be deleted whatever its totals, and counts refusals as forbidden in the metrics', async () => {
    const quote = quoteDoc();
    await sync.push('quotes', [{ newDocumentState: quote }]);
    expect(await sync.push('quotes', [{ assumedMasterState: quote, newDocumentState: { ...quote, _deleted: true } }])).toEqual([]);
    await sync.push('quotes', [{ newDocumentState: quoteDoc({ id: 'quote-3' as QuoteId, totals: { ...aQuote().totals, totalVat: cents(1) } }) }]);
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/comptoir_sync_push_documents_total\{collection="quotes",outcome="forbidden"\} [1-9]/);
  });
});
