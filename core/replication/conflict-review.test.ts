import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.ts';
import { aDossierDoc } from '../schemas/doc-builders.ts';
import type { Quote } from '../quote/quote.ts';
import { computeTotals } from '../quote/totals.ts';
import { aQuote, aQuoteLines } from '../schemas/quote-builder.ts';
import { fixedClock } from '../shared/clock.ts';
import { sequentialIds, type UserId } from '../shared/ids.ts';
import { createClientDatabase, type ClientDatabase } from './client-database.ts';
import { createConflictSink } from './conflict-store.ts';
import { resolveConflict } from './conflict-review.ts';

beforeAll(() => {
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
});

const T0 = '2026-03-02T09:30:00.000Z';
const LATER = '2026-03-05T14:00:00.000Z';
let db: ClientDatabase | null = null;
let count = 0;

async function open(): Promise<ClientDatabase> {
  db = await createClientDatabase({
    name: `review-${++count}`,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    clock: fixedClock(T0),
    ids: sequentialIds('conflict'),
    onConflictRecordError: (error) => {
      throw error;
    },
  });
  return db;
}

afterEach(async () => {
  await db?.remove();
  db = null;
});

const sinkOf = (database: ClientDatabase) => createConflictSink(() => database.conflicts, fixedClock(T0), sequentialIds('conflict'), (e) => {
  throw e;
});

describe('reviewing recorded conflicts', () => {
  it('keeps one open conflict per path: the same one is not duplicated, a newer one replaces it', async () => {
    const database = await open();
    const sink = sinkOf(database);
    const conflict = { path: ['subject'], mine: { present: true, value: 'a' }, theirs: { present: true, value: 'b' } };
    await sink.record('dossiers', 'dossier-1', 'concurrent', [conflict]);
    await sink.record('dossiers', 'dossier-1', 'concurrent', [conflict]);
    await sink.record('dossiers', 'dossier-1', 'concurrent', [{ ...conflict, mine: { present: true, value: 'c' } }]);
    await sink.record('quotes', 'dossier-1', 'concurrent', [conflict]);
    const all = await database.conflicts.find().exec();
    expect(all.map((c) => [c.collectionName, c.mine.value])).toEqual([
      ['dossiers', 'c'],
      ['quotes', 'a'],
    ]);
  });

  it('"keep mine" writes the value back with a new updatedAt and derived keys; "theirs" only closes it', async () => {
    const database = await open();
    await database.dossiers.insert(aDossierDoc({ assignedTo: 'user-bob' as UserId }));
    await sinkOf(database).record('dossiers', 'dossier-1', 'concurrent', [
      { path: ['assignedTo'], mine: { present: true, value: null }, theirs: { present: true, value: 'user-bob' } },
      { path: ['subject'], mine: { present: true, value: 'mine' }, theirs: { present: true, value: aDossierDoc().subject } },
    ]);
    expect(await resolveConflict(database, 'conflict-1', 'mine', fixedClock(LATER))).toEqual({ ok: true, value: 'kept_mine' });
    expect(await resolveConflict(database, 'conflict-2', 'theirs', fixedClock(LATER))).toEqual({ ok: true, value: 'kept_theirs' });
    const doc = await database.dossiers.findOne('dossier-1').exec();
    expect(doc?.toJSON()).toMatchObject({ assignedTo: null, assignedToKey: '', subject: aDossierDoc().subject, updatedAt: LATER });
    expect((await database.conflicts.find().exec()).map((c) => [c.status, c.resolvedAt])).toEqual([
      ['kept_mine', LATER],
      ['kept_theirs', LATER],
    ]);
    expect(await resolveConflict(database, 'conflict-1', 'theirs', fixedClock(LATER))).toMatchObject({ ok: false, error: { code: 'CONFLICT_CLOSED' } });
    expect(await resolveConflict(database, 'nope', 'theirs', fixedClock(LATER))).toMatchObject({ ok: false, error: { code: 'CONFLICT_NOT_FOUND' } });
  });

  it('puts a quote line back and recomputes the totals', async () => {
    const database = await open();
    const [l1, l2, l3] = aQuoteLines();
    const twoLines = [l1, l2] as Quote['lines'];
    await database.quotes.insert(aQuote({ lines: twoLines, totals: computeTotals({ ...aQuote(), lines: twoLines }) }));
    await sinkOf(database).record('quotes', 'quote-1', 'concurrent', [
      { path: ['lines', { id: 'line-3' }], mine: { present: true, value: l3 as unknown as JsonObject }, theirs: { present: false, value: null } },
    ]);
    expect(await resolveConflict(database, 'conflict-1', 'mine', fixedClock(LATER))).toMatchObject({ ok: true });
    const quote = await database.quotes.findOne('quote-1').exec();
    expect(quote?.lines.map((l) => l.id)).toEqual(['line-1', 'line-2', 'line-3']);
    expect(quote?.totals.linesTotal).toBe(31_500 + 1_500);
    expect(quote?.toJSON().totals).toEqual(computeTotals({ ...aQuote(), lines: [l1, l2, l3] as Quote['lines'] }));
  });

  it('restores a document deleted on the server, and refuses to overwrite a value changed since', async () => {
    const database = await open();
    const sink = sinkOf(database);
    const doc = await database.dossiers.insert(aDossierDoc({ subject: 'mine' }));
    await doc.remove();
    const mine = aDossierDoc({ subject: 'mine' }) as unknown as JsonObject;
    await sink.record('dossiers', 'dossier-1', 'concurrent', [{ path: [], mine: { present: true, value: mine }, theirs: { present: false, value: null } }]);
    expect(await resolveConflict(database, 'conflict-1', 'mine', fixedClock(LATER))).toMatchObject({ ok: true });
    expect((await database.dossiers.findOne('dossier-1').exec())?.subject).toBe('mine');

    await sink.record('dossiers', 'dossier-1', 'concurrent', [{ path: ['stage'], mine: { present: true, value: 'processed' }, theirs: { present: true, value: 'paid' } }]);
    expect(await resolveConflict(database, 'conflict-1', 'mine', fixedClock(LATER))).toMatchObject({ ok: false, error: { code: 'CONFLICT_CLOSED' } });
    const [open2] = await database.conflicts.find({ selector: { status: 'open' } }).exec();
    expect(await resolveConflict(database, open2?.id ?? '', 'mine', fixedClock(LATER))).toMatchObject({ ok: false, error: { code: 'DOCUMENT_CHANGED' } });
  });
});
