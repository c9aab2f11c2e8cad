// startApp wired to a fake `electron` module: the order of the security set-up, the window, the
// IPC surface and the desktop features end to end inside the main process.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestValidators } from '../ipc/contract.ts';
import type { FakeElectronOptions } from './testing/fake-electron.ts';
import { fakeElectron } from './testing/fake-electron.ts';
import { nodeFiles } from './node-files.ts';
import { startApp } from './start-app.ts';
import type { UpdaterLike } from '../updates/update-service.ts';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'comptoir-start-'));
  await mkdir(path.join(base, 'renderer'), { recursive: true });
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>Comptoir</title>');
});
afterEach(() => rm(base, { recursive: true, force: true }));

async function start(options: Partial<FakeElectronOptions> & { argv?: string[]; env?: Record<string, string>; platform?: NodeJS.Platform } = {}) {
  const fake = fakeElectron({ paths: { userData: path.join(base, 'user'), documents: path.join(base, 'docs'), temp: path.join(base, 'tmp') }, ...options });
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const running = await startApp({
    electron: fake.electron,
    paths: { rendererDir: path.join(base, 'renderer'), preloadPath: '/app/dist/electron/preload.cjs', iconsDir: '/app/resources/icons', updateConfigFile: null },
    files: nodeFiles(),
    process: {
      platform: options.platform ?? 'linux',
      env: { COMPTOIR_POLICY_FILE: path.join(base, 'no-policy.json'), ...options.env },
      argv: options.argv ?? ['/usr/bin/comptoir'],
      execPath: '/usr/bin/comptoir',
      defaultApp: false,
    },
    createUpdater: (): UpdaterLike => {
      throw new Error('development builds do not update');
    },
    log,
    setInterval: vi.fn(),
  });
  return { ...fake, running, log };
}

