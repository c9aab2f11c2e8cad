import { Worker } from 'node:worker_threads';
import type { CommandArgs, CommandMessage, CommandName, CommandResult, ReplyMessage } from './client-protocol.ts';

/** A client running in its own worker thread, driven by typed commands (client-protocol.ts). */
export interface TestClient {
  readonly name: string;
  send<K extends CommandName>(name: K, ...args: CommandArgs<K> extends undefined ? [] : [CommandArgs<K>]): Promise<CommandResult<K>>;
  terminate(): Promise<void>;
}

/** Starts a worker client; `name` labels its failures. */
export function spawnClient(name: string): TestClient {
  const worker = new Worker(new URL('./client-worker.ts', import.meta.url));
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 0;
  worker.on('message', (reply: ReplyMessage) => {
    const entry = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) entry?.resolve(reply.value);
    else entry?.reject(new Error(`[${name}] ${reply.error}`));
  });
  worker.on('error', (error) => {
    for (const entry of waiting.values()) entry.reject(new Error(`[${name}] worker crashed: ${error.message}`));
    waiting.clear();
  });
  return {
    name,
    send(command, ...args) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ id, name: command, args: args[0] } satisfies CommandMessage);
      });
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
