// Peer server: pouchdb-server's CouchDB HTTP protocol (express-pouchdb, minimum mode for PouchDB
// replication) on PouchDB's memory adapter, seeded with the workload's dossiers. Run as a process
// by peer-process.ts.
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { nowMs } from './rpc.ts';
import { pouchDB, toPouch, type PouchDoc } from './pouch.ts';
import { servePeer } from './peer-process.ts';
import { awayEdit, concurrentEdit, dataset, dossierBatches, workload } from './workload.ts';

const require = createRequire(import.meta.url);
type Handler = (req: unknown, res: unknown, next: unknown) => void;
const express = require('express') as () => { use(path: string, handler: Handler): void; listen(port: number, host: string, ready: () => void): Server };
const expressPouchDB = require('express-pouchdb') as (pouch: unknown, options: object) => Handler;

const w = workload();
const ds = dataset(w);
const PouchDB = pouchDB();
const ServerPouch = PouchDB.defaults({ adapter: 'memory' });
const app = express();
app.use('/', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }));
const db = new ServerPouch('dossiers');

const started = nowMs();
for (const batch of dossierBatches(ds, 0, w.docs, 1000)) await db.bulkDocs(batch.map(toPouch));
const seedMs = nowMs() - started;

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  servePeer({ port: address.port, seedMs, docs: w.docs }, async ({ indexes, kind, round }) => {
    const ids = indexes.map((i) => ds.docAt('dossiers', i).id as string);
    const { rows } = await db.allDocs({ keys: ids, include_docs: true });
    const edited = rows.map((row) => {
      const doc = row.doc as PouchDoc & { subject: string; updatedAt: string };
      return kind === 'away' ? awayEdit(doc, round) : concurrentEdit(doc);
    });
    const results = await db.bulkDocs(edited);
    const failed = results.filter((r) => r.error !== undefined);
    if (failed.length > 0) throw new Error(`server edit failed: ${JSON.stringify(failed[0])}`);
    return ids;
  });
});
