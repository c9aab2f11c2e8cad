// The update service driving electron-updater's real DebUpdater against a local HTTP feed.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateChannel, UpdateStatus } from '../bridge.ts';
import type { GenericFeedOptions } from './feed-options.ts';
import { channelFileName, updateFeedOptions } from './feed-options.ts';
import type { StaticFeedServer } from './testing/static-feed-server.ts';
import { startStaticFeedServer } from './testing/static-feed-server.ts';
import type { TestApp } from './testing/updater-harness.ts';
import { createRealUpdater, createTestApp, release, setStagingId } from './testing/updater-harness.ts';
import type { UpdaterLike } from './update-service.ts';
import { createUpdateService } from './update-service.ts';

const stable = channelFileName('stable', 'linux', process.arch);
const beta = channelFileName('beta', 'linux', process.arch);
// Staging ids whose last four bytes put them at the very start / end of the rollout range.
const EARLY_ID = '6ba7b810-9dad-41d1-80b4-000000000001';
const LATE_ID = '6ba7b810-9dad-41d1-80b4-00c0fffffff0';

let feed: StaticFeedServer;
beforeEach(async () => {
  feed = await startStaticFeedServer();
});
afterEach(() => feed.close());

function publish(version: string, channelFile: string, options: Parameters<typeof release>[1] = {}): void {
  const built = release(version, options);
  feed.files.set(built.installer.name, built.installer.bytes);
  feed.files.set(channelFile, built.channelFile);
}

async function service(app: TestApp, channel: UpdateChannel = 'stable') {
  const statuses: UpdateStatus[] = [];
  const updates = createUpdateService({
    updater: createRealUpdater(app),
    settings: () => ({ serverUrl: feed.url, updateChannel: channel, autoUpdate: true }),
    publish: (status) => statuses.push(status),
    log: () => {},
  });
  updates.configure();
  const settled = () =>
    vi.waitFor(
      () => {
        const last = statuses.at(-1);
        if (last?.state !== 'downloaded' && last?.state !== 'error') throw new Error(`still ${last?.state ?? 'idle'}`);
        return last;
      },
      { timeout: 5000, interval: 20 },
    );
  return { updates, statuses, settled };
}

describe('update feed layout', () => {
  it('points electron-updater at <server>/updates/ with the channel and single-range requests', () => {
    expect(updateFeedOptions('https://comptoir.example.com/', 'stable')).toEqual({
      provider: 'generic',
      url: 'https://comptoir.example.com/updates/',
      channel: 'latest',
      useMultipleRangeRequest: false,
    });
    expect(updateFeedOptions('https://intranet.example/comptoir', 'beta').url).toBe('https://intranet.example/comptoir/updates/');
  });

  it.each([
    ['stable', 'win32', 'x64', 'latest.yml'],
    ['stable', 'darwin', 'arm64', 'latest-mac.yml'],
    ['stable', 'linux', 'x64', 'latest-linux.yml'],
    ['stable', 'linux', 'arm64', 'latest-linux-arm64.yml'],
    ['beta', 'win32', 'arm64', 'beta.yml'],
    ['beta', 'darwin', 'x64', 'beta-mac.yml'],
    ['beta', 'linux', 'x64', 'beta-linux.yml'],
  ] as const)('%s on %s %s reads %s', (channel, platform, arch, file) => {
    expect(channelFileName(channel, platform, arch)).toBe(file);
  });
});

