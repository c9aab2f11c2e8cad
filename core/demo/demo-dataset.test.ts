import { getValidator } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { quotePdfText } from '../documents/quote-pdf-text.ts';
import { validateOffer } from '../offers/validate.ts';
import type { Offer } from '../offers/offer.ts';
import type { Payment } from '../payment/payment.ts';
import { STAGES } from '../pipeline/dossier.ts';
import { derivedStage } from '../pipeline/derived-stage.ts';
import { depositReached, fullyPaid, pipelineFacts } from '../pipeline/pipeline-facts.ts';
import { computeTotals } from '../quote/totals.ts';
import { COLLECTION_NAMES, COLLECTIONS } from '../schemas/collections.ts';
import type { CollectionName } from '../schemas/collections.ts';
import { demoDataset } from './demo-dataset.ts';
import { CLIENT_GROUPS } from './demo-directory.ts';
import { DEMO_COMPANY } from './demo-reference.ts';

const NOW = '2026-11-23T09:00:00.000Z';
const data = demoDataset({ seed: 2026, now: NOW });

/** Ajv errors of a document against its collection's RxDB schema, as the validating storage checks it. */
function schemaErrors(collection: CollectionName, docs: readonly object[]): string[] {
  const validate = getValidator(COLLECTIONS[collection].schema);
  return docs.flatMap((doc) => {
    const errors: unknown = validate(doc);
    return Array.isArray(errors) && errors.length > 0 ? [`${collection} ${JSON.stringify((doc as { id?: string }).id)}: ${JSON.stringify(errors[0])}`] : [];
  });
}

function byDossier<T extends { readonly dossierId: string }>(docs: readonly T[], id: string): T[] {
  return docs.filter((doc) => doc.dossierId === id);
}

