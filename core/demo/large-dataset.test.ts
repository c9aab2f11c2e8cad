import { getValidator } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import type { Payment } from '../payment/payment.ts';
import { derivedStage } from '../pipeline/derived-stage.ts';
import { pipelineFacts } from '../pipeline/pipeline-facts.ts';
import type { Quote } from '../quote/quote.ts';
import { computeTotals } from '../quote/totals.ts';
import { COLLECTIONS } from '../schemas/collections.ts';
import type { ComptoirDocTypes } from '../schemas/collections.ts';
import { LARGE_COUNTS, largeDataset } from './large-dataset.ts';
import type { LargeCollection } from './large-dataset.ts';
import { subFamilyCodes } from './tourism-families.ts';

const NOW = '2026-11-23T09:00:00.000Z';
const SMALL = { seed: 13, now: NOW, scale: 0.01 } as const;
const COLLECTIONS_FILLED: readonly LargeCollection[] = ['clients', 'products', 'offers', 'dossiers', 'quotes', 'messages', 'payments', 'reference'];

const small = largeDataset(SMALL);
const all = Object.fromEntries(COLLECTIONS_FILLED.map((name) => [name, [...small.docs(name)]])) as { [K in LargeCollection]: ComptoirDocTypes[K][] };

describe('largeDataset', () => {
  it('has the DESIGN §13 counts at full scale, without generating anything', () => {
    const full = largeDataset({ seed: 13, now: NOW });
    const { clients, products, offers, discounts, dossiers, quotes, messages } = full.counts;
    expect({ clients, products, offers, discounts, dossiers, quotes, messages }).toEqual(LARGE_COUNTS);
    expect(full.docAt('messages', LARGE_COUNTS.messages - 1).id).toBe('message-0200000');
    expect(full.docAt('quotes', LARGE_COUNTS.quotes - 1)).toMatchObject({ version: 2, dossierId: 'dossier-049996' });
  });

  it('scales every count, and streams exactly that many documents', () => {
    expect(small.counts).toMatchObject({ clients: 100, products: 50, offers: 20, discounts: 200, dossiers: 500, quotes: 600, messages: 2000 });
    for (const name of COLLECTIONS_FILLED) expect(all[name].length, name).toBe(small.counts[name]);
    expect(all.offers.reduce((n, offer) => n + offer.engagements.reduce((m, e) => m + e.discounts.length, 0), 0)).toBe(200);
  });

  it('is deterministic: same seed, same first and last documents and counts; another seed differs', () => {
    const again = largeDataset(SMALL);
    for (const name of COLLECTIONS_FILLED) {
      const docs = [...again.docs(name)];
      expect(docs.length, name).toBe(all[name].length);
      expect(docs[0], name).toEqual(all[name][0]);
      expect(docs.at(-1), name).toEqual(all[name].at(-1));
    }
    const other = largeDataset({ ...SMALL, seed: 14 });
    expect(other.docAt('clients', 0)).not.toEqual(small.docAt('clients', 0));
    expect(other.docAt('quotes', 7)).not.toEqual(small.docAt('quotes', 7));
  });

  it('generates any document alone exactly as the stream does', () => {
    for (const name of ['clients', 'products', 'offers', 'dossiers', 'quotes', 'messages', 'reference'] as const) {
      const docs = all[name];
      for (const index of [0, 1, Math.floor(docs.length / 2), docs.length - 1]) expect(small.docAt(name, index), `${name} ${index}`).toEqual(docs[index]);
    }
    expect(() => small.docAt('dossiers', 500)).toThrow(RangeError);
  });

  it('streams in batches for bulk inserts', () => {
    const sizes = [...small.batches('messages', 300)].map((batch) => batch.length);
    expect(sizes).toEqual([300, 300, 300, 300, 300, 300, 200]);
  });

  it('produces documents that pass the RxDB schemas, with unique ids', () => {
    for (const name of COLLECTIONS_FILLED) {
      const validate = getValidator(COLLECTIONS[name].schema);
      const invalid = all[name].map((doc) => [doc.id, validate(doc)] as const).filter(([, errors]) => Array.isArray(errors) && errors.length > 0);
      expect(invalid.slice(0, 1), name).toEqual([]);
      expect(new Set(all[name].map((doc) => doc.id)).size, name).toBe(all[name].length);
    }
  });

  it('puts every dossier in the stage its quotes and payments justify', () => {
    const quotes = new Map<string, Quote[]>();
    for (const quote of all.quotes) quotes.set(quote.dossierId, [...(quotes.get(quote.dossierId) ?? []), quote]);
    const payments = new Map<string, Payment[]>();
    for (const payment of all.payments) payments.set(payment.dossierId, [...(payments.get(payment.dossierId) ?? []), payment]);
    const stages = new Set<string>();
    for (const dossier of all.dossiers) {
      stages.add(dossier.stage);
      if (dossier.stage === 'archived') continue;
      const facts = pipelineFacts(quotes.get(dossier.id) ?? [], payments.get(dossier.id) ?? []);
      expect(derivedStage(facts, dossier.processed), dossier.id).toBe(dossier.stage);
    }
    expect(stages.size).toBe(7);
  });

  it('holds quotes of 8 lines on average with exact totals, revisions keeping their line ids', () => {
    const lines = all.quotes.reduce((n, q) => n + q.lines.length, 0) / all.quotes.length;
    expect(lines).toBeGreaterThan(7);
    expect(lines).toBeLessThan(9);
    for (const quote of all.quotes) expect(quote.totals).toEqual(computeTotals(quote));
    const revised = all.quotes.find((q) => q.version === 2);
    const first = all.quotes.find((q) => q.id === revised?.previousVersionId);
    expect(revised?.lines.map((l) => l.id)).toEqual(first?.lines.map((l) => l.id));
  });

  it('gives customers unique French mobile numbers and products every sub-family', () => {
    const mobiles = all.clients.map((c) => c.phones[0]);
    expect(new Set(mobiles).size).toBe(all.clients.length);
    for (const phone of all.clients.flatMap((c) => c.phones)) expect(phone).toMatch(/^\+33[1-9]\d{8}$/);
    expect(new Set(all.products.map((p) => p.family.subFamily))).toEqual(new Set(subFamilyCodes()));
  });

  it('dates nothing after now', () => {
    const instants = [
      ...all.dossiers.flatMap((d) => [d.createdAt, d.updatedAt]),
      ...all.quotes.flatMap((q) => [q.createdAt, q.updatedAt]),
      ...all.messages.map((m) => m.createdAt),
      ...all.payments.map((p) => p.updatedAt),
    ];
    expect(instants.filter((at) => at > NOW)).toEqual([]);
  });
});
