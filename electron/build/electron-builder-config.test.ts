// electron-builder.yml checked against electron-builder's own JSON schema (app-builder-lib/scheme.json),
// since its NSIS/AppImage/notarization tools cannot run here (DESIGN §2). A misspelt key fails.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// js-yaml is electron-updater's YAML parser; it ships no types, so its one function is typed here.
const { load } = require('js-yaml') as { load: (text: string) => unknown };
const root = path.resolve(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
const configText = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

function validate(config: unknown): string[] {
  // strict: false — the schema uses `tsType` annotations that are not JSON Schema keywords.
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema);
  return check(config) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  mac: Record<string, unknown>;
  publish: { provider: string; url: string; useMultipleRangeRequest: boolean }[];
};
const config = load(configText) as Config;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder 26 schema', () => {
    expect(validate(config)).toEqual([]);
  });

  it('fails validation when a key is misspelt', () => {
    const typo = load(configText.replace(/^nsis:/m, 'nsiss:'));
    expect(validate(typo).join('\n')).toContain('nsiss');
  });

  it('fails validation when a nested key is misspelt', () => {
    const typo = load(configText.replace('  oneClick: false', '  oneclick: false'));
    expect(validate(typo).join('\n')).toContain('oneclick');
  });

  it('sets every fuse the security checklist asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('publishes to the sync server update feed with single-range requests', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.COMPTOIR_SERVER_URL}/updates/', useMultipleRangeRequest: false }]);
  });

  it('builds an assisted NSIS installer (silent /allusers and /currentuser work only there)', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
  });

  it('builds a notarized, hardened, universal macOS dmg and zip', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, entitlements: 'resources/entitlements.mac.plist' });
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ]);
  });

  it('names no artifact with a space', () => {
    const names = configText.match(/artifactName: .*/g) ?? [];
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(name.replace('artifactName: ', '')).not.toMatch(/\s/);
  });

  it('points at resource files that exist', () => {
    for (const file of ['resources/entitlements.mac.plist', 'resources/icons/icon.png', 'resources/icons/tray.png', 'resources/icons/badge-overlay.png']) {
      expect(readFileSync(path.join(root, file)).byteLength).toBeGreaterThan(0);
    }
  });
});
