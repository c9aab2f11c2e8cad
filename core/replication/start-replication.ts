import { firstValueFrom, from, race, timer, type Observable } from 'rxjs';
import type { RxCollection, RxError, RxTypeError } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '../schemas/collections.ts';
import type { Clock } from '../shared/clock.ts';
import type { SyncAuth } from './auth-session.ts';
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import type { ClientDatabase } from './client-database.ts';
import { createCollectionReplication, type CollectionReplication } from './collection-replication.ts';
import { createLiveStream } from './live-stream.ts';
import { trackPendingChanges, type PendingChanges } from './pending-changes.ts';
import { createSyncApi } from './sync-api.ts';
import { createSyncStatus, type SyncState } from './sync-status.ts';
import type { SyncTransports } from './transport.ts';

export interface StartReplicationOptions {
  readonly db: ClientDatabase;
  /** The sync server, e.g. `https://sync.example.fr` (no trailing slash). */
  readonly baseUrl: string;
  readonly transports: SyncTransports;
  readonly auth: SyncAuth;
  readonly clock: Clock;
  /** Defaults to every replicated collection (never `conflicts`, which is local-only). */
  readonly collections?: readonly CollectionName[];
  /**
   * Documents per pull request (default 1000; after a full page, while more is waiting, up to
   * `pullMax`, default 5000: the server's maximum) and per push (default 1000, at most 2000: the
   * server's maximum), sent in requests of at most `pushRequestChars` (default 1.5 M characters of
   * JSON, within the server's 5 MB even in 3-byte UTF-8): quotes can be large.
   */
  readonly batchSize?: { readonly firstPull?: number; readonly pull?: number; readonly pullMax?: number; readonly push?: number; readonly pushRequestChars?: number };
  /** Start paused (the OS reports no network); `resume()` later. Default true. */
  readonly online?: boolean;
  readonly backoff?: Partial<BackoffOptions>;
  /** RxDB's fixed pause before retrying a failed request (default 200 ms); the backoff adds the rest. */
  readonly retryTimeMs?: number;
  /** Names the replication bookkeeping; default from `baseUrl`, so another server means a fresh sync. */
  readonly identifier?: string;
}

/** A running replication of the client database (DESIGN §9). */
export interface Replication {
  /** Sync state for the UI; emits on every change (coalesced per microtask). */
  readonly state$: Observable<SyncState>;
  state(): SyncState;
  /** Stops network traffic (offline); local writes continue and are counted as pending. */
  pause(): Promise<void>;
  /** Resumes after `pause()`, after the session ended (once the auth has a new session), or now instead of after the backoff. */
  resume(): Promise<void>;
  /** Resolves when every collection has caught up with the server once in this run. */
  awaitInitialSync(): Promise<void>;
  /** Resolves when nothing is left to pull or push (tests, "sync now"). Never resolves while paused. */
  awaitInSync(): Promise<void>;
  /** Pulls every collection again from its checkpoint. */
  resyncAll(): void;
  /** Stops for good (sign-out, database close). */
  stop(): Promise<void>;
  readonly collections: ReadonlyMap<CollectionName, CollectionReplication<unknown>>;
}

/** How long (re)starting waits for the live stream to open before pulling anyway. */
const STREAM_WAIT_MS = 2000;

/**
 * Starts one `replicateRxCollection` per replicated collection, all fed by one live stream
 * (change notices routed by collection, RESYNC to all on every (re)connect), sharing one backoff,
 * one token refresh and one sync state.
 */
