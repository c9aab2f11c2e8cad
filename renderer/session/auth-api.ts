import type { UserId } from '../../core/shared/ids.ts';
import { fetchHttp } from '../sync/fetch-transports.ts';

export type Role = 'agent' | 'manager' | 'admin';

/** Who is signed in, as the server described them at login; kept locally for offline starts. */
export interface SessionUser {
  readonly id: UserId;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly team: string;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Reads the `user` object of a login answer (or of local storage), tolerating `displayName` for `name`. */
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

/** `POST /api/auth/logout {refreshToken}`: best effort, the local sign-out happens anyway. */
export async function logout(baseUrl: string, refreshToken: string): Promise<void> {
  try {
    await fetchHttp.postJson(`${baseUrl}/api/auth/logout`, { refreshToken }, {});
  } catch {
    // Offline: the refresh token simply expires on the server.
  }
}
