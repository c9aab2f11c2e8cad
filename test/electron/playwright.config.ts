// Playwright configuration for the Electron end-to-end spec (app.e2e.ts): `npm run test:electron`
// (npx playwright test -c test/electron/playwright.config.ts). Vitest never picks it up: it only
// runs *.test.ts files.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  // One Electron app at a time: the app holds a single-instance lock and 2 cores are shared.
  workers: 1,
  timeout: 60_000,
  // The list reporter shows a skip without its reason; skip-reasons.ts prints the reason.
  reporter: [['list'], ['./skip-reasons.ts']],
  outputDir: '../../test-results/electron',
});