export async function startReplication(options: StartReplicationOptions): Promise<Replication> {
  const names = options.collections ?? COLLECTION_NAMES;
  const { facts, state$, emit } = createSyncStatus(names, options.online === false);

  const backoff = new Backoff({ ...DEFAULT_BACKOFF, random: Math.random, ...options.backoff });
  const api = createSyncApi({
    http: options.transports.http,
    baseUrl: options.baseUrl,
    auth: options.auth,
    backoff,
    onSuccess() {
      facts.unreachable = false;
      facts.lastSyncedAt = options.clock.now();
      facts.lastError = null;
      emit();
    },
    onFailure(error) {
      if (error.code === 'PAUSED') return;
      if (error.code === 'UNREACHABLE') facts.unreachable = true;
      facts.lastError = { code: error.code, message: error.message, at: options.clock.now(), collection: null };
      if (error.code === 'SESSION_ENDED') void sessionEnded();
      emit();
    },
  });

  const replications = new Map<CollectionName, CollectionReplication<unknown>>();
  const pendings: PendingChanges[] = [];
  for (const name of names) {
    const collection = options.db.collections[name] as unknown as RxCollection<unknown>;
    const replication = createCollectionReplication<unknown>({
      name,
      collection,
      api,
      identifier: options.identifier ?? `comptoir:${options.baseUrl}`,
      pullBatchSize: options.batchSize?.pull ?? 1000,
      // The first page of a fresh device's first sync (newest first): a screenful, stored at once.
      firstPullSize: options.batchSize?.firstPull ?? 100,
      // Pages of 5000 rather than 1000: an initial sync of 50k documents twice as fast (fewer, larger
      // storage writes); the server allows 5000.
      pullBatchSizeMax: options.batchSize?.pullMax ?? 5000,
      // 1000 rows per push rather than 200: the server writes them in half the time per row (one
      // transaction, one statement) and the client stores their meta rows in a fifth of the writes.
      pushBatchSize: options.batchSize?.push ?? 1000,
      pushRequestChars: options.batchSize?.pushRequestChars ?? 1_500_000,
      retryTimeMs: options.retryTimeMs ?? 200,
      isPaused: () => facts.paused || facts.signedOut,
      onPulled(count) {
        const progress = facts.progress.get(name);
        if (progress !== undefined && !progress.done) progress.received += count;
        emit();
      },
    });
    replications.set(name, replication);
    const pending = trackPendingChanges(collection, replication.state, emit);
    facts.pending.set(name, pending);
    pendings.push(pending);
    replication.state.error$.subscribe((error) => reportRxError(name, error));
    replication.state.active$.subscribe((active) => {
      if (!active) void pending.recount();
    });
  }

  function reportRxError(name: CollectionName, error: RxError | RxTypeError): void {
    // Failed pulls and pushes come wrapped (RC_PULL / RC_PUSH with the handler's error): the API
    // already reported them with their real cause.
    const parameters = error.parameters as { errors?: unknown } | undefined;
    if ((error.code === 'RC_PULL' || error.code === 'RC_PUSH') && parameters?.errors !== undefined) return;
    facts.lastError = { code: 'REPLICATION', message: error.message, at: options.clock.now(), collection: name };
    emit();
  }

  // While (re)starting: the first connection attempt of the stream, which the start of the
  // replications waits for (see `connectThenStart`).
  let firstConnection: (() => void) | null = null;
  const firstConnectionSettled = (): void => {
    firstConnection?.();
    firstConnection = null;
  };

  const stream = createLiveStream(
    {
      transport: options.transports.stream,
      // `heads=1`: the greeting says where each collection stands (older servers ignore it).
      url: `${options.baseUrl}/api/sync/stream?heads=1`,
      auth: options.auth,
      backoff,
      onConnected(heads) {
        facts.streamConnected = true;
        facts.unreachable = false;
        emit();
        for (const replication of replications.values()) {
          const seq = heads?.seqs[replication.name];
          replication.connected(heads === null ? null : { epoch: heads.epoch, seq: seq ?? 0 });
        }
        // Starting the replications right after this pulls every collection anyway (the pull
        // handlers answer those at their head without a request).
        if (firstConnection !== null) return firstConnectionSettled();
        for (const replication of replications.values()) if (!replication.atHead()) replication.resync();
      },
      onMessage(message) {
        if (message.kind === 'resync') for (const replication of replications.values()) replication.resync();
        else replications.get(message.collection)?.notice(message.checkpoint, message.delivered);
      },
      onDisconnected(end) {
        firstConnectionSettled();
        for (const replication of replications.values()) replication.disconnected();
        facts.streamConnected = false;
        if (end !== null && end.status === undefined) {
          facts.unreachable = true;
          // The stream is the first request of a (re)start: it may be the first to say why.
          facts.lastError = { code: 'UNREACHABLE', message: `Live stream: ${end.message}`, at: options.clock.now(), collection: null };
        }
        emit();
      },
      onSessionEnded: () => void sessionEnded(),
    },
    () => Date.parse(options.clock.now()),
  );

  /** Stops the stream on purpose (no `onDisconnected` then): the heads it gave no longer hold. */
  function stopStream(): void {
    stream.stop();
    for (const replication of replications.values()) replication.disconnected();
  }

  async function sessionEnded(): Promise<void> {
    firstConnectionSettled();
    if (facts.signedOut) return;
    facts.signedOut = true;
    emit();
    stopStream();
    await Promise.all([...replications.values()].map((r) => r.state.pause()));
  }

  const all = [...replications.values()];

  /**
   * Opens the stream, then starts (or resumes) every replication, which pulls every collection.
   * A change committed before the stream was subscribed is not announced on it, so each
   * collection needs a pull sent after the stream opened: started the other way round, the pulls of
   * the start would not count and every collection would be pulled twice per (re)connection.
   * If the stream does not open within `STREAM_WAIT_MS`, the replications start anyway and
   * `onConnected` resyncs them when it opens.
   */
  async function connectThenStart(): Promise<void> {
    if (!stream.running) {
      const settled = new Promise<void>((resolve) => (firstConnection = resolve));
      stream.start();
      await firstValueFrom(race(from(settled), timer(STREAM_WAIT_MS)));
      firstConnectionSettled();
    }
    await Promise.all(all.map((r) => r.state.start()));
  }

  if (facts.paused) {
    await Promise.all(all.map((r) => r.state.start()));
    await Promise.all(all.map((r) => r.state.pause()));
  } else {
    await connectThenStart();
  }
  for (const replication of all) {
    void replication.state.awaitInitialReplication().then(() => {
      const progress = facts.progress.get(replication.name);
      if (progress !== undefined) progress.done = true;
      emit();
    });
  }
  await Promise.all(pendings.map((p) => p.recount()));

  return {
    state$: state$.asObservable(),
    state: () => state$.getValue(),
    async pause() {
      facts.paused = true;
      emit();
      stopStream();
      await Promise.all(all.map((r) => r.state.pause()));
    },
    async resume() {
      facts.paused = false;
      facts.signedOut = false;
      emit();
      backoff.wake();
      await connectThenStart();
    },
    async awaitInitialSync() {
      await Promise.all(all.map((r) => r.state.awaitInitialReplication()));
    },
    async awaitInSync() {
      await Promise.all(all.map((r) => r.state.awaitInSync()));
      await Promise.all(pendings.map((p) => p.recount()));
    },
    resyncAll() {
      for (const replication of all) replication.resync();
    },
    async stop() {
      stopStream();
      for (const pending of pendings) pending.stop();
      await Promise.all(all.map((r) => r.state.cancel()));
      state$.complete();
    },
    collections: replications,
  };
}
