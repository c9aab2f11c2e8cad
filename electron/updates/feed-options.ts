/**
 * Where the desktop looks for updates — the contract with the sync server's update feed
 * (docs/it-deployment.md "Update feed layout"). One flat directory per server, electron-updater's
 * own channel model:
 *
 *   <server>/updates/latest.yml        stable, Windows      <server>/updates/beta.yml        beta, Windows
 *   <server>/updates/latest-mac.yml    stable, macOS        <server>/updates/beta-mac.yml    beta, macOS
 *   <server>/updates/latest-linux.yml  stable, Linux x64    <server>/updates/beta-linux.yml  beta, Linux x64
 *   <server>/updates/latest-linux-arm64.yml …               <server>/updates/<installer>, <installer>.blockmap
 *
 * Ranges: electron-updater's differential download asks for byte ranges of the installer. With
 * `useMultipleRangeRequest: false` it sends one range per request, so the server only needs
 * single-range `Range: bytes=a-b` support (no multipart/byteranges responses).
 */
import type { UpdateChannel } from '../bridge.ts';

/** Path of the feed under the server URL. */
export const UPDATE_FEED_PATH = '/updates/';

/** electron-updater's channel name: its stable channel is called `latest`. */
export function updaterChannelName(channel: UpdateChannel): 'latest' | 'beta' {
  return channel === 'stable' ? 'latest' : 'beta';
}

/** The options given to `autoUpdater.setFeedURL` (electron-builder's GenericServerOptions). */
export interface GenericFeedOptions {
  readonly provider: 'generic';
  readonly url: string;
  readonly channel: 'latest' | 'beta';
  readonly useMultipleRangeRequest: false;
}

export function updateFeedOptions(serverUrl: string, channel: UpdateChannel): GenericFeedOptions {
  return {
    provider: 'generic',
    url: `${serverUrl.replace(/\/+$/, '')}${UPDATE_FEED_PATH}`,
    channel: updaterChannelName(channel),
    useMultipleRangeRequest: false,
  };
}

/**
 * The file electron-updater fetches for a channel on a platform (its Provider's naming: no suffix
 * on Windows for historical reasons, `-mac`, `-linux` plus `-<arch>` except on x64).
 */
export function channelFileName(channel: UpdateChannel, platform: 'win32' | 'darwin' | 'linux', arch: string): string {
  const base = updaterChannelName(channel);
  if (platform === 'win32') return `${base}.yml`;
  if (platform === 'darwin') return `${base}-mac.yml`;
  return `${base}-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
}