describe('demoDataset', () => {
  it('fills every collection with documents that pass the RxDB schemas', () => {
    for (const name of COLLECTION_NAMES) {
      expect(data[name].length, name).toBeGreaterThan(0);
      expect(schemaErrors(name, data[name]), name).toEqual([]);
    }
  });

  it('is the same for the same seed and now, and differs with another seed', () => {
    expect(demoDataset({ seed: 2026, now: NOW })).toEqual(data);
    expect(demoDataset({ seed: 7, now: NOW }).clients).not.toEqual(data.clients);
  });

  it('dates nothing after now', () => {
    const instants = [
      ...data.dossiers.flatMap((d) => [d.createdAt, d.updatedAt]),
      ...data.quotes.flatMap((q) => [q.createdAt, q.updatedAt]),
      ...data.messages.map((m) => m.createdAt),
      ...data.events.map((e) => e.at),
      ...data.payments.map((p) => p.updatedAt),
      ...data.commands.map((c) => c.updatedAt),
    ];
    expect(instants.filter((at) => at > NOW)).toEqual([]);
  });

  it('has a ski resort catalog of 60 services over three family levels, with French VAT rates', () => {
    expect(data.products).toHaveLength(60);
    for (const product of data.products) {
      expect(product.familyKey.split('/').filter(Boolean), product.ref).toHaveLength(3);
      expect([2000, 1000, 550, 0]).toContain(product.vatRate);
      expect(product.labelEn).not.toBe('');
    }
    const rate = (ref: string): number | undefined => data.products.find((p) => p.ref === ref)?.vatRate;
    expect([rate('HEB-APP6-7N'), rate('RM-6J-ADU'), rate('ESF-COLL-ENF-6M'), rate('ACT-SPECTACLE'), rate('DIV-TAXE-SEJOUR')]).toEqual([1000, 1000, 2000, 550, 0]);
    expect(new Set(data.products.map((p) => p.family.superFamily))).toEqual(new Set(['SKI', 'RM', 'HEB', 'LOC', 'ACT', 'PACK', 'REST', 'TRANS', 'DIV']));
  });

  it('has 40 customers of every kind, with French E.164 phone numbers and known groups', () => {
    expect(data.clients).toHaveLength(40);
    expect(new Set(data.clients.map((c) => c.kind))).toEqual(new Set(['person', 'company', 'public_body']));
    expect(data.clients.some((c) => c.companyName.startsWith('CE ') || c.companyName.startsWith('CSE '))).toBe(true);
    expect(new Set(data.clients.map((c) => c.reference)).size).toBe(40);
    const groups: readonly string[] = CLIENT_GROUPS.map((g) => g.code);
    for (const client of data.clients) {
      for (const phone of client.phones) expect(phone).toMatch(/^\+33[1-9]\d{8}$/);
      if (client.groupCode !== null) expect(groups).toContain(client.groupCode);
    }
  });

  it('has valid offers of every scope, a public procurement contract and a restorable deleted offer', () => {
    const offers: Offer[] = data.offers;
    for (const offer of offers) expect(validateOffer(offer, offers).errors, offer.code).toEqual([]);
    expect(new Set(offers.map((o) => o.scope))).toEqual(new Set(['ALL', 'GROUP', 'CLIENT', 'PLACE']));
    expect(offers.some((o) => o.type === 'public_procurement' && o.startDate !== null && o.endDate !== null)).toBe(true);
    expect(offers.filter((o) => o.deletedAt !== null).map((o) => o.code)).toEqual(['NOEL2025']);
    const clientRefs = new Set(data.clients.map((c) => c.reference));
    for (const offer of offers.filter((o) => o.scope === 'CLIENT')) expect(clientRefs).toContain(offer.scopeCode);
  });

  it('prices some lines through the offers, with the reason on the line', () => {
    const offerLines = data.quotes.flatMap((q) => q.lines).filter((l) => l.kind === 'product' && l.pricing?.source === 'offer');
    expect(offerLines.length).toBeGreaterThan(5);
    for (const line of offerLines) if (line.kind === 'product') expect(line.pricing?.explanation).not.toBe('');
  });

  it('has dossiers in every pipeline stage, each where its quotes and payments put it', () => {
    for (const stage of STAGES) expect(data.dossiers.filter((d) => d.stage === stage).length, stage).toBeGreaterThanOrEqual(2);
    for (const dossier of data.dossiers) {
      const quotes = byDossier(data.quotes, dossier.id);
      const payments: Payment[] = byDossier(data.payments, dossier.id);
      const facts = pipelineFacts(quotes, payments);
      if (dossier.stage !== 'archived') expect(derivedStage(facts, dossier.processed), dossier.number).toBe(dossier.stage);
      if (dossier.stage === 'deposit_paid') expect(depositReached(facts) && !fullyPaid(facts), dossier.number).toBe(true);
      if (dossier.stage === 'paid' || dossier.stage === 'processed') expect(fullyPaid(facts), dossier.number).toBe(true);
      if (dossier.stage === 'new') expect(quotes, dossier.number).toEqual([]);
    }
  });

  it('records each dossier’s path through the pipeline as a chain of stage changes', () => {
    for (const dossier of data.dossiers) {
      const moves = byDossier(data.events, dossier.id).filter((e) => e.kind === 'stage_changed');
      let stage = 'new';
      for (const move of moves) {
        expect(move.fromStage, dossier.number).toBe(stage);
        stage = move.toStage ?? '';
      }
      expect(stage, dossier.number).toBe(dossier.stage);
    }
  });

  it('stores quote totals that are the lines’ totals, and payments that match their requests', () => {
    for (const quote of data.quotes) expect(quote.totals, quote.number).toEqual(computeTotals(quote));
    for (const received of data.payments.filter((p) => p.type === 'received')) {
      const request = data.payments.find((p) => p.id === received.requestId);
      expect(request?.type === 'request' && request.status === 'paid' && request.amount === received.amount, received.id).toBe(true);
    }
  });

  it('keeps a conversation of every kind and publishes order states (seed 004)', () => {
    expect(new Set(data.messages.map((m) => m.direction))).toEqual(new Set(['in', 'out', 'internal_note', 'call_note']));
    expect(data.messages.some((m) => m.channel === 'web_form' && m.direction === 'in')).toBe(true);
    const applied = data.events.filter((e) => e.kind === 'order_state_applied');
    expect(new Set(applied.map((e) => e.payload['mnemonic']))).toEqual(new Set(['CONFIRMEE', 'PLANIFIEE', 'REALISEE']));
    expect(applied.every((e) => e.published)).toBe(true);
    expect(data.dossiers.some((d) => d.stage === 'new' && d.assignedTo === null)).toBe(true);
    expect(data.commands.some((c) => c.status === 'queued')).toBe(true);
  });

  it('numbers invoices without gaps in the order they were issued', () => {
    const invoices = data.documents.filter((d) => d.kind === 'invoice');
    for (const year of new Set(invoices.map((d) => d.issuedAt.slice(0, 4)))) {
      const docs = invoices.filter((d) => d.issuedAt.startsWith(year));
      expect(docs.map((d) => d.number)).toEqual(docs.map((_, i) => `F-${year}-${String(i + 1).padStart(6, '0')}`));
      expect(docs.map((d) => d.issuedAt)).toEqual(docs.map((d) => d.issuedAt).sort());
    }
  });

  it('holds the settings, three directory entries, order states and templates', () => {
    const types = data.reference.map((r) => r.type);
    expect(types.filter((t) => t === 'users')).toHaveLength(3);
    expect(new Set(types)).toEqual(new Set(['settings', 'families', 'client_groups', 'users', 'order_states', 'templates']));
    const states = JSON.stringify(data.reference.find((r) => r.type === 'order_states')?.data);
    for (const name of ['Commande confirmée', 'Prestation planifiée', 'Prestation réalisée', 'Commande annulée']) expect(states).toContain(name);
  });

  it('holds together for other seeds and another present', () => {
    for (const [seed, now] of [[1, '2027-01-15T16:45:00.000Z'], [99, '2027-07-01T06:00:00.000Z']] as const) {
      const other = demoDataset({ seed, now });
      for (const name of COLLECTION_NAMES) expect(schemaErrors(name, other[name]), `${seed} ${name}`).toEqual([]);
      expect(other.events.filter((e) => e.at > now)).toEqual([]);
      for (const dossier of other.dossiers.filter((d) => d.stage !== 'archived')) {
        const facts = pipelineFacts(byDossier(other.quotes, dossier.id), byDossier<Payment>(other.payments, dossier.id));
        expect(derivedStage(facts, dossier.processed), `${seed} ${dossier.number}`).toBe(dossier.stage);
      }
    }
  });

  it('gives quotes a customer can be sent', () => {
    const dossier = data.dossiers.find((d) => d.stage === 'deposit_paid');
    const quote = data.quotes.find((q) => q.dossierId === dossier?.id && q.status === 'accepted');
    if (quote === undefined) throw new Error('no accepted quote on a deposit_paid dossier');
    const text = quotePdfText({ quote, company: DEMO_COMPANY, client: { name: 'Client' }, language: 'fr', createdAt: NOW });
    expect(text).toContain(quote.number);
    expect(text).toContain('Total TTC');
  });
});
