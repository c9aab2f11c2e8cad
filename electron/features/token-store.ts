/**
 * The refresh token, kept encrypted with Electron's `safeStorage` (DESIGN §10): the key lives in
 * the OS secret store (macOS Keychain, Windows DPAPI, libsecret/KWallet on Linux), so a copied
 * profile directory is useless on another account or machine. The async API is used
 * (`encryptStringAsync`, Electron ≥ 36): the sync one is deprecated and can block on a keyring prompt.
 *
 * On Linux without a keyring Electron falls back to its `basic_text` backend, which "encrypts"
 * with a hard-coded key: the token is then effectively plain text. It is still stored (otherwise
 * agents would log in at every start), the result says `plain-text`, and the user is warned once.
 */
import type { IpcResult, TokenStorageStatus } from '../bridge.ts';

/** The part of `safeStorage` used here. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Uint8Array>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only. */
  getSelectedStorageBackend(): string;
}

export interface TokenFiles {
  readonly read: (file: string) => Promise<Buffer | null>;
  readonly writeAtomic: (file: string, data: Uint8Array) => Promise<void>;
  readonly remove: (file: string) => Promise<void>;
}

export interface TokenStoreDeps {
  readonly safeStorage: SafeStorageLike;
  readonly platform: NodeJS.Platform;
  readonly file: string;
  readonly files: TokenFiles;
  /** Called the first time a token is stored in plain text (the caller shows a dialog). */
  readonly warnPlainText: (status: TokenStorageStatus) => void;
}

/** How the token is protected on this machine. */
export function tokenStorageStatus(safeStorage: SafeStorageLike, platform: NodeJS.Platform): TokenStorageStatus {
  if (platform === 'darwin') return { protection: 'encrypted', backend: 'keychain' };
  if (platform === 'win32') return { protection: 'encrypted', backend: 'dpapi' };
  const backend = safeStorage.getSelectedStorageBackend();
  // `unknown` is what Electron reports before it has chosen; treat it as unprotected to be safe.
  return { protection: backend === 'basic_text' || backend === 'unknown' ? 'plain-text' : 'encrypted', backend };
}

const UNAVAILABLE = {
  ok: false,
  error: { code: 'ENCRYPTION_UNAVAILABLE', message: 'The operating system secret store is not available; the session will not be remembered.' },
} as const;

export function createTokenStore(deps: TokenStoreDeps) {
  let warned = false;

  return {
    async store(token: string): Promise<IpcResult<TokenStorageStatus>> {
      if (!(await deps.safeStorage.isAsyncEncryptionAvailable())) return UNAVAILABLE;
      const status = tokenStorageStatus(deps.safeStorage, deps.platform);
      await deps.files.writeAtomic(deps.file, await deps.safeStorage.encryptStringAsync(token));
      if (status.protection === 'plain-text' && !warned) {
        warned = true;
        deps.warnPlainText(status);
      }
      return { ok: true, value: status };
    },

    async read(): Promise<IpcResult<string | null>> {
      const encrypted = await deps.files.read(deps.file);
      if (encrypted === null) return { ok: true, value: null };
      if (!(await deps.safeStorage.isAsyncEncryptionAvailable())) return UNAVAILABLE;
      let decrypted: { shouldReEncrypt: boolean; result: string };
      try {
        decrypted = await deps.safeStorage.decryptStringAsync(encrypted);
      } catch {
        // Encrypted under another OS account or a reset keyring: unusable, so forget it; the user logs in again.
        await deps.files.remove(deps.file);
        return { ok: true, value: null };
      }
      if (decrypted.shouldReEncrypt) {
        // The OS rotated the key: store the token again under the new one.
        await deps.files.writeAtomic(deps.file, await deps.safeStorage.encryptStringAsync(decrypted.result));
      }
      return { ok: true, value: decrypted.result };
    },

    async clear(): Promise<IpcResult<null>> {
      await deps.files.remove(deps.file);
      return { ok: true, value: null };
    },
  };
}
