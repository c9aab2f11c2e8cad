// PouchDB for the peer benchmarks: pouchdb-core with the memory adapter (no native leveldown), the
// HTTP adapter and replication. The packages ship no types: the little used here is typed below.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PouchDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly _conflicts?: string[];
  readonly [field: string]: unknown;
}

export interface PouchChange {
  readonly id: string;
}

export interface PouchEmitter<T> {
  on(event: 'change', listener: (change: T) => void): PouchEmitter<T>;
  on(event: 'error' | 'complete' | 'paused' | 'active', listener: (value: unknown) => void): PouchEmitter<T>;
  cancel(): void;
}

export interface ReplicationResult {
  readonly docs_written: number;
  readonly docs_read: number;
  readonly ok: boolean;
}

export interface ReplicateOptions {
  readonly batch_size?: number;
  readonly batches_limit?: number;
  readonly live?: boolean;
  readonly retry?: boolean;
}

export interface PouchDatabase {
  bulkDocs(docs: readonly PouchDoc[]): Promise<{ ok?: boolean; id: string; error?: string }[]>;
  allDocs(options: { keys?: readonly string[]; include_docs?: boolean; conflicts?: boolean; limit?: number }): Promise<{ rows: { id: string; doc?: PouchDoc; value?: { rev: string } }[]; total_rows: number }>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  put(doc: PouchDoc): Promise<{ rev: string }>;
  changes(options: { live: true; since: 'now' | number | string }): PouchEmitter<PouchChange>;
  replicate: {
    from(source: PouchDatabase | string, options?: ReplicateOptions): Promise<ReplicationResult> & PouchEmitter<unknown>;
    to(target: PouchDatabase | string, options?: ReplicateOptions): Promise<ReplicationResult> & PouchEmitter<unknown>;
  };
  close(): Promise<void>;
}

export interface PouchConstructor {
  new (name: string, options?: { adapter?: string }): PouchDatabase;
  defaults(options: { adapter: string }): PouchConstructor;
}

/** PouchDB with the memory, HTTP and replication plugins. */
export function pouchDB(): PouchConstructor {
  const core = require('pouchdb-core') as { plugin(plugin: unknown): typeof core } & PouchConstructor;
  return core.plugin(require('pouchdb-adapter-memory')).plugin(require('pouchdb-adapter-http')).plugin(require('pouchdb-replication'));
}

/** A Comptoir document as a PouchDB document: the same fields, `_id` from `id`. */
export function toPouch(doc: { id: string }): PouchDoc {
  return { ...doc, _id: doc.id };
}
