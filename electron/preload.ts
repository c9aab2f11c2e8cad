/**
 * The preload: exposes `window.comptoir` and nothing else, in the manner of Actual's preload.ts.
 * - Explicit functions only: no raw `ipcRenderer`, no function taking a channel name (Electron
 *   security checklist §20 "Do not expose Electron APIs to untrusted web content"). A page that is
 *   compromised can still only call these functions, and the main process validates each call.
 * - The bridge is an object literal checked with `satisfies ComptoirBridge`, the type the renderer
 *   imports: a missing or mistyped function fails the build here rather than at run time there.
 * - The IPC event object never reaches the page (it carries `sender`, i.e. `ipcRenderer` itself).
 * It runs in a sandboxed renderer (sandbox: true), so it is bundled into one CommonJS file and may
 * only require `electron` (electron/build/bundle.ts).
 */
import type { IpcRendererEvent } from 'electron';
import { contextBridge, ipcRenderer } from 'electron';
import type { ComptoirBridge, IpcResult, Unsubscribe } from './bridge.ts';
import type { EventChannel, EventChannels, InvokeChannel, RequestOf, ResponseOf } from './ipc/contract.ts';
import { VERSION_SWITCH } from './preload-switches.ts';

/** The part of `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
}

/** What the preload knows about its process (a sandboxed preload still has these `process` fields). */
export interface PreloadProcess {
  readonly platform: string;
  readonly argv: readonly string[];
}

/** Builds the bridge over an `ipcRenderer`; exported so tests can drive it with a fake. */
export function createBridge(ipc: IpcRendererLike, processInfo: PreloadProcess) {
  function invoke<C extends InvokeChannel>(channel: C, ...request: RequestOf<C> extends null ? [] : [RequestOf<C>]): Promise<IpcResult<ResponseOf<C>>> {
    // The main process answers with the IpcResult its typed handler returned (electron/ipc/handle.ts).
    return ipc.invoke(channel, ...request) as Promise<IpcResult<ResponseOf<C>>>;
  }

  function subscribe<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): Unsubscribe {
    // The main process sends only what EventChannels declares (electron/ipc/send.ts is typed by it).
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as EventChannels[C]);
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  }

  const platform = processInfo.platform === 'darwin' || processInfo.platform === 'win32' ? processInfo.platform : 'linux';
  const version = processInfo.argv.find((arg) => arg.startsWith(VERSION_SWITCH))?.slice(VERSION_SWITCH.length) ?? '0.0.0';

  return {
    platform,
    version,
    documents: {
      savePdf: (request) => invoke('documents:save-pdf', request),
      print: (request) => invoke('documents:print', request),
    },
    notifications: {
      show: (notification) => invoke('notifications:show', notification),
    },
    sync: {
      setPendingCount: (count) => invoke('sync:set-pending-count', { count }),
    },
    auth: {
      storeRefreshToken: (token) => invoke('auth:store-refresh-token', { token }),
      readRefreshToken: () => invoke('auth:read-refresh-token'),
      clearRefreshToken: () => invoke('auth:clear-refresh-token'),
    },
    settings: {
      get: () => invoke('settings:get'),
      setServerUrl: (serverUrl) => invoke('settings:set-server-url', { serverUrl }),
      setUpdateChannel: (channel) => invoke('settings:set-update-channel', { channel }),
      setLocale: (locale) => invoke('settings:set-locale', { locale }),
    },
    updates: {
      check: () => invoke('updates:check'),
      installAndRestart: () => invoke('updates:install-and-restart'),
      onStatus: (listener) => subscribe('updates:status', listener),
    },
    events: {
      takeLaunchDossier: () => invoke('events:take-launch-dossier'),
      onOpenDossier: (listener) => subscribe('events:open-dossier', listener),
      onMenuCommand: (listener) => subscribe('events:menu-command', listener),
    },
  } satisfies ComptoirBridge;
}

contextBridge.exposeInMainWorld('comptoir', createBridge(ipcRenderer, process));
