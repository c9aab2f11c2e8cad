// The client-side floor of the sync benchmarks, in a worker of its own: what RxDB's memory storage
// alone costs for the same documents, with no network, server or replication protocol. Replication
// writes each pulled or acknowledged document at least once more (its assumed-master meta row), so a
// replicated document costs at least twice this.
import { createRxDatabase, type RxCollection } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { COLLECTIONS } from '../../core/schemas/collections.ts';
import type { DossierDoc } from '../../core/schemas/dossiers.ts';
import { nowMs, serve } from './rpc.ts';
import { dataset, dossierBatches, editedIndexes, offlineEdit, workload } from './workload.ts';

serve({
  /** Inserts every dossier (JSON text parsed, 1000 per bulk write), then updates the edited ones at storage level, 200 per write. */
  async measure() {
    const w = workload();
    const ds = dataset(w);
    const pages = [...dossierBatches(ds, 0, w.docs, 1000)].map((batch) => JSON.stringify(batch));
    const db = await createRxDatabase({ name: 'floor', storage: getRxStorageMemory(), multiInstance: false });
    try {
      await db.addCollections({ dossiers: { schema: COLLECTIONS.dossiers.schema } });
      const dossiers = db.collections.dossiers as unknown as RxCollection<DossierDoc>;
      const started = nowMs();
      for (const page of pages) {
        const { error } = await dossiers.bulkInsert(JSON.parse(page) as DossierDoc[]);
        if (error.length > 0) throw new Error(`floor insert failed: ${JSON.stringify(error[0])}`);
      }
      const insertMs = nowMs() - started;

      const ids = editedIndexes(w).map((i) => ds.docAt('dossiers', i).id as string);
      const current = await dossiers.storageInstance.findDocumentsById(ids, false);
      const updatesStarted = nowMs();
      for (let k = 0; k < current.length; k += 200) {
        const rows = current.slice(k, k + 200).map((previous) => ({
          previous,
          document: { ...offlineEdit(previous), _rev: `2-${previous._rev.split('-')[1] ?? ''}`, _meta: { lwt: Date.now() + 1 } },
        }));
        const { error } = await dossiers.storageInstance.bulkWrite(rows, 'bench-floor');
        if (error.length > 0) throw new Error(`floor update failed: ${JSON.stringify(error[0])}`);
      }
      const updateMs = nowMs() - updatesStarted;
      return { insertPerSec: (w.docs / insertMs) * 1000, updatePerSec: (current.length / updateMs) * 1000 };
    } finally {
      await db.close();
    }
  },
});
