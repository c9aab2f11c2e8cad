import { randomBytes } from 'node:crypto';
import type { Sql } from '../db/db.ts';

/** Shortest secret accepted from COMPTOIR_JWT_SECRET: HS256 wants at least 256 bits. */
export const MIN_SECRET_LENGTH = 32;

/**
 * The key signing access tokens: COMPTOIR_JWT_SECRET when set, otherwise one generated on first
 * start and kept in the database, so that restarts and every process sharing a PostgreSQL sign and
 * verify with the same key without any set-up.
 */
export async function resolveJwtSecret(sql: Sql, fromEnv: string | null): Promise<Uint8Array> {
  if (fromEnv !== null) {
    if (fromEnv.length < MIN_SECRET_LENGTH) throw new Error(`COMPTOIR_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return new TextEncoder().encode(fromEnv);
  }
  // Two processes starting together: the first insert wins and both read the winner back.
  await sql.query(`INSERT INTO server_meta (key, value) VALUES ('jwt_secret', $1) ON CONFLICT (key) DO NOTHING`, [
    randomBytes(48).toString('base64url'),
  ]);
  const rows = await sql.query<{ value: string }>(`SELECT value FROM server_meta WHERE key = 'jwt_secret'`);
  const value = rows[0]?.value;
  if (value === undefined) throw new Error('The generated JWT secret could not be read back');
  return new TextEncoder().encode(value);
}
