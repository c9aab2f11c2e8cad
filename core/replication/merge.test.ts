import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.ts';
import { computeTotals } from '../quote/totals.ts';
import { aDepositRequestDoc, aDossierDoc } from '../schemas/doc-builders.ts';
import { aQuote, aQuoteLines } from '../schemas/quote-builder.ts';
import type { CommentLine, FeeLine, MiscLine, ProductLine } from '../quote/quote.ts';
import type { QuoteLineId, UserId } from '../shared/ids.ts';
import { threeWayMerge } from './merge.ts';
import { mergeRulesFor } from './merge-rules.ts';

const T1 = '2026-03-03T10:00:00.000Z';
const T2 = '2026-03-03T11:00:00.000Z';

/** An RxDB document state (what the conflict handler receives): the document plus `_deleted`. */
function state<T extends object>(doc: T, deleted = false): JsonObject {
  return { ...(doc as unknown as JsonObject), _deleted: deleted };
}

describe('three-way merge of dossiers', () => {
  const rules = mergeRulesFor('dossiers');
  const base = state(aDossierDoc());

  it('merges edits of different fields silently and keeps the later updatedAt', () => {
    const mine = state(aDossierDoc({ subject: 'Semaine ski, 2 adultes 4 enfants', updatedAt: T2 }));
    const theirs = state(aDossierDoc({ stage: 'awaiting_payment', updatedAt: T1 }));
    const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
    expect(conflicts).toEqual([]);
    expect(doc).toMatchObject({ subject: 'Semaine ski, 2 adultes 4 enfants', stage: 'awaiting_payment', updatedAt: T2, _deleted: false });
  });

  it('keeps the server value of a field changed differently on both sides and reports mine', () => {
    const mine = state(aDossierDoc({ subject: 'Mine', partySize: 6, updatedAt: T2 }));
    const theirs = state(aDossierDoc({ subject: 'Theirs', updatedAt: T1 }));
    const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
    expect(doc).toMatchObject({ subject: 'Theirs', partySize: 6 });
    expect(conflicts).toEqual([{ path: ['subject'], mine: { present: true, value: 'Mine' }, theirs: { present: true, value: 'Theirs' } }]);
  });

  it('is no conflict when the server already holds the pushed state (lost response)', () => {
    const mine = state(aDossierDoc({ subject: 'Mine', updatedAt: T2 }));
    expect(threeWayMerge(base, mine, mine, rules)).toEqual({ doc: mine, conflicts: [] });
  });

  it('recomputes derived index keys of the merged document', () => {
    const mine = state(aDossierDoc({ assignedTo: null }));
    const theirs = state(aDossierDoc({ clientId: null, subject: 'x' }));
    const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
    expect(conflicts).toEqual([]);
    expect(doc).toMatchObject({ assignedTo: null, assignedToKey: '', clientId: null, clientIdKey: '', subject: 'x' });
  });

  it('keeps a deletion against an untouched server copy, and the server copy against a deletion it did not see', () => {
    const deleted = state(aDossierDoc(), true);
    expect(threeWayMerge(base, deleted, base, rules)).toEqual({ doc: deleted, conflicts: [] });
    const edited = state(aDossierDoc({ subject: 'Theirs', updatedAt: T1 }));
    const { doc, conflicts } = threeWayMerge(base, deleted, edited, rules);
    expect(doc).toBe(edited);
    expect(conflicts).toEqual([{ path: [], mine: { present: false, value: null }, theirs: { present: true, value: { ...aDossierDoc({ subject: 'Theirs', updatedAt: T1 }) } } }]);
  });

  it('never conflicts when both sides deleted', () => {
    const mine = state(aDossierDoc({ subject: 'Mine' }), true);
    const theirs = state(aDossierDoc(), true);
    expect(threeWayMerge(base, mine, theirs, rules)).toEqual({ doc: theirs, conflicts: [] });
  });

  it('records every difference of a document both sides created without a common base', () => {
    const mine = state(aDossierDoc({ subject: 'Mine', tags: ['a'] }));
    const theirs = state(aDossierDoc({ subject: 'Theirs', tags: ['a'] }));
    const { doc, conflicts } = threeWayMerge(undefined, mine, theirs, rules);
    expect(doc).toBe(theirs);
    expect(conflicts.map((c) => c.path)).toEqual([['subject']]);
  });

  it('merges a team move on the server with an assignee change here (both rule columns)', () => {
    const mine = state(aDossierDoc({ assignedTo: 'user-bob' as UserId }));
    const theirs = state(aDossierDoc({ team: 'mer' }));
    expect(threeWayMerge(base, mine, theirs, rules).doc).toMatchObject({ team: 'mer', assignedTo: 'user-bob', assignedToKey: 'user-bob' });
  });
});

