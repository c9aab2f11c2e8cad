/**
 * Reads the three sources of the desktop settings at start-up — the machine policy, the user's
 * settings.json and the build-time preset in app-update.yml — and builds the settings service.
 * A missing file is normal; a malformed policy is logged (IT needs to know) and ignored.
 */
import path from 'node:path';
import type { NodeFiles } from './node-files.ts';
import { machinePolicyPath, parseMachinePolicy } from '../settings/machine-policy.ts';
import type { MachinePolicy } from '../settings/machine-policy.ts';
import { createSettingsService, parseUserSettings } from '../settings/settings-service.ts';
import { serverUrlFromUpdateConfig } from '../settings/server-url.ts';

export interface LoadSettingsDeps {
  readonly files: Pick<NodeFiles, 'readText' | 'writeTextAtomic'>;
  readonly userDataDir: string;
  /** resources/app-update.yml of a packaged app; null in development. */
  readonly updateConfigFile: string | null;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly systemLocale: string;
  readonly log: (message: string) => void;
}

async function readOptional(files: LoadSettingsDeps['files'], file: string): Promise<string | null> {
  try {
    return await files.readText(file);
  } catch {
    return null;
  }
}

export async function loadSettings(deps: LoadSettingsDeps) {
  const policyFile = machinePolicyPath(deps.platform, deps.env);
  const policyText = await readOptional(deps.files, policyFile);
  let policy: MachinePolicy = {};
  if (policyText !== null) {
    const parsed = parseMachinePolicy(policyText);
    if (parsed.ok) policy = parsed.value;
    else deps.log(`${policyFile}: ${parsed.error.message}`);
  }
  const userFile = path.join(deps.userDataDir, 'settings.json');
  const userText = await readOptional(deps.files, userFile);
  const updateConfig = deps.updateConfigFile === null ? null : await readOptional(deps.files, deps.updateConfigFile);
  return createSettingsService({
    policy,
    initialUser: userText === null ? {} : parseUserSettings(userText),
    saveUser: (user) => deps.files.writeTextAtomic(userFile, `${JSON.stringify(user, null, 2)}\n`),
    buildDefaultServerUrl: updateConfig === null ? null : serverUrlFromUpdateConfig(updateConfig),
    envServerUrl: deps.env.COMPTOIR_SERVER_URL,
    systemLocale: deps.systemLocale,
  });
}

export type SettingsService = Awaited<ReturnType<typeof loadSettings>>;
