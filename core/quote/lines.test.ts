import { describe, expect, it } from 'vitest';
import { bp, cents, milli } from '../money/units.ts';
import type { Result } from '../shared/result.ts';
import { unwrap } from '../shared/result.ts';
import { aDraft, aProduct, amountOff, commentLine, percentOff, testContext } from './fixtures.ts';
import { addCommentLine, addFeeLine, addMiscLine, addProductLine } from './lines.ts';
import type { Quote } from './quote.ts';
import { MAX_LINES } from './validate-line.ts';

const codeOf = (result: Result<Quote>): string => (result.ok ? 'ok' : result.error.code);

describe('addProductLine', () => {
  it('adds a catalog product at its HT price on an HT quote and recomputes totals', () => {
    const ctx = testContext();
    const quote = unwrap(addProductLine(aDraft(ctx), { product: aProduct(), quantity: milli(2000) }, ctx));
    expect(quote.lines).toHaveLength(1);
    expect(quote.lines[0]).toMatchObject({ kind: 'product', productRef: 'CHAISE-01', unitPrice: 4590, vatRate: 2000 });
    expect(quote.lines[0]).toMatchObject({ pricing: { source: 'catalog', listPrice: 4590 } });
    // 2 × 45.90 = 91.80 HT; VAT 18.36; 110.16 TTC
    expect(quote.totals).toMatchObject({ totalNet: 9180, totalVat: 1836, totalGross: 11016 });
  });

  it('converts the catalog HT price for a TTC quote', () => {
    const ctx = testContext();
    const quote = unwrap(addProductLine(aDraft(ctx, 'TTC'), { product: aProduct({ unitPrice: cents(1000), vatRate: bp(550) }), quantity: milli(1000) }, ctx));
    // 10.00 € HT at 5.5 % → 10.55 € TTC
    expect(quote.lines[0]).toMatchObject({ unitPrice: 1055 });
    expect(quote.totals.totalGross).toBe(1055);
  });

  it('records a hand-typed price as manual', () => {
    const ctx = testContext();
    const quote = unwrap(addProductLine(aDraft(ctx), { product: aProduct(), quantity: milli(1000), unitPrice: cents(3990) }, ctx));
    expect(quote.lines[0]).toMatchObject({ unitPrice: 3990, pricing: { source: 'manual', listPrice: 4590 } });
  });

  it('refuses products not for sale', () => {
    const ctx = testContext();
    expect(codeOf(addProductLine(aDraft(ctx), { product: aProduct({ sellable: false }), quantity: milli(1000) }, ctx))).toBe('PRODUCT_NOT_SELLABLE');
  });

  it('refuses out-of-stock products unless the settings allow quoting them', () => {
    const product = aProduct({ stock: 'out_of_stock' });
    const strict = testContext();
    expect(codeOf(addProductLine(aDraft(strict), { product, quantity: milli(1000) }, strict))).toBe('PRODUCT_OUT_OF_STOCK');
    const lenient = testContext({ settings: { allowOutOfStock: true } });
    expect(codeOf(addProductLine(aDraft(lenient), { product, quantity: milli(1000) }, lenient))).toBe('ok');
    expect(codeOf(addProductLine(aDraft(strict), { product: aProduct({ stock: 'low' }), quantity: milli(1000) }, strict))).toBe('ok');
  });

  it('refuses zero quantities and discounts larger than the line', () => {
    const ctx = testContext();
    const draft = aDraft(ctx);
    expect(codeOf(addProductLine(draft, { product: aProduct(), quantity: milli(0) }, ctx))).toBe('INVALID_QUANTITY');
    expect(codeOf(addProductLine(draft, { product: aProduct(), quantity: milli(1000), discount: amountOff(4591) }, ctx))).toBe('DISCOUNT_EXCEEDS_LINE');
    expect(codeOf(addProductLine(draft, { product: aProduct(), quantity: milli(1000), discount: percentOff(10001) }, ctx))).toBe('INVALID_DISCOUNT');
  });
});

