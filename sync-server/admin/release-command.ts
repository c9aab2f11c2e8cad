import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import type { FeedChannel } from '../updates/feed.ts';
import type { Outcome } from './cli-outcome.ts';
import { listPublished, publishRelease, setRolloutPercentage } from '../updates/publish.ts';

export const RELEASE_USAGE = `  release publish <dir> [--channel latest|beta] [--staging <0-100>]
                                copy a build's channel files, installers and blockmaps into the update feed
  release staging <0-100|off> [--channel latest|beta]
                                change the staged rollout of what the feed announces
  release list                  the channel files the feed serves, with versions and rollouts`;

/**
 * `admin release …` — the update feed's files (COMPTOIR_RELEASES_DIR, default `<data dir>/releases`),
 * served at `/updates/`. Files only, no database: it runs while the server runs (the feed writes
 * through a rename, so clients never read half a file).
 */
export async function runReleaseCommand(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<Outcome> {
  const config = readConfig(env);
  if (!config.ok) return { code: 2, error: config.error.message };
  const { releasesDir } = config.value;
  const [sub, ...rest] = argv;
  let parsed: ReturnType<typeof parseReleaseArgs>;
  try {
    parsed = parseReleaseArgs(rest);
  } catch (error) {
    return { code: 2, error: error instanceof Error ? error.message : String(error) };
  }
  const { positionals, channel, staging } = parsed;
  if (channel === 'invalid') return { code: 2, error: '--channel must be latest (or stable) or beta' };

  if (sub === 'publish' && positionals.length === 1 && positionals[0] !== undefined) {
    const stagingPercentage = staging === undefined ? undefined : Number(staging);
    const result = await publishRelease({ sourceDir: positionals[0], releasesDir, ...(channel ? { channel } : {}), ...(stagingPercentage === undefined ? {} : { stagingPercentage }) });
    if (!result.ok) return { code: 1, error: `${result.error.code}: ${result.error.message}` };
    const { version, channelFiles, keptNewer, artifacts } = result.value;
    const lines = [
      `Published ${version} to ${releasesDir}: ${channelFiles.join(', ')}${stagingPercentage === undefined ? '' : ` (staged rollout ${stagingPercentage} %)`}`,
      `  ${artifacts.length === 0 ? 'no new installer (already published)' : `installers: ${artifacts.join(', ')}`}`,
      ...keptNewer.map((kept) => `  kept ${kept.name}: it already announces ${kept.version}`),
    ];
    return { code: 0, out: lines.join('\n') };
  }
  if (sub === 'staging' && positionals.length === 1 && positionals[0] !== undefined) {
    const percentage = positionals[0] === 'off' ? undefined : Number(positionals[0]);
    const result = await setRolloutPercentage(releasesDir, percentage, channel);
    if (!result.ok) return { code: 1, error: `${result.error.code}: ${result.error.message}` };
    const what = percentage === undefined ? 'everyone (no staged rollout)' : `${percentage} %`;
    return { code: 0, out: result.value.map((file) => `${file.name} ${file.version}: ${what}`).join('\n') };
  }
  if (sub === 'list' && positionals.length === 0) {
    const listed = await listPublished(releasesDir);
    if (listed.length === 0) return { code: 0, out: `Nothing published in ${releasesDir}` };
    const lines = listed.map((file) => `${file.name}\t${file.version}\t${file.stagingPercentage === undefined ? 'everyone' : `${file.stagingPercentage} %`}`);
    return { code: 0, out: ['file\tversion\trollout', ...lines].join('\n') };
  }
  return { code: 2, error: `Usage:\n${RELEASE_USAGE}` };
}

function parseReleaseArgs(args: readonly string[]): { positionals: string[]; channel: FeedChannel | 'invalid' | undefined; staging: string | undefined } {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { channel: { type: 'string' }, staging: { type: 'string' } } });
  const channel = values.channel === undefined ? undefined : values.channel === 'beta' ? 'beta' : values.channel === 'latest' || values.channel === 'stable' ? 'latest' : 'invalid';
  return { positionals, channel, staging: values.staging };
}
