import type { DocumentRecipient, QuotePdfInput } from '../../core/documents/index.ts';
import { cents } from '../../core/money/index.ts';
import type { Payment } from '../../core/payment/index.ts';
import type { Quote } from '../../core/quote/index.ts';
import type { ClientDoc, DossierDoc } from '../../core/schemas/index.ts';
import { desktopBridge } from '../bridge.ts';
import { systemClock } from '../db/runtime.ts';
import { referenceStore } from '../reference/reference-store.ts';
import { formatPhone } from '../clients/phone.ts';

export interface PdfSources {
  readonly quote: Quote;
  readonly dossier: DossierDoc | null;
  readonly client: ClientDoc | null;
  readonly payments: readonly Payment[];
  /** The UI language, used when the client has none. */
  readonly fallbackLanguage: 'fr' | 'en';
}

function recipient(client: ClientDoc | null): DocumentRecipient {
  if (client === null) return { name: '' };
  const name = [client.firstName, client.lastName].filter((part) => part !== '').join(' ');
  return {
    name,
    company: client.companyName,
    email: client.email,
    phone: client.phones[0] === undefined ? '' : formatPhone(client.phones[0]),
    reference: client.reference,
  };
}

const loadPdfModule = () => import('../../core/documents/index.ts');

/**
 * Loads the PDF code once the first screen is up. It is kept out of the start-up bundle (jsPDF is a
 * third of it), but must be in memory before the network goes away: a browser cannot fetch a lazy
 * chunk offline.
 */
export function preloadPdfModule(): void {
  const later = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 1500));
  later(() => void loadPdfModule());
}

/** The quote as the client will read it, in the client's language (core/documents, jsPDF). */
export async function quotePdfBytes(sources: PdfSources): Promise<Uint8Array> {
  const { renderQuotePdf } = await loadPdfModule();
  const { quote, dossier, client } = sources;
  let received = 0;
  for (const p of sources.payments) if (p.type === 'received' && p.quoteId === quote.id) received += p.amount;
  const input: QuotePdfInput = {
    quote,
    company: referenceStore.getState().settings.company,
    client: recipient(client),
    language: client?.language ?? sources.fallbackLanguage,
    createdAt: systemClock.now(),
    subject: dossier?.subject ?? '',
    dossierNumber: dossier?.number ?? '',
    stay: dossier?.startDate && dossier.endDate ? { start: dossier.startDate, end: dossier.endDate } : null,
    received: cents(received),
  };
  return renderQuotePdf(input);
}

export function pdfFileName(quote: Quote): string {
  return `${quote.number}-v${quote.version}.pdf`;
}

function blobUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/pdf' }));
}

/** Preview: the desktop opens it in the system PDF viewer; a browser opens it in a new tab. */
export async function previewPdf(bytes: Uint8Array): Promise<void> {
  const bridge = desktopBridge();
  if (bridge) {
    await bridge.documents.print({ target: 'pdf', bytes });
    return;
  }
  window.open(blobUrl(bytes), '_blank', 'noopener');
}

/** Print: the desktop's print path; in a browser the PDF opens in a tab to print from its viewer. */
export async function printPdf(bytes: Uint8Array): Promise<void> {
  await previewPdf(bytes);
}

/** Save: the desktop's save dialog; a browser downloads the file. Returns false when cancelled. */
export async function savePdf(bytes: Uint8Array, name: string): Promise<boolean> {
  const bridge = desktopBridge();
  if (bridge) {
    const saved = await bridge.documents.savePdf({ suggestedName: name, bytes, openAfterSave: false });
    if (!saved.ok) throw new Error(`${saved.error.code}: ${saved.error.message}`);
    return saved.value.status === 'saved';
  }
  const url = blobUrl(bytes);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
