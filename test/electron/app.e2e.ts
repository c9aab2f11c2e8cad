// End to end through the real Electron binary with Playwright's `_electron.launch` (DESIGN §2).
// The binary is downloaded from GitHub by electron's install script, which cannot run here: where
// it is missing every test is reported as skipped with the reason, rather than silently passing.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { _electron as electron, expect, test } from '@playwright/test';
import { bundleElectron } from '../../electron/build/bundle.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/**
 * Where `require('electron')` would point, without requiring it: when the binary is missing, the
 * electron package's index.js tries to download it, which must not happen in a test run.
 */
function electronBinary(): string | null {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(dist, relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const rendererBuilt = existsSync(path.join(root, 'dist', 'renderer', 'index.html'));
const server = {
  url: process.env.COMPTOIR_E2E_SERVER_URL,
  user: process.env.COMPTOIR_E2E_USER,
  password: process.env.COMPTOIR_E2E_PASSWORD,
  dossierId: process.env.COMPTOIR_E2E_DOSSIER_ID,
};

test.describe('Comptoir desktop', () => {
  test.skip(binary === null, 'Electron binary not present');
  test.skip(!rendererBuilt, 'Renderer not built: run `vite build` first (dist/renderer/index.html)');

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    await bundleElectron();
  });

  test.beforeEach(async () => {
    profile = await mkdtemp(path.join(tmpdir(), 'comptoir-e2e-'));
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [path.join(root, 'dist', 'electron', 'main.cjs'), `--user-data-dir=${path.join(profile, 'user-data')}`],
      env: {
        ...process.env,
        // A fresh profile and no machine policy: nothing from the developer's own install leaks in.
        XDG_CONFIG_HOME: profile,
        COMPTOIR_POLICY_FILE: path.join(profile, 'no-policy.json'),
        ...(server.url === undefined ? {} : { COMPTOIR_SERVER_URL: server.url }),
      },
    });
    page = await app.firstWindow();
  });

  test.afterEach(async () => {
    await app.close();
    await rm(profile, { recursive: true, force: true });
  });

  test('opens one isolated, sandboxed window on app://', async () => {
    expect(page.url()).toMatch(/^app:\/\/comptoir\//);
    const globals = await page.evaluate(() => ({
      bridge: typeof (window as { comptoir?: unknown }).comptoir,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
    // No Node in the page (sandbox, no nodeIntegration); the bridge is the only way out.
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    const opened = await page.evaluate(() => window.open('app://comptoir/index.html'));
    expect(opened).toBeNull();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('stays on the app when the page tries to navigate away', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/comptoir\//);
  });

  test('logs in, opens a dossier from a deep link and saves its quote as a PDF', async () => {
    test.skip(
      server.url === undefined || server.user === undefined || server.password === undefined || server.dossierId === undefined,
      'Set COMPTOIR_E2E_SERVER_URL, COMPTOIR_E2E_USER, COMPTOIR_E2E_PASSWORD and COMPTOIR_E2E_DOSSIER_ID to a running sync server',
    );
    await page.getByLabel(/e-?mail|identifiant|utilisateur|user/i).fill(server.user ?? '');
    await page.getByLabel(/mot de passe|password/i).fill(server.password ?? '');
    await page.getByRole('button', { name: /se connecter|connexion|log in|sign in/i }).click();

    // macOS delivers deep links as `open-url`; the app handles it the same way on every platform.
    await app.evaluate(({ app: electronApp }, link) => {
      electronApp.emit('open-url', { preventDefault: () => {} }, link);
    }, `comptoir://dossier/${server.dossierId ?? ''}`);
    await expect(page.getByRole('heading', { name: new RegExp(server.dossierId ?? '', 'i') })).toBeVisible();

    // The native save dialog cannot be driven: answer it from the main process.
    const target = path.join(profile, 'quote.pdf');
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, target);
    await page.getByRole('button', { name: /pdf/i }).first().click();
    await expect.poll(() => existsSync(target), { timeout: 15_000 }).toBe(true);
    expect((await readFile(target)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
