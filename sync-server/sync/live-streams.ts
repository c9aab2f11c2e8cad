import type { ServerResponse } from 'node:http';
import type { ChangeNotice } from './change-feed.ts';

/** Past this many unsent bytes a client is too slow: notices are dropped and RESYNC sent on drain. */
const MAX_BUFFERED_BYTES = 64 * 1024;

/** One open Server-Sent Events stream. */
export interface LiveStream {
  notify(notice: ChangeNotice): void;
  resync(): void;
  close(): void;
}

/** The open streams of this process: one heartbeat timer for all, closed together at shutdown. */
export interface LiveStreams {
  open(res: ServerResponse, epoch: string, expiresAt: Date): LiveStream;
  /** Sends a change notice to every stream. */
  notifyAll(notice: ChangeNotice): void;
  /** Sends RESYNC to every stream (change notices were lost). */
  resyncAll(): void;
  readonly size: number;
  closeAll(): void;
}

/**
 * SSE framing (wire contract of `GET /api/sync/stream`):
 * - `data: RESYNC` on connect, and whenever notices may have been missed: pull every collection.
 * - `data: {"collection":"quotes","checkpoint":{"epoch":"…","seq":42}}` after a commit changed that
 *   collection up to that sequence: pull it (skip if already at or past `seq`).
 * - `: heartbeat` comment lines keep proxies from closing an idle stream.
 * The stream ends when the access token expires; reconnect with a fresh token (and get RESYNC).
 */
export function createLiveStreams(options: { heartbeatMs: number; now: () => Date; onClose?: () => void }): LiveStreams {
  const streams = new Set<LiveStream & { expiresAt: number; heartbeat(): void }>();
  let timer: NodeJS.Timeout | null = null;

  const tick = (): void => {
    const now = options.now().getTime();
    for (const stream of streams) {
      if (now >= stream.expiresAt) stream.close();
      else stream.heartbeat();
    }
  };

  return {
    open(res, epoch, expiresAt) {
      let closed = false;
      let missed = false;
      const send = (frame: string): void => {
        if (closed) return;
        if (res.writableLength > MAX_BUFFERED_BYTES) {
          missed = true;
          return;
        }
        res.write(frame);
      };
      const stream = {
        expiresAt: expiresAt.getTime(),
        notify(notice: ChangeNotice) {
          send(`data: ${JSON.stringify({ collection: notice.collection, checkpoint: { epoch, seq: notice.seq } })}\n\n`);
        },
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
      res.write('retry: 2000\n\ndata: RESYNC\n\n');
      return stream;
    },
    notifyAll(notice) {
      for (const stream of streams) stream.notify(notice);
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
