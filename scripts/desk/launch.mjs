// What `npm start` and `npm run web` do (README "Running it", DESIGN §1 runtime modes): the sync
// server on its embedded defaults with the demo desk, the UI built if needed, then the desktop app
// or the same UI served to a browser by the sync server itself (one origin for UI and API).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { ensureRendererBuilt } from './renderer-build.mjs';
import { startSyncServer } from './sync-server-process.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const log = (line) => console.log(line);

/** The demo sign-ins (sync-server/admin/demo.ts); only meaningful while the demo desk is loaded. */
async function credentialsText() {
  const demo = await import(pathToFileURL(path.join(root, 'sync-server', 'admin', 'demo.ts')).href);
  return demo.demoCredentialsText();
}

/** Bundles the main process and starts Electron on the local server; resolves with its exit code. */
async function runElectron(binary, url) {
  const { bundleElectron } = await import(pathToFileURL(path.join(root, 'electron', 'build', 'bundle.ts')).href);
  await bundleElectron();
  const child = spawn(binary, [path.join(root, 'dist', 'electron', 'main.cjs')], {
    cwd: root,
    env: { ...process.env, COMPTOIR_SERVER_URL: url },
    stdio: 'inherit',
  });
  return {
    child,
    exited: new Promise((resolve) => {
      child.once('error', () => resolve(1));
      child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    }),
  };
}

/**
 * `mode`: 'desktop' (npm start: Electron when its binary is installed, else the browser variant,
 * said plainly) or 'browser' (npm run web). Runs until Ctrl+C (or the desktop app is closed), then
 * shuts the server down gracefully.
 */
export async function launchDesk(mode) {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  log(`Comptoir ${version} — Node ${process.version}`);
  // A directory given with COMPTOIR_WEB_DIR is someone else's build: serve it as it is.
  if (process.env.COMPTOIR_WEB_DIR === undefined) await ensureRendererBuilt(root, log);

  log('Starting the sync server …');
  let server;
  try {
    server = await startSyncServer(root, log);
  } catch (error) {
    log(`The sync server could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  const url = `${server.url.replace(/\/+$/, '')}/`;
  log(`Sync server ready at ${url} (health: ${url}health)`);
  log(await credentialsText());

  let desktop = null;
  const binary = mode === 'desktop' ? electronBinary(root) : null;
  if (mode === 'desktop' && binary === null) {
    log('The Electron binary is not installed on this machine; serving the same UI to your browser instead.');
  }
  if (binary !== null) {
    log('Starting the desktop app …');
    try {
      desktop = await runElectron(binary, server.url);
    } catch (error) {
      log(`The desktop app could not start (${error instanceof Error ? error.message : String(error)}); serving the UI to your browser instead.`);
    }
  }
  if (desktop === null) log(`Open ${url} in your browser. Press Ctrl+C to stop.`);

  let signals = 0;
  const shutdown = async () => {
    if (++signals > 1) {
      log('Stopping now.');
      server.child.kill('SIGKILL');
      desktop?.child.kill('SIGKILL');
      process.exit(1);
    }
    log('Stopping …');
    desktop?.child.kill('SIGTERM');
    const code = await server.stop();
    log(code === 0 ? 'Stopped.' : `The sync server stopped with exit code ${code}.`);
    process.exit(code === 0 ? 0 : 1);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  desktop?.exited.then((code) => {
    if (signals > 0) return;
    if (code === 0) {
      log('The desktop app was closed.');
      void shutdown();
    } else {
      log(`The desktop app exited with code ${code}; the UI is still served at ${url}. Press Ctrl+C to stop.`);
    }
  });
  server.exited.then((code) => {
    if (signals > 0) return;
    log(`The sync server stopped unexpectedly (exit code ${code}).`);
    desktop?.child.kill('SIGTERM');
    process.exit(1);
  });
}
