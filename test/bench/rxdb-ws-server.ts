// Peer server: RxDB's own WebSocket replication server (rxdb/plugins/replication-websocket) over
// RxDB's memory storage — DESIGN §13's upper bound, since nothing is durable. One collection with
// the Comptoir dossier schema, seeded with the workload's dossiers. Run as a process by peer-process.ts.
import { createRxDatabase, type RxCollection } from 'rxdb';
import { startWebsocketServer } from 'rxdb/plugins/replication-websocket';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { COLLECTIONS } from '../../core/schemas/collections.ts';
import type { DossierDoc } from '../../core/schemas/dossiers.ts';
import { servePeer } from './peer-process.ts';
import { nowMs } from './rpc.ts';
import { awayEdit, concurrentEdit, dataset, dossierBatches, workload } from './workload.ts';

const w = workload();
const ds = dataset(w);
const db = await createRxDatabase({ name: 'peer', storage: getRxStorageMemory(), multiInstance: false });
await db.addCollections({ dossiers: { schema: COLLECTIONS.dossiers.schema } });
const dossiers = db.collections.dossiers as unknown as RxCollection<DossierDoc>;

const started = nowMs();
for (const batch of dossierBatches(ds, 0, w.docs, 1000)) {
  const { error } = await dossiers.bulkInsert(batch);
  if (error.length > 0) throw new Error(`seed failed: ${JSON.stringify(error[0])}`);
}
const seedMs = nowMs() - started;

const server = await startWebsocketServer({ database: db, host: '127.0.0.1', port: 0 });
if (!server.server.address()) await new Promise((resolve) => server.server.once('listening', resolve));
const address = server.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');

servePeer({ port: address.port, seedMs, docs: w.docs }, async ({ indexes, kind, round }) => {
  const ids = indexes.map((i) => ds.docAt('dossiers', i).id as string);
  const current = await dossiers.findByIds(ids).exec();
  const edited = ids.map((id) => {
    const doc = current.get(id)?.toMutableJSON();
    if (doc === undefined) throw new Error(`no dossier ${id} on the server`);
    return kind === 'away' ? awayEdit(doc, round) : concurrentEdit(doc);
  });
  const { error } = await dossiers.bulkUpsert(edited);
  if (error.length > 0) throw new Error(`server edit failed: ${JSON.stringify(error[0])}`);
  return ids;
});
