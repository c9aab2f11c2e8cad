import { desktopBridge } from '../bridge.ts';

const STORAGE_KEY = 'comptoir.serverUrl';

export type ServerAddressError = 'INVALID_SERVER_URL' | 'POLICY_LOCKED';

/** The configured server, `''` meaning "the page's own origin" (browser mode, DESIGN §1). */
export interface ServerAddress {
  readonly url: string;
  /** IT fixed it in the machine policy (desktop only): the gear shows it read-only. */
  readonly locked: boolean;
}

/** Reads the server address: the desktop settings, or what this browser remembers. */
export async function readServerAddress(): Promise<ServerAddress> {
  const bridge = desktopBridge();
  if (bridge) {
    const settings = await bridge.settings.get();
    if (settings.ok) return { url: settings.value.serverUrl ?? '', locked: settings.value.serverUrlLocked };
  }
  return { url: localStorage.getItem(STORAGE_KEY) ?? '', locked: false };
}

function isAcceptable(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Saves the address typed behind the gear (seed 003: server URL on the login screen). */
export async function saveServerAddress(input: string): Promise<{ ok: true; value: ServerAddress } | { ok: false; code: ServerAddressError }> {
  const trimmed = input.trim();
  const bridge = desktopBridge();
  if (bridge) {
    const saved = await bridge.settings.setServerUrl(trimmed);
    if (!saved.ok) return { ok: false, code: saved.error.code === 'POLICY_LOCKED' ? 'POLICY_LOCKED' : 'INVALID_SERVER_URL' };
    return { ok: true, value: { url: saved.value.serverUrl ?? '', locked: saved.value.serverUrlLocked } };
  }
  if (trimmed === '') {
    localStorage.removeItem(STORAGE_KEY);
    return { ok: true, value: { url: '', locked: false } };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, code: 'INVALID_SERVER_URL' };
  }
  if (!isAcceptable(url)) return { ok: false, code: 'INVALID_SERVER_URL' };
  localStorage.setItem(STORAGE_KEY, url.origin);
  return { ok: true, value: { url: url.origin, locked: false } };
}

/** An API URL on the configured server (`/api/...` on the page's origin when none is set). */
export function apiUrl(serverUrl: string, path: string): string {
  return serverUrl === '' ? path : new URL(path, serverUrl).toString();
}

/** The origin replication and sign-in talk to: the configured server, or the page's own origin. */
export function serverBaseUrl(address: ServerAddress): string {
  return address.url === '' ? location.origin : address.url.replace(/\/+$/, '');
}
