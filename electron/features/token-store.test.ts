import { describe, expect, it, vi } from 'vitest';
import type { SafeStorageLike, TokenFiles } from './token-store.ts';
import { createTokenStore } from './token-store.ts';

// A stand-in for safeStorage: "encrypts" by prefixing, so tests can see what was written.
function fakeSafeStorage(backend: string, available = true): SafeStorageLike & { rotated: boolean } {
  return {
    rotated: false,
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (text) => Buffer.from(`enc:${text}`),
    async decryptStringAsync(data) {
      const text = data.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { shouldReEncrypt: this.rotated, result: text.slice(4) };
    },
    getSelectedStorageBackend: () => backend,
  };
}

function memoryFiles(): TokenFiles & { data: Map<string, Buffer> } {
  const data = new Map<string, Buffer>();
  return {
    data,
    read: async (file) => data.get(file) ?? null,
    writeAtomic: async (file, bytes) => void data.set(file, Buffer.from(bytes)),
    remove: async (file) => void data.delete(file),
  };
}

function store(backend: string, platform: NodeJS.Platform = 'linux', available = true) {
  const files = memoryFiles();
  const safeStorage = fakeSafeStorage(backend, available);
  const warnPlainText = vi.fn();
  return { tokens: createTokenStore({ safeStorage, platform, file: '/user/refresh-token.bin', files, warnPlainText }), files, safeStorage, warnPlainText };
}

describe('refresh token storage', () => {
  it('stores the token encrypted and reads it back', async () => {
    const { tokens, files, warnPlainText } = store('gnome_libsecret');
    expect(await tokens.store('rt-123')).toEqual({ ok: true, value: { protection: 'encrypted', backend: 'gnome_libsecret' } });
    expect(files.data.get('/user/refresh-token.bin')?.toString()).toBe('enc:rt-123');
    expect(await tokens.read()).toEqual({ ok: true, value: 'rt-123' });
    expect(warnPlainText).not.toHaveBeenCalled();
  });

  it('warns once when Linux falls back to the plain-text backend', async () => {
    const { tokens, warnPlainText } = store('basic_text');
    expect(await tokens.store('rt-1')).toEqual({ ok: true, value: { protection: 'plain-text', backend: 'basic_text' } });
    await tokens.store('rt-2');
    expect(warnPlainText).toHaveBeenCalledTimes(1);
    expect(warnPlainText).toHaveBeenCalledWith({ protection: 'plain-text', backend: 'basic_text' });
    expect(await tokens.read()).toEqual({ ok: true, value: 'rt-2' });
  });

  it('reports the OS store on macOS and Windows without asking for a Linux backend', async () => {
    expect((await store('unused', 'darwin').tokens.store('t'))).toEqual({ ok: true, value: { protection: 'encrypted', backend: 'keychain' } });
    expect((await store('unused', 'win32').tokens.store('t'))).toEqual({ ok: true, value: { protection: 'encrypted', backend: 'dpapi' } });
  });

  it('refuses to store when no encryption is available at all', async () => {
    const { tokens, files } = store('unknown', 'linux', false);
    expect(await tokens.store('rt')).toMatchObject({ ok: false, error: { code: 'ENCRYPTION_UNAVAILABLE' } });
    expect(files.data.size).toBe(0);
  });

  it('answers null when no token is stored, and after clearing', async () => {
    const { tokens } = store('kwallet5');
    expect(await tokens.read()).toEqual({ ok: true, value: null });
    await tokens.store('rt');
    await tokens.clear();
    expect(await tokens.read()).toEqual({ ok: true, value: null });
  });

  it('forgets a token it can no longer decrypt (another account, reset keyring)', async () => {
    const { tokens, files } = store('gnome_libsecret');
    files.data.set('/user/refresh-token.bin', Buffer.from('garbage'));
    expect(await tokens.read()).toEqual({ ok: true, value: null });
    expect(files.data.has('/user/refresh-token.bin')).toBe(false);
  });

  it('re-encrypts when the OS rotated its key', async () => {
    const { tokens, files, safeStorage } = store('gnome_libsecret');
    await tokens.store('rt');
    safeStorage.rotated = true;
    const writes = vi.spyOn(files, 'writeAtomic');
    expect(await tokens.read()).toEqual({ ok: true, value: 'rt' });
    expect(writes).toHaveBeenCalledTimes(1);
  });
});