describe('addMiscLine', () => {
  it('adds a "Divers" line with a free label, quantity 1 by default', () => {
    const ctx = testContext();
    const quote = unwrap(addMiscLine(aDraft(ctx), { label: '  Transfert aéroport ', unitPrice: cents(6500), vatRate: bp(1000) }, ctx));
    expect(quote.lines[0]).toMatchObject({ kind: 'misc', label: 'Transfert aéroport', quantity: 1000, vatRate: 1000 });
    expect(quote.totals.totalGross).toBe(7150);
  });

  it('requires a label of at most 200 characters', () => {
    const ctx = testContext();
    const base = { unitPrice: cents(100), vatRate: bp(2000) };
    expect(codeOf(addMiscLine(aDraft(ctx), { ...base, label: '   ' }, ctx))).toBe('INVALID_LABEL');
    expect(codeOf(addMiscLine(aDraft(ctx), { ...base, label: 'x'.repeat(201) }, ctx))).toBe('INVALID_LABEL');
    expect(codeOf(addMiscLine(aDraft(ctx), { ...base, label: 'x'.repeat(200) }, ctx))).toBe('ok');
  });

  it('accepts only the configured VAT rates', () => {
    const ctx = testContext();
    expect(codeOf(addMiscLine(aDraft(ctx), { label: 'Service', unitPrice: cents(100), vatRate: bp(1960) }, ctx))).toBe('VAT_RATE_NOT_ALLOWED');
    const corsica = testContext({ settings: { allowedVatRates: [bp(2000), bp(1300)] } });
    expect(codeOf(addMiscLine(aDraft(corsica), { label: 'Service', unitPrice: cents(100), vatRate: bp(1300) }, corsica))).toBe('ok');
  });

  it('refuses negative or absurdly large prices', () => {
    const ctx = testContext();
    expect(codeOf(addMiscLine(aDraft(ctx), { label: 'Geste', unitPrice: cents(-100), vatRate: bp(2000) }, ctx))).toBe('INVALID_AMOUNT');
    const huge = { label: 'Yacht', unitPrice: cents(100_000_000_000), quantity: milli(2000), vatRate: bp(2000) };
    expect(codeOf(addMiscLine(aDraft(ctx), huge, ctx))).toBe('INVALID_AMOUNT');
  });
});

describe('fee and comment lines', () => {
  it('adds shipping with its own VAT rate and a comment with no amount', () => {
    const ctx = testContext();
    let quote = unwrap(addFeeLine(aDraft(ctx), { label: 'Frais de port', amount: cents(2500), vatRate: bp(2000) }, ctx));
    quote = unwrap(addCommentLine(quote, { text: 'Livraison sous 3 semaines' }, ctx));
    expect(quote.lines.map((l) => l.kind)).toEqual(['fee', 'comment']);
    expect(quote.totals.totalGross).toBe(3000);
  });

  it('inserts a comment at a chosen position', () => {
    const ctx = testContext();
    let quote = unwrap(addMiscLine(aDraft(ctx), { label: 'A', unitPrice: cents(100), vatRate: bp(2000) }, ctx));
    quote = unwrap(addMiscLine(quote, { label: 'B', unitPrice: cents(100), vatRate: bp(2000) }, ctx));
    quote = unwrap(addCommentLine(quote, { text: 'between', position: 1 }, ctx));
    expect(quote.lines.map((l) => (l.kind === 'comment' ? l.text : l.label))).toEqual(['A', 'between', 'B']);
    expect(codeOf(addCommentLine(quote, { text: 'far', position: 9 }, ctx))).toBe('INVALID_ORDER');
  });

  it('refuses empty comments', () => {
    const ctx = testContext();
    expect(codeOf(addCommentLine(aDraft(ctx), { text: ' ' }, ctx))).toBe('INVALID_COMMENT');
  });

  it(`stops at ${MAX_LINES} lines`, () => {
    const ctx = testContext();
    const full: Quote = { ...aDraft(ctx), lines: Array.from({ length: MAX_LINES }, () => commentLine('x')) };
    expect(codeOf(addCommentLine(full, { text: 'one more' }, ctx))).toBe('TOO_MANY_LINES');
  });
});

describe('frozen quotes', () => {
  it('refuses to add anything to a sent quote', () => {
    const ctx = testContext();
    const sent: Quote = { ...aDraft(ctx), status: 'sent' };
    expect(codeOf(addProductLine(sent, { product: aProduct({ sellable: false }), quantity: milli(1000) }, ctx))).toBe('QUOTE_FROZEN');
    expect(codeOf(addMiscLine(sent, { label: 'A', unitPrice: cents(1), vatRate: bp(2000) }, ctx))).toBe('QUOTE_FROZEN');
    expect(codeOf(addCommentLine(sent, { text: 'A' }, ctx))).toBe('QUOTE_FROZEN');
  });
});
