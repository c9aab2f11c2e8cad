import { expect, snap, test } from './fixtures.ts';
import { takeNewCall } from './support/desk.ts';

test('pipeline: guarded moves by keyboard and by drag and drop, with a clear refusal', async ({ signedInPage: page }) => {
  await page.goto('/');
  const first = await takeNewCall(page, {
    phone: '06 55 44 33 22', lastName: 'Morel', firstName: 'Lucie', email: 'lucie.morel@example.fr',
    subject: 'Séjour raquettes, 2 adultes', start: '2027-01-16', end: '2027-01-23', party: '2', note: 'Premier appel.',
  });
  const second = await takeNewCall(page, {
    phone: '06 11 22 33 99', lastName: 'Roux', firstName: 'Julien', email: 'julien.roux@example.fr',
    subject: 'Classe de neige, 28 élèves', start: '2027-03-06', end: '2027-03-13', party: '30', note: '',
  });

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Pipeline' }).click();
  const column = (name: string) => page.getByRole('region', { name });
  await expect(column('Nouveaux dossiers').getByRole('listitem', { name: new RegExp(first) })).toBeVisible();

  // Keyboard: "Move to…" → a refused move says why.
  await page.getByRole('button', { name: `Déplacer le dossier ${first}` }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Paiement soldé' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Déplacement vers « Paiement soldé » impossible' });
  await expect(refusal).toContainText('Les paiements reçus ne couvrent pas le total du devis.');
  await snap(page, '13-pipeline-refused-move');

  // Keyboard: an allowed move (the menu opens on its first item; arrows move through it).
  await page.getByRole('button', { name: `Déplacer le dossier ${first}` }).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Dossiers en cours' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(column('Dossiers en cours').getByRole('listitem', { name: new RegExp(first) })).toBeVisible();

  // Drag and drop: the second request to "Archivé" (always allowed).
  await column('Nouveaux dossiers').getByRole('listitem', { name: new RegExp(second) }).dragTo(column('Archivé'));
  await expect(column('Archivé').getByRole('listitem', { name: new RegExp(second) })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Dossier ${second} déplacé vers « Archivé ».` })).toBeVisible();
  await snap(page, '14-pipeline-after-moves');

  // The dashboard counts the same dossiers.
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  const funnel = page.getByRole('region', { name: 'Entonnoir par étape' });
  await expect(funnel.getByRole('row', { name: /Archivé/ })).toContainText('1');
  await expect(funnel.getByRole('row', { name: /Dossiers en cours/ })).toContainText('1');
  await snap(page, '19-dashboard');
});

test('table: every dossier, filters, sort and saved views; the UI switches to English', async ({ signedInPage: page }) => {
  await page.goto('/');
  await takeNewCall(page, {
    phone: '06 77 88 99 00', lastName: 'Blanc', firstName: 'Marc', email: 'marc.blanc@example.fr',
    subject: 'Week-end CE, 40 salariés', start: '2027-02-05', end: '2027-02-07', party: '40', note: '',
  });
  await page.getByRole('link', { name: 'Tableau', exact: true }).click();
  const table = page.getByRole('table', { name: 'Tableau des dossiers' });
  await expect(table.getByRole('row').nth(1)).toContainText('Blanc Marc');
  await page.getByLabel('Recherche dans le tableau').fill('zzz-nothing');
  await expect(page.getByText('0 dossier', { exact: true })).toBeVisible();
  await page.getByLabel('Recherche dans le tableau').fill('blanc');
  await expect(page.getByText('1 dossier', { exact: true })).toBeVisible();
  await page.getByLabel('Nom de la vue').fill('Blanc');
  await page.getByRole('button', { name: 'Enregistrer la vue' }).click();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByRole('columnheader', { name: /Client/ }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: /Client/ })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByLabel('Vue', { exact: true }).selectOption('Blanc');
  await expect(page.getByLabel('Recherche dans le tableau')).toHaveValue('blanc');
  await snap(page, '15-table');

  await page.getByLabel('Langue').first().selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Dossier table' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await snap(page, '16-english-palette');
});
