import type { IpcRendererEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComptoirBridge } from './bridge.ts';

// The preload runs `contextBridge.exposeInMainWorld` on import: capture what it exposes.
const exposed = vi.hoisted(() => ({ key: '', api: null as unknown }));
const ipcRenderer = vi.hoisted(() => ({
  invoke: vi.fn(async (...args: unknown[]): Promise<unknown> => ({ ok: true, value: args })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer,
}));

const { createBridge } = await import('./preload.ts');
const bridge = () => exposed.api as ComptoirBridge;

function allMembers(value: unknown, path = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([key, member]) => allMembers(member, path === '' ? key : `${path}.${key}`));
}

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.on.mockClear();
  ipcRenderer.removeListener.mockClear();
});

describe('preload bridge', () => {
  it('exposes window.comptoir and nothing that reaches ipcRenderer directly', () => {
    expect(exposed.key).toBe('comptoir');
    const members = allMembers(exposed.api);
    for (const [path, value] of members) {
      expect(value === ipcRenderer || value === ipcRenderer.invoke || value === ipcRenderer.on, path).toBe(false);
      expect(['function', 'string'].includes(typeof value), path).toBe(true);
    }
    expect(members.map(([path]) => path)).not.toContain('invoke');
  });

  it('passes no channel name from the page: each function has its own fixed channel', async () => {
    const api = bridge();
    const pdf = new Uint8Array([1]);
    await api.documents.savePdf({ suggestedName: 'Q-1.pdf', bytes: pdf, openAfterSave: false });
    await api.documents.print({ target: 'window' });
    await api.sync.setPendingCount(4);
    await api.auth.storeRefreshToken('rt');
    await api.auth.readRefreshToken();
    await api.settings.setServerUrl('https://comptoir.example.com');
    await api.settings.setUpdateChannel('beta');
    await api.updates.check();
    await api.events.takeLaunchDossier();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['documents:save-pdf', { suggestedName: 'Q-1.pdf', bytes: pdf, openAfterSave: false }],
      ['documents:print', { target: 'window' }],
      ['sync:set-pending-count', { count: 4 }],
      ['auth:store-refresh-token', { token: 'rt' }],
      ['auth:read-refresh-token'],
      ['settings:set-server-url', { serverUrl: 'https://comptoir.example.com' }],
      ['settings:set-update-channel', { channel: 'beta' }],
      ['updates:check'],
      ['events:take-launch-dossier'],
    ]);
  });

  it('forwards events without the IPC event object, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge().events.onOpenDossier(listener);
    const [channel, forward] = ipcRenderer.on.mock.calls[0] as [string, (event: IpcRendererEvent, payload: unknown) => void];
    expect(channel).toBe('events:open-dossier');
    const event = { sender: ipcRenderer } as unknown as IpcRendererEvent;
    forward(event, { dossierId: 'D-1', source: 'deep-link' });
    expect(listener).toHaveBeenCalledWith({ dossierId: 'D-1', source: 'deep-link' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('events:open-dossier', forward);
  });

  it('reads the platform and the version the main process passed', () => {
    const api = createBridge(ipcRenderer, { platform: 'win32', argv: ['comptoir.exe', '--type=renderer', '--comptoir-version=1.4.2'] });
    expect(api.platform).toBe('win32');
    expect(api.version).toBe('1.4.2');
    expect(createBridge(ipcRenderer, { platform: 'freebsd', argv: [] }).platform).toBe('linux');
  });
});
