import { cents } from '../money/units.ts';
import { depositAmount } from '../quote/deposit.ts';
import { lineTotal } from '../quote/line-total.ts';
import type { Discount, QuoteLine, QuoteTotals } from '../quote/quote.ts';
import { computeTotals } from '../quote/totals.ts';
import { documentFormat, documentLocale } from './document-format.ts';
import type { DocumentFormat } from './document-format.ts';
import type { QuotePdfInput } from './quote-pdf-input.ts';
import { QUOTE_PDF_LABELS } from './quote-pdf-labels.ts';
import type { QuotePdfLabels } from './quote-pdf-labels.ts';
import { companyLegalLine, companyLines, recipientLines } from './quote-pdf-parties.ts';
import { toWinAnsi } from './win-ansi.ts';

/** The columns of the lines table, left to right; the layout gives each a width. */
export const QUOTE_COLUMNS = ['number', 'ref', 'label', 'quantity', 'unitPrice', 'discount', 'vatRate', 'total'] as const;
export type QuoteColumn = (typeof QUOTE_COLUMNS)[number];

/** One row of the lines table: a priced line with one text per column, or a comment spanning the row. */
export type QuotePdfRow =
  | { readonly kind: 'line'; readonly cells: Readonly<Record<QuoteColumn, string>> }
  | { readonly kind: 'comment'; readonly text: string };

export interface LabelledValue {
  readonly label: string;
  readonly value: string;
}

/** A line of the totals block; `strong` for the amount the customer pays. */
export interface TotalRow extends LabelledValue {
  readonly strong: boolean;
}

/**
 * What a quote document says, every value formatted for its language and safe for the PDF's fonts,
 * before any layout. The PDF draws it; `quotePdfText` reads it out for tests and previews.
 */
export interface QuotePdfModel {
  readonly labels: QuotePdfLabels;
  readonly language: 'fr-FR' | 'en-GB';
  readonly title: string;
  /** Printed beside the title while the quote is a draft. */
  readonly draftMark: string | null;
  /** Heading of continuation pages, e.g. "DEVIS Q-2026-000123 v2 (suite)". */
  readonly continuedTitle: string;
  readonly company: { readonly name: string; readonly lines: readonly string[] };
  readonly meta: readonly LabelledValue[];
  readonly recipient: { readonly heading: string; readonly name: string; readonly lines: readonly string[] };
  readonly subject: readonly string[];
  readonly columns: Readonly<Record<QuoteColumn, string>>;
  readonly rows: readonly QuotePdfRow[];
  readonly vatTable: { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };
  readonly totals: readonly TotalRow[];
  readonly payment: { readonly heading: string; readonly lines: readonly string[] };
  /** The customer's negotiation request (seed 000 "Commentaire client"); the internal comment is never printed. */
  readonly clientRequest: { readonly heading: string; readonly text: string } | null;
  readonly acceptance: { readonly heading: string; readonly hint: string };
  /** Legal line printed at the foot of every page. */
  readonly footer: string;
  /** PDF document properties. */
  readonly properties: { readonly title: string; readonly subject: string; readonly author: string };
}

function discountText(discount: Discount | null, amount: number, format: DocumentFormat): string {
  if (discount === null || amount === 0) return '';
  return discount.kind === 'percent' ? `-${format.percent(discount.rate)}` : `-${format.amount(cents(amount))}`;
}

function rows(lines: readonly QuoteLine[], input: QuotePdfInput, format: DocumentFormat): QuotePdfRow[] {
  const mode = input.quote.priceMode;
  let number = 0;
  return lines.map((line): QuotePdfRow => {
    const amounts = lineTotal(line, mode);
    if (line.kind === 'comment' || amounts === null) return { kind: 'comment', text: line.kind === 'comment' ? line.text : '' };
    number += 1;
    const common = { number: String(number), label: line.label, vatRate: format.percent(line.vatRate), total: format.amount(amounts.total) };
    if (line.kind === 'fee') return { kind: 'line', cells: { ...common, ref: '', quantity: '', unitPrice: '', discount: '' } };
    return {
      kind: 'line',
      cells: {
        ...common,
        ref: line.kind === 'product' ? line.productRef : '',
        quantity: format.quantity(line.quantity),
        unitPrice: format.amount(line.unitPrice),
        discount: discountText(line.discount, amounts.discount, format),
      },
    };
  });
}

function totalRows(totals: QuoteTotals, input: QuotePdfInput, labels: QuotePdfLabels, format: DocumentFormat): TotalRow[] {
  const footer = input.quote.footerDiscount;
  const out: TotalRow[] = [];
  if (totals.footerDiscount > 0) {
    const rate = footer?.kind === 'percent' ? format.percent(footer.rate) : null;
    out.push({ label: labels.linesTotal(input.quote.priceMode), value: format.money(totals.linesTotal), strong: false });
    out.push({ label: labels.footerDiscount(rate), value: `-${format.money(totals.footerDiscount)}`, strong: false });
  }
  out.push({ label: labels.totalNet, value: format.money(totals.totalNet), strong: false });
  out.push({ label: labels.totalVat, value: format.money(totals.totalVat), strong: false });
  out.push({ label: labels.totalGross, value: format.money(totals.totalGross), strong: true });
  return out;
}

