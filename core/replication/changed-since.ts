import {
  getPrimaryFieldOfPrimaryKey,
  normalizeMangoQuery,
  prepareQuery,
  RX_META_LWT_MINIMUM,
  type MangoQuerySelector,
  type RxDocumentData,
  type RxStorage,
  type RxStorageInstance,
} from 'rxdb';

/** RxDB's default checkpoint of "changes since": the last document's write time and id. */
interface LwtCheckpoint {
  readonly id: string;
  readonly lwt: number;
}

/**
 * The storage `createClientDatabase` is given, with a faster "changes since a checkpoint" look-up
 * for storages that have none of their own (memory, Dexie).
 *
 * RxDB's fallback is one query, `lwt > L or (lwt = L and id > I)`: no index satisfies an `$or`, so
 * the storage walks every document written at `L` through the query matcher. One storage write gives
 * all its documents the same `lwt`, so after a pull of 5000 documents every later look-up (RxDB's
 * upstream on each RESYNC, the pending-changes recount) walks those 5000 to find none. Two range
 * queries, each answered by the `[_meta.lwt, id]` index alone, give the same documents in the same
 * order.
 */
export function withIndexedChangesSince<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  const createStorageInstance: RxStorage<Internals, Options>['createStorageInstance'] = async (params) => {
    const instance = await storage.createStorageInstance(params);
    // RxDB's own storage plugins extend instances the same way (validate-ajv patches bulkWrite).
    const patchable = instance as RxStorageInstance<unknown, Internals, Options, LwtCheckpoint>;
    if (patchable.getChangedDocumentsSince === undefined) {
      patchable.getChangedDocumentsSince = (limit, checkpoint) => changedDocumentsSince(patchable, limit, checkpoint);
    }
    return instance;
  };
  return Object.assign({}, storage, { createStorageInstance });
}

/** The documents written after `checkpoint`, oldest first, at most `limit`: what RxDB's fallback returns. */
export async function changedDocumentsSince<Doc>(
  instance: RxStorageInstance<Doc, unknown, unknown, LwtCheckpoint>,
  limit: number,
  checkpoint: LwtCheckpoint | undefined,
): Promise<{ documents: RxDocumentData<Doc>[]; checkpoint: LwtCheckpoint }> {
  const primaryPath = getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey) as string;
  const lwt = checkpoint?.lwt ?? RX_META_LWT_MINIMUM;
  const id = checkpoint?.id ?? '';
  const run = async (selector: Record<string, unknown>, count: number): Promise<RxDocumentData<Doc>[]> => {
    const query = normalizeMangoQuery<Doc>(instance.schema, {
      selector: selector as MangoQuerySelector<Doc>,
      sort: [{ '_meta.lwt': 'asc' }, { [primaryPath]: 'asc' }] as never,
      skip: 0,
      limit: count,
    });
    return (await instance.query(prepareQuery(instance.schema, query))).documents;
  };
  const sameTime = await run({ '_meta.lwt': { $eq: lwt }, [primaryPath]: { $gt: id } }, limit);
  const later = sameTime.length < limit ? await run({ '_meta.lwt': { $gt: lwt } }, limit - sameTime.length) : [];
  const documents = sameTime.concat(later);
  const last = documents.at(-1);
  if (last === undefined) return { documents, checkpoint: checkpoint ?? { id: '', lwt: 0 } };
  return { documents, checkpoint: { id: String((last as Record<string, unknown>)[primaryPath]), lwt: last._meta.lwt } };
}
