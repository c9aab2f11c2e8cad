// Many idle live streams as raw HTTP clients (node:http, one socket each, no RxDB), in a worker
// thread of their own: they connect, wait for RESYNC, then time how long one write takes to reach
// every one of them as a change notice.
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { nowMs, serve } from './rpc.ts';

interface Stream {
  readonly req: ClientRequest;
  res: IncomingMessage | null;
  /** When the latest change notice arrived (nowMs), and how many arrived. */
  lastNotice: number;
  notices: number;
}

const streams: Stream[] = [];

function open(baseUrl: string, token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const url = new URL('/api/sync/stream', baseUrl);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, agent: false, headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } });
    const stream: Stream = { req, res: null, lastNotice: 0, notices: 0 };
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: HTTP ${res.statusCode}`));
      stream.res = res;
      res.setEncoding('utf8');
      let buffer = '';
      let ready = false;
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.includes('data: RESYNC') && !ready) {
            ready = true;
            resolve(stream);
          } else if (frame.startsWith('data: {')) {
            stream.lastNotice = nowMs();
            stream.notices += 1;
          }
        }
      });
      res.on('error', () => undefined);
    });
    req.end();
  });
}

serve({
  /** Opens `count` streams, `parallel` connection attempts at a time; resolves when all got RESYNC. */
  async connect({ baseUrl, token, count, parallel }: { baseUrl: string; token: string; count: number; parallel: number }) {
    const started = nowMs();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        next += 1;
        streams.push(await open(baseUrl, token));
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return { open: streams.length, ms: nowMs() - started };
  },

  /**
   * Pushes `doc` to `collection` (one write), timed from just before the request; waits until every
   * stream got a notice for it (or `timeoutMs`); per-stream delivery times in ms.
   */
  async fanOut({ baseUrl, token, collection, doc, timeoutMs }: { baseUrl: string; token: string; collection: string; doc: object; timeoutMs: number }) {
    const before = streams.map((s) => s.notices);
    const started = nowMs();
    const response = await fetch(`${baseUrl}/api/sync/${collection}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }]),
    });
    const pushedMs = nowMs() - started;
    if (response.status !== 200) throw new Error(`push: ${response.status} ${await response.text()}`);
    const deadline = started + timeoutMs;
    const arrived = (): number => streams.filter((s, i) => s.notices > (before[i] ?? 0)).length;
    while (arrived() < streams.length && nowMs() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    const latencies = streams.flatMap((s, i) => (s.notices > (before[i] ?? 0) ? [s.lastNotice - started] : []));
    return { pushedMs, latencies, missing: streams.length - latencies.length };
  },

  async close() {
    for (const stream of streams.splice(0)) stream.req.destroy();
    return null;
  },
});