describe('updates with the real electron-updater', () => {
  it('finds no update when the feed has the running version', async () => {
    publish('1.4.0', stable);
    const { updates } = await service(await createTestApp('1.4.0'));
    expect(await updates.check()).toEqual({ ok: true, value: { state: 'not-available', version: '1.4.0' } });
    expect(feed.requests.map((request) => request.path)).toEqual([`/updates/${stable}`]);
  });

  it('downloads a newer version, checks its sha512 and reports it ready to install', async () => {
    publish('1.5.0', stable);
    const app = await createTestApp('1.4.0');
    const { updates, settled } = await service(app);
    expect(await updates.check()).toMatchObject({ ok: true, value: { state: 'downloading', version: '1.5.0' } });
    expect(await settled()).toEqual({ state: 'downloaded', version: '1.5.0' });
    const pending = path.join(app.baseCachePath, 'comptoir-updater', 'pending');
    expect(await readdir(pending)).toContain('Comptoir-1.5.0-linux-x64.deb');
    // The staging id rides along, so the server can see who asks.
    expect(feed.requests[0]?.headers['x-user-staging-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a download whose sha512 does not match the channel file', async () => {
    publish('1.5.0', stable, { tamperedSha512: true });
    const { updates, settled } = await service(await createTestApp('1.4.0'));
    await updates.check();
    const outcome = await settled();
    expect(outcome.state).toBe('error');
    expect(outcome.state === 'error' ? outcome.message : '').toMatch(/sha512 checksum mismatch/);
  });

  it('reads beta*.yml on the beta channel only', async () => {
    publish('1.4.0', stable);
    publish('1.5.0-beta.2', beta);
    const onStable = await service(await createTestApp('1.4.0'), 'stable');
    expect(await onStable.updates.check()).toMatchObject({ ok: true, value: { state: 'not-available', version: '1.4.0' } });
    const onBeta = await service(await createTestApp('1.4.0'), 'beta');
    expect(await onBeta.updates.check()).toMatchObject({ ok: true, value: { state: 'downloading', version: '1.5.0-beta.2' } });
    expect(await onBeta.settled()).toEqual({ state: 'downloaded', version: '1.5.0-beta.2' });
    expect(feed.requests.map((request) => request.path)).toEqual([`/updates/${stable}`, `/updates/${beta}`, '/updates/Comptoir-1.5.0-beta.2-linux-x64.deb']);
  });

  it('never downgrades: leaving beta keeps the beta build until stable catches up', async () => {
    publish('1.4.0', stable);
    const { updates } = await service(await createTestApp('1.5.0-beta.2'), 'stable');
    expect(await updates.check()).toEqual({ ok: true, value: { state: 'not-available', version: '1.4.0' } });
  });

  it('honours a staged rollout of 0 % and 100 %', async () => {
    publish('1.5.0', stable, { stagingPercentage: 0 });
    const none = await service(await createTestApp('1.4.0'));
    expect(await none.updates.check()).toMatchObject({ ok: true, value: { state: 'not-available' } });
    publish('1.5.0', stable, { stagingPercentage: 100 });
    const all = await service(await createTestApp('1.4.0'));
    expect(await all.updates.check()).toMatchObject({ ok: true, value: { state: 'downloading', version: '1.5.0' } });
    expect(await all.settled()).toEqual({ state: 'downloaded', version: '1.5.0' });
  });

  it('lets an install in at 10 % or not according to its staging id', async () => {
    publish('1.5.0', stable, { stagingPercentage: 10 });
    const early = await createTestApp('1.4.0');
    await setStagingId(early, EARLY_ID);
    const inRollout = await service(early);
    expect(await inRollout.updates.check()).toMatchObject({ ok: true, value: { state: 'downloading' } });
    await inRollout.settled();
    const late = await createTestApp('1.4.0');
    await setStagingId(late, LATE_ID);
    expect(await (await service(late)).updates.check()).toMatchObject({ ok: true, value: { state: 'not-available' } });
  });

  it('reports an unreachable or empty feed as UPDATE_FAILED', async () => {
    const { updates, statuses } = await service(await createTestApp('1.4.0'));
    const result = await updates.check();
    expect(result).toMatchObject({ ok: false, error: { code: 'UPDATE_FAILED' } });
    expect(statuses.at(-1)?.state).toBe('error');
  });
});

describe('update service without an updater to run', () => {
  const stub = () => {
    const mocks = {
      setFeedURL: vi.fn<(options: GenericFeedOptions) => void>(),
      quitAndInstall: vi.fn<(isSilent?: boolean, isForceRunAfter?: boolean) => void>(),
      // Each event has its own listener type; the tests pick one by name and call it with its payload.
      on: vi.fn<(event: string, listener: (...args: never[]) => void) => unknown>(),
    };
    const updater: UpdaterLike = { autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: true, checkForUpdates: async () => null, ...mocks };
    return { updater, ...mocks };
  };

  it('is disabled in a development build, without a server, or by policy', async () => {
    const base = { publish: vi.fn(), log: vi.fn() };
    const dev = createUpdateService({ ...base, updater: null, settings: () => ({ serverUrl: 'https://x.example', updateChannel: 'stable', autoUpdate: true }) });
    expect(await dev.check()).toEqual({ ok: true, value: { state: 'disabled', reason: 'not-packaged' } });
    const noServer = createUpdateService({ ...base, updater: stub().updater, settings: () => ({ serverUrl: null, updateChannel: 'stable', autoUpdate: true }) });
    expect(await noServer.check()).toEqual({ ok: true, value: { state: 'disabled', reason: 'no-server' } });
    const policy = createUpdateService({ ...base, updater: stub().updater, settings: () => ({ serverUrl: 'https://x.example', updateChannel: 'stable', autoUpdate: false }) });
    expect(await policy.check()).toEqual({ ok: true, value: { state: 'disabled', reason: 'policy' } });
  });

  it('turns downgrades off after pointing the feed (setting a channel turns them on)', () => {
    const { updater, setFeedURL } = stub();
    createUpdateService({ updater, settings: () => ({ serverUrl: 'https://x.example', updateChannel: 'beta', autoUpdate: true }), publish: vi.fn(), log: vi.fn() }).configure();
    expect(setFeedURL).toHaveBeenCalledWith(updateFeedOptions('https://x.example', 'beta'));
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('installs only a downloaded update', () => {
    const { updater, on, quitAndInstall } = stub();
    const updates = createUpdateService({ updater, settings: () => ({ serverUrl: 'https://x.example', updateChannel: 'stable', autoUpdate: true }), publish: vi.fn(), log: vi.fn() });
    expect(updates.installAndRestart()).toMatchObject({ ok: false, error: { code: 'UPDATE_FAILED' } });
    const downloaded = on.mock.calls.find(([event]) => event === 'update-downloaded')?.[1] as ((info: { version: string }) => void) | undefined;
    downloaded?.({ version: '1.5.0' });
    expect(updates.installAndRestart()).toEqual({ ok: true, value: null });
    expect(quitAndInstall).toHaveBeenCalledWith(false, true);
  });
});
