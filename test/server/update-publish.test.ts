// `admin release publish / staging / list`: filling the update feed's directory (docs/it-deployment.md §6).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizeChannelFile } from '../../sync-server/updates/feed.ts';
import { listPublished, publishRelease, setRolloutPercentage } from '../../sync-server/updates/publish.ts';
import { runNode } from './support/run-node.ts';
import { writeBuild } from './support/release-builds.ts';

let feed: string;
const cleanup: string[] = [];
beforeEach(() => {
  feed = mkdtempSync(path.join(tmpdir(), 'comptoir-feed-'));
  cleanup.push(feed);
});
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function build(version: string, options: Parameters<typeof writeBuild>[1] = {}) {
  const built = writeBuild(version, options);
  cleanup.push(built.dir);
  return built;
}

const versionOf = (name: string) => {
  const summary = summarizeChannelFile(readFileSync(path.join(feed, name), 'utf8'));
  return summary.ok ? summary.value : null;
};

describe('release publish', () => {
  it("copies a build's channel files, installers and blockmaps, and nothing else", async () => {
    const { dir, installer } = build('1.5.0');
    const result = await publishRelease({ sourceDir: dir, releasesDir: feed });
    expect(result).toEqual({
      ok: true,
      value: { version: '1.5.0', channelFiles: ['beta-linux.yml', 'latest-linux.yml'], keptNewer: [], artifacts: [installer, `${installer}.blockmap`] },
    });
    expect(readdirSync(feed).sort()).toEqual([installer, `${installer}.blockmap`, 'beta-linux.yml', 'latest-linux.yml'].sort());
    expect(readFileSync(path.join(feed, installer))).toEqual(readFileSync(path.join(dir, installer)));
  });

  it('sets the staged rollout of what it publishes', async () => {
    await publishRelease({ sourceDir: build('1.5.0').dir, releasesDir: feed, stagingPercentage: 10 });
    expect(versionOf('latest-linux.yml')).toMatchObject({ version: '1.5.0', stagingPercentage: 10 });
    expect(await publishRelease({ sourceDir: build('1.6.0').dir, releasesDir: feed, stagingPercentage: 101 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('only ever replaces a channel file with a higher version', async () => {
    await publishRelease({ sourceDir: build('1.5.0').dir, releasesDir: feed });
    for (const version of ['1.5.0', '1.4.9', '1.5.0-rc.1']) {
      const result = await publishRelease({ sourceDir: build(version).dir, releasesDir: feed });
      expect(result, version).toMatchObject({ ok: false, error: { code: 'VERSION_NOT_HIGHER' } });
    }
    expect(versionOf('latest-linux.yml')?.version).toBe('1.5.0');
    expect(readdirSync(feed).filter((name) => name.includes('1.4.9'))).toEqual([]);
  });

  it('keeps a newer beta when a stable build also carries beta files', async () => {
    await publishRelease({ sourceDir: build('1.5.0').dir, releasesDir: feed });
    expect(await publishRelease({ sourceDir: build('1.6.0-beta.1').dir, releasesDir: feed })).toMatchObject({ ok: true, value: { channelFiles: ['beta-linux.yml'] } });
    const stable = await publishRelease({ sourceDir: build('1.5.1').dir, releasesDir: feed });
    expect(stable).toMatchObject({ ok: true, value: { channelFiles: ['latest-linux.yml'], keptNewer: [{ name: 'beta-linux.yml', version: '1.6.0-beta.1' }] } });
    expect(versionOf('latest-linux.yml')?.version).toBe('1.5.1');
    expect(versionOf('beta-linux.yml')?.version).toBe('1.6.0-beta.1');
  });

  it('publishes to one channel with --channel, a stable build to beta first', async () => {
    const { dir } = build('1.7.0', { channels: ['latest'] });
    const result = await publishRelease({ sourceDir: dir, releasesDir: feed, channel: 'beta' });
    expect(result).toMatchObject({ ok: true, value: { channelFiles: ['beta-linux.yml'] } });
    expect(readdirSync(feed)).not.toContain('latest-linux.yml');
    expect(await publishRelease({ sourceDir: dir, releasesDir: feed, channel: 'latest' })).toMatchObject({ ok: true, value: { channelFiles: ['latest-linux.yml'], artifacts: [] } });
    expect(await publishRelease({ sourceDir: build('1.8.0-beta.1').dir, releasesDir: feed, channel: 'latest' })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_PUBLISH' } });
  });

  it('refuses a prerelease on the stable channel, a tampered checksum, a missing installer, a changed one', async () => {
    expect(await publishRelease({ sourceDir: build('2.0.0-beta.1', { channels: ['latest'] }).dir, releasesDir: feed })).toMatchObject({ ok: false, error: { code: 'INVALID_RELEASE' } });
    expect(await publishRelease({ sourceDir: build('2.0.0', { tamperedSha512: true }).dir, releasesDir: feed })).toMatchObject({ ok: false, error: { code: 'CHECKSUM_MISMATCH' } });
    const incomplete = build('2.0.0');
    rmSync(path.join(incomplete.dir, incomplete.installer));
    expect(await publishRelease({ sourceDir: incomplete.dir, releasesDir: feed })).toMatchObject({ ok: false, error: { code: 'INVALID_RELEASE' } });
    expect(readdirSync(feed)).toEqual([]);

    const first = build('2.0.0');
    await publishRelease({ sourceDir: first.dir, releasesDir: feed });
    const rebuilt = build('2.0.0');
    writeFileSync(path.join(rebuilt.dir, `${rebuilt.installer}.blockmap`), 'another blockmap');
    writeFileSync(path.join(rebuilt.dir, 'latest-linux.yml'), readFileSync(path.join(rebuilt.dir, 'latest-linux.yml'), 'utf8').replace('version: 2.0.0', 'version: 2.0.1'));
    expect(await publishRelease({ sourceDir: rebuilt.dir, releasesDir: feed })).toMatchObject({ ok: false, error: { code: 'ARTIFACT_CHANGED' } });
    expect(await publishRelease({ sourceDir: path.join(feed, 'nope'), releasesDir: feed })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_PUBLISH' } });
  });
});

describe('release staging and list', () => {
  it('widens, pauses and ends a rollout on every platform file of a channel', async () => {
    await publishRelease({ sourceDir: build('1.5.0').dir, releasesDir: feed, stagingPercentage: 10 });
    expect(await setRolloutPercentage(feed, 50, 'latest')).toEqual({ ok: true, value: [{ name: 'latest-linux.yml', version: '1.5.0' }] });
    expect(await listPublished(feed)).toEqual([
      { name: 'beta-linux.yml', version: '1.5.0', stagingPercentage: 10 },
      { name: 'latest-linux.yml', version: '1.5.0', stagingPercentage: 50 },
    ]);
    await setRolloutPercentage(feed, 0);
    expect((await listPublished(feed)).map((file) => file.stagingPercentage)).toEqual([0, 0]);
    await setRolloutPercentage(feed, undefined);
    expect((await listPublished(feed)).map((file) => file.stagingPercentage)).toEqual([undefined, undefined]);
    expect(await setRolloutPercentage(path.join(feed, 'empty'), 10)).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_PUBLISH' } });
  });
});

describe('admin release command', () => {
  // A data directory that cannot exist: release commands must not open the database, so they run
  // while the server holds it.
  const cli = (...args: string[]) => runNode('sync-server/admin/cli.ts', ['release', ...args], { COMPTOIR_RELEASES_DIR: feed, COMPTOIR_DATA_DIR: '/dev/null/comptoir' });

  it('publishes without opening the database, and says what it did', async () => {
    const { dir } = build('1.5.0');
    const published = await cli('publish', dir, '--channel', 'stable', '--staging', '10');
    expect(published).toMatchObject({ code: 0, stderr: '' });
    expect(published.stdout).toContain('Published 1.5.0');
    expect(published.stdout).toContain('latest-linux.yml (staged rollout 10 %)');
    expect((await cli('list')).stdout).toContain('latest-linux.yml\t1.5.0\t10 %');
    expect((await cli('staging', 'off')).stdout).toContain('everyone');
    const again = await cli('publish', dir, '--channel', 'latest');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('VERSION_NOT_HIGHER');
    expect((await cli('publish')).code).toBe(2);
    expect((await cli('publish', dir, '--channel', 'nightly')).code).toBe(2);
  }, 60_000);
});
