import type { ClientDatabase } from '../../core/replication/index.ts';
import type { RxCollection, RxStorageChangeEvent } from 'rxdb';
import type { ClientDoc, DossierDoc, QuoteDoc } from '../../core/schemas/index.ts';
import { scanCollection } from '../db/scan-collection.ts';
import {
  bumpProjection, clearProjections, clientRows, dossierRows, projectionStore, putQuote, removeQuote,
} from './projection-store.ts';
import { toClientLite, toDossierRow, toQuoteLite } from './rows.ts';

function applyDossier(event: RxStorageChangeEvent<DossierDoc>): void {
  if (event.operation === 'DELETE' || event.documentData._deleted) dossierRows.delete(event.documentId);
  else dossierRows.set(event.documentId, toDossierRow(event.documentData));
}

function applyQuote(event: RxStorageChangeEvent<QuoteDoc>): void {
  if (event.operation === 'DELETE' || event.documentData._deleted) removeQuote(event.documentId);
  else putQuote(toQuoteLite(event.documentData));
}

function applyClient(event: RxStorageChangeEvent<ClientDoc>): void {
  if (event.operation === 'DELETE' || event.documentData._deleted) clientRows.delete(event.documentId);
  else clientRows.set(event.documentId, toClientLite(event.documentData));
}

/**
 * Builds the projections from the local database and keeps them live. Changes that happen while
 * the initial scan runs are held back and applied after it, so a document deleted mid-scan is not
 * resurrected by an older chunk. Dossiers come first (the board is usable from the first chunk),
 * then clients (names fill in), then quotes (amounts fill in). Returns the stop function.
 */
export function startProjection(db: ClientDatabase): () => void {
  clearProjections();
  let stopped = false;
  const feeds = [
    feed(db.clients, applyClient),
    feed(db.dossiers, applyDossier),
    feed(db.quotes, applyQuote),
  ] as const;
  const [clients, dossiers, quotes] = feeds;

  void (async () => {
    // Dossiers first: the board and the table fill from the first chunk; client names follow.
    let first = true;
    await scanCollection(db.dossiers, (docs) => {
      if (stopped) return;
      for (const doc of docs) dossierRows.set(doc.id, toDossierRow(doc));
      if (first) performance.mark('comptoir:first-dossiers');
      bumpProjection(first ? 0 : 200);
      first = false;
    });
    dossiers.release();
    performance.mark('comptoir:dossiers-scanned');
    projectionStore.setState({ dossiersReady: true });
    await scanCollection(db.clients, (docs) => {
      for (const doc of docs) clientRows.set(doc.id, toClientLite(doc));
    });
    clients.release();
    performance.mark('comptoir:clients-scanned');
    await scanCollection(db.quotes, (docs) => {
      if (stopped) return;
      for (const doc of docs) putQuote(toQuoteLite(doc));
      bumpProjection(200);
    });
    quotes.release();
    performance.mark('comptoir:quotes-scanned');
    projectionStore.setState({ quotesReady: true });
    bumpProjection();
  })();

  return () => {
    stopped = true;
    for (const f of feeds) f.stop();
  };
}

/** Live changes of one collection, held back until its initial scan is over (`release`). */
function feed<T>(collection: RxCollection<T>, apply: (event: RxStorageChangeEvent<T>) => void): { release(): void; stop(): void } {
  let scanning = true;
  let bursts = 0;
  const held: RxStorageChangeEvent<T>[] = [];
  const subscription = collection.eventBulks$.subscribe((bulk) => {
    const events = bulk.events as RxStorageChangeEvent<T>[];
    if (scanning) {
      held.push(...events);
      return;
    }
    for (const event of events) apply(event);
    // A replication burst (first sync: thousands of documents) re-renders a few times a second, not
    // on every batch; one agent's edit shows at once, and so does the first burst (on a first sign-in
    // the board fills from the first page, 300 ms sooner).
    const burst = events.length > 20;
    bumpProjection(burst && bursts > 0 ? 300 : 30);
    if (burst) bursts += 1;
  });
  return {
    release() {
      scanning = false;
      for (const event of held.splice(0)) apply(event);
      bumpProjection();
    },
    stop: () => subscription.unsubscribe(),
  };
}
