// The desktop's real electron-updater client (electron/updates/) against the sync server's real
// update feed: buildApp's GET /updates/<file>, filled by `admin release publish` (publish.ts).
// update-feed.test.ts runs the same client against a stand-in built only from feed.ts's rules.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateChannel, UpdateStatus } from '../../electron/bridge.ts';
import { channelFileName } from '../../electron/updates/feed-options.ts';
import { createRealUpdater, createTestApp, release, setStagingId, type TestApp } from '../../electron/updates/testing/updater-harness.ts';
import { createUpdateService } from '../../electron/updates/update-service.ts';
import type { FeedChannel } from '../../sync-server/updates/feed.ts';
import { publishRelease, setRolloutPercentage } from '../../sync-server/updates/publish.ts';
import { build } from '../server/support/build.ts';
import { writeBuild } from '../server/support/release-builds.ts';
import { listen } from '../server/support/sync-client.ts';
import { openTestDatabase, type TestDatabase } from '../server/support/test-db.ts';

const stable = channelFileName('stable', 'linux', process.arch);
const linuxSuffix = stable.replace(/^latest/, '').replace(/\.yml$/, '');
// Staging ids whose last four bytes put them at the very start / end of the rollout range.
const EARLY_ID = '6ba7b810-9dad-41d1-80b4-000000000001';
const LATE_ID = '6ba7b810-9dad-41d1-80b4-00c0fffffff0';

let tdb: TestDatabase;
let server: FastifyInstance;
let url: string;
let feed: string;
const builds: string[] = [];

beforeAll(async () => {
  tdb = await openTestDatabase('pglite', 'update-feed');
}, 60_000);
afterAll(async () => tdb.destroy());

beforeEach(async () => {
  feed = await mkdtemp(path.join(tmpdir(), 'comptoir-feed-'));
  server = await build(tdb.db, { releasesDir: feed });
  url = await listen(server);
});
afterEach(async () => {
  await server.close();
  for (const dir of [feed, ...builds.splice(0)]) await rm(dir, { recursive: true, force: true });
});

/** `npm run admin -- release publish <build> [--channel] [--staging]` for a fake Linux build. */
async function publish(version: string, options: { channel?: FeedChannel; stagingPercentage?: number } = {}): Promise<void> {
  const built = writeBuild(version, { linuxSuffix });
  builds.push(built.dir);
  const result = await publishRelease({ sourceDir: built.dir, releasesDir: feed, ...options });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
}

async function service(app: TestApp, channel: UpdateChannel = 'stable') {
  const statuses: UpdateStatus[] = [];
  const updates = createUpdateService({
    updater: createRealUpdater(app),
    settings: () => ({ serverUrl: url, updateChannel: channel, autoUpdate: true }),
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
  return { updates, settled };
}

describe('the desktop updater against the sync server feed', () => {
  it('updates a 1.4.0 install to a published 1.5.0, and finds nothing new on 1.5.0', async () => {
    await publish('1.5.0');
    const app = await createTestApp('1.4.0');
    const { updates, settled } = await service(app);
    expect(await updates.check()).toMatchObject({ ok: true, value: { state: 'downloading', version: '1.5.0' } });
    expect(await settled()).toEqual({ state: 'downloaded', version: '1.5.0' });
    const upToDate = await service(await createTestApp('1.5.0'));
    expect(await upToDate.updates.check()).toEqual({ ok: true, value: { state: 'not-available', version: '1.5.0' } });
  });

  it('offers a beta to the beta channel only, and a stable release to both', async () => {
    await publish('1.5.0');
    await publish('1.6.0-beta.1');
    const onStable = await service(await createTestApp('1.5.0'), 'stable');
    expect(await onStable.updates.check()).toMatchObject({ ok: true, value: { state: 'not-available', version: '1.5.0' } });
    const onBeta = await service(await createTestApp('1.5.0'), 'beta');
    expect(await onBeta.updates.check()).toMatchObject({ ok: true, value: { state: 'downloading', version: '1.6.0-beta.1' } });
    expect(await onBeta.settled()).toEqual({ state: 'downloaded', version: '1.6.0-beta.1' });
  });

  it('holds a staged rollout at 0 % and lets everyone in once widened to 100 %', async () => {
    await publish('1.5.0', { stagingPercentage: 0 });
    for (const id of [EARLY_ID, LATE_ID]) {
      const app = await createTestApp('1.4.0');
      await setStagingId(app, id);
      expect(await (await service(app)).updates.check(), id).toMatchObject({ ok: true, value: { state: 'not-available' } });
    }
    // `npm run admin -- release staging 100`
    expect(await setRolloutPercentage(feed, 100)).toMatchObject({ ok: true });
    for (const id of [EARLY_ID, LATE_ID]) {
      const app = await createTestApp('1.4.0');
      await setStagingId(app, id);
      const { updates, settled } = await service(app);
      expect(await updates.check(), id).toMatchObject({ ok: true, value: { state: 'downloading', version: '1.5.0' } });
      expect(await settled()).toEqual({ state: 'downloaded', version: '1.5.0' });
    }
  });

  it('lets in only the installs inside a 10 % rollout', async () => {
    await publish('1.5.0', { stagingPercentage: 10 });
    const early = await createTestApp('1.4.0');
    await setStagingId(early, EARLY_ID);
    const inside = await service(early);
    expect(await inside.updates.check()).toMatchObject({ ok: true, value: { state: 'downloading' } });
    await inside.settled();
    const late = await createTestApp('1.4.0');
    await setStagingId(late, LATE_ID);
    expect(await (await service(late)).updates.check()).toMatchObject({ ok: true, value: { state: 'not-available' } });
  });

  it('rejects an installer whose sha512 is not the channel file’s (publish refuses it; a tampered feed is caught by the client)', async () => {
    const tampered = release('1.5.0', { tamperedSha512: true });
    const built = writeBuild('1.5.0', { linuxSuffix, tamperedSha512: true });
    builds.push(built.dir);
    expect(await publishRelease({ sourceDir: built.dir, releasesDir: feed })).toMatchObject({ ok: false, error: { code: 'CHECKSUM_MISMATCH' } });
    // Files altered on the server after publication.
    await writeFile(path.join(feed, tampered.installer.name), tampered.installer.bytes);
    await writeFile(path.join(feed, stable), tampered.channelFile);
    const { updates, settled } = await service(await createTestApp('1.4.0'));
    await updates.check();
    const outcome = await settled();
    expect(outcome.state).toBe('error');
    expect(outcome.state === 'error' ? outcome.message : '').toMatch(/sha512 checksum mismatch/);
    expect(await readFile(path.join(feed, stable), 'utf8')).toBe(tampered.channelFile);
  });
});
