import { getChangedDocumentsSinceQuery, prepareQuery, type RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { changedDocumentsSince, withIndexedChangesSince } from './changed-since.ts';

interface Doc {
  id: string;
  n: number;
}

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 20 }, n: { type: 'number' }, _deleted: { type: 'boolean' }, _attachments: { type: 'object' }, _rev: { type: 'string' }, _meta: { type: 'object', properties: { lwt: { type: 'number', minimum: 1, maximum: 1e15, multipleOf: 0.01 } } } },
  required: ['id', 'n', '_deleted', '_attachments', '_rev', '_meta'],
  indexes: [['_meta.lwt', 'id']],
  additionalProperties: false,
} as const;

type Instance = RxStorageInstance<Doc, unknown, unknown, { id: string; lwt: number }>;

async function instanceWithBulks(): Promise<Instance> {
  const storage = withIndexedChangesSince(getRxStorageMemory());
  const instance = (await storage.createStorageInstance<Doc>({
    databaseInstanceToken: 't',
    databaseName: `changed-${Math.random()}`,
    collectionName: 'docs',
    schema: schema as never,
    options: {},
    multiInstance: false,
    devMode: false,
  })) as unknown as Instance;
  // Three writes, so three write times shared by their documents; ids out of order; one deletion.
  const bulks = [['d05', 'd01', 'd09'], ['d03', 'd07', 'd02', 'd08'], ['d06', 'd04']];
  for (const [b, ids] of bulks.entries()) {
    const rows = ids.map((id) => ({ document: { id, n: b, _deleted: id === 'd07', _attachments: {}, _rev: '1-a', _meta: { lwt: 1000 + b } } }));
    const result = await instance.bulkWrite(rows as never, 'test');
    expect(result.error).toEqual([]);
  }
  return instance;
}

/** RxDB's own answer: the `$or` query. */
async function rxdbFallback(instance: Instance, limit: number, checkpoint: { id: string; lwt: number } | undefined) {
  const query = prepareQuery(instance.schema, getChangedDocumentsSinceQuery(instance as never, limit, checkpoint) as never);
  return (await instance.query(query)).documents.map((d) => d.id);
}

describe('changes since a checkpoint, from the index alone', () => {
  it('returns what RxDB\'s $or query returns, in the same order, from every checkpoint and page size', async () => {
    const instance = await instanceWithBulks();
    const all = await instance.query(prepareQuery(instance.schema, getChangedDocumentsSinceQuery(instance as never, 100, undefined) as never));
    expect(all.documents).toHaveLength(9);
    const checkpoints = [undefined, ...all.documents.map((d) => ({ id: d.id, lwt: d._meta.lwt })), { id: 'd00', lwt: 1001 }, { id: 'zz', lwt: 1001 }, { id: '', lwt: 2000 }];
    for (const checkpoint of checkpoints) {
      for (const limit of [1, 2, 3, 5, 100]) {
        const mine = await changedDocumentsSince(instance, limit, checkpoint);
        expect(mine.documents.map((d) => d.id)).toEqual(await rxdbFallback(instance, limit, checkpoint));
      }
    }
  });

  it('is installed on instances of a storage without a look-up of its own, and moves the checkpoint', async () => {
    const instance = await instanceWithBulks();
    expect(instance.getChangedDocumentsSince).toBeTypeOf('function');
    const first = await instance.getChangedDocumentsSince?.(4, undefined);
    expect(first?.documents.map((d) => d.id)).toEqual(['d01', 'd05', 'd09', 'd02']);
    const next = await instance.getChangedDocumentsSince?.(100, first?.checkpoint);
    expect(next?.documents.map((d) => d.id)).toEqual(['d03', 'd07', 'd08', 'd04', 'd06']);
    const none = await instance.getChangedDocumentsSince?.(100, next?.checkpoint);
    expect(none).toEqual({ documents: [], checkpoint: next?.checkpoint });
  });
});
