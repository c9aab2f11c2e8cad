/**
 * A minimal Server-Sent Events reader over fetch (Node has no EventSource): collects `data:` lines
 * of each event and lets a test wait for one that matches.
 */
export interface SseConnection {
  readonly status: number;
  readonly events: string[];
  /** Everything received, comments included. */
  readonly raw: () => string;
  /** Resolves with the first event (past or future) matching, or rejects after `timeoutMs`. */
  waitFor(match: (data: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens `url` as an event stream; `headers` may carry the bearer token. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let raw = '';
  const pump = async (): Promise<void> => {
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        raw += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart());
          if (data.length > 0) events.push(data.join('\n'));
          for (const wake of [...waiters]) wake();
        }
      }
    } catch {
      // Aborted by close(): the stream simply ends.
    }
  };
  const ended = response.status === 200 ? pump() : Promise.resolve();
  return {
    status: response.status,
    events,
    raw: () => raw,
    ended,
    waitFor(match, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = events.find(match);
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close() {
      controller.abort();
    },
  };
}
