import { create } from 'zustand';
import type { ClientLite, DossierRow, QuoteLite } from './rows.ts';
import { referenceQuote } from './rows.ts';

/**
 * The in-memory projections (see rows.ts). The maps are mutated in place by the loader and every
 * change bumps `version`, which is what components subscribe to; they derive their arrays in a
 * `useMemo` keyed by it.
 */
export interface ProjectionState {
  readonly version: number;
  readonly dossiersReady: boolean;
  readonly quotesReady: boolean;
  readonly loadedDossiers: number;
}

export const projectionStore = create<ProjectionState>()(() => ({
  version: 0,
  dossiersReady: false,
  quotesReady: false,
  loadedDossiers: 0,
}));

export const dossierRows = new Map<string, DossierRow>();
export const clientRows = new Map<string, ClientLite>();
const quotesByDossier = new Map<string, Map<string, QuoteLite>>();
const summaries = new Map<string, QuoteLite | null>();
/** Where each quote is filed, so a quote that changes dossier (never in practice) or is deleted can be found. */
const quoteHome = new Map<string, string>();

function refreshSummary(dossierId: string): void {
  const quotes = quotesByDossier.get(dossierId);
  summaries.set(dossierId, quotes === undefined ? null : referenceQuote(quotes.values()));
}

export function putQuote(quote: QuoteLite): void {
  const previous = quoteHome.get(quote.id);
  if (previous !== undefined && previous !== quote.dossierId) removeQuote(quote.id);
  let quotes = quotesByDossier.get(quote.dossierId);
  if (quotes === undefined) {
    quotes = new Map();
    quotesByDossier.set(quote.dossierId, quotes);
  }
  quotes.set(quote.id, quote);
  quoteHome.set(quote.id, quote.dossierId);
  refreshSummary(quote.dossierId);
}

export function removeQuote(quoteId: string): void {
  const dossierId = quoteHome.get(quoteId);
  if (dossierId === undefined) return;
  quoteHome.delete(quoteId);
  const quotes = quotesByDossier.get(dossierId);
  quotes?.delete(quoteId);
  if (quotes?.size === 0) quotesByDossier.delete(dossierId);
  refreshSummary(dossierId);
}

/** The quote a dossier's amount and negotiation state come from, or null. */
export function dossierQuote(dossierId: string): QuoteLite | null {
  return summaries.get(dossierId) ?? null;
}

export function clientName(clientId: string | null): string {
  if (clientId === null) return '';
  return clientRows.get(clientId)?.name ?? '';
}

/** Forgets everything (sign-out, other user). */
export function clearProjections(): void {
  dossierRows.clear();
  clientRows.clear();
  quotesByDossier.clear();
  summaries.clear();
  quoteHome.clear();
  projectionStore.setState({ version: 0, dossiersReady: false, quotesReady: false, loadedDossiers: 0 });
}

let bumpTimer: ReturnType<typeof setTimeout> | null = null;

/** Tells subscribers the maps changed; coalesced so a burst of changes renders once. */
export function bumpProjection(delayMs = 30): void {
  if (bumpTimer !== null) return;
  bumpTimer = setTimeout(() => {
    bumpTimer = null;
    projectionStore.setState((s) => ({ version: s.version + 1, loadedDossiers: dossierRows.size }));
  }, delayMs);
}
