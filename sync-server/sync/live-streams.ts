import type { ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal.ts';
import type { ChangeNotice } from './change-feed.ts';
import { visibilityKey, visibleDocuments, type Delivery } from './notice-documents.ts';

/** Past this many unsent bytes a client is too slow: notices are dropped and RESYNC sent on drain. */
const MAX_BUFFERED_BYTES = 64 * 1024;

/** One open Server-Sent Events stream. */
export interface LiveStream {
  /** Sends a notice frame (already framed: see `notifyAll`). */
  send(frame: string): void;
  resync(): void;
  close(): void;
}

/** Each collection's last sequence given (doc-store.ts `readHeads`). */
export type Heads = Readonly<Record<string, number>>;

/** The open streams of this process: one heartbeat timer for all, closed together at shutdown. */
export interface LiveStreams {
  /**
   * Opens a stream. With `heads`, the greeting carries them (read once the stream already receives
   * notices); without, it is the plain `RESYNC`.
   */
  open(res: ServerResponse, caller: Principal, epoch: string, expiresAt: Date, heads?: () => Promise<Heads>): LiveStream;
  /**
   * Sends a change notice to every stream; with `delivery`, each stream's frame carries the commit's
   * documents its caller may read (notice-documents.ts).
   */
  notifyAll(notice: ChangeNotice, delivery?: Delivery): void;
  /** Sends RESYNC to every stream (change notices were lost). */
  resyncAll(): void;
  readonly size: number;
  closeAll(): void;
}

/**
 * SSE framing (wire contract of `GET /api/sync/stream`):
 * - `data: RESYNC` on connect, and whenever notices may have been missed: pull every collection.
 * - With `?heads=1`, the connection starts with `data: {"resync":{"epoch":"…","heads":{"quotes":42,…}}}`
 *   instead: pull every collection whose checkpoint is not at its head yet. The heads are read after
 *   the stream joined the notice fan-out, so a later commit is announced on it; notices that arrive
 *   meanwhile follow the greeting.
 * - `data: {"collection":"quotes","checkpoint":{"epoch":"…","seq":42}}` after a commit changed that
 *   collection up to that sequence: pull it (skip if already at or past `seq`).
 * - `data: {"collection":"quotes","checkpoint":{"epoch":"…","seq":42},"from":41,"documents":[…]}`:
 *   the same for a small commit, which gave sequences `from`…`seq`, with its documents the caller may
 *   read (wire form, as a pull returns them). A client whose checkpoint is `from - 1` (or further)
 *   applies them and moves to `seq` without pulling; any other pulls as for a plain notice.
 * - `: heartbeat` comment lines keep proxies from closing an idle stream.
 * The stream ends when the access token expires; reconnect with a fresh token (and get RESYNC).
 */
export function createLiveStreams(options: { heartbeatMs: number; now: () => Date; onClose?: () => void }): LiveStreams {
  const streams = new Set<LiveStream & { expiresAt: number; epoch: string; caller: Principal; heartbeat(): void }>();
  let timer: NodeJS.Timeout | null = null;

  const tick = (): void => {
    const now = options.now().getTime();
    for (const stream of streams) {
      if (now >= stream.expiresAt) stream.close();
      else stream.heartbeat();
    }
  };

  return {
    open(res, caller, epoch, expiresAt, heads) {
      let closed = false;
      let missed = false;
      // Frames to send once the greeting is out (only while the heads are read).
      let held: string[] | null = heads === undefined ? null : [];
      const send = (frame: string): void => {
        if (closed) return;
        if (held !== null) {
          held.push(frame);
          return;
        }
        if (res.writableLength > MAX_BUFFERED_BYTES) {
          missed = true;
          return;
        }
        res.write(frame);
      };
      const stream = {
        expiresAt: expiresAt.getTime(),
        epoch,
        caller,
        send,
        resync() {
          send('data: RESYNC\n\n');
        },
        heartbeat() {
          send(': heartbeat\n\n');
        },
        close() {
          if (closed) return;
          closed = true;
          streams.delete(stream);
          if (streams.size === 0 && timer) {
            clearInterval(timer);
            timer = null;
          }
          res.end();
          options.onClose?.();
        },
      };
      res.on('drain', () => {
        if (!missed) return;
        missed = false;
        stream.resync();
      });
      res.on('close', () => stream.close());
      streams.add(stream);
      timer ??= setInterval(tick, options.heartbeatMs);
      timer.unref();
      // `retry` sets the browser's reconnect delay; RESYNC starts every (re)connection.
      if (heads === undefined) res.write('retry: 2000\n\ndata: RESYNC\n\n');
      else {
        const greet = (greeting: string): void => {
          const frames = held ?? [];
          held = null;
          if (closed) return;
          res.write(`retry: 2000\n\ndata: ${greeting}\n\n`);
          for (const frame of frames) send(frame);
        };
        heads().then(
          (seqs) => greet(JSON.stringify({ resync: { epoch, heads: seqs } })),
          // Without heads the client pulls everything, as with any RESYNC.
          () => greet('RESYNC'),
        );
      }
      return stream;
    },
    notifyAll(notice, delivery) {
      // Every stream of a process shares the epoch; frames differ only by what callers may read.
      const head = (epoch: string): string => `{"collection":${JSON.stringify(notice.collection)},"checkpoint":${JSON.stringify({ epoch, seq: notice.seq })}`;
      const plain = new Map<string, string>();
      const withDocuments = new Map<string, string>();
      for (const stream of streams) {
        const epoch = stream.epoch;
        if (delivery === undefined) {
          let frame = plain.get(epoch);
          if (frame === undefined) plain.set(epoch, (frame = `data: ${head(epoch)}}\n\n`));
          stream.send(frame);
          continue;
        }
        const key = `${epoch}\u0000${visibilityKey(stream.caller, notice.collection)}`;
        let frame = withDocuments.get(key);
        if (frame === undefined) {
          frame = `data: ${head(epoch)},"from":${delivery.notice.from},"documents":${visibleDocuments(stream.caller, delivery)}}\n\n`;
          withDocuments.set(key, frame);
        }
        stream.send(frame);
      }
    },
    resyncAll() {
      for (const stream of streams) stream.resync();
    },
    get size() {
      return streams.size;
    },
    closeAll() {
      for (const stream of [...streams]) stream.close();
    },
  };
}
