import { jsPDF } from 'jspdf';
import { createPen } from './pdf-pen.ts';
import { drawContinuationHeader, drawFirstPageHeader, drawPageFooters } from './quote-pdf-header.ts';
import type { QuotePdfInput, QuotePdfOptions } from './quote-pdf-input.ts';
import { createFlow } from './quote-pdf-layout.ts';
import { quotePdfModel } from './quote-pdf-model.ts';
import { drawSummary } from './quote-pdf-summary.ts';
import { drawLinesTable } from './quote-pdf-table.ts';

/**
 * A stable 128-bit PDF file identifier from what identifies the document: the same quote version
 * rendered at the same instant gets the same id (jsPDF would otherwise draw a random one), two
 * versions get different ids. Four FNV-1a passes with different offsets; not cryptographic.
 */
function fileId(input: QuotePdfInput): string {
  const key = `${input.quote.id}|${input.quote.number}|${input.quote.version}|${input.quote.updatedAt}|${input.createdAt}|${input.language}`;
  let out = '';
  for (const offset of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let hash = offset >>> 0;
    for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out.toUpperCase();
}

/**
 * Renders a quote as an A4 PDF business document: seller and customer, quote number, version, date
 * and validity, numbered lines (comments in italics), VAT table per rate, totals, deposit and
 * balance, the customer's request, a signature box, the legal line and "Page n/N" on every page.
 * The lines table breaks across pages with its header repeated.
 *
 * Uses only the standard Helvetica fonts and jsPDF's vector calls, so it runs the same in Node
 * (server, customer portal) and in the renderer. Deterministic: the same input gives the same bytes
 * (creation date and file id come from the input, never from the clock or a random source).
 */
export function renderQuotePdf(input: QuotePdfInput, options: QuotePdfOptions = {}): Uint8Array {
  const model = quotePdfModel(input);
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: options.compress ?? true, putOnlyUsedFonts: true });
  doc.setCreationDate(new Date(input.createdAt));
  doc.setFileId(fileId(input));
  doc.setDocumentProperties({ ...model.properties, creator: 'Comptoir', keywords: model.title });
  doc.setLanguage(model.language);
  const pen = createPen(doc);
  const flow = createFlow(pen, drawFirstPageHeader(pen, model), () => drawContinuationHeader(pen, model));
  drawLinesTable(pen, model, flow);
  drawSummary(pen, model, flow);
  drawPageFooters(pen, model);
  return new Uint8Array(doc.output('arraybuffer'));
}
