/**
 * Runs electron-updater's real classes in plain Node (DESIGN §2: no Electron binary here). Only
 * the two Electron-bound edges are replaced: the app adapter (version, userData, cache dir) and
 * the HTTP executor (electron `net` → node:http). Everything else — the generic provider, the
 * channel file names, `stagingPercentage`, the sha512 check of the download — is the shipped code.
 * Used by electron/updates/update-service.test.ts and test/electron/update-feed.test.ts.
 */
import { createHash } from 'node:crypto';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { request } from 'node:http';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DownloadOptions } from 'builder-util-runtime';
import { HttpExecutor, configureRequestOptions, configureRequestUrl } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';

/** electron-updater's HTTP layer over node:http instead of Electron's `net`. */
export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback);
  }

  /** Same as ElectronHttpExecutor.download, which DebUpdater calls. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error) => (error === null || error === undefined ? resolve(destination) : reject(error)), responseHandler: null },
        0,
      );
    });
  }
}

/** A stand-in for the Electron app as electron-updater sees it. */
export interface TestApp extends AppAdapter {
  readonly userDataPath: string;
}

export async function createTestApp(version: string): Promise<TestApp> {
  const base = await mkdtemp(path.join(tmpdir(), 'comptoir-updater-'));
  const userDataPath = path.join(base, 'userData');
  const baseCachePath = path.join(base, 'cache');
  await mkdir(userDataPath, { recursive: true });
  // What electron-builder writes to resources/app-update.yml; the feed URL itself is set at run time.
  const appUpdateConfigPath = path.join(base, 'app-update.yml');
  await writeFile(appUpdateConfigPath, 'provider: generic\nurl: https://unset.invalid/updates/\nupdaterCacheDirName: comptoir-updater\n');
  return {
    version,
    name: 'Comptoir',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath,
    baseCachePath,
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
}

/** Pins the per-install staging id electron-updater keeps in userData/.updaterId. */
export async function setStagingId(app: TestApp, uuid: string): Promise<void> {
  await writeFile(path.join(app.userDataPath, '.updaterId'), uuid);
}

/**
 * A real DebUpdater (the Linux .deb flavour: its download needs no AppImage and no Electron) on
 * the test app, talking HTTP through node:http, logging nowhere.
 */
export function createRealUpdater(app: TestApp): DebUpdater {
  const updater = new DebUpdater(null, app);
  // The executor is internal to electron-updater (constructed from Electron's `net` when no app
  // adapter is given); it is the one field that has to be swapped for plain Node.
  (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
  // electron-updater's own test hook: ask for the Linux channel files whatever OS runs the tests.
  (updater as unknown as { _testOnlyOptions: { platform: 'linux' } })._testOnlyOptions = { platform: 'linux' };
  updater.logger = null;
  return updater;
}

export interface ReleaseFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The installer of a fake release and the channel file describing it, as electron-builder writes them. */
export function release(version: string, options: { stagingPercentage?: number; tamperedSha512?: boolean } = {}): { installer: ReleaseFile; channelFile: string } {
  const name = `Comptoir-${version}-linux-x64.deb`;
  const bytes = new TextEncoder().encode(`fake installer for Comptoir ${version}\n`.repeat(64));
  const sha512 = createHash('sha512')
    .update(options.tamperedSha512 === true ? new TextEncoder().encode('something else') : bytes)
    .digest('base64');
  const lines = [
    `version: ${version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${sha512}`,
    `    size: ${bytes.byteLength}`,
    `path: ${name}`,
    `sha512: ${sha512}`,
    `releaseDate: '2026-11-20T09:00:00.000Z'`,
    ...(options.stagingPercentage === undefined ? [] : [`stagingPercentage: ${options.stagingPercentage}`]),
  ];
  return { installer: { name, bytes }, channelFile: `${lines.join('\n')}\n` };
}
