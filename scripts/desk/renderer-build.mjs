// Builds the renderer (`vite build` → dist/renderer) when the build is missing or older than its
// sources, so `npm start` on a fresh clone or after a pull shows the current UI.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the renderer bundle is made of: its own sources, the core it imports, the Vite config. */
const SOURCES = ['renderer', 'core', 'vite.config.ts', 'package.json'];

/** The newest modification time under `entry` (a file or a directory), skipping tests. */
function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (child === 'node_modules' || child.startsWith('.')) continue;
    if (/\.test\.tsx?$/.test(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Why the renderer must be (re)built, or null when dist/renderer is up to date. */
export function rendererBuildReason(root) {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return 'dist/renderer is missing';
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(path.join(root, source)) > built);
  return changed === undefined ? null : `${changed} changed since the last build`;
}

/**
 * Runs `vite build` when needed. Resolves to true when dist/renderer/index.html exists afterwards
 * (freshly built, already up to date, or an older build kept after a failed one).
 */
export async function ensureRendererBuilt(root, log) {
  const reason = rendererBuildReason(root);
  if (reason === null) return true;
  log(`Building the user interface (${reason}): vite build …`);
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  const usable = existsSync(path.join(root, 'dist', 'renderer', 'index.html'));
  if (code !== 0) log(usable ? 'The UI build failed: serving the previous build in dist/renderer.' : 'The UI build failed and there is no previous build: the server runs without its UI.');
  return usable;
}
