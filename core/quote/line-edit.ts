import type { BasisPoints, Cents, Milli } from '../money/units.ts';
import type { QuoteLineId } from '../shared/ids.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { QuoteContext } from './context.ts';
import { applyDraftChanges, requireDraft } from './draft-edit.ts';
import type { QuoteErrorCode } from './errors.ts';
import type { Discount, Quote, QuoteLine } from './quote.ts';
import { validateLine } from './validate-line.ts';
import type { LineErrorCode } from './validate-line.ts';

/** Fields an agent may change on a line. Which apply depends on the line's kind (see `updateLine`). */
export interface LinePatch {
  readonly label?: string;
  readonly unitPrice?: Cents;
  readonly quantity?: Milli;
  readonly vatRate?: BasisPoints;
  readonly discount?: Discount | null;
  readonly amount?: Cents;
  readonly text?: string;
}

export type UpdateLineError = LineErrorCode | Extract<QuoteErrorCode, 'QUOTE_FROZEN' | 'LINE_NOT_FOUND' | 'FIELD_NOT_APPLICABLE'>;

/** Which patch fields each kind accepts. A product's VAT rate belongs to the catalog, not the quote. */
const EDITABLE: Readonly<Record<QuoteLine['kind'], readonly (keyof LinePatch)[]>> = {
  product: ['label', 'unitPrice', 'quantity', 'discount'],
  misc: ['label', 'unitPrice', 'quantity', 'vatRate', 'discount'],
  fee: ['label', 'amount', 'vatRate'],
  comment: ['text'],
};

function patched(line: QuoteLine, patch: LinePatch): QuoteLine {
  switch (line.kind) {
    case 'comment':
      return { ...line, text: patch.text ?? line.text };
    case 'fee':
      return { ...line, label: patch.label?.trim() ?? line.label, amount: patch.amount ?? line.amount, vatRate: patch.vatRate ?? line.vatRate };
    case 'misc':
      return {
        ...line,
        label: patch.label?.trim() ?? line.label,
        unitPrice: patch.unitPrice ?? line.unitPrice,
        quantity: patch.quantity ?? line.quantity,
        vatRate: patch.vatRate ?? line.vatRate,
        discount: patch.discount === undefined ? line.discount : patch.discount,
      };
    case 'product': {
      const repriced = patch.unitPrice !== undefined && patch.unitPrice !== line.unitPrice;
      return {
        ...line,
        label: patch.label?.trim() ?? line.label,
        unitPrice: patch.unitPrice ?? line.unitPrice,
        quantity: patch.quantity ?? line.quantity,
        discount: patch.discount === undefined ? line.discount : patch.discount,
        // A hand-typed price overrides the catalog or offer price; keep the list price for reference.
        pricing: repriced && line.pricing !== null ? { ...line.pricing, source: 'manual', explanation: '', offerRef: null } : line.pricing,
      };
    }
  }
}

/**
 * Changes fields of one line of a draft and recomputes totals. The whole resulting line is
 * validated, so e.g. lowering a quantity below an amount discount fails with DISCOUNT_EXCEEDS_LINE.
 */
export function updateLine(
  quote: Quote,
  lineId: QuoteLineId,
  patch: LinePatch,
  ctx: Pick<QuoteContext, 'clock' | 'settings'>,
): Result<Quote, UpdateLineError> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  const index = quote.lines.findIndex((line) => line.id === lineId);
  const line = quote.lines[index];
  if (line === undefined) return err('LINE_NOT_FOUND', `Line ${lineId} is not on this quote.`);
  const allowed = EDITABLE[line.kind];
  const stray = (Object.keys(patch) as (keyof LinePatch)[]).find((key) => patch[key] !== undefined && !allowed.includes(key));
  if (stray !== undefined) return err('FIELD_NOT_APPLICABLE', `A ${line.kind} line has no editable "${stray}".`);
  const valid = validateLine(patched(line, patch), ctx.settings);
  if (!valid.ok) return valid;
  const lines = quote.lines.map((l, i) => (i === index ? valid.value : l));
  return ok(applyDraftChanges(quote, { lines }, ctx.clock));
}

/** Removes one line from a draft. */
export function removeLine(
  quote: Quote,
  lineId: QuoteLineId,
  ctx: Pick<QuoteContext, 'clock'>,
): Result<Quote, Extract<QuoteErrorCode, 'QUOTE_FROZEN' | 'LINE_NOT_FOUND'>> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  if (!quote.lines.some((line) => line.id === lineId)) return err('LINE_NOT_FOUND', `Line ${lineId} is not on this quote.`);
  return ok(applyDraftChanges(quote, { lines: quote.lines.filter((line) => line.id !== lineId) }, ctx.clock));
}

/** Moves one line to `toIndex` (drag and drop); the other lines keep their relative order. */
export function moveLine(
  quote: Quote,
  lineId: QuoteLineId,
  toIndex: number,
  ctx: Pick<QuoteContext, 'clock'>,
): Result<Quote, Extract<QuoteErrorCode, 'QUOTE_FROZEN' | 'LINE_NOT_FOUND' | 'INVALID_ORDER'>> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  const line = quote.lines.find((l) => l.id === lineId);
  if (line === undefined) return err('LINE_NOT_FOUND', `Line ${lineId} is not on this quote.`);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= quote.lines.length) {
    return err('INVALID_ORDER', `Position ${toIndex} is outside the quote's ${quote.lines.length} lines.`);
  }
  const rest = quote.lines.filter((l) => l.id !== lineId);
  return ok(applyDraftChanges(quote, { lines: [...rest.slice(0, toIndex), line, ...rest.slice(toIndex)] }, ctx.clock));
}

/** Puts the lines in the given order, which must list every current line id exactly once. */
export function reorderLines(
  quote: Quote,
  order: readonly QuoteLineId[],
  ctx: Pick<QuoteContext, 'clock'>,
): Result<Quote, Extract<QuoteErrorCode, 'QUOTE_FROZEN' | 'INVALID_ORDER'>> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  const byId = new Map(quote.lines.map((line) => [line.id, line]));
  const lines = order.map((id) => byId.get(id));
  const isPermutation = order.length === quote.lines.length && new Set(order).size === order.length;
  if (!isPermutation || lines.some((line) => line === undefined)) {
    return err('INVALID_ORDER', 'The new order must list every line of the quote exactly once.');
  }
  return ok(applyDraftChanges(quote, { lines: lines.filter((line) => line !== undefined) }, ctx.clock));
}
