import { desktopBridge } from '../bridge.ts';

// Browser fallback of the bridge's `auth` calls (electron/bridge.ts): the refresh token in
// IndexedDB, which, unlike localStorage, is not readable by every script synchronously.
const DB_NAME = 'comptoir-auth';
const STORE = 'tokens';
const KEY = 'refresh';

function openVault(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openVault();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = action(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

/** Keeps the refresh token with the OS secret store (desktop) or in IndexedDB (browser). */
export async function storeRefreshToken(token: string): Promise<{ readonly plainText: boolean }> {
  const bridge = desktopBridge();
  if (bridge) {
    const stored = await bridge.auth.storeRefreshToken(token);
    if (!stored.ok) throw new Error(`${stored.error.code}: ${stored.error.message}`);
    return { plainText: stored.value.protection === 'plain-text' };
  }
  await run('readwrite', (store) => store.put(token, KEY));
  return { plainText: false };
}

export async function readRefreshToken(): Promise<string | null> {
  const bridge = desktopBridge();
  if (bridge) {
    const read = await bridge.auth.readRefreshToken();
    return read.ok ? read.value : null;
  }
  const value = await run<unknown>('readonly', (store) => store.get(KEY));
  return typeof value === 'string' ? value : null;
}

export async function clearRefreshToken(): Promise<void> {
  const bridge = desktopBridge();
  if (bridge) {
    await bridge.auth.clearRefreshToken();
    return;
  }
  await run('readwrite', (store) => store.delete(KEY));
}
