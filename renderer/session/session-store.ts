import { create } from 'zustand';
import * as auth from './auth-api.ts';
import type { SessionUser } from './auth-api.ts';
import { readServerAddress, saveServerAddress, type ServerAddress, type ServerAddressError } from './server-address.ts';
import { clearRefreshToken, readRefreshToken, storeRefreshToken } from './token-vault.ts';

const USER_KEY = 'comptoir.user';

export type LoginErrorCode = auth.AuthErrorCode | 'MISSING_FIELDS';

export interface SessionState {
  /** `restoring` while the remembered user and server address are read at start-up. */
  readonly status: 'restoring' | 'signed-out' | 'signing-in' | 'signed-in';
  readonly user: SessionUser | null;
  readonly server: ServerAddress;
  readonly error: LoginErrorCode | null;
  /** The refresh token could not be encrypted at rest (Linux without keyring): say so in settings. */
  readonly tokenPlainText: boolean;
  /** The server refused our refresh token: local work goes on, syncing needs a new sign-in. */
  readonly signInRequired: boolean;
  restore(): Promise<void>;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setServer(url: string): Promise<ServerAddressError | null>;
  /** A valid access token for the sync server, refreshed when needed; null offline or signed out. */
  getAccessToken(): Promise<string | null>;
  /** The server answered 401 to this token: the next `getAccessToken` refreshes. */
  invalidateAccessToken(): void;
}

function rememberedUser(): SessionUser | null {
  try {
    return auth.parseUser(JSON.parse(localStorage.getItem(USER_KEY) ?? 'null'));
  } catch {
    return null;
  }
}

// Short-lived, so memory only; a refresh after a restart costs one request.
let accessToken: string | null = null;
let refreshing: Promise<string | null> | null = null;

export const sessionStore = create<SessionState>()((set, get) => ({
  status: 'restoring',
  user: null,
  server: { url: '', locked: false },
  error: null,
  tokenPlainText: false,
  signInRequired: false,

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
    const answer = await auth.login(get().server.url, email.trim(), password);
    if (!answer.ok) {
      set({ status: 'signed-out', error: answer.error.code });
      return;
    }
    accessToken = answer.value.accessToken;
    const stored = await storeRefreshToken(answer.value.refreshToken);
    localStorage.setItem(USER_KEY, JSON.stringify(answer.value.user));
    set({ status: 'signed-in', user: answer.value.user, error: null, tokenPlainText: stored.plainText, signInRequired: false });
  },

  async logout() {
    const token = await readRefreshToken();
    if (token !== null) await auth.logout(get().server.url, token).catch(() => undefined);
    await clearRefreshToken();
    accessToken = null;
    localStorage.removeItem(USER_KEY);
    set({ status: 'signed-out', user: null, signInRequired: false });
  },

  async setServer(url) {
    const saved = await saveServerAddress(url);
    if (!saved.ok) return saved.code;
    accessToken = null;
    set({ server: saved.value });
    return null;
  },

  async getAccessToken() {
    if (accessToken !== null) return accessToken;
    refreshing ??= (async () => {
      const token = await readRefreshToken();
      if (token === null) return null;
      const renewed = await auth.refresh(get().server.url, token);
      if (!renewed.ok) {
        if (renewed.error.code === 'INVALID_CREDENTIALS') set({ signInRequired: true });
        return null;
      }
      await storeRefreshToken(renewed.value.refreshToken);
      accessToken = renewed.value.accessToken;
      return accessToken;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  },

  invalidateAccessToken() {
    accessToken = null;
  },
}));

/** The signed-in user; only call below the signed-in gate. */
export function currentUser(): SessionUser {
  const user = sessionStore.getState().user;
  if (user === null) throw new Error('No signed-in user');
  return user;
}
