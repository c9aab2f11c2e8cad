/**
 * The machine policy IT deploys next to the installer (GPO, Intune, Jamf, Ansible…): a JSON file
 * in a system-wide, admin-writable place that presets — and may lock — the server address and the
 * update channel (docs/it-deployment.md "Pointing clients at the server"). Unknown keys are
 * reported, not ignored, so a typo in a deployed policy shows up in the log instead of silently
 * doing nothing.
 */
import path from 'node:path';
import type { Result } from '../../core/shared/result.ts';
import type { UpdateChannel } from '../bridge.ts';

export interface MachinePolicy {
  readonly serverUrl?: string;
  /** The user cannot change the server address. */
  readonly lockServerUrl?: boolean;
  readonly updateChannel?: UpdateChannel;
  readonly lockUpdateChannel?: boolean;
  /** Turn auto-update off (IT pushes every version itself). */
  readonly disableAutoUpdate?: boolean;
  /** Allow an http:// server (a LAN server without TLS). Off by default. */
  readonly allowInsecureHttp?: boolean;
}

/** Where the policy lives; env overrides it (`COMPTOIR_POLICY_FILE`) for testing a policy before deploying it. */
export function machinePolicyPath(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (env.COMPTOIR_POLICY_FILE) return env.COMPTOIR_POLICY_FILE;
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Comptoir', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Comptoir/policy.json';
  return '/etc/comptoir/policy.json';
}

const BOOLEAN_KEYS = ['lockServerUrl', 'lockUpdateChannel', 'disableAutoUpdate', 'allowInsecureHttp'] as const;

/** Parses the policy file's text. */
export function parseMachinePolicy(text: string): Result<MachinePolicy, 'INVALID_POLICY'> {
  const invalid = (why: string) => ({ ok: false, error: { code: 'INVALID_POLICY', message: `Machine policy ignored: ${why}` } }) as const;
  let data: unknown;
  try {
    // A UTF-8 BOM is what Notepad and PowerShell's Out-File write; accept it.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return invalid('not valid JSON.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return invalid('not a JSON object.');
  const record = data as Record<string, unknown>;
  const known = new Set<string>(['serverUrl', 'updateChannel', ...BOOLEAN_KEYS]);
  const unknownKey = Object.keys(record).find((key) => !known.has(key));
  if (unknownKey !== undefined) return invalid(`unknown key "${unknownKey}".`);
  const policy: { -readonly [K in keyof MachinePolicy]: MachinePolicy[K] } = {};
  if (record.serverUrl !== undefined) {
    if (typeof record.serverUrl !== 'string') return invalid('serverUrl must be a string.');
    policy.serverUrl = record.serverUrl;
  }
  if (record.updateChannel !== undefined) {
    if (record.updateChannel !== 'stable' && record.updateChannel !== 'beta') return invalid('updateChannel must be "stable" or "beta".');
    policy.updateChannel = record.updateChannel;
  }
  for (const key of BOOLEAN_KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return invalid(`${key} must be true or false.`);
    policy[key] = value;
  }
  return { ok: true, value: policy };
}
