/**
 * `npm run dist`: checks what electron-builder needs, bundles the main process and preload, then
 * runs electron-builder with electron-builder.yml, passing any extra arguments through
 * (`npm run dist -- --win`, `-- --mac --universal`, `-- -c.win.azureSignOptions.endpoint=…`).
 * Installers land in release/<version>/. Publishing is never done here: `admin release publish`
 * copies a release directory into the sync server's feed (docs/it-deployment.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bundleElectron } from './bundle.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

/** What is missing before a build can succeed, as messages for the person running it. */
export function distPreflight(env: Readonly<Record<string, string | undefined>>, exists: (file: string) => boolean): string[] {
  const problems: string[] = [];
  if (!env.COMPTOIR_SERVER_URL) {
    problems.push(
      'COMPTOIR_SERVER_URL is not set: the sync server the installers point at by default, e.g. https://comptoir.example.com ' +
        '(use https://unset.invalid to build without a preset; users or the machine policy then give it).',
    );
  }
  if (!exists(path.join(root, 'dist', 'renderer', 'index.html'))) {
    problems.push('dist/renderer/index.html is missing: build the renderer first (Vite, output dist/renderer).');
  }
  return problems;
}

if (import.meta.main) {
  const problems = distPreflight(process.env, existsSync);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`dist: ${problem}`);
    process.exit(1);
  }
  await bundleElectron();
  const builder = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
  const result = spawnSync(builder, ['--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    // .cmd shims need a shell on Windows; arguments come from the person running the build.
    shell: process.platform === 'win32',
  });
  process.exit(result.status ?? 1);
}
