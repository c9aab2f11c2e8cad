import { randomUUID } from 'node:crypto';
import type { Sql } from './db.ts';

/** The database epoch (sync/checkpoint.ts), created by the first migration. */
export async function readEpoch(sql: Sql): Promise<string> {
  const rows = await sql.query<{ value: string }>(`SELECT value FROM server_meta WHERE key = 'epoch'`);
  const epoch = rows[0]?.value;
  if (epoch === undefined) throw new Error('server_meta has no epoch: the database was not migrated');
  return epoch;
}

/** Starts a new epoch (after a restore): every client checkpoint restarts from 0. */
export async function renewEpoch(sql: Sql): Promise<string> {
  const epoch = randomUUID().replace(/-/g, '');
  await sql.query(`INSERT INTO server_meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [epoch]);
  return epoch;
}
