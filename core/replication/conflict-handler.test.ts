import { describe, expect, it } from 'vitest';
import type { WithDeleted } from 'rxdb';
import type { JsonObject } from '../model/json.ts';
import type { CollectionName } from '../schemas/collections.ts';
import { aDossierDoc, aMessageDoc, anOfferDoc } from '../schemas/doc-builders.ts';
import { createConflictHandler, isRefusal, type ConflictSink } from './conflict-handler.ts';
import type { ConflictReason } from './conflict-schema.ts';
import type { MergeConflict } from './merge.ts';

interface Recorded {
  readonly collection: CollectionName;
  readonly docId: string;
  readonly reason: ConflictReason;
  readonly conflicts: readonly MergeConflict[];
}

function recordingSink(): ConflictSink & { readonly recorded: Recorded[] } {
  const recorded: Recorded[] = [];
  return {
    recorded,
    async record(collection, docId, reason, conflicts) {
      recorded.push({ collection, docId, reason, conflicts });
    },
  };
}

const state = <T extends object>(doc: T, deleted = false): WithDeleted<JsonObject> => ({ ...(doc as unknown as JsonObject), _deleted: deleted });

describe('conflict handler', () => {
  it('merges and records only the values both sides changed', async () => {
    const sink = recordingSink();
    const handler = createConflictHandler<JsonObject>('dossiers', sink);
    const base = state(aDossierDoc());
    const resolved = await handler.resolve(
      {
        assumedMasterState: base,
        newDocumentState: state(aDossierDoc({ subject: 'mine', partySize: 7 })),
        realMasterState: state(aDossierDoc({ subject: 'theirs', stage: 'processed' })),
      },
      'test',
    );
    expect(resolved).toMatchObject({ subject: 'theirs', partySize: 7, stage: 'processed', _deleted: false });
    expect(sink.recorded).toEqual([
      { collection: 'dossiers', docId: 'dossier-1', reason: 'concurrent', conflicts: [{ path: ['subject'], mine: { present: true, value: 'mine' }, theirs: { present: true, value: 'theirs' } }] },
    ]);
  });

  it('records nothing when the server already holds what was pushed (lost response)', async () => {
    const sink = recordingSink();
    const handler = createConflictHandler<JsonObject>('dossiers', sink);
    const pushed = state(aDossierDoc({ subject: 'pushed' }));
    // The server stores jsonb: the same document comes back with its keys in another order.
    const echoed = Object.fromEntries(Object.entries(pushed).reverse()) as WithDeleted<JsonObject>;
    expect(handler.isEqual(pushed, echoed, 'test')).toBe(true);
    expect(await handler.resolve({ assumedMasterState: state(aDossierDoc()), newDocumentState: pushed, realMasterState: echoed }, 'test')).toEqual(echoed);
    expect(sink.recorded).toEqual([]);
  });

  it('compares every field in isEqual, so a pulled server-owned change is never skipped', () => {
    const handler = createConflictHandler<JsonObject>('payments', recordingSink());
    expect(handler.isEqual(state({ id: 'p', status: 'queued' }), state({ id: 'p', status: 'sent' }), 'test')).toBe(false);
    expect(handler.isEqual(state({ id: 'p', a: 1 }, true), state({ id: 'p', a: 2 }, true), 'test')).toBe(true);
  });

  it('keeps the server copy of an append-only document without recording anything', async () => {
    const sink = recordingSink();
    const handler = createConflictHandler<JsonObject>('messages', sink);
    const theirs = state(aMessageDoc({ body: 'server' }));
    expect(await handler.resolve({ assumedMasterState: state(aMessageDoc()), newDocumentState: state(aMessageDoc({ body: 'local' })), realMasterState: theirs }, 'test')).toBe(theirs);
    expect(sink.recorded).toEqual([]);
  });

  it('recognises a refused insert (tombstone of what was sent) and a refused update (the base sent back)', async () => {
    const sink = recordingSink();
    const handler = createConflictHandler<JsonObject>('offers', sink);
    const mine = state(anOfferDoc());
    const tombstone = { ...mine, _deleted: true };
    expect(isRefusal(undefined, mine, tombstone)).toBe(true);
    expect(await handler.resolve({ newDocumentState: mine, realMasterState: tombstone }, 'test')).toBe(tombstone);
    const base = state(anOfferDoc());
    const edited = state(anOfferDoc({ title: 'changed here' }));
    expect(isRefusal(base, edited, base)).toBe(true);
    expect(await handler.resolve({ assumedMasterState: base, newDocumentState: edited, realMasterState: base }, 'test')).toBe(base);
    expect(sink.recorded.map((r) => [r.reason, r.conflicts.map((c) => c.path)])).toEqual([
      ['refused', [[]]],
      ['refused', [['title']]],
    ]);
  });

  it('is not a refusal when the server holds a newer state', () => {
    const base = state(aDossierDoc());
    expect(isRefusal(base, state(aDossierDoc({ subject: 'a' })), state(aDossierDoc({ subject: 'b' })))).toBe(false);
    expect(isRefusal(base, state(aDossierDoc({ subject: 'a' })), state(aDossierDoc({ subject: 'b' }), true))).toBe(false);
  });
});
