import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { release } from '../../../electron/updates/testing/updater-harness.ts';

export interface BuildOptions {
  /** Channel files to write (electron-builder writes both for a plain version, beta only for a prerelease). */
  readonly channels?: readonly ('latest' | 'beta')[];
  readonly stagingPercentage?: number;
  /** The channel files give a sha512 the installer does not have. */
  readonly tamperedSha512?: boolean;
  /** The Linux channel file name suffix (`-linux` on x64, `-linux-arm64` …). */
  readonly linuxSuffix?: string;
}

/**
 * A directory as `npm run dist` leaves it for one Linux build (electron-builder's `release/<version>/`):
 * channel files, the .deb installer, a blockmap, and what must never be published
 * (builder-debug.yml, an unpacked directory). Installer bytes and channel files come from the
 * updater harness, so the real electron-updater accepts them.
 */
export function writeBuild(version: string, options: BuildOptions = {}): { dir: string; installer: string; installerBytes: Uint8Array; channelFile: string } {
  const plain = !version.includes('-');
  const channels = options.channels ?? (plain ? ['latest', 'beta'] : ['beta']);
  const built = release(version, {
    ...(options.stagingPercentage === undefined ? {} : { stagingPercentage: options.stagingPercentage }),
    ...(options.tamperedSha512 === true ? { tamperedSha512: true } : {}),
  });
  const dir = mkdtempSync(path.join(tmpdir(), `comptoir-build-${version}-`));
  writeFileSync(path.join(dir, built.installer.name), built.installer.bytes);
  writeFileSync(path.join(dir, `${built.installer.name}.blockmap`), `blockmap of ${version}`);
  for (const channel of channels) writeFileSync(path.join(dir, `${channel}${options.linuxSuffix ?? '-linux'}.yml`), built.channelFile);
  writeFileSync(path.join(dir, 'builder-debug.yml'), 'x64: /home/builder/secret/paths\n');
  mkdirSync(path.join(dir, 'linux-unpacked'));
  writeFileSync(path.join(dir, 'linux-unpacked', 'comptoir'), 'binary');
  return { dir, installer: built.installer.name, installerBytes: built.installer.bytes, channelFile: built.channelFile };
}
