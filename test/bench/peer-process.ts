// The peers' servers run as processes of their own, like the Comptoir server: started with an IPC
// channel, they seed themselves with the workload's dossiers, report their port, and apply "another
// client's" edits on request (server-side writes, which their replication then propagates).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { childEnv, ROOT } from '../server/support/run-node.ts';

export type EditKind = 'away' | 'concurrent';

export interface EditRequest {
  readonly indexes: number[];
  readonly kind: EditKind;
  readonly round: number;
}

type ToChild = { readonly id: number } & EditRequest;
type FromChild = { readonly ready: { port: number; seedMs: number; docs: number } } | { readonly id: number; readonly ids?: string[]; readonly error?: string };

/** The parent's handle on a peer server process. */
export interface PeerServer {
  readonly port: number;
  readonly seedMs: number;
  readonly docs: number;
  /** Applies another client's edit of the given dossiers on the server; their ids. */
  edit(request: EditRequest): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startPeerServer(script: URL, label: string): Promise<PeerServer> {
  const child: ChildProcess = spawn(process.execPath, [script.pathname], { cwd: ROOT, env: childEnv({}), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = once(child, 'exit');
  const waiting = new Map<number, { resolve(ids: string[]): void; reject(error: Error): void }>();
  let next = 0;
  const ready = new Promise<{ port: number; seedMs: number; docs: number }>((resolve, reject) => {
    child.on('message', (message: FromChild) => {
      if ('ready' in message) return resolve(message.ready);
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error !== undefined) entry?.reject(new Error(`[${label}] ${message.error}`));
      else entry?.resolve(message.ids ?? []);
    });
    child.on('exit', (code) => {
      const error = new Error(`[${label}] exited with ${code}: ${output}`);
      reject(error);
      for (const entry of waiting.values()) entry.reject(error);
    });
  });
  const started = await ready;
  return {
    ...started,
    edit(request) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ id, ...request } satisfies ToChild);
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The child's side: reports readiness and serves edit requests with `edit`. */
export function servePeer(ready: { port: number; seedMs: number; docs: number }, edit: (request: EditRequest) => Promise<string[]>): void {
  const send = (message: FromChild): void => {
    process.send?.(message);
  };
  process.on('message', (message: ToChild) => {
    edit(message).then(
      (ids) => send({ id: message.id, ids }),
      (error: unknown) => send({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  process.on('SIGTERM', () => process.exit(0));
  // The parent going away ends this process too.
  process.on('disconnect', () => process.exit(0));
  send({ ready });
}
