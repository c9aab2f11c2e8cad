/**
 * Pure decisions of the update feed the desktop app reads (DESIGN §10, docs/it-deployment.md
 * "Update feed layout"): which file a request names, which byte range to send, who is inside a
 * staged rollout, whether a publication may replace a channel file. No I/O here: the HTTP route
 * and `admin release publish` call these. Written with the desktop side (electron/updates/), whose
 * electron-updater client this must match; test/electron/update-feed.test.ts runs the real client.
 *
 * Layout: one flat directory served at `/updates/`, holding electron-builder's channel files —
 * `latest.yml` / `beta.yml` (Windows), `latest-mac.yml` / `beta-mac.yml`, `latest-linux.yml` /
 * `beta-linux.yml` and `-linux-<arch>` for other Linux architectures — next to the installers and
 * their `.blockmap` files.
 */
import type { Result } from '../../core/shared/result.ts';

export type FeedChannel = 'latest' | 'beta';
export type FeedPlatform = 'windows' | 'mac' | 'linux';

export type FeedFile =
  | { readonly kind: 'channel-file'; readonly name: string; readonly channel: FeedChannel; readonly platform: FeedPlatform; readonly arch: string | null }
  | { readonly kind: 'artifact'; readonly name: string; readonly contentType: string };

const ARTIFACT_TYPES: Readonly<Record<string, string>> = {
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.blockmap': 'application/octet-stream',
  '.dmg': 'application/x-apple-diskimage',
  '.zip': 'application/zip',
  '.appimage': 'application/octet-stream',
  '.deb': 'application/vnd.debian.binary-package',
};

/**
 * What a request for `/updates/<name>` names. Only plain file names are served: no directories,
 * no dot-files, nothing but channel files and installer artifacts (a release directory may also
 * hold builder-debug.yml or unpacked folders, which must never be served).
 */
export function classifyFeedFile(name: string): Result<FeedFile, 'NOT_FOUND'> {
  const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'No such update file.' } } as const;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(name) || name.includes('..')) return notFound;
  const channelFile = /^(latest|beta)(?:-(mac|linux)(?:-([a-z0-9]+))?)?\.yml$/.exec(name);
  if (channelFile !== null) {
    const [, channel, platform, arch] = channelFile;
    if (platform !== 'linux' && arch !== undefined) return notFound;
    return {
      ok: true,
      value: { kind: 'channel-file', name, channel: channel as FeedChannel, platform: platform === undefined ? 'windows' : (platform as FeedPlatform), arch: arch ?? null },
    };
  }
  const extension = /\.[A-Za-z0-9]+$/.exec(name)?.[0]?.toLowerCase() ?? '';
  const contentType = ARTIFACT_TYPES[extension];
  return contentType === undefined ? notFound : { ok: true, value: { kind: 'artifact', name, contentType } };
}

