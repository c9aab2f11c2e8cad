// The sync server's update-feed rules (sync-server/updates/feed.ts) against the desktop's real
// electron-updater client (electron/updates/). The HTTP route itself belongs to the sync server;
// here a minimal server built only from feed.ts's decisions stands in for it.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../../electron/bridge.ts';
import { channelFileName as clientChannelFileName } from '../../electron/updates/feed-options.ts';
import { createRealUpdater, createTestApp, release, setStagingId } from '../../electron/updates/testing/updater-harness.ts';
import { createUpdateService } from '../../electron/updates/update-service.ts';
import {
  channelFileName,
  classifyFeedFile,
  compareVersions,
  contentRange,
  isWithinRollout,
  mayReplaceChannelFile,
  parseRange,
  summarizeChannelFile,
  withStagingPercentage,
} from '../../sync-server/updates/feed.ts';

describe('feed file names', () => {
  it.each([
    ['latest.yml', { kind: 'channel-file', channel: 'latest', platform: 'windows', arch: null }],
    ['beta-mac.yml', { kind: 'channel-file', channel: 'beta', platform: 'mac', arch: null }],
    ['latest-linux-arm64.yml', { kind: 'channel-file', channel: 'latest', platform: 'linux', arch: 'arm64' }],
    ['Comptoir-Setup-1.5.0.exe', { kind: 'artifact', contentType: 'application/vnd.microsoft.portable-executable' }],
    ['Comptoir-Setup-1.5.0.exe.blockmap', { kind: 'artifact' }],
    ['Comptoir-1.5.0-mac-universal.zip', { kind: 'artifact', contentType: 'application/zip' }],
    ['Comptoir-1.5.0-linux-x86_64.AppImage', { kind: 'artifact' }],
  ])('serves %s', (name, expected) => {
    expect(classifyFeedFile(name)).toMatchObject({ ok: true, value: expected });
  });

  it.each(['../secrets.env', '..', '.updaterId', 'builder-debug.yml', 'latest-mac-arm64.yml', 'nightly.yml', 'a/b.exe', 'win-unpacked', 'release.json', ''])('refuses %j', (name) => {
    expect(classifyFeedFile(name)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('names channel files exactly as the desktop asks for them', () => {
    const pairs = [
      ['windows', 'win32'],
      ['mac', 'darwin'],
      ['linux', 'linux'],
    ] as const;
    for (const [server, client] of pairs) {
      for (const arch of ['x64', 'arm64']) {
        expect(channelFileName('latest', server, arch)).toBe(clientChannelFileName('stable', client, arch));
        expect(channelFileName('beta', server, arch)).toBe(clientChannelFileName('beta', client, arch));
      }
    }
  });
});

describe('byte ranges', () => {
  it.each([
    [undefined, { kind: 'full' }],
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=900-', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=950-5000', { kind: 'partial', start: 950, end: 999 }],
    ['bytes=1000-1001', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=0-9,20-29', { kind: 'full' }],
    ['bytes=9-0', { kind: 'full' }],
    ['items=0-9', { kind: 'full' }],
  ])('reads %j on a 1000-byte file', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it('writes Content-Range for 206 and 416', () => {
    expect(contentRange({ start: 0, end: 99 }, 1000)).toBe('bytes 0-99/1000');
    expect(contentRange(null, 1000)).toBe('bytes */1000');
  });
});

describe('channel files', () => {
  it('lists the artifacts a publication must copy and its rollout', () => {
    const { channelFile } = release('1.5.0', { stagingPercentage: 20 });
    expect(summarizeChannelFile(channelFile)).toEqual({ ok: true, value: { version: '1.5.0', stagingPercentage: 20, files: ['Comptoir-1.5.0-linux-x64.deb'] } });
    expect(summarizeChannelFile('files: []\n')).toMatchObject({ ok: false, error: { code: 'INVALID_CHANNEL_FILE' } });
  });

  it('sets, changes and removes the staging percentage', () => {
    const { channelFile } = release('1.5.0');
    const staged = withStagingPercentage(channelFile, 10);
    expect(summarizeChannelFile(staged)).toMatchObject({ ok: true, value: { stagingPercentage: 10 } });
    expect(summarizeChannelFile(withStagingPercentage(staged, 100))).toMatchObject({ ok: true, value: { stagingPercentage: 100 } });
    expect(withStagingPercentage(staged, undefined)).toBe(channelFile);
  });

  it('only lets a higher version replace a channel file', () => {
    expect(mayReplaceChannelFile(null, '1.0.0')).toBe(true);
    expect(mayReplaceChannelFile('1.5.0-beta.2', '1.4.1')).toBe(false);
    expect(mayReplaceChannelFile('1.5.0-beta.2', '1.5.0')).toBe(true);
    expect(mayReplaceChannelFile('1.5.0', '1.5.0')).toBe(false);
    expect(compareVersions('1.5.0-beta.10', '1.5.0-beta.9')).toBe(1);
    expect(compareVersions('1.5.0-beta', '1.5.0-beta.1')).toBe(-1);
    expect(compareVersions('1.5.0-1', '1.5.0-alpha')).toBe(-1);
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('latest', '1.0.0')).toBeNull();
  });
});

describe('staged rollout', () => {
  it("decides exactly as electron-updater's own check", async () => {
    for (let i = 0; i < 12; i++) {
      const stagingId = randomUUID();
      const app = await createTestApp('1.4.0');
      await setStagingId(app, stagingId);
      const updater = createRealUpdater(app);
      for (const stagingPercentage of [0, 10, 50, 90, 100]) {
        const client = await updater.isUserWithinRollout({ version: '1.5.0', files: [], path: '', sha512: '', releaseDate: '', stagingPercentage });
        expect(isWithinRollout(stagingId, stagingPercentage), `${stagingId} at ${stagingPercentage} %`).toBe(client);
      }
    }
  });

  it('lets everyone in when the channel file sets no percentage', () => {
    expect(isWithinRollout(randomUUID(), undefined)).toBe(true);
  });
});

describe('the desktop updater against a feed served by these rules', () => {
  let releases: string;
  let url: string;
  let close: () => Promise<void>;
  const stableFile = clientChannelFileName('stable', 'linux', process.arch);

  beforeAll(async () => {
    releases = await mkdtemp(path.join(tmpdir(), 'comptoir-releases-'));
    const built = release('1.5.0', { stagingPercentage: 100 });
    await writeFile(path.join(releases, built.installer.name), built.installer.bytes);
    await writeFile(path.join(releases, stableFile), built.channelFile);
    await writeFile(path.join(releases, 'builder-debug.yml'), 'secret: build machine paths');
    const server = createServer((req, res) => {
      const requested = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/updates\//, ''));
      const file = classifyFeedFile(requested);
      if (!file.ok) return void res.writeHead(404).end();
      readFile(path.join(releases, file.value.name)).then(
        (bytes) => {
          const contentType = file.value.kind === 'channel-file' ? 'text/yaml; charset=utf-8' : file.value.contentType;
          const range = parseRange(req.headers.range, bytes.byteLength);
          if (range.kind === 'unsatisfiable') return void res.writeHead(416, { 'Content-Range': contentRange(null, bytes.byteLength) }).end();
          if (range.kind === 'partial') {
            res.writeHead(206, { 'Content-Type': contentType, 'Accept-Ranges': 'bytes', 'Content-Range': contentRange(range, bytes.byteLength) });
            return void res.end(bytes.subarray(range.start, range.end + 1));
          }
          res.writeHead(200, { 'Content-Type': contentType, 'Accept-Ranges': 'bytes', 'Content-Length': bytes.byteLength }).end(bytes);
        },
        () => void res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close();
    await rm(releases, { recursive: true, force: true });
  });

  it('updates a 1.4.0 install to 1.5.0', async () => {
    const statuses: UpdateStatus[] = [];
    const updates = createUpdateService({
      updater: createRealUpdater(await createTestApp('1.4.0')),
      settings: () => ({ serverUrl: url, updateChannel: 'stable', autoUpdate: true }),
      publish: (status) => statuses.push(status),
      log: () => {},
    });
    updates.configure();
    expect(await updates.check()).toMatchObject({ ok: true, value: { state: 'downloading', version: '1.5.0' } });
    await vi.waitFor(() => expect(statuses.at(-1)).toEqual({ state: 'downloaded', version: '1.5.0' }), { timeout: 5000 });
  });

  it('answers single byte ranges as 206 and refuses what is not an update file', async () => {
    const name = 'Comptoir-1.5.0-linux-x64.deb';
    const whole = new Uint8Array(await readFile(path.join(releases, name)));
    const partial = await fetch(`${url}/updates/${name}`, { headers: { Range: 'bytes=10-19' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 10-19/${whole.byteLength}`);
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(whole.subarray(10, 20));
    expect((await fetch(`${url}/updates/${name}`, { headers: { Range: `bytes=${whole.byteLength}-` } })).status).toBe(416);
    expect((await fetch(`${url}/updates/builder-debug.yml`)).status).toBe(404);
    expect((await fetch(`${url}/updates/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});
