import { jwtVerify, SignJWT } from 'jose';
import { err, ok, type Result } from '../../core/shared/result.ts';
import { isRole, type Principal } from './principal.ts';

/** Access tokens live 15 minutes (DESIGN §10: short-lived); the refresh token renews them. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'comptoir-sync';
const AUDIENCE = 'comptoir';

/** A signed-in user as an access token carries it. */
export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** A verified access token: who, and until when (the live stream closes then). */
export interface VerifiedAccess {
  readonly principal: UserPrincipal;
  readonly expiresAt: Date;
}

/**
 * Signs an access token (JWT, HS256): `sub` = user id, plus `role` and `team` so that rules need no
 * database read per request. A role change or a disabled account takes effect at the next refresh.
 */
export async function signAccessToken(principal: UserPrincipal, secret: Uint8Array, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + ACCESS_TOKEN_SECONDS) * 1000);
  const token = await new SignJWT({ role: principal.role, team: principal.team })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
    .sign(secret);
  return { token, expiresAt };
}

/** Verifies signature, algorithm, issuer, audience and expiry of an access token. */
export async function verifyAccessToken(token: string, secret: Uint8Array, now: Date): Promise<Result<VerifiedAccess, 'UNAUTHENTICATED'>> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, currentDate: now });
    if (typeof payload.sub !== 'string' || !isRole(payload.role) || typeof payload.team !== 'string' || typeof payload.exp !== 'number') {
      return err('UNAUTHENTICATED', 'The access token is malformed');
    }
    return ok({ principal: { kind: 'user', userId: payload.sub, role: payload.role, team: payload.team }, expiresAt: new Date(payload.exp * 1000) });
  } catch {
    return err('UNAUTHENTICATED', 'The access token is invalid or expired: refresh it or sign in again');
  }
}
