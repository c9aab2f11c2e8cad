import { Subject, type Observable } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { JsonObject } from '../model/json.ts';
import type { CollectionName } from '../schemas/collections.ts';
import type { Delivered } from './live-stream.ts';
import { SyncRequestError, type PushRow, type SyncApi, type SyncCheckpoint, type WireDoc, type WrittenSequences } from './sync-api.ts';

export interface CollectionReplicationOptions<Doc> {
  readonly name: CollectionName;
  readonly collection: RxCollection<Doc>;
  readonly api: SyncApi;
  /** Names this replication's bookkeeping: one per server, so another server starts from scratch. */
  readonly identifier: string;
  /** Documents asked for by a pull after one that came back short (a reconnection, a notice). */
  readonly pullBatchSize: number;
  /**
   * Documents asked for by the very first pull of a fresh database (newest first): a small page, so
   * the first screen fills at once; later pages are `pullBatchSizeMax` while full.
   */
  readonly firstPullSize: number;
  /** Documents asked for by a pull after a full page (more is waiting): at least `pullBatchSize`. */
  readonly pullBatchSizeMax: number;
  /** Rows RxDB hands to one push (one storage write of their meta rows on success). */
  readonly pushBatchSize: number;
  /** Largest push request body, in JSON characters: a batch is sent in as many requests as it takes. */
  readonly pushRequestChars: number;
  /** RxDB's pause between a failed request and its retry; the shared backoff adds the real delay. */
  readonly retryTimeMs: number;
  readonly isPaused: () => boolean;
  /** Documents received by a pull. */
  readonly onPulled: (count: number) => void;
}

/** One pull of a collection: documents received, and whether the server was asked at all. */
export interface PullReport {
  readonly documents: number;
  /** False when the live stream's heads showed this client already holds everything. */
  readonly fromServer: boolean;
}

/** One collection's replication, with the stream it listens to. */
export interface CollectionReplication<Doc> {
  readonly name: CollectionName;
  readonly state: RxReplicationState<Doc, SyncCheckpoint>;
  /** Every pull, as it returns. */
  readonly pulls$: Observable<PullReport>;
  /** Pull now from the last checkpoint (a change notice, or a (re)connection: 'RESYNC'). */
  resync(): void;
  /**
   * A change notice for this collection: pulls unless a pull already reached `checkpoint`. With the
   * commit's documents (`delivered`), that pull is answered with them, without a request, when this
   * client holds everything before the commit.
   */
  notice(checkpoint: SyncCheckpoint | null, delivered?: Delivered): void;
  /**
   * The live stream connected, with this collection's head on the server then (null when the
   * server did not say): until `disconnected()`, a pull that would start at or past the head (or
   * past any later notice) is answered here, without a request.
   */
  connected(head: SyncCheckpoint | null): void;
  disconnected(): void;
  /** Whether this client holds everything up to the head the stream last gave (false: unknown). */
  atHead(): boolean;
}

/** A commit's documents from the live stream: every sequence from `from` to `to` of `epoch`. */
interface DeliveredCommit {
  readonly epoch: unknown;
  readonly from: number;
  readonly to: number;
  readonly documents: readonly WireDoc[];
}

/**
 * Commits delivered on the live stream and not yet stored: a pull from a checkpoint that one of them
 * continues takes them (and any that follow on) instead of asking the server.
 *
 * A delivered commit is what the server held when it read it, which may be before this client's
 * own push of the same documents committed: unlike a pull, which RxDB sends only once its pushes
 * are done, such a commit can be older than what the server holds now. Applied after the push, it
 * would bring back the previous state, and the sequence the push gave, being this client's own
 * write, is never pulled. So a pushed document is dropped from commits before the push's first
 * sequence; when the push did not say its sequences, commits wait until a pull from the server has
 * brought the current state.
 */
export class DeliveredCommits {
  #commits: DeliveredCommit[] = [];
  #ownWrites: { readonly epoch: unknown; readonly from: number; readonly ids: ReadonlySet<string> }[] = [];
  #unsure = 0;
  #pullsStarted = 0;

