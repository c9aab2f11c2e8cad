import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Environment for a child process using `env` as its storage (nothing inherited decides it). */
export function childEnv(env: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: '', COMPTOIR_DB_SCHEMA: '', COMPTOIR_DATA_DIR: '', ...env };
}

/** Runs `node <script> …args` (Node 22 runs TypeScript) and collects its output. */
export function runNode(script: string, args: readonly string[], env: Readonly<Record<string, string>>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running `node <script>`; the caller stops it. */
export function startNode(script: string, env: Readonly<Record<string, string>>): ChildProcess {
  return spawn(process.execPath, [script], { cwd: ROOT, env: childEnv(env) });
}
