import type { HttpTransport, StreamHandlers, StreamTransport, SyncTransports } from '../../core/replication/index.ts';

async function jsonBody(response: Response): Promise<unknown> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return null;
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

/** POST JSON through `fetch`; rejects only when no response arrived (the transport contract). */
export const fetchHttp: HttpTransport = {
  async postJson(url, body, headers) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    return { status: response.status, body: await jsonBody(response) };
  },
};

/**
 * Feeds Server-Sent Events text to `onEvent`, one call per event with its `data:` lines joined by
 * `\n`; comments (`:`) and other fields are skipped. Returns the unfinished tail.
 */
export function parseSseChunk(buffer: string, onEvent: (data: string) => void): string {
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const tail = blocks.pop() ?? '';
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5));
    if (data.length > 0) onEvent(data.join('\n'));
  }
  return tail;
}

async function readStream(response: Response, handlers: StreamHandlers, isOpen: () => boolean): Promise<void> {
  const reader = response.body?.getReader();
  if (reader === undefined) {
    handlers.onClose({ message: 'no response body' });
    return;
  }
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (!isOpen()) return;
    if (done) break;
    buffer = parseSseChunk(buffer + decoder.decode(value, { stream: true }), (data) => {
      if (isOpen()) handlers.onMessage(data);
    });
  }
  handlers.onClose(null);
}

/**
 * The live stream over `fetch` with a streamed body rather than `EventSource`, so the bearer token
 * travels in the Authorization header like every other request.
 */
export const fetchStream: StreamTransport = {
  open(url, headers, handlers) {
    const controller = new AbortController();
    let open = true;
    const isOpen = () => open;
    void (async () => {
      try {
        const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal, cache: 'no-store' });
        if (!isOpen()) return;
        if (!response.ok) {
          handlers.onClose({ status: response.status, message: `HTTP ${response.status}` });
          return;
        }
        handlers.onOpen();
        await readStream(response, handlers, isOpen);
      } catch (error) {
        if (isOpen()) handlers.onClose({ message: String(error) });
      }
    })();
    return {
      close() {
        open = false;
        controller.abort();
      },
    };
  },
};

export const browserTransports: SyncTransports = { http: fetchHttp, stream: fetchStream };
