/**
 * Every invoke channel of the contract, bound to the service that answers it. The map's type
 * lists every channel, so adding one to contract.ts without a handler here fails the build.
 * Sender and payload checks happen before these run (electron/ipc/handle.ts).
 */
import type { DossierId } from '../../core/shared/ids.ts';
import type { IpcResult, PrintOutcome, PrintRequest, SavePdfOutcome, SavePdfRequest } from '../bridge.ts';
import type { InvokeChannel } from '../ipc/contract.ts';
import type { Handler, IpcRouter } from '../ipc/handle.ts';
import type { createNotifications } from '../features/notifications.ts';
import type { createTokenStore } from '../features/token-store.ts';
import type { UpdateService } from '../updates/update-service.ts';
import type { SettingsService } from './load-settings.ts';

export interface DesktopServices<Win> {
  readonly mainWindow: () => Win | null;
  readonly documents: {
    savePdf(window: Win, request: SavePdfRequest): Promise<IpcResult<SavePdfOutcome>>;
    print(window: Win, request: PrintRequest): Promise<IpcResult<PrintOutcome>>;
  };
  readonly notifications: ReturnType<typeof createNotifications>;
  readonly badge: { setPendingCount(count: number): void };
  readonly tokens: ReturnType<typeof createTokenStore>;
  readonly settings: SettingsService;
  readonly updates: UpdateService;
  /** The dossier of the launch deep link, handed out once. */
  readonly takeLaunchDossier: () => DossierId | null;
}

const NO_WINDOW = { ok: false, error: { code: 'NO_WINDOW', message: 'The Comptoir window is not open.' } } as const;

export function ipcHandlers<Win>(services: DesktopServices<Win>): { readonly [C in InvokeChannel]: Handler<C, unknown> } {
  const withWindow = <T>(run: (window: Win) => Promise<IpcResult<T>>): Promise<IpcResult<T>> | typeof NO_WINDOW => {
    const window = services.mainWindow();
    return window === null ? NO_WINDOW : run(window);
  };
  return {
    'documents:save-pdf': (request) => withWindow((window) => services.documents.savePdf(window, request)),
    'documents:print': (request) => withWindow((window) => services.documents.print(window, request)),
    'notifications:show': (request) => services.notifications.show(request),
    'sync:set-pending-count': ({ count }) => {
      services.badge.setPendingCount(count);
      return { ok: true, value: null };
    },
    'auth:store-refresh-token': ({ token }) => services.tokens.store(token),
    'auth:read-refresh-token': () => services.tokens.read(),
    'auth:clear-refresh-token': () => services.tokens.clear(),
    'settings:get': () => services.settings.get(),
    'settings:set-server-url': ({ serverUrl }) => services.settings.setServerUrl(serverUrl),
    'settings:set-update-channel': ({ channel }) => services.settings.setUpdateChannel(channel),
    'settings:set-locale': ({ locale }) => services.settings.setLocale(locale),
    'updates:check': () => services.updates.check(),
    'updates:install-and-restart': () => services.updates.installAndRestart(),
    'events:take-launch-dossier': () => ({ ok: true, value: services.takeLaunchDossier() }),
  };
}

/** Registers the whole map on the router. */
export function registerIpcHandlers<Sender>(router: IpcRouter<Sender>, handlers: { readonly [C in InvokeChannel]: Handler<C, Sender> }): void {
  const register = <C extends InvokeChannel>(channel: C): void => router.handle(channel, handlers[channel]);
  for (const channel of Object.keys(handlers) as InvokeChannel[]) register(channel);
}
