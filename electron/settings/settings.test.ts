import { describe, expect, it, vi } from 'vitest';
import { machinePolicyPath, parseMachinePolicy } from './machine-policy.ts';
import { normalizeServerUrl, serverOrigin, serverUrlFromUpdateConfig } from './server-url.ts';
import type { SettingsInputs } from './settings-service.ts';
import { createSettingsService, localeFromSystem, parseUserSettings, resolveSettings } from './settings-service.ts';

describe('server address', () => {
  it.each([
    ['https://comptoir.example.com', 'https://comptoir.example.com'],
    ['  https://Comptoir.Example.com/ ', 'https://comptoir.example.com'],
    ['https://intranet.example/comptoir/', 'https://intranet.example/comptoir'],
    ['https://comptoir.example.com:8443', 'https://comptoir.example.com:8443'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeServerUrl(input, { allowInsecureHttp: false })).toEqual({ ok: true, value: expected });
  });

  it.each(['http://comptoir.lan', 'ftp://comptoir.example.com', 'https://user:pw@comptoir.example.com', 'https://comptoir.example.com/?a=1', 'comptoir.example.com', 'javascript:alert(1)'])(
    'refuses %j',
    (input) => {
      expect(normalizeServerUrl(input, { allowInsecureHttp: false })).toMatchObject({ ok: false, error: { code: 'INVALID_SERVER_URL' } });
    },
  );

  it('accepts http on a LAN only when the machine policy allows it', () => {
    expect(normalizeServerUrl('http://10.0.0.5:8787', { allowInsecureHttp: true })).toEqual({ ok: true, value: 'http://10.0.0.5:8787' });
  });

  it('gives the CSP the origin only', () => {
    expect(serverOrigin('https://intranet.example/comptoir')).toBe('https://intranet.example');
  });

  it('reads the build-time preset from app-update.yml', () => {
    const yaml = 'provider: generic\nurl: https://comptoir.example.com/updates/\nuseMultipleRangeRequest: false\nupdaterCacheDirName: comptoir-updater\n';
    expect(serverUrlFromUpdateConfig(yaml)).toBe('https://comptoir.example.com');
    expect(serverUrlFromUpdateConfig('provider: generic\nurl: https://unset.invalid/updates/\n')).toBeNull();
    expect(serverUrlFromUpdateConfig('provider: generic\n')).toBeNull();
  });
});

describe('machine policy', () => {
  it('lives where IT can write and users cannot', () => {
    expect(machinePolicyPath('win32', { ProgramData: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\Comptoir\\policy.json');
    expect(machinePolicyPath('darwin', {})).toBe('/Library/Application Support/Comptoir/policy.json');
    expect(machinePolicyPath('linux', {})).toBe('/etc/comptoir/policy.json');
    expect(machinePolicyPath('linux', { COMPTOIR_POLICY_FILE: '/tmp/p.json' })).toBe('/tmp/p.json');
  });

  it('parses a policy written by PowerShell (with a BOM)', () => {
    const text = '\uFEFF{"serverUrl":"https://comptoir.example.com","lockServerUrl":true,"updateChannel":"stable","lockUpdateChannel":true}';
    expect(parseMachinePolicy(text)).toEqual({
      ok: true,
      value: { serverUrl: 'https://comptoir.example.com', lockServerUrl: true, updateChannel: 'stable', lockUpdateChannel: true },
    });
  });

  it.each([
    ['{"serverURL":"https://x.example"}', 'unknown key "serverURL"'],
    ['{"updateChannel":"nightly"}', 'updateChannel'],
    ['{"lockServerUrl":"yes"}', 'lockServerUrl'],
    ['[1]', 'not a JSON object'],
    ['{', 'not valid JSON'],
  ])('reports a mistake in %s', (text, message) => {
    const parsed = parseMachinePolicy(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain(message);
  });
});

const inputs = (overrides: Partial<SettingsInputs> = {}): SettingsInputs => ({
  policy: {},
  user: {},
  buildDefaultServerUrl: null,
  envServerUrl: undefined,
  systemLocale: 'fr-FR',
  ...overrides,
});

describe('settings resolution', () => {
  it('starts from the build preset, stable channel, OS language', () => {
    expect(resolveSettings(inputs({ buildDefaultServerUrl: 'https://preset.example' }))).toEqual({
      serverUrl: 'https://preset.example',
      serverUrlLocked: false,
      updateChannel: 'stable',
      updateChannelLocked: false,
      locale: 'fr',
      autoUpdate: true,
    });
    expect(localeFromSystem('en-GB')).toBe('en');
  });

  it('prefers the user over an unlocked policy, and a locked policy over everyone', () => {
    const user = { serverUrl: 'https://mine.example', updateChannel: 'beta' as const };
    expect(resolveSettings(inputs({ user, policy: { serverUrl: 'https://it.example' } })).serverUrl).toBe('https://mine.example');
    const locked = resolveSettings(inputs({ user, envServerUrl: 'http://localhost:1', policy: { serverUrl: 'https://it.example', lockServerUrl: true, updateChannel: 'stable', lockUpdateChannel: true } }));
    expect(locked).toMatchObject({ serverUrl: 'https://it.example', serverUrlLocked: true, updateChannel: 'stable', updateChannelLocked: true });
  });

  it('lets the environment point a development build at a local server', () => {
    expect(resolveSettings(inputs({ envServerUrl: 'http://localhost:8787', user: { serverUrl: 'https://mine.example' } })).serverUrl).toBe('http://localhost:8787');
  });

  it('ignores a malformed user file field by field', () => {
    expect(parseUserSettings('{"serverUrl":"https://a.example","updateChannel":"nightly","locale":"en"}')).toEqual({ serverUrl: 'https://a.example', locale: 'en' });
    expect(parseUserSettings('not json')).toEqual({});
  });
});

describe('settings service', () => {
  it('saves a change and tells listeners', async () => {
    const saveUser = vi.fn(async () => {});
    const service = createSettingsService({ ...inputs(), initialUser: {}, saveUser });
    const listener = vi.fn();
    service.onChange(listener);
    expect(await service.setServerUrl('https://comptoir.example.com/')).toMatchObject({ ok: true, value: { serverUrl: 'https://comptoir.example.com' } });
    expect(saveUser).toHaveBeenCalledWith({ serverUrl: 'https://comptoir.example.com' });
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ serverUrl: 'https://comptoir.example.com' }));
  });

  it('refuses changes IT has locked, and bad addresses, without saving', async () => {
    const saveUser = vi.fn(async () => {});
    const service = createSettingsService({
      ...inputs({ policy: { serverUrl: 'https://it.example', lockServerUrl: true, updateChannel: 'stable', lockUpdateChannel: true } }),
      initialUser: {},
      saveUser,
    });
    expect(await service.setServerUrl('https://mine.example')).toMatchObject({ ok: false, error: { code: 'POLICY_LOCKED' } });
    expect(await service.setUpdateChannel('beta')).toMatchObject({ ok: false, error: { code: 'POLICY_LOCKED' } });
    const open = createSettingsService({ ...inputs(), initialUser: {}, saveUser });
    expect(await open.setServerUrl('http://comptoir.lan')).toMatchObject({ ok: false, error: { code: 'INVALID_SERVER_URL' } });
    expect(saveUser).not.toHaveBeenCalled();
  });
});
