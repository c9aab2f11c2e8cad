import type { Cents } from '../../core/money/index.ts';
import type { NegotiationState, QuoteStatus } from '../../core/quote/index.ts';
import type { ClientDoc, DossierDoc, QuoteDoc } from '../../core/schemas/index.ts';

/**
 * Light projections of the big collections, the only form in which the board, the table and the
 * searches hold them in memory (DESIGN §3, §13: 50k dossiers, 60k quotes, 10k clients). Each keeps
 * just what a list shows, sorts or filters on; screens read whole documents by id when opened.
 */
export interface DossierRow {
  readonly id: string;
  readonly number: string;
  readonly clientId: string | null;
  readonly source: DossierDoc['source'];
  readonly subject: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly partySize: number | null;
  readonly assignedTo: string | null;
  readonly team: string;
  readonly stage: DossierDoc['stage'];
  readonly processed: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What the lists need from one quote version. */
export interface QuoteLite {
  readonly id: string;
  readonly dossierId: string;
  readonly number: string;
  readonly version: number;
  readonly status: QuoteStatus;
  readonly totalGross: Cents;
  readonly negotiation: NegotiationState;
  readonly transferredToOrder: boolean;
  readonly transferredToInvoice: boolean;
  readonly updatedAt: string;
}

export interface ClientLite {
  readonly id: string;
  /** "Dupré Hélène" or the company name, as lists show it. */
  readonly name: string;
  readonly companyName: string;
  readonly email: string;
  readonly phones: readonly string[];
  readonly searchKey: string;
}

const SUBJECT_MAX = 160;

export function toDossierRow(doc: DossierDoc): DossierRow {
  return {
    id: doc.id,
    number: doc.number,
    clientId: doc.clientId,
    source: doc.source,
    subject: doc.subject.length > SUBJECT_MAX ? `${doc.subject.slice(0, SUBJECT_MAX)}…` : doc.subject,
    startDate: doc.startDate,
    endDate: doc.endDate,
    partySize: doc.partySize,
    assignedTo: doc.assignedTo,
    team: doc.team,
    stage: doc.stage,
    processed: doc.processed,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toQuoteLite(doc: QuoteDoc): QuoteLite {
  return {
    id: doc.id,
    dossierId: doc.dossierId,
    number: doc.number,
    version: doc.version,
    status: doc.status,
    totalGross: doc.totals.totalGross,
    negotiation: doc.negotiation.state,
    transferredToOrder: doc.transferredToOrder !== null,
    transferredToInvoice: doc.transferredToInvoice !== null,
    updatedAt: doc.updatedAt,
  };
}

/** A person's "Last First", a company's name, or both when a person works for a company. */
export function clientDisplayName(doc: Pick<ClientDoc, 'firstName' | 'lastName' | 'companyName'>): string {
  const person = [doc.lastName, doc.firstName].filter((part) => part.trim() !== '').join(' ');
  if (person === '') return doc.companyName;
  return doc.companyName === '' ? person : `${person} (${doc.companyName})`;
}

export function toClientLite(doc: ClientDoc): ClientLite {
  return {
    id: doc.id,
    name: clientDisplayName(doc),
    companyName: doc.companyName,
    email: doc.email,
    phones: doc.phones,
    searchKey: doc.searchKey,
  };
}

/**
 * The quote a dossier's amount comes from, by the pipeline's own rule (core pipelineFacts): the
 * latest accepted version, else the latest version.
 */
export function referenceQuote(quotes: Iterable<QuoteLite>): QuoteLite | null {
  let best: QuoteLite | null = null;
  let bestAccepted: QuoteLite | null = null;
  for (const q of quotes) {
    if (best === null || q.version > best.version || (q.version === best.version && q.updatedAt > best.updatedAt)) best = q;
    if (q.status === 'accepted' && (bestAccepted === null || q.version > bestAccepted.version)) bestAccepted = q;
  }
  return bestAccepted ?? best;
}
