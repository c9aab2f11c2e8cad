import { expect, snap, test } from './fixtures.ts';

test('the login screen asks for credentials, with the server address behind the gear', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Comptoir' })).toBeVisible();
  await expect(page.getByLabel('Adresse e-mail')).toBeVisible();
  await page.getByRole('button', { name: 'Paramètres de connexion' }).click();
  await expect(page.getByRole('dialog', { name: 'Paramètres de connexion' }).getByLabel('Adresse du serveur')).toBeVisible();
  await snap(page, '01-login-server-settings');
});

test('after a first sign-in the app opens offline on local data', async ({ signedInPage: page }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  // No session to sync with on this device: the header says the app works on the local database.
  await expect(page.getByRole('status', { name: 'État de la synchronisation' })).toContainText('Base locale');
  await snap(page, '02-inbox-empty');
});
