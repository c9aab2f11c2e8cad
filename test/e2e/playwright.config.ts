// End-to-end tests of the renderer in Debian's Chromium (DESIGN §2: never `npx playwright install`).
// The renderer is built with vite and served by `vite preview` on a free port; its /api proxy points
// at COMPTOIR_SERVER_URL (default http://127.0.0.1:8787) for the specs that need the sync server.
import { createServer } from 'node:net';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// Workers evaluate this file again: they inherit the ports through the environment.
process.env.COMPTOIR_E2E_PORT ??= String(await freePort());
process.env.COMPTOIR_E2E_SYNC_PORT ??= String(await freePort());
const port = Number(process.env.COMPTOIR_E2E_PORT);
const syncPort = Number(process.env.COMPTOIR_E2E_SYNC_PORT);
const baseURL = `http://127.0.0.1:${port}`;
/** COMPTOIR_E2E_NO_SERVER=1 runs the local-only specs without starting a sync server. */
export const withSyncServer = process.env.COMPTOIR_E2E_NO_SERVER !== '1';
const syncUrl = `http://127.0.0.1:${syncPort}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(root, 'test-results/e2e-artifacts'),
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1440, height: 900 } } }],
  webServer: [
    ...(withSyncServer
      ? [
          {
            command: `"${process.execPath}" test/e2e/support/sync-server.ts ${syncPort}`,
            cwd: root,
            url: `${syncUrl}/health`,
            reuseExistingServer: false,
            timeout: 180_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
    {
      // The preview server forwards /api to the sync server: the page and the API share an origin.
      command: `npx vite build && npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
      cwd: root,
      url: baseURL,
      env: { COMPTOIR_SERVER_URL: syncUrl },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
  ],
});