function paymentLines(totals: QuoteTotals, input: QuotePdfInput, labels: QuotePdfLabels, format: DocumentFormat): string[] {
  const { quote } = input;
  const out: string[] = [];
  if (quote.depositRate > 0) {
    const deposit = depositAmount(totals.totalGross, quote.depositRate);
    out.push(labels.deposit(format.percent(quote.depositRate), format.money(deposit)));
    out.push(labels.balance(format.money(cents(totals.totalGross - deposit))));
  } else {
    out.push(labels.noDeposit);
  }
  const received = input.received ?? 0;
  if (received > 0) {
    out.push(labels.received(format.money(cents(received))));
    out.push(labels.stillDue(format.money(cents(Math.max(totals.totalGross - received, 0)))));
  }
  out.push(labels.validity(format.date(quote.validUntil)));
  for (const term of input.terms ?? []) out.push(toWinAnsi(term));
  return out;
}

/**
 * Builds what the quote document says. Totals are recomputed from the lines with the same
 * `computeTotals` the renderer and the server use (DESIGN §4), so the PDF can never print a stale
 * stored total.
 */
export function quotePdfModel(input: QuotePdfInput): QuotePdfModel {
  const { quote, language } = input;
  const labels = QUOTE_PDF_LABELS[language];
  const format = documentFormat(language, quote.currency, input.timeZone);
  const totals = computeTotals(quote);
  const columns = labels.columns;
  const title = `${labels.title} ${quote.number}`;
  const meta: LabelledValue[] = [
    { label: labels.number, value: quote.number },
    { label: labels.version, value: String(quote.version) },
    { label: labels.date, value: format.dateOfInstant(quote.sentAt ?? input.createdAt) },
    { label: labels.validUntil, value: format.date(quote.validUntil) },
  ];
  if (input.dossierNumber !== undefined && input.dossierNumber !== '') meta.push({ label: labels.dossier, value: input.dossierNumber });
  const subject: string[] = [];
  if (input.subject !== undefined && input.subject.trim() !== '') subject.push(labels.subject(input.subject.trim()));
  if (input.stay) subject.push(labels.stay(format.date(input.stay.start), format.date(input.stay.end)));
  const clientComment = quote.negotiation.clientComment.trim();
  const recipient = recipientLines(input.client, labels, format);
  return clean({
    labels,
    language: documentLocale(language),
    title: labels.title,
    draftMark: quote.status === 'draft' ? labels.draft : null,
    continuedTitle: `${title} v${quote.version} (${labels.continued})`,
    company: { name: input.company.name, lines: companyLines(input.company, labels, format) },
    meta,
    recipient: { heading: labels.customer, ...recipient },
    subject,
    columns: {
      number: columns.number,
      ref: columns.ref,
      label: columns.label,
      quantity: columns.quantity,
      unitPrice: columns.unitPrice(quote.priceMode),
      discount: columns.discount,
      vatRate: columns.vatRate,
      total: columns.total(quote.priceMode),
    },
    rows: rows(quote.lines, input, format),
    vatTable: {
      columns: [labels.vatTable.rate, labels.vatTable.net, labels.vatTable.vat, labels.vatTable.gross],
      rows: totals.byRate.map((r) => [format.percent(r.vatRate), format.money(r.net), format.money(r.vat), format.money(r.gross)]),
    },
    totals: totalRows(totals, input, labels, format),
    payment: { heading: labels.paymentTerms, lines: paymentLines(totals, input, labels, format) },
    clientRequest: clientComment === '' ? null : { heading: labels.clientRequest, text: clientComment },
    acceptance: { heading: labels.acceptance, hint: labels.acceptanceHint },
    footer: companyLegalLine(input.company, labels),
    properties: { title: `${title} v${quote.version}`, subject: input.subject ?? '', author: input.company.name },
  });
}

/** The model with every free text (names, labels, comments) made printable by the standard fonts. */
function clean(model: QuotePdfModel): QuotePdfModel {
  return {
    ...model,
    company: { name: toWinAnsi(model.company.name), lines: model.company.lines.map(toWinAnsi) },
    meta: model.meta.map((m) => ({ label: m.label, value: toWinAnsi(m.value) })),
    recipient: { ...model.recipient, name: toWinAnsi(model.recipient.name), lines: model.recipient.lines.map(toWinAnsi) },
    subject: model.subject.map(toWinAnsi),
    rows: model.rows.map((row) =>
      row.kind === 'comment'
        ? { kind: 'comment', text: toWinAnsiKeepingBreaks(row.text) }
        : { kind: 'line', cells: { ...row.cells, ref: toWinAnsi(row.cells.ref), label: toWinAnsi(row.cells.label) } },
    ),
    clientRequest: model.clientRequest === null ? null : { ...model.clientRequest, text: toWinAnsiKeepingBreaks(model.clientRequest.text) },
    footer: toWinAnsi(model.footer),
    properties: { title: toWinAnsi(model.properties.title), subject: toWinAnsi(model.properties.subject), author: toWinAnsi(model.properties.author) },
  };
}

/** Multi-line text (comments) keeps its line breaks; each line is cleaned on its own. */
function toWinAnsiKeepingBreaks(text: string): string {
  return text.split(/\r\n|\r|\n/).map(toWinAnsi).join('\n');
}
