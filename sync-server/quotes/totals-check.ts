import type { JsonObject, JsonValue } from '../../core/model/json.ts';
import { computeTotals } from '../../core/quote/totals.ts';
import type { QuoteDoc } from '../../core/schemas/quotes.ts';
import { jsonEqual } from '../../core/replication/json-equal.ts';

/**
 * The server's re-check of a pushed quote (DESIGN §4: "the server re-checks every quote it
 * receives"): its stored `totals` must be exactly what core/quote's `computeTotals` — the function
 * the renderer and the PDF use — gives for its price mode, lines and footer discount. Lists,
 * payment requests and the customer portal read the stored totals, so a quote whose totals were
 * edited by hand, or computed by a client with other arithmetic, must not become the server copy.
 *
 * `body` has passed the `quotes` JSON schema (push.ts validates first), so it has the quote shape.
 * Returns why the totals are wrong, or null when they are right.
 */
export function quoteTotalsError(body: JsonObject): string | null {
  const quote = body as unknown as QuoteDoc;
  const expected = computeTotals({ priceMode: quote.priceMode, lines: quote.lines, footerDiscount: quote.footerDiscount });
  const stored = body.totals;
  if (jsonEqual(stored, expected as unknown as JsonValue)) return null;
  const storedTotals = quote.totals;
  for (const field of ['totalGross', 'totalNet', 'totalVat', 'linesTotal', 'footerDiscount'] as const) {
    if (storedTotals[field] !== expected[field]) return `totals.${field} is ${storedTotals[field]}, the lines give ${expected[field]}`;
  }
  return 'totals.byRate does not match the lines';
}
