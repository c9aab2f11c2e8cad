import { expect, type Page } from '@playwright/test';

/** Page model of the desk: the actions the specs repeat, by role and label like a user would. */

export async function signIn(page: Page, agent: { readonly email: string; readonly password: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(agent.email);
  await page.getByLabel('Mot de passe').fill(agent.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
}

export function syncStatus(page: Page) {
  return page.getByRole('status', { name: 'État de la synchronisation' });
}

export async function waitOnline(page: Page): Promise<void> {
  await expect(syncStatus(page).getByTestId('connection')).toHaveText('En ligne', { timeout: 30_000 });
}

export async function waitAllSent(page: Page): Promise<void> {
  await expect(syncStatus(page).getByTestId('pending')).toHaveText('Tout est envoyé', { timeout: 30_000 });
}

export interface NewRequest {
  readonly phone: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly email: string;
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  readonly party: string;
  readonly note: string;
}

/** F2, an unknown caller created as a client, then the request; returns the dossier number shown. */
export async function takeNewCall(page: Page, request: NewRequest): Promise<string> {
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await page.keyboard.press('F2');
  const call = page.getByRole('dialog', { name: 'Nouvel appel' });
  await call.getByLabel('Téléphone ou nom de l’appelant').fill(request.phone);
  await call.getByRole('button', { name: 'Nouveau client' }).click();
  await call.getByLabel('Nom', { exact: true }).fill(request.lastName);
  await call.getByLabel('Prénom').fill(request.firstName);
  await call.getByLabel('E-mail').fill(request.email);
  await call.getByRole('button', { name: 'Créer le client' }).click();
  await call.getByLabel('Objet de la demande').fill(request.subject);
  await call.getByLabel('Date de début').fill(request.start);
  await call.getByLabel('Date de fin').fill(request.end);
  await call.getByLabel('Nombre de personnes').fill(request.party);
  await call.getByLabel('Note d’appel').fill(request.note);
  await call.getByRole('button', { name: 'Créer la demande' }).click();
  const article = page.getByRole('article', { name: /^Dossier D-/ });
  await expect(article).toBeVisible();
  const label = (await article.getAttribute('aria-label')) ?? '';
  return label.replace(/^Dossier /, '');
}

/** Intl's French output uses narrow and plain no-break spaces; compare with plain spaces. */
export function plain(text: string | null): string {
  return (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
}

/** The totals panel of the open quote, as displayed. */
export async function quoteTotals(page: Page): Promise<Record<string, string>> {
  const editor = page.getByRole('article', { name: /^Devis Q-/ });
  const read = async (id: string) => plain(await editor.getByTestId(id).textContent());
  return { lines: await read('lines-total'), net: await read('total-net'), vat: await read('total-vat'), gross: await read('total-gross') };
}
