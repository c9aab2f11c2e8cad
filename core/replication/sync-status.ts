import { BehaviorSubject } from 'rxjs';
import { COLLECTION_NAMES, type CollectionName } from '../schemas/collections.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { SyncErrorCode } from './sync-api.ts';

/**
 * - online: the live stream is open and the last request succeeded.
 * - connecting: started or resumed, not yet connected.
 * - offline: the server cannot be reached; retrying with backoff.
 * - paused: paused on purpose (`pause()`: the OS says offline, or the user chose to work offline).
 * - signed_out: the session ended; nothing syncs until the user signs in again and `resume()`.
 */
export type ConnectionState = 'online' | 'connecting' | 'offline' | 'paused' | 'signed_out';

/** The latest failure, for the sync indicator's tooltip. REPLICATION: an error inside RxDB (storage, conflict recording). */
export interface SyncError {
  readonly code: Exclude<SyncErrorCode, 'PAUSED'> | 'REPLICATION';
  readonly message: string;
  readonly at: IsoInstant;
  readonly collection: CollectionName | null;
}

/** One collection's first pull of this run: documents received so far, and whether it caught up. */
export interface CollectionProgress {
  readonly received: number;
  readonly done: boolean;
}

/** What the UI shows about sync (DESIGN §12): state, pending changes, last sync, errors, first-sync progress. */
export interface SyncState {
  readonly connection: ConnectionState;
  /** Local changes not yet acknowledged by the server (pending-changes.ts says how they are counted). */
  readonly pendingChanges: number;
  readonly pendingByCollection: Readonly<Partial<Record<CollectionName, number>>>;
  /** The last time a pull or push succeeded. */
  readonly lastSyncedAt: IsoInstant | null;
  /** The latest failure; cleared by the next success. */
  readonly lastError: SyncError | null;
  /** Initial sync of this run (on a fresh device: the whole dataset), per replicated collection. */
  readonly initialSync: {
    readonly done: boolean;
    readonly received: number;
    readonly collections: Readonly<Partial<Record<CollectionName, CollectionProgress>>>;
  };
}

/** The mutable facts the state is computed from (owned by start-replication.ts). */
export interface SyncFacts {
  paused: boolean;
  signedOut: boolean;
  streamConnected: boolean;
  /** Whether the latest request or stream attempt failed to reach the server. */
  unreachable: boolean;
  lastSyncedAt: IsoInstant | null;
  lastError: SyncError | null;
  readonly pending: Map<CollectionName, { readonly size: number }>;
  readonly progress: Map<CollectionName, { received: number; done: boolean }>;
}

/** The state the UI sees, from the facts. */
export function syncStateOf(facts: SyncFacts): SyncState {
  const connection: ConnectionState = facts.signedOut
    ? 'signed_out'
    : facts.paused
      ? 'paused'
      : facts.unreachable
        ? 'offline'
        : facts.streamConnected
          ? 'online'
          : 'connecting';
  const pendingByCollection: Partial<Record<CollectionName, number>> = {};
  const collections: Partial<Record<CollectionName, CollectionProgress>> = {};
  let pendingChanges = 0;
  let received = 0;
  for (const name of COLLECTION_NAMES) {
    const pending = facts.pending.get(name);
    if (pending !== undefined) {
      pendingByCollection[name] = pending.size;
      pendingChanges += pending.size;
    }
    const progress = facts.progress.get(name);
    if (progress !== undefined) {
      collections[name] = { received: progress.received, done: progress.done };
      received += progress.received;
    }
  }
  const done = [...facts.progress.values()].every((p) => p.done);
  return {
    connection,
    pendingChanges,
    pendingByCollection,
    lastSyncedAt: facts.lastSyncedAt,
    lastError: facts.lastError,
    initialSync: { done, received, collections },
  };
}

/**
 * The facts of one replication run and the state stream computed from them. `emit()` after
 * changing facts; a burst of changes (a 10k-document import) makes one state, not 10k.
 */
export function createSyncStatus(names: readonly CollectionName[], paused: boolean): { facts: SyncFacts; state$: BehaviorSubject<SyncState>; emit: () => void } {
  const facts: SyncFacts = {
    paused,
    signedOut: false,
    streamConnected: false,
    unreachable: false,
    lastSyncedAt: null,
    lastError: null,
    pending: new Map(),
    progress: new Map(names.map((name) => [name, { received: 0, done: false }])),
  };
  const state$ = new BehaviorSubject<SyncState>(syncStateOf(facts));
  let queued = false;
  const emit = (): void => {
    if (queued) return;
    queued = true;
    void Promise.resolve().then(() => {
      queued = false;
      if (!state$.closed) state$.next(syncStateOf(facts));
    });
  };
  return { facts, state$, emit };
}
