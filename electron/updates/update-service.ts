/**
 * Auto-update from the sync server with electron-updater (DESIGN §10, §11). The updater is
 * injected — electron-updater's `autoUpdater` in the app, a real `DebUpdater` on a test
 * adapter in the tests — and re-pointed whenever the server or the channel changes.
 *
 * Policy:
 * - downgrades are never installed (`allowDowngrade = false`): leaving the beta channel keeps the
 *   beta build until stable catches up, and a rollback is shipped as a higher version;
 * - the update downloads in the background and installs when the app quits, or at once when the
 *   user clicks "Restart to update";
 * - `stagingPercentage` in the channel file is honoured by electron-updater itself (a per-install
 *   random id in userData/.updaterId decides who is in the rollout).
 */
import type { IpcResult, UpdateChannel, UpdateStatus } from '../bridge.ts';
import type { GenericFeedOptions } from './feed-options.ts';
import { updateFeedOptions } from './feed-options.ts';

/** The part of electron-updater's `AppUpdater` used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: GenericFeedOptions): void;
  checkForUpdates(): Promise<{
    readonly isUpdateAvailable: boolean;
    readonly updateInfo: { readonly version: string };
    readonly downloadPromise?: Promise<unknown> | null;
  } | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: { readonly version: string }) => void): unknown;
  on(event: 'update-not-available', listener: (info: { readonly version: string }) => void): unknown;
  on(event: 'download-progress', listener: (info: { readonly percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { readonly version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateSettings {
  readonly serverUrl: string | null;
  readonly updateChannel: UpdateChannel;
  readonly autoUpdate: boolean;
}

export interface UpdateServiceDeps {
  /** Null when the app is not packaged: electron-updater cannot install over a development build. */
  readonly updater: UpdaterLike | null;
  readonly settings: () => UpdateSettings;
  /** Pushes every status change to the renderer. */
  readonly publish: (status: UpdateStatus) => void;
  readonly log: (message: string) => void;
}

export function createUpdateService(deps: UpdateServiceDeps) {
  const { updater } = deps;
  let status: UpdateStatus = { state: 'idle' };
  let pendingVersion = '';
  const set = (next: UpdateStatus): UpdateStatus => {
    status = next;
    deps.publish(next);
    return next;
  };

  function disabledReason(): 'not-packaged' | 'no-server' | 'policy' | null {
    const settings = deps.settings();
    if (updater === null) return 'not-packaged';
    if (!settings.autoUpdate) return 'policy';
    if (settings.serverUrl === null) return 'no-server';
    return null;
  }

  if (updater !== null) {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.on('checking-for-update', () => set({ state: 'checking' }));
    updater.on('update-available', (info) => {
      pendingVersion = info.version;
      set({ state: 'downloading', version: info.version, percent: 0 });
    });
    updater.on('update-not-available', (info) => set({ state: 'not-available', version: info.version }));
    updater.on('download-progress', (info) => set({ state: 'downloading', version: pendingVersion, percent: Math.round(info.percent) }));
    updater.on('update-downloaded', (info) => set({ state: 'downloaded', version: info.version }));
    updater.on('error', (error) => {
      deps.log(`update failed: ${error.stack ?? error.message}`);
      set({ state: 'error', message: error.message.split('\n', 1)[0] ?? 'Update failed' });
    });
  }

  // Read through a function: the updater's event listeners change `status` while `check` awaits.
  const current = (): UpdateStatus => status;

  return {
    status: current,

    /** Points the updater at the current server and channel; call again after a settings change. */
    configure(): UpdateStatus {
      const reason = disabledReason();
      const settings = deps.settings();
      if (reason !== null || updater === null || settings.serverUrl === null) return set({ state: 'disabled', reason: reason ?? 'no-server' });
      updater.setFeedURL(updateFeedOptions(settings.serverUrl, settings.updateChannel));
      // Set after the feed: electron-updater turns downgrades on when a channel is set.
      updater.allowDowngrade = false;
      return status.state === 'disabled' ? set({ state: 'idle' }) : status;
    },

    async check(): Promise<IpcResult<UpdateStatus>> {
      const reason = disabledReason();
      if (reason !== null || updater === null) return { ok: true, value: set({ state: 'disabled', reason: reason ?? 'not-packaged' }) };
      // A download already under way or finished: checking again would only restart it.
      if (status.state === 'downloading' || status.state === 'downloaded') return { ok: true, value: status };
      try {
        const result = await updater.checkForUpdates();
        if (result === null) return { ok: true, value: set({ state: 'disabled', reason: 'not-packaged' }) };
        if (!result.isUpdateAvailable) return { ok: true, value: set({ state: 'not-available', version: result.updateInfo.version }) };
        // A failed download is reported by the updater's `error` event; the promise must not go unhandled.
        result.downloadPromise?.catch(() => {});
        // The updater's events may already have moved the status on (download started or done).
        const now = current();
        if (now.state === 'downloading' || now.state === 'downloaded') return { ok: true, value: now };
        return { ok: true, value: set({ state: 'downloading', version: result.updateInfo.version, percent: 0 }) };
      } catch (error) {
        const message = error instanceof Error ? (error.message.split('\n', 1)[0] ?? '') : String(error);
        set({ state: 'error', message });
        return { ok: false, error: { code: 'UPDATE_FAILED', message } };
      }
    },

    installAndRestart(): IpcResult<null> {
      if (updater === null || status.state !== 'downloaded') {
        return { ok: false, error: { code: 'UPDATE_FAILED', message: 'No update has been downloaded yet.' } };
      }
      // Not silent (the Windows installer shows its progress), and relaunch afterwards.
      updater.quitAndInstall(false, true);
      return { ok: true, value: null };
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
