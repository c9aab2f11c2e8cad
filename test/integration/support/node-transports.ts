import type { HttpResponse, HttpTransport, StreamHandlers, StreamTransport, SyncTransports } from '../../../core/replication/transport.ts';

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML error page): the status alone tells what happened.
    return null;
  }
}

/** `HttpTransport` over Node's fetch. */
export function fetchHttp(): HttpTransport {
  return {
    async postJson(url, body, headers): Promise<HttpResponse> {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: parseJson(text) };
    },
  };
}

/**
 * `StreamTransport` over fetch with a streaming body (Node has no EventSource): splits the body into
 * events at blank lines and reports their `data:` lines; comments (heartbeats) are skipped.
 */
export function fetchStream(): StreamTransport {
  return {
    open(url, headers, handlers: StreamHandlers) {
      const controller = new AbortController();
      let closed = false;
      const finish = (end: { status?: number; message: string } | null): void => {
        if (closed) return;
        closed = true;
        handlers.onClose(end);
      };
      void (async () => {
        let response: Response;
        try {
          response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
        } catch (error) {
          return finish({ message: String(error) });
        }
        if (response.status !== 200 || response.body === null) {
          await response.body?.cancel().catch(() => undefined);
          return finish({ status: response.status, message: `HTTP ${response.status}` });
        }
        if (!closed) handlers.onOpen();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return finish(null);
            buffer += value;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart());
              if (data.length > 0 && !closed) handlers.onMessage(data.join('\n'));
            }
          }
        } catch (error) {
          finish({ message: String(error) });
        }
      })();
      return {
        close() {
          closed = true;
          controller.abort();
        },
      };
    },
  };
}

/** A switchable fault on top of an HTTP transport, for the lost-response scenario. */
export interface FaultyHttp extends HttpTransport {
  /** The next POST whose URL ends with `suffix` reaches the server, but its response is thrown away. */
  dropNextResponse(suffix: string): void;
  /** How many responses were dropped so far. */
  readonly dropped: number;
  /** How many sync requests were answered for `path` (`/api/sync/<collection>/pull` or `/push`). */
  sent(path: string): number;
}

export function faultyHttp(inner: HttpTransport): FaultyHttp {
  const pending: string[] = [];
  const sent = new Map<string, number>();
  let dropped = 0;
  return {
    async postJson(url, body, headers) {
      const response = await inner.postJson(url, body, headers);
      const path = /\/api\/sync\/[a-z]+\/(?:pull|push)$/.exec(url)?.[0];
      if (path !== undefined) sent.set(path, (sent.get(path) ?? 0) + 1);
      const index = pending.findIndex((suffix) => url.endsWith(suffix));
      if (index >= 0 && response.status === 200) {
        pending.splice(index, 1);
        dropped++;
        throw new Error('connection reset after the request was processed (simulated lost response)');
      }
      return response;
    },
    dropNextResponse(suffix) {
      pending.push(suffix);
    },
    get dropped() {
      return dropped;
    },
    sent(suffix) {
      return sent.get(suffix) ?? 0;
    },
  };
}

export function nodeTransports(http: HttpTransport = fetchHttp()): SyncTransports {
  return { http, stream: fetchStream() };
}
