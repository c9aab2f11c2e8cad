import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/server/support/test-db.ts';
import { PGLITE_SETTINGS } from './pglite-db.ts';

describe('openPglite', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', 'pglite-settings');
  });
  afterAll(() => database.destroy());

  const show = async (name: string): Promise<string | undefined> => {
    const rows = await database.db.query<Record<string, string>>(`SHOW ${name}`);
    return rows[0]?.[name];
  };

  it('starts PostgreSQL with a 32 MB buffer pool (resident in the WebAssembly heap from the start)', async () => {
    for (const [name, value] of Object.entries(PGLITE_SETTINGS)) expect(await show(name)).toBe(value);
    expect(await show('shared_buffers')).toBe('32MB');
    expect(await show('wal_buffers')).toBe('1MB');
  });

  it("keeps PGlite's own start parameters", async () => {
    expect(await show('search_path')).toBe('public');
    expect(await show('exit_on_error')).toBe('off');
    expect(await show('max_worker_processes')).toBe('0');
  });

  it('applies them again when an existing data directory is reopened', async () => {
    await database.db.close();
    await database.reopen();
    expect(await show('shared_buffers')).toBe('32MB');
  });
});
