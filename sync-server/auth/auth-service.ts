import { err, ok, type Result } from '../../core/shared/result.ts';
import type { Db } from '../db/db.ts';
import { signAccessToken, verifyAccessToken, type VerifiedAccess } from './access-token.ts';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptParams } from './password.ts';
import { issueRefreshToken, revokeFamily, revokeRefreshToken, rotateRefreshToken, type RefreshError } from './refresh-tokens.ts';
import { findUserByEmail, findUserById, publicUser, type PublicUser, type StoredUser } from './users.ts';

/** What login and refresh return (wire contract of `POST /api/auth/login` and `/refresh`). */
export interface Session {
  /** JWT for `Authorization: Bearer …`, valid 15 minutes. */
  readonly accessToken: string;
  readonly accessTokenExpiresAt: string;
  /** Opaque, single use: exchange it at `/api/auth/refresh` for the next session. */
  readonly refreshToken: string;
  readonly user: PublicUser;
}

export type LoginError = 'INVALID_CREDENTIALS' | 'ACCOUNT_DISABLED';

export interface AuthService {
  login(email: string, password: string): Promise<Result<Session, LoginError>>;
  refresh(refreshToken: string): Promise<Result<Session, RefreshError | 'ACCOUNT_DISABLED'>>;
  logout(refreshToken: string): Promise<void>;
  verify(accessToken: string): Promise<Result<VerifiedAccess, 'UNAUTHENTICATED'>>;
}

export interface AuthOptions {
  readonly secret: Uint8Array;
  readonly now: () => Date;
  /** Cost of the dummy hash checked for unknown emails; match the cost of real hashes. */
  readonly scrypt?: ScryptParams;
}

const INVALID = 'Wrong email or password';

/** Sign-in, token refresh and verification over the users and refresh_tokens tables. */
export function createAuthService(db: Db, options: AuthOptions): AuthService {
  let dummyHash: Promise<string> | null = null;
  const session = async (user: StoredUser, refreshToken: string): Promise<Session> => {
    const access = await signAccessToken({ kind: 'user', userId: user.id, role: user.role, team: user.team }, options.secret, options.now());
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt.toISOString(), refreshToken, user: publicUser(user) };
  };
  return {
    async login(email, password) {
      const user = await findUserByEmail(db, email);
      if (user === null) {
        // Same work as a real check, so response time does not tell which emails exist.
        dummyHash ??= hashPassword('not a password', options.scrypt ?? DEFAULT_SCRYPT);
        await verifyPassword(password, await dummyHash);
        return err('INVALID_CREDENTIALS', INVALID);
      }
      if (!(await verifyPassword(password, user.passwordHash))) return err('INVALID_CREDENTIALS', INVALID);
      // Only someone who knows the password learns the account is disabled.
      if (user.disabled) return err('ACCOUNT_DISABLED', 'This account is disabled: ask an administrator');
      const refreshToken = await issueRefreshToken(db, user.id, options.now());
      return ok(await session(user, refreshToken));
    },
    async refresh(refreshToken) {
      const now = options.now();
      return rotateRefreshToken(db, refreshToken, now, async (tx, userId, origin) => {
        const user = await findUserById(tx, userId);
        if (user === null || user.disabled) {
          await revokeFamily(tx, origin.familyId, now);
          return err('ACCOUNT_DISABLED', 'This account is disabled: ask an administrator');
        }
        return ok(await session(user, await issueRefreshToken(tx, user.id, now, origin)));
      });
    },
    async logout(refreshToken) {
      await revokeRefreshToken(db, refreshToken, options.now());
    },
    verify(accessToken) {
      return verifyAccessToken(accessToken, options.secret, options.now());
    },
  };
}
