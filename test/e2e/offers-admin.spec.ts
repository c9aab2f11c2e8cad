import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, snap, test } from './fixtures.ts';
import { E2E_ADMIN } from './support/agents.ts';
import { signIn } from './support/desk.ts';

test.skip(process.env.COMPTOIR_E2E_NO_SERVER === '1', 'needs the sync server (unset COMPTOIR_E2E_NO_SERVER)');

const HEADER = "Code;Type;Libelle type;Intitulé;Type de périmètre;Code périmètre;Libellé périmètre;Date début;Date fin;Afficher l'offre sur la boutique virtuelle";

/** Page model of seed 002's "Offres" module, by label like an administrator would find things. */
function offersScreen(page: Page) {
  const filters = page.getByRole('region', { name: 'Filtrer' });
  return {
    filters,
    table: page.locator('table.offers-table'),
    row: (code: string): Locator => page.locator('table.offers-table tbody tr').filter({ has: page.getByRole('link', { name: code, exact: true }) }),
    codes: async (): Promise<string[]> => page.locator('table.offers-table tbody tr td a.mono').allTextContents(),
    async open(): Promise<void> {
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Offres' }).click();
      await expect(page.getByRole('heading', { name: 'Offres', level: 1 })).toBeVisible();
      // The demo's offers arrive by replication after the first sign-in.
      await expect(page.getByRole('link', { name: 'HIVER27', exact: true })).toBeVisible({ timeout: 30_000 });
    },
    async importFile(button: string, name: string, content: string): Promise<Locator> {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: button }).click();
      await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
      const dialog = page.getByRole('dialog', { name: `Aperçu de l’import : ${name}` });
      await expect(dialog).toBeVisible();
      return dialog;
    },
  };
}

test('an administrator filters, deletes and restores offers, opens a discount from a product, exports and previews an import', async ({ page }) => {
  page.on('pageerror', (error) => console.log(`[admin] ${error.message}`));
  await signIn(page, E2E_ADMIN);
  const offers = offersScreen(page);
  await offers.open();

  // Filters: scope type, then a group, then the title.
  await offers.filters.getByLabel('Type périmètre client').selectOption({ label: 'Groupe' });
  await expect(offers.row('CE2027')).toBeVisible();
  await expect(offers.row('HIVER27')).toHaveCount(0);
  await offers.filters.getByLabel('Groupe', { exact: true }).selectOption({ label: 'Établissements scolaires' });
  expect(await offers.codes()).toEqual(['SCOLAIRE27']);
  await offers.filters.getByRole('button', { name: 'Effacer les filtres' }).click();
  await offers.filters.getByLabel('Intitulé').fill('marché public');
  await expect.poll(() => offers.codes()).toEqual(['MPISERE', 'MPVILLEURBANNE']);
  await offers.filters.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(offers.row('CLUBS27')).toBeVisible();
  await snap(page, 'offers-01-list');

  // Soft delete one, find it among "Supprimées", restore it.
  await offers.row('CLUBS27').getByRole('button', { name: 'Supprimer l’offre CLUBS27' }).click();
  await expect(offers.row('CLUBS27')).toHaveCount(0);
  await offers.filters.getByLabel('État').selectOption({ label: 'Supprimées' });
  await expect(offers.row('CLUBS27')).toBeVisible();
  await offers.row('CLUBS27').getByRole('button', { name: 'Restaurer l’offre CLUBS27' }).click();
  await expect(offers.row('CLUBS27')).toHaveCount(0);
  // The demo's deleted offer comes back through the mass action "Restaurer les offres".
  await offers.row('NOEL2025').getByRole('checkbox', { name: 'Sélectionner NOEL2025' }).check();
  await page.getByRole('button', { name: /Restaurer les offres/ }).click();
  await expect(offers.row('NOEL2025')).toHaveCount(0);
  await offers.filters.getByLabel('État').selectOption({ label: 'En cours' });
  await expect(offers.row('CLUBS27')).toBeVisible();
  await expect(offers.row('NOEL2025')).toBeVisible();

  // A product's "Offres en cours", and "Consulter la remise" opening the offer with the discount highlighted.
  await page.getByRole('region', { name: 'Produit (référence ou libellé)' }).getByLabel('Produit (référence ou libellé)').fill('RM-6J-ADU');
  await page.getByRole('button', { name: /RM-6J-ADU/ }).first().click();
  const product = page.getByRole('dialog', { name: /Produit RM-6J-ADU/ });
  await expect(product.getByRole('heading', { name: 'Offres en cours' })).toBeVisible();
  await product.getByRole('link', { name: 'Consulter la remise RM6ADU (CE2027)' }).click();
  const detail = page.getByRole('article', { name: /CE2027/ });
  await expect(detail).toBeVisible();
  await expect(detail.locator('tr.highlighted')).toContainText('RM6ADU');
  await expect(detail.locator('tr.highlighted')).toContainText('Remise consultée');
  await snap(page, 'offers-02-detail-highlight');
  await detail.getByRole('link', { name: /Retour aux offres/ }).click();
  await expect(offers.row('HIVER27')).toBeVisible();

  // Export: UTF-8 with BOM and the seed's header.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter les offres' }).click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.slice(1).split('\r\n')[0]).toBe(HEADER);
  expect(text).toContain('HIVER27;0;Offre commerciale;');

  // Import with an error: the preview names the line and the column, and nothing can be applied.
  const broken = `${HEADER}\r\nNEWOFFER1;0;Offre commerciale;Offre test;TOUS;;Tous les clients;;;0\r\nNEWOFFER2;0;Offre commerciale;Autre test;TOUS;;Tous les clients;31/02/2027;;0\r\n`;
  const preview = await offers.importFile('Importer les offres', 'offres-erreur.csv', broken);
  const issue = preview.getByTestId('import-issue').first();
  await expect(issue.locator('td').nth(0)).toHaveText('3');
  await expect(issue.locator('td').nth(1)).toHaveText('Date début');
  await expect(preview.getByRole('button', { name: 'Appliquer' })).toBeDisabled();
  await snap(page, 'offers-03-import-preview-error');
  await preview.getByRole('button', { name: 'Annuler' }).click();

  // The corrected file applies: the new offer appears in the list.
  const fixed = `${HEADER}\r\nNEWOFFER1;0;Offre commerciale;Offre test importée;TOUS;;Tous les clients;;;0\r\n`;
  const ok = await offers.importFile('Importer les offres', 'offres.csv', fixed);
  await expect(ok.getByTestId('to-create')).toHaveText('1 à créer');
  await ok.getByRole('button', { name: 'Appliquer' }).click();
  await expect(ok).toHaveCount(0);
  await expect(offers.row('NEWOFFER1')).toBeVisible();
});
