import type { IsoInstant } from '../shared/clock.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { HttpTransport } from './transport.ts';

/** The signed-in user (wire contract of `user` in the login and refresh responses). */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: 'agent' | 'manager' | 'admin';
  readonly team: string;
}

/** What login and refresh return: a short-lived access token and a single-use refresh token. */
export interface Session {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: IsoInstant;
  readonly refreshToken: string;
  readonly user: SessionUser;
}

/**
 * - SESSION_ENDED: the refresh token was refused (expired, revoked, reused, account disabled): sign in again.
 * - UNREACHABLE: no answer or a 5xx; try again later with the same refresh token.
 */
export type RefreshError = 'SESSION_ENDED' | 'UNREACHABLE';

/** Access tokens for replication requests. */
export interface SyncAuth {
  /** The access token to send now; null before any session. */
  accessToken(): string | null;
  /**
   * A fresh access token after `refused` was rejected with 401. When a refresh already replaced
   * `refused`, the newer token comes back without asking the server again.
   */
  refresh(refused: string | null): Promise<Result<string, RefreshError>>;
}

export type LoginError = 'INVALID_CREDENTIALS' | 'ACCOUNT_DISABLED' | 'RATE_LIMITED' | 'UNREACHABLE' | 'INVALID_RESPONSE';

function isSession(body: unknown): body is Session {
  if (typeof body !== 'object' || body === null) return false;
  const s = body as Record<string, unknown>;
  return typeof s.accessToken === 'string' && typeof s.refreshToken === 'string' && typeof s.user === 'object' && s.user !== null;
}

function failureCode(body: unknown): string {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code : '';
}

/** `POST /api/auth/login`. */
export async function login(http: HttpTransport, baseUrl: string, email: string, password: string): Promise<Result<Session, LoginError>> {
  let response;
  try {
    response = await http.postJson(`${baseUrl}/api/auth/login`, { email, password }, {});
  } catch (error) {
    return err('UNREACHABLE', `Sign-in failed: ${String(error)}`);
  }
  if (response.status === 200) return isSession(response.body) ? ok(response.body) : err('INVALID_RESPONSE', 'Unexpected sign-in response');
  const code = failureCode(response.body);
  if (response.status === 429) return err('RATE_LIMITED', 'Too many failed sign-ins; wait and try again');
  if (code === 'ACCOUNT_DISABLED') return err('ACCOUNT_DISABLED', 'This account is disabled');
  if (response.status === 401) return err('INVALID_CREDENTIALS', 'Wrong email or password');
  return err('UNREACHABLE', `Sign-in failed with HTTP ${response.status}`);
}

export interface SessionAuthOptions {
  readonly http: HttpTransport;
  readonly baseUrl: string;
  readonly session: Session;
  /** Called with every new session, so the caller can keep the rotated refresh token (safeStorage). */
  readonly onSession?: (session: Session) => void;
}

/**
 * `SyncAuth` over a login session, refreshing through `POST /api/auth/refresh`. Refresh tokens
 * rotate and a reused one revokes the whole sign-in (server rule), so concurrent 401s from
 * several collections must share one refresh: at most one is in flight, and a caller whose token
 * was already replaced gets the new one.
 */
export function createSessionAuth(options: SessionAuthOptions): SyncAuth & { session(): Session; signIn(session: Session): void } {
  let session = options.session;
  let inFlight: Promise<Result<string, RefreshError>> | null = null;

  async function exchange(): Promise<Result<string, RefreshError>> {
    let response;
    try {
      response = await options.http.postJson(`${options.baseUrl}/api/auth/refresh`, { refreshToken: session.refreshToken }, {});
    } catch (error) {
      return err('UNREACHABLE', `Token refresh failed: ${String(error)}`);
    }
    if (response.status === 200 && isSession(response.body)) {
      session = response.body;
      options.onSession?.(session);
      return ok(session.accessToken);
    }
    if (response.status >= 500 || response.status === 429) return err('UNREACHABLE', `Token refresh failed with HTTP ${response.status}`);
    return err('SESSION_ENDED', `Sign in again (${failureCode(response.body) || `HTTP ${response.status}`})`);
  }

  return {
    accessToken: () => session.accessToken,
    session: () => session,
    /** After the session ended: the new sign-in's tokens (then `Replication.resume()`). */
    signIn(next) {
      session = next;
    },
    refresh(refused) {
      if (inFlight !== null) return inFlight;
      if (refused !== null && refused !== session.accessToken) return Promise.resolve(ok(session.accessToken));
      inFlight = exchange().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
