import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { err, type Result } from '../../core/shared/result.ts';
import type { Db, Sql } from '../db/db.ts';

/** A refresh token is good for 30 days after it was issued; each use issues the next one. */
export const REFRESH_TOKEN_DAYS = 30;

/**
 * How long after an exchange the same token may be presented once more as a retry: the client sent
 * it, the server rotated it, and the answer was lost on the way back (a flaky network, a laptop lid
 * closed). Past this, or a second time, it is reuse.
 */
export const REFRESH_RETRY_GRACE_MS = 60_000;

/** Only a hash is stored: whoever reads the table cannot use what it holds. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Where a refresh token comes from: a sign-in (a new family), or the exchange of `parent`. */
export interface TokenOrigin {
  readonly familyId: string;
  /** The hash of the token exchanged for this one. */
  readonly parent: string;
}

/** Issues a new opaque refresh token: of a new family at sign-in, else the successor of `origin.parent`. */
export async function issueRefreshToken(sql: Sql, userId: string, now: Date, origin?: TokenOrigin): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000);
  await sql.query(
    'INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, created_at, parent_hash) VALUES ($1, $2, $3, $4, $5, $6)',
    [hashToken(token), origin?.familyId ?? randomUUID(), userId, expiresAt.toISOString(), now.toISOString(), origin?.parent ?? null],
  );
  return token;
}

export type RefreshError = 'INVALID_REFRESH_TOKEN' | 'REFRESH_TOKEN_REUSED';

/**
 * Exchanges a refresh token for its successor in the same family. Presenting a token that was
 * already exchanged means two parties hold it (it leaked, or a copy was replayed): the whole family
 * is revoked, so the thief's and the owner's sessions both end and the user signs in again.
 * `next` issues the successor (`issueRefreshToken` with the origin it is given); it runs in the same
 * transaction.
 *
 * One exception, for a lost response: within `REFRESH_RETRY_GRACE_MS` of the exchange, while the
 * successor it gave has never been used, the token is exchanged once more. The unused successor is
 * revoked (whoever holds it, presenting it is then reuse), so one token of the family stays alive
 * and a second retry, or a replay after the owner moved on, still revokes the family.
 */
export async function rotateRefreshToken<T, E extends string>(
  db: Db,
  token: string,
  now: Date,
  next: (tx: Sql, userId: string, origin: TokenOrigin) => Promise<Result<T, E>>,
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
    if (row !== undefined) return next(tx, row.user_id, { familyId: row.family_id, parent: hash });
    const known = await tx.query<{ family_id: string; user_id: string; rotated_at: Date | string | null; revoked: boolean }>(
      'SELECT family_id, user_id, rotated_at, revoked_at IS NOT NULL AS revoked FROM refresh_tokens WHERE token_hash = $1',
      [hash],
    );
    const found = known[0];
    if (found !== undefined && found.rotated_at !== null && !found.revoked && now.getTime() - new Date(found.rotated_at).getTime() <= REFRESH_RETRY_GRACE_MS) {
      // A retry if the successor that exchange issued was never used: it is superseded (revoked),
      // and so is this token, so that neither can be exchanged again.
      const superseded = await tx.query<{ token_hash: string }>(
        `UPDATE refresh_tokens SET rotated_at = $2, revoked_at = $2
         WHERE parent_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL
         RETURNING token_hash`,
        [hash, now.toISOString()],
      );
      if (superseded.length === 1) {
        await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE token_hash = $1', [hash, now.toISOString()]);
        return next(tx, found.user_id, { familyId: found.family_id, parent: hash });
      }
    }
    if (found !== undefined && found.rotated_at !== null) {
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

