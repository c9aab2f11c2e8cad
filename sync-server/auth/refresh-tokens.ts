import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { err, type Result } from '../../core/shared/result.ts';
import type { Db, Sql } from '../db/db.ts';

/** A refresh token is good for 30 days after it was issued; each use issues the next one. */
export const REFRESH_TOKEN_DAYS = 30;

/** Only a hash is stored: whoever reads the table cannot use what it holds. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a new opaque refresh token in `familyId` (a new family at login). */
export async function issueRefreshToken(sql: Sql, userId: string, now: Date, familyId: string = randomUUID()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000);
  await sql.query(
    'INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)',
    [hashToken(token), familyId, userId, expiresAt.toISOString(), now.toISOString()],
  );
  return token;
}

export type RefreshError = 'INVALID_REFRESH_TOKEN' | 'REFRESH_TOKEN_REUSED';

/**
 * Exchanges a refresh token for its successor in the same family. Presenting a token that was
 * already exchanged means two parties hold it (it leaked, or a copy was replayed): the whole family
 * is revoked, so the thief's and the owner's sessions both end and the user signs in again.
 * `next` issues the successor; it runs in the same transaction.
 */
export async function rotateRefreshToken<T, E extends string>(
  db: Db,
  token: string,
  now: Date,
  next: (tx: Sql, userId: string, familyId: string) => Promise<Result<T, E>>,
): Promise<Result<T, RefreshError | E>> {
  const hash = hashToken(token);
  return db.transaction(async (tx) => {
    // Atomic: of two concurrent exchanges of one token, exactly one wins; the other is a reuse.
    const rotated = await tx.query<{ family_id: string; user_id: string }>(
      `UPDATE refresh_tokens SET rotated_at = $2
       WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > $2
       RETURNING family_id, user_id`,
      [hash, now.toISOString()],
    );
    const row = rotated[0];
    if (row !== undefined) return next(tx, row.user_id, row.family_id);
    const known = await tx.query<{ family_id: string; rotated: boolean }>(
      'SELECT family_id, rotated_at IS NOT NULL AS rotated FROM refresh_tokens WHERE token_hash = $1',
      [hash],
    );
    const found = known[0];
    if (found?.rotated) {
      await revokeFamily(tx, found.family_id, now);
      return err('REFRESH_TOKEN_REUSED', 'This refresh token was already used: every session of this sign-in is revoked, sign in again');
    }
    return err('INVALID_REFRESH_TOKEN', 'The refresh token is unknown, expired or revoked: sign in again');
  });
}

/** Revokes every token of a family (reuse detected, logout, disabled user). */
export async function revokeFamily(sql: Sql, familyId: string, now: Date): Promise<void> {
  await sql.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, now.toISOString()]);
}

/** Logout: revokes the family of `token`. Unknown tokens are ignored (logging out twice is fine). */
export async function revokeRefreshToken(sql: Sql, token: string, now: Date): Promise<void> {
  await sql.query(
    `UPDATE refresh_tokens SET revoked_at = $2
     WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
    [hashToken(token), now.toISOString()],
  );
}

