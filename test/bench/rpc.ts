// A minimal request/response protocol between a benchmark and its worker threads: each simulated
// client runs in a realm of its own (RxDB's free build allows 13 open collections per realm, and a
// Comptoir client opens 12), and times its own work so that message passing is not measured.
import { parentPort, Worker } from 'node:worker_threads';

interface Request {
  readonly id: number;
  readonly name: string;
  readonly args: unknown;
}

type Reply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: string };

/** The commands a worker serves; each takes one structured-cloneable argument. */
export type Handlers = Record<string, (args: never) => Promise<unknown>>;

/** The calling side's view of a worker serving `H`. */
export interface WorkerClient<H extends Handlers> {
  call<K extends keyof H & string>(name: K, ...args: Parameters<H[K]> extends [] ? [] : Parameters<H[K]>): ReturnType<H[K]>;
  terminate(): Promise<void>;
}

/** Starts `script` (a worker that calls `serve`) with optional `workerData`. */
export function spawnWorker<H extends Handlers>(script: URL, label: string, workerData?: unknown): WorkerClient<H> {
  const worker = new Worker(script, { workerData });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 0;
  let crashed: Error | null = null;
  worker.on('message', (reply: Reply) => {
    const entry = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) entry?.resolve(reply.value);
    else entry?.reject(new Error(`[${label}] ${reply.error}`));
  });
  worker.on('error', (error) => {
    crashed = new Error(`[${label}] worker crashed: ${error.stack ?? error.message}`);
    for (const entry of waiting.values()) entry.reject(crashed);
    waiting.clear();
  });
  return {
    call(name, ...args) {
      if (crashed) return Promise.reject(crashed) as ReturnType<H[typeof name]>;
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, name, args: args[0] } satisfies Request);
      }) as ReturnType<H[typeof name]>;
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

/** Serves `handlers` from inside a worker thread. */
export function serve(handlers: Handlers): void {
  const port = parentPort;
  if (port === null) throw new Error('this script runs as a worker thread');
  port.on('message', (request: Request) => {
    const handler = handlers[request.name] as ((args: unknown) => Promise<unknown>) | undefined;
    if (handler === undefined) {
      port.postMessage({ id: request.id, ok: false, error: `unknown command ${request.name}` } satisfies Reply);
      return;
    }
    handler(request.args).then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies Reply),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply),
    );
  });
}

/** Milliseconds on the process-wide monotonic clock: comparable between the threads of one process. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
