import { create } from 'zustand';
import { login, type LoginError, type Session } from '../../core/replication/index.ts';
import { fetchHttp } from '../sync/fetch-transports.ts';
import * as auth from './auth-api.ts';
import type { SessionUser } from './auth-api.ts';
import { readServerAddress, saveServerAddress, serverBaseUrl, type ServerAddress, type ServerAddressError } from './server-address.ts';
import { clearRefreshToken, readRefreshToken, storeRefreshToken } from './token-vault.ts';

const USER_KEY = 'comptoir.user';

export type LoginErrorCode = LoginError | 'MISSING_FIELDS';

export interface SessionState {
  /** `restoring` while the remembered user and server address are read at start-up. */
  readonly status: 'restoring' | 'signed-out' | 'signing-in' | 'signed-in';
  readonly user: SessionUser | null;
  readonly server: ServerAddress;
  readonly error: LoginErrorCode | null;
  /** The refresh token could not be encrypted at rest (Linux without keyring): say so in settings. */
  readonly tokenPlainText: boolean;
  restore(): Promise<void>;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setServer(url: string): Promise<ServerAddressError | null>;
}

function rememberedUser(): SessionUser | null {
  try {
    return auth.parseUser(JSON.parse(localStorage.getItem(USER_KEY) ?? 'null'));
  } catch {
    return null;
  }
}

// The access token is short-lived: memory only. After a restart the sync engine starts from the
// stored refresh token (see `resumableSession`).
let liveSession: Session | null = null;

export const sessionStore = create<SessionState>()((set, get) => ({
  status: 'restoring',
  user: null,
  server: { url: '', locked: false },
  error: null,
  tokenPlainText: false,

  async restore() {
    const server = await readServerAddress();
    const user = rememberedUser();
    // After the first sign-in the app opens on local data, network or not (issue 4 "Connect").
    set({ server, user, status: user ? 'signed-in' : 'signed-out' });
  },

  async login(email, password) {
    if (email.trim() === '' || password === '') {
      set({ error: 'MISSING_FIELDS' });
      return;
    }
    set({ status: 'signing-in', error: null });
    const answer = await login(fetchHttp, serverBaseUrl(get().server), email.trim(), password);
    const user = answer.ok ? auth.parseUser(answer.value.user) : null;
    if (!answer.ok || user === null) {
      set({ status: 'signed-out', error: answer.ok ? 'INVALID_RESPONSE' : answer.error.code });
      return;
    }
    liveSession = answer.value;
    const stored = await storeRefreshToken(answer.value.refreshToken);
    localStorage.setItem(USER_KEY, JSON.stringify(user));
    set({ status: 'signed-in', user, error: null, tokenPlainText: stored.plainText });
  },

  async logout() {
    const token = liveSession?.refreshToken ?? (await readRefreshToken());
    if (token !== null) await auth.logout(serverBaseUrl(get().server), token);
    await clearRefreshToken();
    liveSession = null;
    localStorage.removeItem(USER_KEY);
    set({ status: 'signed-out', user: null });
  },

  async setServer(url) {
    const saved = await saveServerAddress(url);
    if (!saved.ok) return saved.code;
    set({ server: saved.value });
    return null;
  },
}));

/**
 * The session replication starts from: the one of this run's sign-in, or one rebuilt from the stored
 * refresh token (its empty access token is refused once and refreshed). Null when this device holds
 * no refresh token: the app then works on local data only.
 */
export async function resumableSession(): Promise<Session | null> {
  const user = sessionStore.getState().user;
  if (user === null) return null;
  if (liveSession !== null && liveSession.user.id === user.id) return liveSession;
  const refreshToken = await readRefreshToken();
  if (refreshToken === null) return null;
  return { accessToken: '', accessTokenExpiresAt: new Date(0).toISOString(), refreshToken, user };
}

/** Keeps a rotated refresh token (every refresh spends the previous one). */
export async function rememberSession(session: Session): Promise<void> {
  liveSession = session;
  await storeRefreshToken(session.refreshToken);
}

/** The signed-in user; only call below the signed-in gate. */
export function currentUser(): SessionUser {
  const user = sessionStore.getState().user;
  if (user === null) throw new Error('No signed-in user');
  return user;
}