describe('three-way merge of quotes', () => {
  const rules = mergeRulesFor('quotes');
  const [l1, l2, l3, l4] = aQuoteLines() as [ProductLine, MiscLine, FeeLine, CommentLine];
  const base = state(aQuote());
  const newLine = { id: 'line-5' as QuoteLineId, kind: 'comment' as const, text: 'Forfait enfant' };

  it('merges lines by id: one side adds, the other changes and removes; totals are recomputed', () => {
    const mine = state(aQuote({ lines: [l1, newLine, l2, l3, l4] }));
    const changed = { ...l2, quantity: 3000 } as MiscLine;
    const theirs = state(aQuote({ lines: [l1, changed, l4] }));
    const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
    expect(conflicts).toEqual([]);
    expect((doc.lines as { id: string }[]).map((l) => l.id)).toEqual(['line-1', 'line-5', 'line-2', 'line-4']);
    const expected = computeTotals({ priceMode: 'HT', lines: [l1, newLine, changed, l4], footerDiscount: aQuote().footerDiscount });
    expect(doc.totals).toEqual(expected);
  });

  it('keeps the server version of a line both sides changed, and reports mine', () => {
    const mine = state(aQuote({ lines: [l1, { ...l2, label: 'Mine' }, l3, l4] }));
    const theirs = state(aQuote({ lines: [l1, { ...l2, label: 'Theirs' }, l3, l4], depositRate: 5000 as never }));
    const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
    expect(doc).toBe(theirs);
    expect(conflicts).toEqual([
      { path: ['lines', { id: 'line-2' }], mine: { present: true, value: { ...l2, label: 'Mine' } }, theirs: { present: true, value: { ...l2, label: 'Theirs' } } },
    ]);
  });

  it('reports a line changed here but removed on the server', () => {
    const mine = state(aQuote({ lines: [l1, l2, { ...l3, amount: 2000 } as FeeLine, l4] }));
    const theirs = state(aQuote({ lines: [l1, l2, l4] }));
    const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
    expect((doc.lines as { id: string }[]).map((l) => l.id)).toEqual(['line-1', 'line-2', 'line-4']);
    expect(conflicts).toEqual([{ path: ['lines', { id: 'line-3' }], mine: { present: true, value: { ...l3, amount: 2000 } }, theirs: { present: false, value: null } }]);
  });

  it('follows my reordering and keeps the lines the server added', () => {
    const mine = state(aQuote({ lines: [l4, l3, l2, l1] }));
    const theirs = state(aQuote({ lines: [l1, l2, newLine, l3, l4] }));
    const { doc } = threeWayMerge(base, mine, theirs, rules);
    expect((doc.lines as { id: string }[]).map((l) => l.id)).toEqual(['line-4', 'line-3', 'line-2', 'line-5', 'line-1']);
  });

  it('merges nested negotiation fields and treats a discount variant as one value', () => {
    const negotiation = aQuote().negotiation;
    const mine = state(aQuote({ negotiation: { ...negotiation, internalComment: 'Accord CE' }, footerDiscount: { kind: 'percent', rate: 500 as never } }));
    const theirs = state(aQuote({ negotiation: { ...negotiation, state: 'in_progress' }, footerDiscount: { kind: 'amount', amount: 2000 as never } }));
    const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
    expect(doc.negotiation).toEqual({ ...negotiation, internalComment: 'Accord CE', state: 'in_progress' });
    expect(conflicts.map((c) => c.path)).toEqual([['footerDiscount']]);
    expect(doc.footerDiscount).toEqual({ kind: 'amount', amount: 2000 });
  });
});

describe('server-owned fields', () => {
  it('take the server value silently, even when this side changed them', () => {
    const rules = mergeRulesFor('payments');
    const base = state(aDepositRequestDoc());
    const mine = state(aDepositRequestDoc({ status: 'cancelled', amount: 12_000 as never }));
    const theirs = state(aDepositRequestDoc({ status: 'sent', link: 'https://pay.example/x' }));
    const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
    expect(conflicts).toEqual([]);
    expect(doc).toMatchObject({ status: 'sent', statusKey: 'sent', link: 'https://pay.example/x', amount: 12_000 });
  });
});
