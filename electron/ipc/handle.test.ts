import { describe, expect, it, vi } from 'vitest';
import type { InvokeEvent, IpcMainLike, SenderFrame } from './handle.ts';
import { createIpcRouter, untrustedSenderReason } from './handle.ts';

type Listener = (event: InvokeEvent<string>, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike<string> = { handle: (channel, listener) => void listeners.set(channel, listener) };
  return {
    ipcMain,
    invoke(channel: string, frame: SenderFrame | null, payload?: unknown) {
      const listener = listeners.get(channel);
      if (listener === undefined) throw new Error(`no handler for ${channel}`);
      return listener({ senderFrame: frame, sender: 'the-web-contents' }, payload);
    },
  };
}

const logger = () => ({ warn: vi.fn(), error: vi.fn() });
const appFrame: SenderFrame = { url: 'app://comptoir/index.html', parent: null };

describe('IPC sender validation (Electron security checklist §17)', () => {
  it("accepts the app's own top frame", () => {
    expect(untrustedSenderReason(appFrame)).toBeNull();
    expect(untrustedSenderReason({ url: 'app://comptoir/dossiers/D-1?tab=quote#line-3', parent: null })).toBeNull();
  });

  it.each([
    ['https://evil.example/', 'another web origin'],
    ['https://comptoir/', 'the app host on another scheme'],
    ['app://comptoir.evil.example/index.html', 'a look-alike host'],
    ['app://comptoir@evil.example/index.html', 'credentials tricking a prefix match'],
    ['app://evil/index.html', 'another app:// host'],
    ['file:///home/agent/index.html', 'a local file'],
    ['about:blank', 'a blank page'],
    ['not a url', 'garbage'],
  ])('rejects a frame at %s (%s)', (url) => {
    expect(untrustedSenderReason({ url, parent: null })).toMatch(/not on the app origin/);
  });

  it('rejects a sub-frame, even one on the app origin', () => {
    expect(untrustedSenderReason({ url: 'app://comptoir/embed.html', parent: appFrame })).toMatch(/sub-frame/);
  });

  it('rejects a frame that is gone', () => {
    expect(untrustedSenderReason(null)).toMatch(/gone/);
  });

  it('answers UNTRUSTED_SENDER and never runs the handler for a foreign frame', async () => {
    const fake = fakeIpcMain();
    const log = logger();
    const handler = vi.fn(() => ({ ok: true as const, value: null }));
    createIpcRouter(fake.ipcMain, log).handle('sync:set-pending-count', handler);
    const answer = await fake.invoke('sync:set-pending-count', { url: 'https://evil.example/', parent: null }, { count: 3 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(handler).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('sync:set-pending-count refused'));
  });

  it('runs the handler for the app frame with the validated request and the sender', async () => {
    const fake = fakeIpcMain();
    const handler = vi.fn(() => ({ ok: true as const, value: null }));
    createIpcRouter(fake.ipcMain, logger()).handle('sync:set-pending-count', handler);
    await expect(fake.invoke('sync:set-pending-count', appFrame, { count: 3 })).resolves.toEqual({ ok: true, value: null });
    expect(handler).toHaveBeenCalledWith({ count: 3 }, 'the-web-contents');
  });
});

describe('IPC payload validation', () => {
  it.each([
    [{ count: -1 }, 'payload.count'],
    [{ count: 1.5 }, 'payload.count'],
    [{ count: '3' }, 'payload.count'],
    [{ count: 3, extra: true }, 'payload.extra'],
    [null, 'payload'],
    ['3', 'payload'],
  ])('answers INVALID_PAYLOAD for %j and never runs the handler', async (payload, path) => {
    const fake = fakeIpcMain();
    const handler = vi.fn(() => ({ ok: true as const, value: null }));
    createIpcRouter(fake.ipcMain, logger()).handle('sync:set-pending-count', handler);
    const answer = (await fake.invoke('sync:set-pending-count', appFrame, payload)) as { ok: false; error: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('INVALID_PAYLOAD');
    expect(answer.error.message).toContain(path);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('IPC handler failures', () => {
  it('turns a thrown error into INTERNAL with its first line only, and logs the whole error', async () => {
    const fake = fakeIpcMain();
    const log = logger();
    const boom = new Error('disk full\n    at secret (/home/agent/app/main.cjs:1:1)');
    createIpcRouter(fake.ipcMain, log).handle('settings:get', () => {
      throw boom;
    });
    const answer = (await fake.invoke('settings:get', appFrame)) as { ok: false; error: { code: string; message: string } };
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'settings:get failed: disk full' } });
    expect(JSON.stringify(answer)).not.toContain('main.cjs');
    expect(log.error).toHaveBeenCalledWith('IPC settings:get failed', boom);
  });

  it('passes expected failures through as values', async () => {
    const fake = fakeIpcMain();
    createIpcRouter(fake.ipcMain, logger()).handle('settings:set-server-url', () => ({
      ok: false,
      error: { code: 'POLICY_LOCKED', message: 'Set by IT.' },
    }));
    await expect(fake.invoke('settings:set-server-url', appFrame, { serverUrl: 'https://x.example' })).resolves.toEqual({
      ok: false,
      error: { code: 'POLICY_LOCKED', message: 'Set by IT.' },
    });
  });
});
