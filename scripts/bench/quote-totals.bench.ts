// Recomputing the totals of a 200-line quote (DESIGN §13 target: < 1 ms), plus one full draft edit
// (validate the line, rebuild the quote, recompute totals) since that is what a keystroke costs.
// Run alone with `node scripts/bench/quote-totals.bench.ts`, or through `npm run bench`.
import { pathToFileURL } from 'node:url';
import { bp, cents, milli } from '../../core/money/units.ts';
import { amountOff, commentLine, feeLine, miscLine, percentOff, productLine } from '../../core/quote/fixtures.ts';
import { updateLine } from '../../core/quote/line-edit.ts';
import type { Discount, Quote, QuoteLine } from '../../core/quote/quote.ts';
import { quoteSettings } from '../../core/quote/settings.ts';
import { computeTotals } from '../../core/quote/totals.ts';
import { fixedClock } from '../../core/shared/clock.ts';
import type { DossierId, QuoteId } from '../../core/shared/ids.ts';
import type { Figure } from './figure.ts';

const LINES = 200;
const WARM_UP = 500;
const RUNS = 3000;
const RATES = [2000, 1000, 550, 210, 0];


/** Deterministic pseudo-random integers (LCG) so every run measures the same quote. */
function sequence(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % max;
  };
}

/** 200 lines: mostly products and misc lines over five VAT rates, a third discounted, plus fees and comments. */
function buildLines(): QuoteLine[] {
  const next = sequence(2026);
  const lines: QuoteLine[] = [];
  for (let i = 0; i < LINES; i += 1) {
    const pick = next(20);
    const vatRate = RATES[next(RATES.length)] ?? 2000;
    const unitPrice = 50 + next(250_000);
    const quantity = 1 + next(25_000);
    const discountKind = next(3);
    const discount: Discount | null =
      discountKind === 0 ? null : discountKind === 1 ? percentOff(next(3000)) : amountOff(next(Math.floor((unitPrice * quantity) / 2000)));
    if (pick < 12) lines.push(productLine({ unitPrice, quantity, vatRate, discount }));
    else if (pick < 17) lines.push(miscLine({ unitPrice, quantity, vatRate, discount }));
    else if (pick < 19) lines.push(feeLine(next(10_000), vatRate));
    else lines.push(commentLine(`Commentaire ${i}`));
  }
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

function measure(work: () => unknown): number[] {
  let sink = 0;
  for (let i = 0; i < WARM_UP; i += 1) sink += work() === null ? 1 : 0;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    sink += work() === null ? 1 : 0;
    samples.push(performance.now() - start);
  }
  // Keeps the optimiser from discarding the work; never true.
  if (sink > RUNS + WARM_UP) console.log(sink);
  return samples;
}

/** Runs the benchmark and returns its figures (see scripts/bench.mjs). */
export async function run(): Promise<Figure[]> {
  const lines = buildLines();
  const input = { priceMode: 'HT' as const, lines, footerDiscount: percentOff(500) };
  const totals = measure(() => computeTotals(input));

  const quote: Quote = {
    id: 'bench-quote' as QuoteId,
    dossierId: 'bench-dossier' as DossierId,
    number: 'Q-2026-000001',
    version: 1,
    previousVersionId: null,
    status: 'draft',
    priceMode: 'HT',
    currency: 'EUR',
    lines,
    footerDiscount: percentOff(500),
    depositRate: bp(3000),
    validUntil: '2026-04-01',
    negotiation: { state: 'none', clientComment: '', internalComment: '' },
    transferredToOrder: null,
    transferredToInvoice: null,
    datesChanged: false,
    totals: computeTotals(input),
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    sentAt: null,
    decidedAt: null,
  };
  const target = lines.find((line) => line.kind === 'misc');
  if (target === undefined) throw new Error('the generated quote has no misc line to edit');
  const ctx = { clock: fixedClock('2026-03-02T10:00:00.000Z'), settings: quoteSettings() };
  let quantity = 1000;
  const edits = measure(() => {
    quantity = quantity === 1000 ? 2000 : 1000;
    return updateLine(quote, target.id, { quantity: milli(quantity), unitPrice: cents(1234) }, ctx);
  });

  return [
    { name: `computeTotals, ${LINES} lines, median`, value: median(totals), unit: 'ms', target: '< 1 ms' },
    { name: `computeTotals, ${LINES} lines, p95`, value: percentile(totals, 0.95), unit: 'ms', target: '< 1 ms' },
    { name: `updateLine + recompute, ${LINES} lines, median`, value: median(edits), unit: 'ms' },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const figure of await run()) console.log(`${figure.name}: ${figure.value.toFixed(4)} ${figure.unit} ${figure.target ?? ''}`);
}