  add(checkpoint: SyncCheckpoint, delivered: Delivered): void {
    if (typeof checkpoint.seq !== 'number') return;
    // A few at most wait (notices arrive while a pull or push runs); past that, pulls will do.
    if (this.#commits.length >= 64) this.#commits.shift();
    this.#commits.push({ epoch: checkpoint.epoch, from: delivered.from, to: checkpoint.seq, documents: delivered.documents });
  }

  /** This client's push stored `ids` with sequences from `written.from` on (null: it did not say). */
  pushed(ids: readonly string[], written: WrittenSequences | null): void {
    if (ids.length === 0) return;
    if (written === null) {
      this.#unsure = this.#pullsStarted + 1;
      return;
    }
    if (this.#ownWrites.length >= 64) this.#ownWrites.shift();
    this.#ownWrites.push({ epoch: written.epoch, from: written.from, ids: new Set(ids) });
  }

  /** A pull to the server starts: returns what to hand to `serverPulled` when it answers. */
  pullStarting(): number {
    return ++this.#pullsStarted;
  }

  /** The pull `started` answered: it read the server after every push before it. */
  serverPulled(started: number): void {
    if (this.#unsure !== 0 && started >= this.#unsure) this.#unsure = 0;
  }

  /**
   * The documents of the delivered commits that continue `from` without a gap, at most `limit`
   * (whole commits), and the checkpoint after them; null when none continues it. Commits `from`
   * already covers are forgotten.
   */
  take(from: SyncCheckpoint | null, limit: number): { documents: WireDoc[]; checkpoint: SyncCheckpoint } | null {
    if (from === null || typeof from.seq !== 'number' || isNewestFirst(from)) return null;
    const seq = from.seq;
    this.#commits = this.#commits.filter((c) => c.epoch === from.epoch && c.to > seq);
    // Own writes at or below what is held can no longer meet a commit still waiting.
    this.#ownWrites = this.#ownWrites.filter((w) => w.epoch === from.epoch && w.from > seq);
    if (this.#unsure !== 0) return null;
    const documents: WireDoc[] = [];
    let at = seq;
    for (;;) {
      const next = this.#commits.find((c) => c.from === at + 1);
      if (next === undefined || (documents.length > 0 && documents.length + next.documents.length > limit)) break;
      const newer = this.#ownWrites.filter((w) => w.from > next.to);
      documents.push(...(newer.length === 0 ? next.documents : next.documents.filter((doc) => !newer.some((w) => w.ids.has(String(doc.id))))));
      at = next.to;
    }
    if (at === seq) return null;
    this.#commits = this.#commits.filter((c) => c.to > at);
    return { documents, checkpoint: { ...from, seq: at } };
  }

  clear(): void {
    this.#commits = [];
  }
}

/**
 * Whether a checkpoint is a position inside a newest-first first sync (sync-server pull.ts
 * `pullNewestPage`): it says nothing of a prefix of sequences held, so it neither moves `known`
 * nor meets a notice.
 */
export function isNewestFirst(checkpoint: SyncCheckpoint | null): boolean {
  const newest = checkpoint?.newest;
  return typeof newest === 'object' && newest !== null;
}

/** True when `known` is at or past `notice` in the same epoch (sync-server checkpoint: `{epoch, seq}`). */
export function isCaughtUp(known: SyncCheckpoint | null, notice: SyncCheckpoint | null): boolean {
  if (known === null || notice === null || isNewestFirst(known)) return false;
  return known.epoch === notice.epoch && typeof known.seq === 'number' && typeof notice.seq === 'number' && known.seq >= notice.seq;
}

/** The further of two checkpoints of one epoch; across epochs, `next` (the server's history changed). */
function furthest(known: SyncCheckpoint | null, next: SyncCheckpoint): SyncCheckpoint {
  return known !== null && isCaughtUp(known, next) ? known : next;
}

/**
 * What this client holds of one collection, as a sequence (`known`): every document up to it was
 * pulled (or is being stored by RxDB), or was pushed by this client and stored by the server exactly
 * as sent. The latter comes from push reports (`written`), which can arrive out of order when RxDB
 * pushes batches in parallel: each waits until the ones before it close the gap.
 */
export class KnownSequence {
  #known: SyncCheckpoint | null = null;
  #written: WrittenSequences[] = [];

  get checkpoint(): SyncCheckpoint | null {
    return this.#known;
  }

  /** A pull returned, or starts, from `checkpoint`. */
  pulled(checkpoint: SyncCheckpoint): void {
    if (isNewestFirst(checkpoint)) return;
    this.#known = furthest(this.#known, checkpoint);
    this.#absorb();
  }

  /** A push wrote `written` (its own documents only, stored as sent). */
  pushed(written: WrittenSequences): void {
    // A few outstanding reports at most (one per parallel batch); past that something is off: start over.
    if (this.#written.length >= 64) this.#written = [];
    this.#written.push(written);
    this.#absorb();
  }

  /** Moves `known` over every report that continues it. */
  #absorb(): void {
    let moved = true;
    while (moved) {
      moved = false;
      const known = this.#known;
      if (known === null || typeof known.seq !== 'number') return;
      const seq = known.seq;
      this.#written = this.#written.filter((w) => w.epoch === known.epoch && w.to > seq);
      const next = this.#written.find((w) => w.from <= seq + 1);
      if (next !== undefined) {
        this.#known = { ...known, seq: next.to };
        moved = true;
      }
    }
  }
}

const isTombstone = (doc: JsonObject | undefined): boolean => doc !== undefined && doc._deleted === true;

/** `rows` in order, cut into runs of at most `maxChars` of JSON each (a larger row goes alone). */
export function requestChunks<Row>(rows: readonly Row[], maxChars: number): Row[][] {
  const chunks: Row[][] = [];
  let current: Row[] = [];
  let chars = 2;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (current.length > 0 && chars + size > maxChars) {
      chunks.push(current);
      current = [];
      chars = 2;
    }
    current.push(row);
    chars += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Sets up `replicateRxCollection` for one collection over the sync API (DESIGN §9): checkpointed
 * pull in batches, push in batches, live through the shared stream (which emits into `stream$`).
 * Not started: the caller starts (and pauses) it.
 *
 * Pushing a tombstone over a tombstone changes nothing on the server, so such rows are answered
 * locally. They arise after a refused insert: RxDB writes the server's answer (a tombstone) as the
 * resolved state and pushes it once more; the server, which never had the document, would refuse
 * that again, for ever.
 */
export function createCollectionReplication<Doc>(options: CollectionReplicationOptions<Doc>): CollectionReplication<Doc> {
  const stream$ = new Subject<RxReplicationPullStreamItem<Doc, SyncCheckpoint>>();
  const pulls$ = new Subject<PullReport>();
  const known = new KnownSequence();
  const delivered = new DeliveredCommits();
  // The server's last sequence of this collection while the live stream is connected: from its
  // greeting, raised by every notice since. Every commit past it is announced on the stream.
  let head: SyncCheckpoint | null = null;
  const atHead = (): boolean => head !== null && isCaughtUp(known.checkpoint, head);
  // Whether the last page was full: then the next asks for `pullBatchSizeMax`. RxDB's loop goes on
  // while pages are at least its batch size, so larger pages are fine by it; starting small keeps
  // the first documents of an initial sync quick to store and show.
  let moreWaiting = false;
  let lastLimit = options.pullBatchSize;
  // Pushes in flight, and the furthest notice that arrived meanwhile: the notice of this client's
  // own write usually comes before the push's answer, which may show it needs no pull.
  let pushing = 0;
  let deferred: SyncCheckpoint | null = null;
  const paused = (): never => {
    throw new SyncRequestError('PAUSED', null, 'Replication is paused');
  };
  const resync = (): void => stream$.next('RESYNC');
  const settleDeferred = (): void => {
    if (pushing > 0 || deferred === null) return;
    const notice = deferred;
    deferred = null;
    if (!isCaughtUp(known.checkpoint, notice)) resync();
  };

  const state = replicateRxCollection<Doc, SyncCheckpoint>({
    replicationIdentifier: `${options.identifier}:${options.name}`,
    collection: options.collection,
    live: true,
    autoStart: false,
    waitForLeadership: false,
    toggleOnDocumentVisible: false,
    retryTime: options.retryTimeMs,
    pull: {
      // RxDB pulls again while pages come back with at least this many documents, so it is the
      // smallest page asked for (the first); the handler asks for more after that.
      batchSize: options.firstPullSize,
      stream$: stream$.asObservable(),
      async handler(checkpoint, batchSize) {
        if (options.isPaused()) paused();
        if (checkpoint !== undefined) known.pulled(checkpoint);
        // RxDB's checkpoint does not move for what this client pushed; `known` does: pull from
        // there, rather than download this client's own writes again.
        // RxDB keeps no checkpoint for a pull that brought nothing (an empty collection): `known` does.
        // A newest-first position goes on as it is (`known` has nothing yet).
        const from = checkpoint === undefined ? known.checkpoint : isNewestFirst(checkpoint) ? checkpoint : furthest(checkpoint, known.checkpoint ?? checkpoint);
        if (from !== null && atHead()) {
          // Nothing new on the server (the stream would have announced it): no request.
          options.onPulled(0);
          pulls$.next({ documents: 0, fromServer: false });
          return { documents: [], checkpoint: from };
        }
        // A fresh database syncs newest first, its first page small: today's work shows at once.
        const first = from === null;
        // Pages grow tenfold while they come back full (100, 1000, 5000 on a first sync): each is
        // stored and shown before the next, larger one.
        const limit = first ? batchSize : moreWaiting ? Math.min(options.pullBatchSizeMax, lastLimit * 10) : Math.max(batchSize, options.pullBatchSize);
        lastLimit = limit;
        // What the live stream delivered, when it continues what this client holds: no request.
        const local = delivered.take(from, limit);
        if (local !== null) {
          moreWaiting = false;
          known.pulled(local.checkpoint);
          options.onPulled(local.documents.length);
          pulls$.next({ documents: local.documents.length, fromServer: false });
          return { documents: local.documents as unknown as WithDeleted<Doc>[], checkpoint: local.checkpoint };
        }
        const pull = delivered.pullStarting();
        const page = await options.api.pull(options.name, from, limit, first ? 'newest' : undefined);
        delivered.serverPulled(pull);
        moreWaiting = page.documents.length >= limit;
        known.pulled(page.checkpoint);
        options.onPulled(page.documents.length);
        pulls$.next({ documents: page.documents.length, fromServer: true });
        // Wire documents are the collection's documents with `_deleted` (the server validates them against the same schema).
        return { documents: page.documents as unknown as WithDeleted<Doc>[], checkpoint: page.checkpoint };
      },
    },
    push: {
      batchSize: options.pushBatchSize,
      async handler(rows: RxReplicationWriteToMasterRow<Doc>[]) {
        if (options.isPaused()) paused();
        const wire = rows as unknown as PushRow[];
        const toSend = wire.filter((row) => !(isTombstone(row.newDocumentState) && isTombstone(row.assumedMasterState)));
        if (toSend.length === 0) return [];
        pushing += 1;
        try {
          const conflicts: PushRow['newDocumentState'][] = [];
          // One request per chunk, one after the other: each its own transaction on the server; a
          // failure makes RxDB send the whole batch again, which the server takes as done for the
          // chunks it already wrote (a push equal to the server copy is a success).
          for (const chunk of requestChunks(toSend, options.pushRequestChars)) {
            const result = await options.api.push(options.name, chunk);
            if (result.written !== null) known.pushed(result.written);
            const refused = new Set(result.conflicts.map((doc) => String(doc.id)));
            delivered.pushed(chunk.map((row) => String(row.newDocumentState.id)).filter((id) => !refused.has(id)), result.written);
            conflicts.push(...result.conflicts);
          }
          return conflicts as unknown as WithDeleted<Doc>[];
        } finally {
          pushing -= 1;
          settleDeferred();
        }
      },
    },
  });

  return {
    name: options.name,
    state,
    pulls$: pulls$.asObservable(),
    resync,
    connected(greetingHead) {
      head = greetingHead;
    },
    disconnected() {
      head = null;
      // A reconnection pulls from the server: what the old stream delivered may have gaps now.
      delivered.clear();
    },
    atHead,
    notice(checkpoint, commit) {
      if (head !== null && checkpoint !== null) head = furthest(head, checkpoint);
      if (isCaughtUp(known.checkpoint, checkpoint)) return;
      if (commit !== undefined && checkpoint !== null) delivered.add(checkpoint, commit);
      // RxDB holds pulls back until its pushes are done anyway: decide once they are.
      if (pushing > 0 && checkpoint !== null) {
        deferred = deferred === null ? checkpoint : furthest(deferred, checkpoint);
        return;
      }
      resync();
    },
  };
}