describe('startApp', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { running, recorded, windows, calls } = await start({ lockGranted: false });
    expect(running).toBeNull();
    expect(recorded.quit).toBe(true);
    expect(windows).toHaveLength(0);
    expect(calls).not.toContain('ready');
  });

  it('secures everything before the window loads anything', async () => {
    const { calls, recorded } = await start();
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('ready'));
    expect(calls.indexOf('requestSingleInstanceLock')).toBeLessThan(calls.indexOf('ready'));
    expect(calls.indexOf('protocol.handle app')).toBeLessThan(calls.indexOf('new BrowserWindow'));
    expect(recorded.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(recorded.protocolClients).toEqual(['comptoir']);
  });

  it('opens one sandboxed, isolated window on app://', async () => {
    const { windows } = await start();
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window?.loadedUrl).toBe('app://comptoir/index.html');
    expect(window?.visible).toBe(true);
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: '/app/dist/electron/preload.cjs' });
  });

  it('registers a checked handler for every channel of the contract', async () => {
    const { handlers, invoke } = await start();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(requestValidators).sort());
    expect(await invoke('settings:get')).toMatchObject({ ok: true, value: { locale: 'fr', updateChannel: 'stable' } });
    expect(await invoke('settings:get', undefined, { url: 'https://evil.example/', parent: null })).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('serves the renderer with a CSP naming the configured server, and stamps it on every response', async () => {
    const { recorded, session } = await start({ env: { COMPTOIR_SERVER_URL: 'https://comptoir.example.com' } });
    const response = await recorded.protocolHandlers.get('app')?.(new Request('app://comptoir/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toContain("connect-src 'self' https://comptoir.example.com");
    let headers: Record<string, string[]> | undefined;
    session.headersListener?.({ url: 'https://comptoir.example.com/api/pull', responseHeaders: {} }, (answer) => void (headers = answer.responseHeaders));
    expect(headers?.['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(session.permissionCheck?.(null, 'media', 'app://comptoir')).toBe(false);
    expect(session.devicesAllowed?.()).toBe(false);
  });

  it('guards every web contents created later', async () => {
    const { app, recorded, windows } = await start();
    const contents = windows[0]?.webContents;
    app.emit('web-contents-created', {}, contents);
    const preventDefault = vi.fn();
    contents?.emit('will-navigate', { preventDefault }, 'https://www.example.com/cgv');
    expect(preventDefault).toHaveBeenCalled();
    expect(recorded.external).toEqual(['https://www.example.com/cgv']);
    expect(contents?.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('hands the launch deep link to the renderer once', async () => {
    const { invoke } = await start({ argv: ['/usr/bin/comptoir', 'comptoir://dossier/D-2026-000042'] });
    expect(await invoke('events:take-launch-dossier')).toEqual({ ok: true, value: 'D-2026-000042' });
    expect(await invoke('events:take-launch-dossier')).toEqual({ ok: true, value: null });
  });

  it('keeps a link that arrives before the renderer listens, and sends later ones', async () => {
    const { app, invoke, windows } = await start();
    app.emit('open-url', { preventDefault: vi.fn() }, 'comptoir://dossier/D-1');
    expect(windows[0]?.webContents.sent.filter((event) => event.channel === 'events:open-dossier')).toEqual([]);
    expect(await invoke('events:take-launch-dossier')).toEqual({ ok: true, value: 'D-1' });
    app.emit('open-url', { preventDefault: vi.fn() }, 'comptoir://dossier/D-2');
    expect(windows[0]?.webContents.sent).toContainEqual({ channel: 'events:open-dossier', payload: { dossierId: 'D-2', source: 'deep-link' } });
  });

  it('opens the dossier a second instance was launched for', async () => {
    const { app, invoke, windows } = await start();
    await invoke('events:take-launch-dossier');
    app.emit('second-instance', {}, ['/usr/bin/comptoir', 'comptoir://dossier/D-7/']);
    expect(windows[0]?.focused).toBe(true);
    expect(windows[0]?.webContents.sent).toContainEqual({ channel: 'events:open-dossier', payload: { dossierId: 'D-7', source: 'deep-link' } });
  });

  it('opens the dossier of a clicked notification', async () => {
    const { invoke, recorded, windows } = await start();
    await invoke('events:take-launch-dossier');
    await invoke('notifications:show', { kind: 'web-request', dossierId: 'D-9', title: 'Nouvelle demande', body: 'Formulaire du site' });
    recorded.notifications[0]?.emit('click');
    expect(windows[0]?.webContents.sent).toContainEqual({ channel: 'events:open-dossier', payload: { dossierId: 'D-9', source: 'notification' } });
  });

  it('shows the pending-sync count and builds a French menu that forwards commands', async () => {
    const { invoke, recorded, windows } = await start();
    await invoke('sync:set-pending-count', { count: 5 });
    expect(recorded.badgeCount).toBe(5);
    expect(recorded.trayToolTip).toBe('Comptoir — 5 modifications en attente de synchronisation');
    const file = recorded.menu?.template[0];
    expect(file?.label).toBe('Fichier');
    const newCall = (file?.submenu as { label?: string; click?: () => void }[]).find((item) => item.label === 'Nouvel appel');
    newCall?.click?.();
    expect(windows[0]?.webContents.sent).toContainEqual({ channel: 'events:menu-command', payload: 'new-call' });
  });

  it('switches the menu to English when the renderer does', async () => {
    const { invoke, recorded } = await start();
    await invoke('settings:set-locale', { locale: 'en' });
    expect(recorded.menu?.template[0]?.label).toBe('File');
  });

  it('warns once, in a dialog, when the token can only be stored in plain text', async () => {
    const { invoke, recorded } = await start({ safeStorageBackend: 'basic_text' });
    expect(await invoke('auth:store-refresh-token', { token: 'rt-1' })).toEqual({ ok: true, value: { protection: 'plain-text', backend: 'basic_text' } });
    await invoke('auth:store-refresh-token', { token: 'rt-2' });
    expect(recorded.messages).toHaveLength(1);
    expect(recorded.messages[0]?.title).toBe('Session enregistrée sans chiffrement');
    expect(await invoke('auth:read-refresh-token')).toEqual({ ok: true, value: 'rt-2' });
  });

  it('remembers where the window was', async () => {
    const first = await start({ displays: [{ x: 0, y: 0, width: 2560, height: 1400 }] });
    const window = first.windows[0];
    if (window === undefined) throw new Error('no window');
    window.options = { ...window.options, x: 300, y: 200, width: 1500, height: 900 };
    window.emit('close');
    await vi.waitFor(async () => JSON.parse(await readFile(path.join(base, 'user', 'window-state.json'), 'utf8')));
    const second = await start({ displays: [{ x: 0, y: 0, width: 2560, height: 1400 }] });
    expect(second.windows[0]?.options).toMatchObject({ x: 300, y: 200, width: 1500, height: 900 });
  });

  it('reports updates as disabled in a development build', async () => {
    const { invoke } = await start();
    expect(await invoke('updates:check')).toEqual({ ok: true, value: { state: 'disabled', reason: 'not-packaged' } });
  });
});
