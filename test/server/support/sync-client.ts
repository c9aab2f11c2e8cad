import type { FastifyInstance } from 'fastify';
import type { JsonObject } from '../../../core/model/json.ts';
import type { Checkpoint } from '../../../sync-server/sync/checkpoint.ts';
import { bearer, type Tokens } from './build.ts';

/** A wire document as tests handle it. */
export type Doc = JsonObject & { id: string; _deleted: boolean };

export interface PullResult {
  documents: Doc[];
  checkpoint: Checkpoint;
}

/** The replication calls, over `inject` or over real HTTP (`baseUrl`). */
export interface SyncClient {
  pull(collection: string, checkpoint: Checkpoint | null, limit?: number): Promise<PullResult>;
  push(collection: string, rows: { assumedMasterState?: Doc | null; newDocumentState: Doc }[]): Promise<Doc[]>;
  /** Every document from the beginning, following pages. */
  pullAll(collection: string, limit?: number): Promise<{ documents: Doc[]; checkpoint: Checkpoint | null }>;
}

function client(call: (url: string, body: unknown) => Promise<{ status: number; body: string }>): SyncClient {
  const self: SyncClient = {
    async pull(collection, checkpoint, limit = 100) {
      const res = await call(`/api/sync/${collection}/pull`, { checkpoint, limit });
      if (res.status !== 200) throw new Error(`pull ${collection}: ${res.status} ${res.body}`);
      return JSON.parse(res.body) as PullResult;
    },
    async push(collection, rows) {
      const res = await call(`/api/sync/${collection}/push`, rows);
      if (res.status !== 200) throw new Error(`push ${collection}: ${res.status} ${res.body}`);
      return JSON.parse(res.body) as Doc[];
    },
    async pullAll(collection, limit = 100) {
      const documents: Doc[] = [];
      let checkpoint: Checkpoint | null = null;
      for (;;) {
        const page = await self.pull(collection, checkpoint, limit);
        documents.push(...page.documents);
        checkpoint = page.checkpoint;
        if (page.documents.length < limit) return { documents, checkpoint };
      }
    },
  };
  return self;
}

/** Replication through `app.inject`. */
export function injectClient(app: FastifyInstance, tokens: Tokens): SyncClient {
  return client(async (url, payload) => {
    const res = await app.inject({ method: 'POST', url, headers: bearer(tokens), payload: payload as object });
    return { status: res.statusCode, body: res.body };
  });
}

/** Replication over real HTTP. */
export function httpClient(baseUrl: string, tokens: Tokens): SyncClient {
  return client(async (url, payload) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method: 'POST',
      headers: { ...bearer(tokens), 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return { status: res.status, body: await res.text() };
  });
}

/** A new document on the wire: `doc` plus `_deleted: false`. */
export function wire(doc: object, deleted = false): Doc {
  return { ...(doc as JsonObject), _deleted: deleted } as Doc;
}

/** Listens on an ephemeral loopback port; returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}
