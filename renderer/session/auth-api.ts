import type { UserId } from '../../core/shared/ids.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import { apiUrl } from './server-address.ts';

export type Role = 'agent' | 'manager' | 'admin';

/** Who is signed in, as the server described them at login; kept locally for offline starts. */
export interface SessionUser {
  readonly id: UserId;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly team: string;
}

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export type AuthErrorCode = 'INVALID_CREDENTIALS' | 'SERVER_UNREACHABLE' | 'SERVER_ERROR';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Reads the `user` object of a login answer, tolerating `displayName` for `name`. */
export function parseUser(raw: unknown): SessionUser | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const id = text(record['id']);
  const email = text(record['email']) ?? '';
  const role = record['role'];
  if (id === null || (role !== 'agent' && role !== 'manager' && role !== 'admin')) return null;
  const name = text(record['name']) ?? text(record['displayName']) ?? email;
  return { id: id as UserId, email, name, role, team: text(record['team']) ?? '' };
}

function parseTokens(raw: Record<string, unknown>): Tokens | null {
  const accessToken = text(raw['accessToken']);
  const refreshToken = text(raw['refreshToken']);
  return accessToken && refreshToken ? { accessToken, refreshToken } : null;
}

async function post(serverUrl: string, path: string, body: unknown): Promise<Result<Record<string, unknown>, AuthErrorCode>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(serverUrl, path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return err('SERVER_UNREACHABLE', String(error));
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    return err('INVALID_CREDENTIALS', `HTTP ${response.status}`);
  }
  if (!response.ok) return err(response.status >= 500 && response.status !== 502 && response.status !== 504 ? 'SERVER_ERROR' : 'SERVER_UNREACHABLE', `HTTP ${response.status}`);
  try {
    const json: unknown = await response.json();
    return typeof json === 'object' && json !== null ? ok(json as Record<string, unknown>) : err('SERVER_ERROR', 'not an object');
  } catch {
    // A page that is not JSON (a proxy's error page, the dev server's index.html) is no server of ours.
    return err('SERVER_UNREACHABLE', 'the answer is not JSON');
  }
}

/** `POST /api/auth/login {email, password}` → tokens and the user. */
export async function login(serverUrl: string, email: string, password: string): Promise<Result<Tokens & { readonly user: SessionUser }, AuthErrorCode>> {
  const answer = await post(serverUrl, '/api/auth/login', { email, password });
  if (!answer.ok) return answer;
  const tokens = parseTokens(answer.value);
  const user = parseUser(answer.value['user']);
  if (tokens === null || user === null) return err('SERVER_ERROR', 'unexpected login answer');
  return ok({ ...tokens, user });
}

/** `POST /api/auth/refresh {refreshToken}` → a new pair (the old refresh token is spent). */
export async function refresh(serverUrl: string, refreshToken: string): Promise<Result<Tokens, AuthErrorCode>> {
  const answer = await post(serverUrl, '/api/auth/refresh', { refreshToken });
  if (!answer.ok) return answer;
  const tokens = parseTokens(answer.value);
  return tokens === null ? err('SERVER_ERROR', 'unexpected refresh answer') : ok(tokens);
}

/** `POST /api/auth/logout {refreshToken}`: best effort, the local sign-out happens anyway. */
export async function logout(serverUrl: string, refreshToken: string): Promise<void> {
  await post(serverUrl, '/api/auth/logout', { refreshToken });
}
