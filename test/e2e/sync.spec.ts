import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures.ts';
import { E2E_AGENTS } from './support/agents.ts';
import { plain, quoteTotals, signIn, syncStatus, takeNewCall, waitAllSent, waitOnline } from './support/desk.ts';
import { pdfText } from './support/pdf-text.ts';

const [CLAIRE, BRUNO] = E2E_AGENTS;
test.skip(process.env.COMPTOIR_E2E_NO_SERVER === '1', 'needs the sync server (unset COMPTOIR_E2E_NO_SERVER)');

/** Browser errors in the test output: a sync failure otherwise shows up only as a timeout. */
function echoErrors(page: Page, who: string): void {
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`[${who}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[${who}] ${error.message}`));
}

async function openDossier(page: Page, number: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Palette de commandes' });
  await palette.getByLabel('Commande ou recherche').fill(number);
  await expect(palette.getByRole('option', { name: new RegExp(number) })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: `Dossier ${number}` })).toBeVisible();
}

test('a first sign-in syncs the desk; a wrong password is refused clearly', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(CLAIRE.email);
  await page.getByLabel('Mot de passe').fill('wrong');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await signIn(page, CLAIRE);
  await waitOnline(page);
  await snap(page, '07-signed-in-online');
});

test('agent A works offline; back online, agent B sees the dossier and the quote with identical totals', async ({ browser }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  echoErrors(a, 'A');
  echoErrors(b, 'B');
  await signIn(a, CLAIRE);
  await signIn(b, BRUNO);
  await waitOnline(a);
  await waitOnline(b);

  await contextA.setOffline(true);
  await expect(syncStatus(a).getByTestId('connection')).toHaveText(/Hors ligne/);
  const number = await takeNewCall(a, {
    phone: '06 98 76 54 32', lastName: 'Lefèvre', firstName: 'Camille', email: 'camille.lefevre@example.fr',
    subject: 'Semaine au ski en famille', start: '2027-02-13', end: '2027-02-20', party: '4', note: 'Veut un devis avant vendredi.',
  });

  // Quote: a catalog line found by instant search, a misc line, a 10 % footer discount.
  await a.getByRole('button', { name: 'Nouveau devis' }).click();
  const editor = a.getByRole('article', { name: /^Devis Q-/ });
  await a.keyboard.press('Control+l');
  await a.keyboard.type('6 jours grand domaine adulte');
  await expect(editor.getByRole('option').first()).toContainText('RM-6J-ADU');
  await a.keyboard.press('Enter');
  const lines = editor.getByRole('table', { name: 'Lignes du devis' });
  await expect(lines).toContainText('RM-6J-ADU');
  const quantity = lines.getByLabel(/^Ligne 1 : Quantité/);
  await quantity.fill('2');
  await quantity.press('Enter');
  await a.keyboard.press('Control+m');
  const misc = editor.getByRole('form', { name: 'Ajouter une ligne divers' });
  await misc.getByLabel('Libellé').fill('Navette aéroport de Genève');
  await misc.getByLabel(/Prix unitaire/).fill('95');
  await misc.getByLabel('Taux de TVA').selectOption('1000');
  await misc.getByRole('button', { name: 'Ajouter' }).click();
  await expect(lines.getByLabel(/^Ligne 2 : Libellé/)).toHaveValue('Navette aéroport de Genève');
  await editor.getByLabel('Remise de pied', { exact: true }).fill('10 %');
  await editor.getByLabel('Remise de pied', { exact: true }).press('Enter');
  await expect(editor.getByTestId('footer-discount')).toBeVisible();
  const totalsA = await quoteTotals(a);

  // Accepted on the phone, then a 30 % deposit requested: queued until the network is back.
  await editor.getByRole('button', { name: 'Accepter pour le client' }).click();
  await expect(editor.getByText('Accepté', { exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Demander l’acompte' }).click();
  const deposit = a.getByRole('dialog', { name: 'Acompte' });
  const expectedDeposit = plain(await editor.getByTestId('deposit').textContent());
  await expect(deposit.getByTestId('payment-amount')).toHaveText(expectedDeposit.replace(/ /g, '\u00a0').replace(/\u00a0€/, '\u00a0€'));
  await deposit.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Demande de paiement' })).toBeVisible();
  // The accepted quote is emailed too: queued in the outbox, visibly, until the network returns.
  await editor.getByRole('button', { name: 'Envoyer par e-mail' }).click();
  await expect(editor.getByTestId('command')).toContainText('En file — part dès le retour en ligne');
  await snap(a, '08-offline-quote-accepted');

  // The PDF is a real document with the same totals.
  const download = a.waitForEvent('download');
  await editor.getByRole('button', { name: 'Enregistrer le PDF' }).click();
  const file = await (await download).path();
  const text = pdfText(readFileSync(file));
  expect(text).toContain((totalsA.gross ?? '?').replace(' €', ''));
  expect(text).toContain((totalsA.net ?? '?').replace(' €', ''));

  await a.getByRole('link', { name: 'Retour' }).click();
  const dossierA = a.getByRole('article', { name: `Dossier ${number}` });
  await expect(dossierA.getByLabel('Étape : En attente de paiement')).toBeVisible();
  await expect(dossierA.getByRole('region', { name: 'Paiements' })).toContainText('En file — part dès le retour en ligne');
  await expect(syncStatus(a).getByTestId('pending')).not.toHaveText('Tout est envoyé');
  await snap(a, '09-offline-dossier-awaiting-payment');

  // Back online: everything leaves, and agent B sees the same dossier and quote.
  await contextA.setOffline(false);
  await waitOnline(a);
  await waitAllSent(a);
  await openDossier(b, number);
  const dossierB = b.getByRole('article', { name: `Dossier ${number}` });
  await expect(dossierB.getByLabel('Étape : En attente de paiement')).toBeVisible();
  await dossierB.getByRole('region', { name: 'Devis' }).getByRole('link').first().click();
  await expect(b.getByRole('article', { name: /^Devis Q-/ })).toBeVisible();
  await expect(b.getByRole('table', { name: 'Lignes du devis' }).getByLabel(/^Ligne 2 : Libellé/)).toHaveValue('Navette aéroport de Genève');
  expect(await quoteTotals(b)).toEqual(totalsA);
  await snap(b, '10-agent-b-sees-quote');
  await b.getByRole('link', { name: 'Retour' }).click();

  // The server processed the deposit request: its payment link reached the desk.
  const payments = dossierA.getByRole('region', { name: 'Paiements' });
  await expect(payments.getByText('Envoyée')).toBeVisible({ timeout: 30_000 });
  const link = await payments.getByRole('link', { name: 'Lien de paiement' }).getAttribute('href');
  expect(link).toMatch(/\/pay\//);

  // The customer pays on the sandbox page: the dossier moves to "deposit paid" on both screens.
  const customer = await contextA.newPage();
  await customer.goto(link ?? '');
  const amountOnPage = plain(await customer.locator('body').textContent());
  expect(amountOnPage).toContain(expectedDeposit);
  await customer.getByRole('button', { name: 'Payer' }).click();
  await expect(customer.getByText('Paiement reçu, merci !')).toBeVisible();
  await snap(customer, '17-sandbox-payment-page');
  await expect(dossierA.getByLabel('Étape : Acompte versé')).toBeVisible({ timeout: 30_000 });
  await expect(b.getByRole('article', { name: `Dossier ${number}` }).getByLabel('Étape : Acompte versé')).toBeVisible({ timeout: 30_000 });
  await expect(b.getByRole('region', { name: 'Paiements' })).toContainText('Reçu');
  await snap(b, '18-agent-b-deposit-paid');
  await contextA.close();
  await contextB.close();
});

test('a conflict made on purpose shows up for review, and "keep mine" wins', async ({ browser }) => {
  // The same agent on two computers: both may write the dossier (an agent may not write a
  // colleague's, the server refuses that: another kind of review entry).
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  echoErrors(a, 'A');
  echoErrors(b, 'B');
  await signIn(a, CLAIRE);
  await signIn(b, CLAIRE);
  await waitOnline(a);
  await waitOnline(b);
  const number = await takeNewCall(a, {
    phone: '07 11 22 33 44', lastName: 'Garnier', firstName: 'Paul', email: 'paul.garnier@example.fr',
    subject: 'Week-end raquettes', start: '2027-01-09', end: '2027-01-11', party: '2', note: '',
  });
  await waitAllSent(a);
  await openDossier(b, number);

  // Both change the party size while offline; A reconnects first.
  await contextA.setOffline(true);
  await contextB.setOffline(true);
  for (const [page, size] of [[a, '5'], [b, '6']] as const) {
    const stay = page.getByRole('region', { name: 'Séjour' });
    await stay.getByLabel('Nombre de personnes').fill(size);
    await stay.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(stay.getByLabel('Nombre de personnes')).toHaveValue(size);
  }
  await contextA.setOffline(false);
  await waitOnline(a);
  await waitAllSent(a);
  await contextB.setOffline(false);

  const review = syncStatus(b).getByRole('button', { name: '1 conflit à examiner' });
  await expect(review).toBeVisible({ timeout: 30_000 });
  await expect(b.getByRole('region', { name: 'Séjour' }).getByLabel('Nombre de personnes')).toHaveValue('5');
  await review.click();
  const dialog = b.getByRole('dialog', { name: 'Conflits à examiner' });
  await expect(dialog).toContainText(`Dossier ${number} · Nombre de personnes`);
  await snap(b, '11-conflict-review');
  await dialog.getByRole('button', { name: 'Garder la mienne' }).click();
  await expect(dialog).toContainText('Aucun conflit.');
  await b.keyboard.press('Escape');
  await expect(b.getByRole('region', { name: 'Séjour' }).getByLabel('Nombre de personnes')).toHaveValue('6');
  await waitAllSent(b);
  await expect(a.getByRole('region', { name: 'Séjour' }).getByLabel('Nombre de personnes')).toHaveValue('6', { timeout: 30_000 });
  await contextA.close();
  await contextB.close();
});
