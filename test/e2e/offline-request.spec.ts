import { expect, snap, test } from './fixtures.ts';

/** Intl's French output uses narrow and plain no-break spaces; compare with plain spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
}

test('offline: a new call becomes a request, then a quote with a misc line and a footer discount', async ({ signedInPage: page }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();

  // F2: the new-call flow; an unknown number becomes a new client.
  await page.keyboard.press('F2');
  const call = page.getByRole('dialog', { name: 'Nouvel appel' });
  await call.getByLabel('Téléphone ou nom de l’appelant').fill('06 12 34 56 78');
  await expect(call.getByText('Aucun client trouvé : créez-le.')).toBeVisible();
  await call.getByRole('button', { name: 'Nouveau client' }).click();
  await call.getByLabel('Nom', { exact: true }).fill('Dupré');
  await call.getByLabel('Prénom').fill('Hélène');
  await call.getByLabel('E-mail').fill('helene.dupre@example.fr');
  await expect(call.getByLabel('Téléphone', { exact: true })).toHaveValue('06 12 34 56 78');
  await snap(page, '03-new-call-new-client');
  await call.getByRole('button', { name: 'Créer le client' }).click();

  await call.getByLabel('Objet de la demande').fill('Semaine ski février, 2 adultes 2 enfants');
  await call.getByLabel('Date de début').fill('2027-02-13');
  await call.getByLabel('Date de fin').fill('2027-02-20');
  await call.getByLabel('Nombre de personnes').fill('4');
  await call.getByLabel('Note d’appel').fill('Rappeler jeudi : la cliente attend la réponse du CE.');
  await snap(page, '04-new-call-request');
  await call.getByRole('button', { name: 'Créer la demande' }).click();

  // The dossier opens, in "Nouveaux dossiers", with the call note in its conversation.
  const dossier = page.getByRole('article', { name: /^Dossier D-/ });
  await expect(dossier).toBeVisible();
  await expect(dossier.getByLabel('Étape : Nouveaux dossiers')).toBeVisible();
  await expect(dossier.getByRole('list', { name: 'Conversation' })).toContainText('Rappeler jeudi');
  await expect(dossier.getByText('Dupré Hélène')).toBeVisible();

  // The caller is found again by phone number, instantly.
  await page.keyboard.press('F2');
  await page.getByRole('dialog', { name: 'Nouvel appel' }).getByLabel('Téléphone ou nom de l’appelant').fill('0612345678');
  await expect(page.getByRole('option', { name: 'Choisir Dupré Hélène' })).toBeVisible();
  await page.keyboard.press('Escape');

  // A quote with a misc ("Divers") line and a 10 % footer discount.
  await dossier.getByRole('button', { name: 'Nouveau devis' }).click();
  const editor = page.getByRole('article', { name: /^Devis Q-/ });
  await expect(editor).toBeVisible();
  await page.keyboard.press('Control+m');
  const misc = editor.getByRole('form', { name: 'Ajouter une ligne divers' });
  await misc.getByLabel('Libellé').fill('Transfert aéroport Genève → station');
  await misc.getByLabel('Quantité').fill('2');
  await misc.getByLabel(/Prix unitaire/).fill('120');
  await misc.getByLabel('Taux de TVA').selectOption('1000');
  await misc.getByRole('button', { name: 'Ajouter' }).click();
  await expect(editor.getByRole('table', { name: 'Lignes du devis' })).toContainText('Divers');
  const footer = editor.getByLabel('Remise de pied', { exact: true });
  await footer.fill('10 %');
  await footer.press('Enter');

  // TTC quote: 2 × 120.00 = 240.00; −10 % = 216.00 TTC; at 10 % VAT, 196.36 HT + 19.64 VAT; deposit 30 % = 64.80.
  await expect(editor.getByTestId('total-gross')).toHaveText(/216,00/);
  expect(plain(await editor.getByTestId('lines-total').textContent())).toBe('240,00 €');
  expect(plain(await editor.getByTestId('footer-discount').textContent())).toBe('−24,00 €');
  expect(plain(await editor.getByTestId('total-net').textContent())).toBe('196,36 €');
  expect(plain(await editor.getByTestId('total-vat').textContent())).toBe('19,64 €');
  expect(plain(await editor.getByTestId('deposit').textContent())).toBe('64,80 €');
  await snap(page, '05-quote-editor-misc-line');

  // The first priced line turned the request into a dossier in progress.
  await editor.getByRole('link', { name: 'Retour' }).click();
  await expect(page.getByLabel('Étape : Dossiers en cours')).toBeVisible();
  await snap(page, '06-dossier');
});
