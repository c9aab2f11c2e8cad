/**
 * The desktop settings: what the user chose (`settings.json` in userData), merged with the machine
 * policy and the build-time preset. Who wins, for the server address: a locked policy, then the
 * `COMPTOIR_SERVER_URL` environment variable (development, end-to-end tests), then the user's
 * choice, then the policy's unlocked preset, then the build-time preset. The same for the channel,
 * without the environment, defaulting to `stable`. The locale follows the user, else the OS.
 */
import type { DesktopSettings, IpcResult, UiLocale, UpdateChannel } from '../bridge.ts';
import type { MachinePolicy } from './machine-policy.ts';
import { normalizeServerUrl } from './server-url.ts';

/** What the user changed, as stored in userData/settings.json. */
export interface UserSettings {
  readonly serverUrl?: string;
  readonly updateChannel?: UpdateChannel;
  readonly locale?: UiLocale;
}

/** Reads settings.json leniently: it is ours, so a bad field (a hand edit) is dropped, not fatal. */
export function parseUserSettings(text: string): UserSettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const record = data as Record<string, unknown>;
  return {
    ...(typeof record.serverUrl === 'string' ? { serverUrl: record.serverUrl } : {}),
    ...(record.updateChannel === 'stable' || record.updateChannel === 'beta' ? { updateChannel: record.updateChannel } : {}),
    ...(record.locale === 'fr' || record.locale === 'en' ? { locale: record.locale } : {}),
  };
}

/** French where the OS speaks French, English otherwise (DESIGN §12). */
export function localeFromSystem(systemLocale: string): UiLocale {
  return systemLocale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export interface SettingsInputs {
  readonly policy: MachinePolicy;
  readonly user: UserSettings;
  readonly buildDefaultServerUrl: string | null;
  readonly envServerUrl: string | undefined;
  readonly systemLocale: string;
}

/** The settings in force, plus what the policy decides beyond them. */
export function resolveSettings(inputs: SettingsInputs): DesktopSettings & { readonly autoUpdate: boolean } {
  const { policy, user } = inputs;
  const allowInsecureHttp = policy.allowInsecureHttp === true;
  const valid = (url: string | undefined): string | null => {
    if (url === undefined) return null;
    const normalized = normalizeServerUrl(url, { allowInsecureHttp });
    return normalized.ok ? normalized.value : null;
  };
  const serverUrlLocked = policy.lockServerUrl === true && valid(policy.serverUrl) !== null;
  const serverUrl = serverUrlLocked
    ? valid(policy.serverUrl)
    : (valid(inputs.envServerUrl) ?? valid(user.serverUrl) ?? valid(policy.serverUrl) ?? inputs.buildDefaultServerUrl);
  const updateChannelLocked = policy.lockUpdateChannel === true && policy.updateChannel !== undefined;
  const updateChannel = updateChannelLocked ? (policy.updateChannel ?? 'stable') : (user.updateChannel ?? policy.updateChannel ?? 'stable');
  return {
    serverUrl,
    serverUrlLocked,
    updateChannel,
    updateChannelLocked,
    locale: user.locale ?? localeFromSystem(inputs.systemLocale),
    autoUpdate: policy.disableAutoUpdate !== true,
  };
}

export interface SettingsServiceDeps extends Omit<SettingsInputs, 'user'> {
  readonly initialUser: UserSettings;
  readonly saveUser: (user: UserSettings) => Promise<void>;
}

/** Holds the user's settings, persists each change and tells listeners (CSP, updater, menu). */
export function createSettingsService(deps: SettingsServiceDeps) {
  let user = deps.initialUser;
  const listeners = new Set<(settings: ReturnType<typeof resolveSettings>) => void>();
  const current = () => resolveSettings({ ...deps, user });

  async function update(change: UserSettings): Promise<IpcResult<DesktopSettings>> {
    user = { ...user, ...change };
    await deps.saveUser(user);
    const settings = current();
    for (const listener of listeners) listener(settings);
    return { ok: true, value: publicView(settings) };
  }

  return {
    current,
    get: (): IpcResult<DesktopSettings> => ({ ok: true, value: publicView(current()) }),
    onChange(listener: (settings: ReturnType<typeof resolveSettings>) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async setServerUrl(serverUrl: string): Promise<IpcResult<DesktopSettings>> {
      if (current().serverUrlLocked) return { ok: false, error: { code: 'POLICY_LOCKED', message: 'The server address is set by your IT department.' } };
      const normalized = normalizeServerUrl(serverUrl, { allowInsecureHttp: deps.policy.allowInsecureHttp === true });
      if (!normalized.ok) return normalized;
      return update({ serverUrl: normalized.value });
    },
    async setUpdateChannel(updateChannel: UpdateChannel): Promise<IpcResult<DesktopSettings>> {
      if (current().updateChannelLocked) return { ok: false, error: { code: 'POLICY_LOCKED', message: 'The update channel is set by your IT department.' } };
      return update({ updateChannel });
    },
    setLocale: (locale: UiLocale): Promise<IpcResult<DesktopSettings>> => update({ locale }),
  };
}

function publicView(settings: ReturnType<typeof resolveSettings>): DesktopSettings {
  const { autoUpdate: _autoUpdate, ...view } = settings;
  return view;
}
