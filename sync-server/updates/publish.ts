import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../core/shared/result.ts';
import { channelFileChecksums } from './channel-checksums.ts';
import { classifyFeedFile, mayReplaceChannelFile, summarizeChannelFile, withStagingPercentage, type FeedChannel } from './feed.ts';

export type PublishError =
  /** No such build directory, or nothing in it to publish (for the channel asked). */
  | 'NOTHING_TO_PUBLISH'
  /** A channel file without a valid version, or naming a file the build does not hold. */
  | 'INVALID_RELEASE'
  /** A file's sha512 is not the one its channel file gives: clients would refuse the download. */
  | 'CHECKSUM_MISMATCH'
  /** Every channel file is already at this version or a higher one (rolling back = a higher version). */
  | 'VERSION_NOT_HIGHER'
  /** An installer of that name is published with other content: published installers never change. */
  | 'ARTIFACT_CHANGED'
  | 'INVALID_ARGUMENT';

export interface PublishOptions {
  /** The build's output (electron-builder's `release/<version>/`). */
  readonly sourceDir: string;
  /** The feed directory served at `/updates/`. */
  readonly releasesDir: string;
  /** Publish only this channel's files; a beta publication of a stable build reuses its latest*.yml. */
  readonly channel?: FeedChannel;
  /** Sets `stagingPercentage` (0–100) in the channel files written. */
  readonly stagingPercentage?: number;
}

export interface PublishSummary {
  readonly version: string;
  /** Channel files written, with the version they now announce. */
  readonly channelFiles: readonly string[];
  /** Channel files left alone because the feed already announces a version at least as high. */
  readonly keptNewer: readonly { readonly name: string; readonly version: string }[];
  readonly artifacts: readonly string[];
}

interface PlannedChannelFile {
  readonly name: string;
  readonly text: string;
  readonly version: string;
}

/**
 * `admin release publish <dir> [--channel latest|beta] [--staging <0-100>]`: copies a build's
 * channel files (latest*.yml / beta*.yml), installers and blockmaps into the feed directory
 * (docs/it-deployment.md "Publishing a release").
 *
 * Everything is checked before anything is copied: each channel file names files the build holds,
 * with the sha512 it gives; a channel file is replaced only by a higher version (feed.ts
 * `mayReplaceChannelFile`), so a stable build, which also carries beta*.yml, never hides a newer
 * beta — that file is kept and reported, and the publication fails only when no channel file would
 * change. Installers are copied first and channel files last, each through a temporary name and a
 * rename, so a client never reads a channel file naming a file not there yet.
 */
export async function publishRelease(options: PublishOptions): Promise<Result<PublishSummary, PublishError>> {
  const { sourceDir, releasesDir, channel, stagingPercentage } = options;
  if (stagingPercentage !== undefined && !(Number.isInteger(stagingPercentage) && stagingPercentage >= 0 && stagingPercentage <= 100)) {
    return err('INVALID_ARGUMENT', `--staging must be a whole percentage from 0 to 100, got ${stagingPercentage}`);
  }
  const names = await readdir(sourceDir).catch(() => null);
  if (names === null) return err('NOTHING_TO_PUBLISH', `Cannot read the build directory ${sourceDir}`);
  const artifacts = names.filter(isArtifact).sort();
  const channelSources = channelFilesToPublish(names, channel);
  if (channelSources.length === 0) {
    return err('NOTHING_TO_PUBLISH', `${sourceDir} holds no ${channel === undefined ? '' : `${channel}*.yml `}channel file (latest*.yml, beta*.yml)`);
  }

  const planned: PlannedChannelFile[] = [];
  const keptNewer: { name: string; version: string }[] = [];
  let version = '';
  const hashes = new Map<string, string>();
  for (const { source, target } of channelSources) {
    const text = await readFile(path.join(sourceDir, source), 'utf8');
    const summary = summarizeChannelFile(text);
    if (!summary.ok) return err('INVALID_RELEASE', `${source}: ${summary.error.message}`);
    version = summary.value.version;
    if (target.startsWith('latest') && summary.value.version.includes('-')) {
      return err('INVALID_RELEASE', `${source} announces the prerelease ${summary.value.version}: prereleases go to the beta channel only`);
    }
    for (const file of summary.value.files) {
      if (!artifacts.includes(file)) return err('INVALID_RELEASE', `${source} names ${file}, which is not an installer in ${sourceDir}`);
    }
    for (const [file, expected] of channelFileChecksums(text)) {
      const actual = hashes.get(file) ?? (await sha512(path.join(sourceDir, file)));
      hashes.set(file, actual);
      if (actual !== expected) return err('CHECKSUM_MISMATCH', `${file}: its sha512 is not the one ${source} gives; rebuild, or copy the files again`);
    }
    const current = await readFile(path.join(releasesDir, target), 'utf8').catch(() => null);
    const currentSummary = current === null ? null : summarizeChannelFile(current);
    const currentVersion = currentSummary?.ok === true ? currentSummary.value.version : null;
    if (!mayReplaceChannelFile(currentVersion, summary.value.version)) {
      keptNewer.push({ name: target, version: currentVersion ?? '' });
      continue;
    }
    planned.push({ name: target, text: stagingPercentage === undefined ? text : withStagingPercentage(text, stagingPercentage), version: summary.value.version });
  }
  if (planned.length === 0) {
    const held = keptNewer.map((kept) => `${kept.name} ${kept.version}`).join(', ');
    return err('VERSION_NOT_HIGHER', `The feed already announces ${held}: publish a higher version than ${version} (to roll back, ship the old code as a higher version)`);
  }

  for (const name of artifacts) {
    const published = await stat(path.join(releasesDir, name)).catch(() => null);
    if (published === null) continue;
    const incoming = hashes.get(name) ?? (await sha512(path.join(sourceDir, name)));
    if ((await sha512(path.join(releasesDir, name))) !== incoming) {
      return err('ARTIFACT_CHANGED', `${name} is already published with other content; published installers never change: build a new version`);
    }
  }

  await mkdir(releasesDir, { recursive: true });
  const copied: string[] = [];
  for (const name of artifacts) {
    if (await stat(path.join(releasesDir, name)).catch(() => null)) continue;
    await atomically(path.join(releasesDir, name), (temporary) => copyFile(path.join(sourceDir, name), temporary));
    copied.push(name);
  }
  for (const file of planned) {
    await atomically(path.join(releasesDir, file.name), (temporary) => writeFile(temporary, file.text));
  }
  return ok({ version, channelFiles: planned.map((file) => file.name), keptNewer, artifacts: copied });
}

