import { isCollectionName } from './collection-names.ts';
import type { CollectionName } from '../schemas/collections.ts';
import type { SyncAuth } from './auth-session.ts';
import type { Backoff } from './backoff.ts';
import type { SyncCheckpoint, WireDoc } from './sync-api.ts';
import type { StreamEnd, StreamTransport } from './transport.ts';

/** Each collection's last sequence on the server when the stream connected (`?heads=1` greeting). */
export interface StreamHeads {
  readonly epoch: string;
  readonly seqs: Readonly<Partial<Record<CollectionName, number>>>;
}

/** What the live stream says (wire contract of `GET /api/sync/stream`, sync-server/sync/live-streams.ts). */
export type StreamMessage =
  /** Notices may have been missed: pull every collection (that is not at its head, when `heads` say). */
  | { readonly kind: 'resync'; readonly heads?: StreamHeads }
  /**
   * A commit changed `collection` up to `checkpoint`; for a small commit, `delivered` has the
   * documents it wrote that this client may read, and the first sequence it gave.
   */
  | { readonly kind: 'change'; readonly collection: CollectionName; readonly checkpoint: SyncCheckpoint | null; readonly delivered?: Delivered };

/** A commit's documents as the stream delivered them: every sequence from `from` to the notice's `seq`. */
export interface Delivered {
  readonly from: number;
  readonly documents: readonly WireDoc[];
}

/** Parses one event's data; null for anything else (ignored: a newer server may say more). */
export function parseStreamMessage(data: string): StreamMessage | null {
  if (data.trim() === 'RESYNC') return { kind: 'resync' };
  try {
    const raw: unknown = JSON.parse(data);
    if (typeof raw !== 'object' || raw === null) return null;
    if ('resync' in raw) return { kind: 'resync', ...parseHeads((raw as { resync: unknown }).resync) };
    const { collection, checkpoint, from, documents } = raw as { collection?: unknown; checkpoint?: unknown; from?: unknown; documents?: unknown };
    if (typeof collection !== 'string' || !isCollectionName(collection)) return null;
    const cp = typeof checkpoint === 'object' && checkpoint !== null && !Array.isArray(checkpoint) ? (checkpoint as SyncCheckpoint) : null;
    // Documents that are not what a pull would return are ignored: the notice alone still holds.
    const seq = cp?.seq;
    const delivered =
      Number.isSafeInteger(from) && typeof seq === 'number' && (from as number) >= 1 && (from as number) <= seq && Array.isArray(documents) && documents.every(isWireDoc)
        ? { delivered: { from: from as number, documents: documents as WireDoc[] } }
        : {};
    return { kind: 'change', collection, checkpoint: cp, ...delivered };
  } catch {
    return null;
  }
}

const isWireDoc = (value: unknown): value is WireDoc =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string';

/** The heads of a greeting, or nothing when they are not of the expected shape (then: pull everything). */
function parseHeads(raw: unknown): { heads: StreamHeads } | Record<string, never> {
  if (typeof raw !== 'object' || raw === null) return {};
  const { epoch, heads } = raw as { epoch?: unknown; heads?: unknown };
  if (typeof epoch !== 'string' || typeof heads !== 'object' || heads === null) return {};
  const seqs: Partial<Record<CollectionName, number>> = {};
  for (const [name, seq] of Object.entries(heads)) {
    if (isCollectionName(name) && Number.isSafeInteger(seq) && (seq as number) >= 0) seqs[name] = seq as number;
  }
  return { heads: { epoch, seqs } };
}

export interface LiveStreamOptions {
  readonly transport: StreamTransport;
  readonly url: string;
  readonly auth: SyncAuth;
  readonly backoff: Backoff;
  /**
   * Connected and greeted: the caller resyncs every collection (changes made while disconnected
   * were not announced), or those not at the `heads` the greeting carries. Called for the `RESYNC`
   * the server greets every connection with, which is not passed on to `onMessage` (it would pull
   * everything a second time); or before the first message if that is something else.
   */
  readonly onConnected: (heads: StreamHeads | null) => void;
  readonly onMessage: (message: StreamMessage) => void;
  /** Disconnected; `end` says why (null: the server ended it, e.g. at access-token expiry). */
  readonly onDisconnected: (end: StreamEnd | null) => void;
  /** The refresh token was refused: the stream stops until `start()` is called again. */
  readonly onSessionEnded: (message: string) => void;
}

/** A stream that closes sooner than this after opening, without error, is treated as a failure (no reconnect storm). */
const MIN_HEALTHY_MS = 1000;

/**
 * The one live stream of a client, shared by all collections (DESIGN §9). Reconnects for ever
 * while started: with the shared backoff after a failure, at once after a normal end (the server
 * ends streams when the access token expires), after a token refresh on 401.
 */
export function createLiveStream(options: LiveStreamOptions, now: () => number): { start(): void; stop(): void; readonly running: boolean; readonly connected: boolean } {
  let running = false;
  let connected = false;
  let handle: { close(): void } | null = null;
  let generation = 0;

  function connect(): void {
    if (!running) return;
    const mine = ++generation;
    const token = options.auth.accessToken();
    const ticket = options.backoff.ticket();
    let openedAt = -1;
    let greeted = false;
    const current = (): boolean => running && mine === generation;
    handle = options.transport.open(options.url, token === null ? {} : { authorization: `Bearer ${token}` }, {
      onOpen() {
        if (!current()) return;
        openedAt = now();
        connected = true;
        options.backoff.succeed();
      },
      onMessage(data) {
        if (!current()) return;
        const message = parseStreamMessage(data);
        if (!greeted) {
          greeted = true;
          options.onConnected(message?.kind === 'resync' ? (message.heads ?? null) : null);
          if (message?.kind === 'resync') return;
        }
        if (message !== null) options.onMessage(message);
      },
      onClose(end) {
        if (!current()) return;
        handle = null;
        connected = false;
        options.onDisconnected(end);
        if (end?.status === 401) return void refreshThenConnect(token, mine);
        const healthy = end === null && openedAt >= 0 && now() - openedAt >= MIN_HEALTHY_MS;
        if (!healthy) options.backoff.fail(ticket);
        void options.backoff.wait().then(() => reconnect(mine));
      },
    });
  }

  /** Connects again unless stopped or restarted since attempt `of` (which would make two streams). */
  function reconnect(of: number): void {
    if (running && of === generation) connect();
  }

  async function refreshThenConnect(refused: string | null, of: number): Promise<void> {
    const refreshed = await options.auth.refresh(refused);
    if (!running || of !== generation) return;
    if (refreshed.ok) return connect();
    if (refreshed.error.code === 'SESSION_ENDED') {
      running = false;
      options.onSessionEnded(refreshed.error.message);
      return;
    }
    options.backoff.fail(options.backoff.ticket());
    await options.backoff.wait();
    reconnect(of);
  }

  return {
    start() {
      if (running) return;
      running = true;
      connect();
    },
    stop() {
      running = false;
      generation++;
      connected = false;
      handle?.close();
      handle = null;
    },
    /** Started and not stopped since (connected, connecting or waiting to reconnect). */
    get running() {
      return running;
    },
    get connected() {
      return connected;
    },
  };
}
