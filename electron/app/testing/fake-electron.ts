/**
 * A recording stand-in for the `electron` module, shaped by electron-deps.ts, for start-app tests
 * (the Electron binary cannot run here). What the app asked for is kept in `recorded`, and `calls`
 * keeps the order of the calls that must happen before or after `ready`.
 */
import type { CustomScheme, MenuItemConstructorOptions } from 'electron';
import type { NotificationLike } from '../../features/notifications.ts';
import type { SafeStorageLike } from '../../features/token-store.ts';
import type { Rectangle } from '../../features/window-state.ts';
import type { SenderFrame } from '../../ipc/handle.ts';
import type { BrowserWindowLike, BrowserWindowOptions, ElectronModule, WebContentsLike } from '../electron-deps.ts';

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  /** Calls the listeners of an event with the given arguments. */
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

/** The default session: keeps the CSP listener and the permission handlers it was given. */
export function fakeSession() {
  const state = {
    headersListener: null as HeadersListener | null,
    permissionCheck: null as ((contents: unknown, permission: string, origin: string) => boolean) | null,
    devicesAllowed: null as (() => boolean) | null,
  };
  return Object.assign(state, {
    webRequest: {
      onHeadersReceived: (listener: HeadersListener) => {
        state.headersListener = listener;
      },
    },
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: (handler: (contents: unknown, permission: string, origin: string) => boolean) => {
      state.permissionCheck = handler;
    },
    setDevicePermissionHandler: (handler: () => boolean) => {
      state.devicesAllowed = handler;
    },
  });
}

export class FakeWebContents extends Emitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly session: WebContentsLike['session'];
  windowOpenHandler: ((details: { readonly url: string }) => { action: 'deny' }) | null = null;
  constructor(session: WebContentsLike['session']) {
    super();
    this.session = session;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  print(_options: unknown, callback: (success: boolean, failureReason: string) => void): void {
    callback(false, 'cancelled');
  }
}

export interface FakeElectronOptions {
  readonly lockGranted?: boolean;
  readonly isPackaged?: boolean;
  readonly locale?: string;
  readonly paths: { userData: string; documents: string; temp: string };
  readonly safeStorageBackend?: string;
  readonly displays?: Rectangle[];
}

type FakeMenu = { template: MenuItemConstructorOptions[] };

/** Builds a fresh fake `electron` module; every test gets its own. */
export function fakeElectron(options: FakeElectronOptions) {
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  const handlers = new Map<string, (event: { senderFrame: SenderFrame | null; sender: unknown }, payload: unknown) => Promise<unknown>>();
  const defaultSession = fakeSession();
  const displays = options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }];
  const recorded = {
    privileged: [] as CustomScheme[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    external: [] as string[],
    opened: [] as string[],
    messages: [] as { title: string; message: string }[],
    saveAnswer: { canceled: true } as { canceled: boolean; filePath?: string },
    menu: null as FakeMenu | null,
    notifications: [] as FakeNotification[],
    trayToolTip: '',
    badgeCount: 0,
    protocolClients: [] as string[],
    quit: false,
  };

  class FakeWindow extends Emitter implements BrowserWindowLike<string> {
    readonly webContents = new FakeWebContents(defaultSession);
    /** Writable so a test can "move" the window before it closes. */
    options: BrowserWindowOptions;
    loadedUrl = '';
    visible = false;
    focused = false;
    maximized = false;
    overlay: { image: string | null; description: string } | null = null;
    constructor(windowOptions: BrowserWindowOptions) {
      super();
      this.options = windowOptions;
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    async loadURL(url: string): Promise<void> {
      calls.push(`loadURL ${url}`);
      this.loadedUrl = url;
      this.emit('ready-to-show');
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    restore(): void {}
    maximize(): void {
      this.maximized = true;
    }
    isMinimized(): boolean {
      return false;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isDestroyed(): boolean {
      return false;
    }
    getNormalBounds(): Rectangle {
      const { x, y, width, height } = this.options;
      return { x, y, width, height };
    }
    setOverlayIcon(image: string | null, description: string): void {
      this.overlay = { image, description };
    }
  }

  class FakeNotification extends Emitter implements NotificationLike {
    readonly options: { title: string; body: string; silent: boolean };
    constructor(notificationOptions: { title: string; body: string; silent: boolean }) {
      super();
      this.options = notificationOptions;
    }
    static isSupported(): boolean {
      return true;
    }
    show(): void {
      recorded.notifications.push(this);
    }
  }

  const safeStorage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text) => Buffer.from(`enc:${text}`),
    decryptStringAsync: async (data) => ({ shouldReEncrypt: false, result: data.toString().slice(4) }),
    getSelectedStorageBackend: () => options.safeStorageBackend ?? 'gnome_libsecret',
  };

  const app = Object.assign(new Emitter(), {
    isPackaged: options.isPackaged ?? false,
    getVersion: () => '1.4.0',
    getLocale: () => options.locale ?? 'fr-FR',
    getPath: (name: 'userData' | 'documents' | 'temp') => options.paths[name],
    setAppUserModelId: () => {},
    setBadgeCount: (count?: number) => {
      recorded.badgeCount = count ?? 0;
      return true;
    },
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return options.lockGranted ?? true;
    },
    quit: () => {
      recorded.quit = true;
    },
    setAsDefaultProtocolClient: (protocol: string) => {
      recorded.protocolClients.push(protocol);
      return true;
    },
    whenReady: async () => {
      calls.push('ready');
    },
  });

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, listener: (event: { senderFrame: SenderFrame | null; sender: unknown }, payload: unknown) => Promise<unknown>) => {
        handlers.set(channel, listener);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: CustomScheme[]) => {
        calls.push('registerSchemesAsPrivileged');
        recorded.privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        calls.push(`protocol.handle ${scheme}`);
        recorded.protocolHandlers.set(scheme, handler);
      },
    },
    session: { defaultSession },
    shell: {
      openExternal: async (url: string) => void recorded.external.push(url),
      openPath: async (file: string) => {
        recorded.opened.push(file);
        return '';
      },
    },
    dialog: {
      showSaveDialog: async () => recorded.saveAnswer,
      showMessageBox: async (box: { title: string; message: string }) => void recorded.messages.push(box),
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]): FakeMenu => ({ template }),
      setApplicationMenu: (menu: FakeMenu) => {
        recorded.menu = menu;
      },
    },
    Notification: FakeNotification,
    safeStorage,
    screen: {
      getAllDisplays: () => displays.map((workArea) => ({ workArea })),
      getPrimaryDisplay: () => ({ workArea: displays[0] ?? { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    nativeImage: { createFromPath: (file: string) => `image:${file}` },
    Tray: class {
      setToolTip(text: string): void {
        recorded.trayToolTip = text;
      }
      on(): void {}
    },
  } satisfies ElectronModule<string, FakeMenu, FakeWindow>;

  /** Calls an IPC handler the way a renderer frame would. */
  function invoke(channel: string, payload?: unknown, frame: SenderFrame | null = { url: 'app://comptoir/index.html', parent: null }): Promise<unknown> {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`no IPC handler for ${channel}`);
    return handler({ senderFrame: frame, sender: windows[0]?.webContents }, payload);
  }

  return { electron, app, calls, windows, handlers, invoke, recorded, session: defaultSession };
}