export type StagingError = 'NOTHING_TO_PUBLISH' | 'INVALID_ARGUMENT';

/**
 * `admin release staging <0-100|off> [--channel latest|beta]`: widens, pauses (0) or ends (off:
 * everyone) the staged rollout of what the feed announces now, in every platform's channel file.
 */
export async function setRolloutPercentage(
  releasesDir: string,
  percentage: number | undefined,
  channel?: FeedChannel,
): Promise<Result<readonly { readonly name: string; readonly version: string }[], StagingError>> {
  if (percentage !== undefined && !(Number.isInteger(percentage) && percentage >= 0 && percentage <= 100)) {
    return err('INVALID_ARGUMENT', `the percentage must be a whole number from 0 to 100, or off`);
  }
  const names = (await readdir(releasesDir).catch(() => [] as string[])).filter((name) => {
    const file = classifyFeedFile(name);
    return file.ok && file.value.kind === 'channel-file' && (channel === undefined || file.value.channel === channel);
  });
  if (names.length === 0) return err('NOTHING_TO_PUBLISH', `No ${channel ?? ''} channel file is published in ${releasesDir}`);
  const changed: { name: string; version: string }[] = [];
  for (const name of names.sort()) {
    const target = path.join(releasesDir, name);
    const text = await readFile(target, 'utf8');
    await atomically(target, (temporary) => writeFile(temporary, withStagingPercentage(text, percentage)));
    const summary = summarizeChannelFile(text);
    changed.push({ name, version: summary.ok ? summary.value.version : '?' });
  }
  return ok(changed);
}

/** What the feed announces: each channel file with its version and rollout. */
export async function listPublished(releasesDir: string): Promise<{ name: string; version: string; stagingPercentage: number | undefined }[]> {
  const names = (await readdir(releasesDir).catch(() => [] as string[])).filter((name) => {
    const file = classifyFeedFile(name);
    return file.ok && file.value.kind === 'channel-file';
  });
  const listed = [];
  for (const name of names.sort()) {
    const summary = summarizeChannelFile(await readFile(path.join(releasesDir, name), 'utf8'));
    listed.push({ name, version: summary.ok ? summary.value.version : '(invalid)', stagingPercentage: summary.ok ? summary.value.stagingPercentage : undefined });
  }
  return listed;
}

function isArtifact(name: string): boolean {
  const file = classifyFeedFile(name);
  return file.ok && file.value.kind === 'artifact';
}

/**
 * The channel files a publication writes, as (file in the build → name in the feed). With
 * `--channel beta`, a build without beta files (older electron-builder settings) publishes its
 * latest*.yml as beta*.yml: a channel file does not name its channel.
 */
function channelFilesToPublish(names: readonly string[], channel: FeedChannel | undefined): { source: string; target: string }[] {
  const channelFiles = names.flatMap((name) => {
    const file = classifyFeedFile(name);
    return file.ok && file.value.kind === 'channel-file' ? [file.value] : [];
  });
  if (channel === undefined) return channelFiles.map((file) => ({ source: file.name, target: file.name })).sort(byTarget);
  const own = channelFiles.filter((file) => file.channel === channel).map((file) => ({ source: file.name, target: file.name }));
  if (own.length > 0 || channel === 'latest') return own.sort(byTarget);
  return channelFiles
    .filter((file) => file.channel === 'latest')
    .map((file) => ({ source: file.name, target: file.name.replace(/^latest/, 'beta') }))
    .sort(byTarget);
}

function byTarget(a: { target: string }, b: { target: string }): number {
  return a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
}

/** The base64 sha512 electron-builder writes in channel files (streamed: installers are large). */
async function sha512(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/** Writes through a temporary name in the same directory and renames: readers see the old file or the new one. */
async function atomically(target: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = path.join(path.dirname(target), `.publishing-${randomBytes(6).toString('hex')}`);
  try {
    await write(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
