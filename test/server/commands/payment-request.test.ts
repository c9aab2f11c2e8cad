// payment.request and the sandbox payment page: link → page → pay → every client sees it.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLAIRE, JULIEN } from '../../../core/demo/index.ts';
import { formatMoney } from '../../../core/money/index.ts';
import { depositAmount, requestPayment, type Payment, type PaymentRequest, type PaymentRequestKind } from '../../../core/payment/index.ts';
import { accept, type Quote } from '../../../core/quote/index.ts';
import { toPaymentDoc } from '../../../core/schemas/index.ts';
import { fixedClock } from '../../../core/shared/clock.ts';
import { sequentialIds } from '../../../core/shared/ids.ts';
import { unwrap } from '../../../core/shared/result.ts';
import { DEMO_PASSWORD } from '../../../sync-server/admin/demo.ts';
import { login } from '../support/build.ts';
import { injectClient, wire, type Doc, type SyncClient } from '../support/sync-client.ts';
import { backends } from '../support/test-db.ts';
import { aCommand, emlFor, openDesk, pulled, PUBLIC_URL, settledCommand, type Desk } from './desk.ts';
import { bodyBytes, leaves, parseMime } from './eml.ts';

const BACKENDS = await backends();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(BACKENDS)('payment requests and the sandbox payment page on %s', (backend) => {
  let desk: Desk;
  let app: FastifyInstance;
  let sync: SyncClient;
  const used = new Set<string>();

  beforeAll(async () => {
    desk = await openDesk(backend, 'payments');
  }, 60_000);
  afterEach(async () => desk.stopAll());
  afterAll(async () => desk.close());

  async function startDesk(): Promise<void> {
    app = await desk.start();
    sync = (await desk.claire(app)).sync;
  }

  /** One of Claire's dossiers with a single sent quote, accepted now by the client (as the desktop does). */
  async function anAcceptedQuote(): Promise<{ quote: Quote; dossier: Doc; client: Doc }> {
    const [quotes, dossiers, clients] = await Promise.all([pulled(sync, 'quotes'), pulled(sync, 'dossiers'), pulled(sync, 'clients')]);
    const dossier = dossiers.find((d) => !used.has(d.id) && d.assignedTo === CLAIRE.id && d.stage === 'in_progress' && quotes.filter((q) => q.dossierId === d.id).length === 1 && quotes.some((q) => q.dossierId === d.id && q.status === 'sent'));
    if (dossier === undefined) throw new Error('no in-progress dossier with one sent quote left in the demo');
    used.add(dossier.id);
    const sent = quotes.find((q) => q.dossierId === dossier.id)!;
    const quote = unwrap(accept(sent as unknown as Quote, { clock: fixedClock(new Date().toISOString()) }));
    expect(await sync.push('quotes', [{ assumedMasterState: sent, newDocumentState: wire(quote) }])).toEqual([]);
    return { quote, dossier, client: clients.find((c) => c.id === dossier.clientId)! };
  }

  /** Requests a payment as the desktop does: the request document, then the command. Returns the settled command. */
  async function requestAndSend(quote: Quote, kind: PaymentRequestKind, to: string[] = []): Promise<{ request: PaymentRequest; command: Doc }> {
    const payments = (await pulled(sync, 'payments')).filter((p) => p.dossierId === quote.dossierId) as unknown as Payment[];
    const request = unwrap(requestPayment({ kind, quote, payments }, { clock: fixedClock(new Date().toISOString()), ids: sequentialIds(`pay-${kind}-${quote.id}`) }));
    expect(await sync.push('payments', [{ newDocumentState: wire(toPaymentDoc(request)) }])).toEqual([]);
    const command = aCommand('payment.request', { paymentId: request.id, quoteId: quote.id, dossierId: quote.dossierId, kind, amount: request.amount, to, language: 'fr' });
    await sync.push('commands', [{ newDocumentState: command }]);
    return { request, command: await settledCommand(sync, command.id) };
  }

  const pathOf = (link: unknown) => String(link).slice(PUBLIC_URL.length);
  const byId = async (collection: string, id: string) => (await pulled(sync, collection)).find((d) => d.id === id);

  it('sends a deposit link, takes the payment on the page, and moves the dossier to deposit_paid then paid', async () => {
    await startDesk();
    const { quote, dossier, client } = await anAcceptedQuote();
    const deposit = await requestAndSend(quote, 'deposit');
    // The desk's default deposit: 30 % of the total incl. VAT.
    expect(quote.depositRate).toBe(3000);
    expect(deposit.request.amount).toBe(depositAmount(quote.totals.totalGross, quote.depositRate));
    expect(deposit.command).toMatchObject({ status: 'done', result: { provider: 'sandbox', link: expect.stringMatching(/^http:\/\/pay\.test\/pay\/[A-Za-z0-9_-]{43}$/) } });
    const link = (deposit.command.result as { link: string }).link;
    const sentRequest = await byId('payments', deposit.request.id);
    expect(sentRequest).toMatchObject({ status: 'sent', statusKey: 'sent', link });
    const days = (Date.parse(String(sentRequest?.expiresAt)) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);

    const page = await app.inject({ method: 'GET', url: pathOf(link) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('Comptoir des Neiges');
    expect(page.body).toContain(quote.number);
    expect(page.body).toContain(`Bonjour ${client.firstName as string} ${client.lastName as string},`);
    expect(page.body).toContain(formatMoney(deposit.request.amount, 'EUR', 'fr-FR'));
    expect(page.body).toContain('<button type="submit">Payer</button>');
    expect(page.body).toMatch(/<a href="\?declined=1[^"]*">Refuser<\/a>/);

    const paid = await app.inject({ method: 'POST', url: pathOf(link), headers: FORM, payload: '' });
    expect(paid.statusCode).toBe(200);
    expect(paid.body).toContain('Paiement reçu, merci !');
    // A second click, a replayed form: nothing more is recorded.
    const again = await app.inject({ method: 'POST', url: pathOf(link), headers: FORM, payload: '' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Ce paiement a déjà été réglé');
    expect((await app.inject({ method: 'GET', url: pathOf(link) })).body).toContain('déjà été réglé');

    const payments = (await pulled(sync, 'payments')).filter((p) => p.dossierId === dossier.id);
    expect(payments.find((p) => p.id === deposit.request.id)).toMatchObject({ status: 'paid', statusKey: 'paid' });
    const received = payments.filter((p) => p.type === 'received');
    expect(received).toEqual([expect.objectContaining({ requestId: deposit.request.id, amount: deposit.request.amount, method: 'card', quoteId: quote.id, statusKey: 'received' })]);
    expect(await byId('dossiers', dossier.id)).toMatchObject({ stage: 'deposit_paid' });
    const history = (await pulled(sync, 'events')).filter((e) => e.dossierId === dossier.id && e.actor === 'system');
    expect(history).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'payment_received', paymentId: received[0]!.id, amount: deposit.request.amount }),
      expect.objectContaining({ kind: 'stage_changed', fromStage: 'in_progress', toStage: 'deposit_paid' }),
    ]));

    // The balance: what the deposit left.
    const balance = await requestAndSend(quote, 'balance');
    expect(balance.request.amount).toBe(quote.totals.totalGross - deposit.request.amount);
    const balanceLink = pathOf((balance.command.result as { link: string }).link);
    // Two clicks at once: one payment.
    const clicks = await Promise.all([1, 2].map(() => app.inject({ method: 'POST', url: balanceLink, headers: FORM, payload: '' })));
    expect(clicks.map((c) => c.statusCode)).toEqual([200, 200]);
    expect(clicks.filter((c) => c.body.includes('Paiement reçu'))).toHaveLength(1);
    expect(clicks.filter((c) => c.body.includes('déjà été réglé'))).toHaveLength(1);
    expect(await byId('dossiers', dossier.id)).toMatchObject({ stage: 'paid' });
    const total = (await pulled(sync, 'payments')).filter((p) => p.dossierId === dossier.id && p.type === 'received').reduce((sum, p) => sum + Number(p.amount), 0);
    expect(total).toBe(quote.totals.totalGross);
    expect((await pulled(sync, 'events')).filter((e) => e.dossierId === dossier.id && e.kind === 'stage_changed').map((e) => e.toStage)).toEqual(expect.arrayContaining(['deposit_paid', 'paid']));
  });

  it('emails the link when asked, and shows the page in English, a declined page and a clear expired page', async () => {
    await startDesk();
    const { quote, dossier, client } = await anAcceptedQuote();
    const { request, command } = await requestAndSend(quote, 'deposit', [client.email as string]);
    const link = (command.result as { link: string; emailedTo: string[] }).link;
    expect(command.result).toMatchObject({ emailedTo: [client.email] });
    const mail = parseMime(emlFor(desk.outbox, command.id)[0] ?? '');
    expect(mail.headers.get('subject')).toBe(`Demande de paiement - ${quote.number}`);
    expect(bodyBytes(leaves(mail)[0]!).toString('utf8')).toContain(link);
    expect((await pulled(sync, 'events')).some((e) => e.dossierId === dossier.id && e.kind === 'email_sent' && e.paymentId === request.id)).toBe(true);

    const english = await app.inject({ method: 'GET', url: `${pathOf(link)}?lang=en` });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('<button type="submit">Pay</button>');
    expect(english.body).toContain(formatMoney(request.amount, 'EUR', 'en-GB'));
    expect(english.body).toMatch(/>Cancel<\/a>/);
    const declined = await app.inject({ method: 'GET', url: `${pathOf(link)}?declined=1` });
    expect(declined.statusCode).toBe(200);
    expect(declined.body).toContain('Aucun montant n’a été débité');
    expect(declined.body).not.toContain('<button');
    expect(await byId('payments', request.id)).toMatchObject({ status: 'sent' });

    await desk.tdb.db.query(`UPDATE payment_links SET expires_at = now() - interval '1 minute' WHERE payment_id = $1`, [request.id]);
    const expired = await app.inject({ method: 'GET', url: pathOf(link) });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Ce lien de paiement a expiré');
    expect(expired.body).not.toContain('<button');
    const late = await app.inject({ method: 'POST', url: pathOf(link), headers: FORM, payload: '' });
    expect(late.statusCode).toBe(410);
    expect(await byId('payments', request.id)).toMatchObject({ status: 'expired', statusKey: 'expired' });
    expect((await pulled(sync, 'payments')).filter((p) => p.dossierId === dossier.id && p.type === 'received')).toEqual([]);

    const unknown = await app.inject({ method: 'GET', url: '/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Lien de paiement introuvable');
    expect((await app.inject({ method: 'POST', url: '/pay/nope', headers: FORM, payload: '' })).statusCode).toBe(404);
  });

  it('answers a request already sent with its link, refuses closed ones and other teams’ requests', async () => {
    await startDesk();
    const payments = await pulled(sync, 'payments');
    const open = payments.find((p) => p.type === 'request' && p.status === 'sent')!;
    const paid = payments.find((p) => p.type === 'request' && p.status === 'paid')!;
    const again = aCommand('payment.request', { paymentId: open.id });
    const closed = aCommand('payment.request', { paymentId: paid.id });
    await sync.push('commands', [{ newDocumentState: again }, { newDocumentState: closed }]);
    expect(await settledCommand(sync, again.id)).toMatchObject({ status: 'done', result: { link: open.link } });
    expect(await settledCommand(sync, closed.id)).toMatchObject({ status: 'failed', error: { code: 'PAYMENT_NOT_OPEN' } });

    // Julien (team groupes) cannot bill a dossier of the accueil team, even with its payment's id.
    const julien = injectClient(app, await login(app, JULIEN.email, DEMO_PASSWORD));
    const foreign = aCommand('payment.request', { paymentId: open.id }, JULIEN.id);
    await julien.push('commands', [{ newDocumentState: foreign }]);
    expect(await settledCommand(julien, foreign.id)).toMatchObject({ status: 'failed', error: { code: 'FORBIDDEN' } });

    const missing = aCommand('payment.request', { paymentId: 'never-synced' });
    await sync.push('commands', [{ newDocumentState: missing }]);
    expect(await settledCommand(sync, missing.id)).toMatchObject({ status: 'failed', error: { code: 'NOT_SYNCED', message: expect.stringContaining('gave up after 3 attempts') } });
  });
});
