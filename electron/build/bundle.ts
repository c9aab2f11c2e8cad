/**
 * Bundles the main process and the preload into dist/electron/ with Vite's library build:
 * - main.cjs: everything (electron-updater included) in one file, so the packaged app needs no
 *   node_modules — electron-builder.yml packs only dist/;
 * - preload.cjs: one CommonJS file requiring nothing but `electron`, which is all a sandboxed
 *   preload may require (webPreferences.sandbox: true).
 * Run by `npm run dist` (electron/build/dist.ts) or on its own: `node electron/build/bundle.ts`.
 */
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..', '..');

async function bundle(entry: string, fileName: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // Node built-ins and dependencies are bundled for Node, not for a browser.
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: path.join(root, 'electron', entry),
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: fileName },
      },
    },
  });
}

/** Builds both bundles; the preload first, as it is the one with the stricter constraints. */
export async function bundleElectron(outDir = path.join(root, 'dist', 'electron')): Promise<void> {
  await bundle('preload.ts', 'preload.cjs', outDir);
  await bundle('main.ts', 'main.cjs', outDir);
}

if (import.meta.main) {
  await bundleElectron();
}
