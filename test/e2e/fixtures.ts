import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const screenshots = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** The user a previous sign-in left on this machine (what `sessionStore.login` stores). */
export const AGENT = { id: 'user-claire', email: 'claire@example.fr', name: 'Claire Martin', role: 'agent', team: 'alpes' } as const;

/**
 * A page as after a first sign-in: the app opens on local data with no server at all, which is the
 * "works offline" promise of issue 4. Specs that sign in for real use the plain `page` instead.
 */
export const test = base.extend<{ signedInPage: Page }>({
  signedInPage: async ({ page }, use) => {
    await page.addInitScript((user) => {
      if (localStorage.getItem('comptoir.user') === null) localStorage.setItem('comptoir.user', JSON.stringify(user));
    }, AGENT);
    await use(page);
  },
});

/** Saves a full-page screenshot under test-results/screenshots/ (look at them: issue 4). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: false });
}

export { expect };