/** The channel file electron-updater asks for (the same rule as its Provider and electron/updates/feed-options.ts). */
export function channelFileName(channel: FeedChannel, platform: FeedPlatform, arch: string): string {
  if (platform === 'windows') return `${channel}.yml`;
  if (platform === 'mac') return `${channel}-mac.yml`;
  return `${channel}-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
}

export type ByteRange = { readonly kind: 'full' } | { readonly kind: 'partial'; readonly start: number; readonly end: number } | { readonly kind: 'unsatisfiable' };

/**
 * Reads a `Range` header for a file of `size` bytes (RFC 9110 §14). One range is served as 206;
 * several ranges, or a header this does not understand, get the whole file (200), which the RFC
 * allows — the desktop asks for one range at a time (`useMultipleRangeRequest: false`).
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return { kind: 'full' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0) return { kind: 'unsatisfiable' };
    return size === 0 ? { kind: 'unsatisfiable' } : { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return end < start ? { kind: 'full' } : { kind: 'partial', start, end };
}

/** The `Content-Range` header of a range answer (206), or of a 416 when `range` is null. */
export function contentRange(range: { readonly start: number; readonly end: number } | null, size: number): string {
  return range === null ? `bytes */${size}` : `bytes ${range.start}-${range.end}/${size}`;
}

/**
 * Whether an install is inside a staged rollout — electron-updater's own rule, so the server can
 * report how many clients a percentage reaches. The desktop applies it itself from the channel
 * file's `stagingPercentage`: the server must serve the file unchanged, never filter it by this
 * (that would apply the percentage twice). `stagingId` is the `x-user-staging-id` request header.
 */
export function isWithinRollout(stagingId: string, stagingPercentage: number | undefined): boolean {
  if (stagingPercentage === undefined) return true;
  const hex = stagingId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) return false;
  // Bytes 12–15 of the UUID as a big-endian integer, over 0xffffffff.
  const share = Number.parseInt(hex.slice(24, 32), 16) / 0xffffffff;
  return share < stagingPercentage / 100;
}

export interface ChannelFileSummary {
  readonly version: string;
  readonly stagingPercentage: number | undefined;
  /** The artifacts it names (`files[].url` and `path`), which a publication must copy along. */
  readonly files: readonly string[];
}

/** Reads what the feed needs from an electron-builder channel file (a small, flat YAML document). */
export function summarizeChannelFile(text: string): Result<ChannelFileSummary, 'INVALID_CHANNEL_FILE'> {
  const version = /^version:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(text)?.[1];
  if (version === undefined || compareVersions(version, '0.0.0') === null) {
    return { ok: false, error: { code: 'INVALID_CHANNEL_FILE', message: 'The channel file has no valid version.' } };
  }
  const staging = /^stagingPercentage:\s*(\d+)\s*$/m.exec(text)?.[1];
  const files = [...text.matchAll(/^\s*(?:- )?(?:url|path):\s*['"]?([^'"\s]+)['"]?\s*$/gm)].map((match) => match[1] ?? '');
  return { ok: true, value: { version, stagingPercentage: staging === undefined ? undefined : Number(staging), files: [...new Set(files)] } };
}

/** Sets (or, with undefined, removes) the top-level `stagingPercentage` of a channel file. */
export function withStagingPercentage(text: string, percentage: number | undefined): string {
  const without = text.replace(/^stagingPercentage:.*\n?/m, '');
  if (percentage === undefined) return without;
  const clamped = Math.min(100, Math.max(0, Math.round(percentage)));
  return `${without.replace(/\n*$/, '\n')}stagingPercentage: ${clamped}\n`;
}

/**
 * Whether a publication may overwrite a channel file: only with a higher version. A stable build
 * also writes beta*.yml (generateUpdatesFilesForAllChannels), which must not replace a newer beta.
 */
export function mayReplaceChannelFile(currentVersion: string | null, incomingVersion: string): boolean {
  if (currentVersion === null) return true;
  const order = compareVersions(incomingVersion, currentVersion);
  return order !== null && order > 0;
}

/** Semantic-version order (prerelease before release, numeric identifiers numerically), or null if either is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const parse = (version: string) => /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  const left = parse(a);
  const right = parse(b);
  if (left === null || right === null) return null;
  for (let i = 1; i <= 3; i++) {
    const difference = Number(left[i]) - Number(right[i]);
    if (difference !== 0) return Math.sign(difference);
  }
  const [leftPre, rightPre] = [left[4], right[4]];
  if (leftPre === undefined || rightPre === undefined) return leftPre === rightPre ? 0 : leftPre === undefined ? 1 : -1;
  const leftParts = leftPre.split('.');
  const rightParts = rightPre.split('.');
  for (let i = 0; i < Math.max(leftParts.length, rightParts.length); i++) {
    const [x, y] = [leftParts[i], rightParts[i]];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    const [xNumeric, yNumeric] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (xNumeric && yNumeric) return Math.sign(Number(x) - Number(y));
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
