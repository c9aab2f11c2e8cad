// Backup and restore of the server's own records (sync-server/admin/backup.ts): number-block marks,
// command executions and payment links survive a restore, so a restored server neither hands out a
// number twice, nor runs a command twice, nor forgets a payment link a customer holds.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLAIRE } from '../../core/demo/index.ts';
import { formatMoney } from '../../core/money/index.ts';
import { blocksOverlap, type NumberBlock } from '../../core/numbering/index.ts';
import { requestPayment, type Payment, type PaymentRequest } from '../../core/payment/index.ts';
import { accept, type Quote } from '../../core/quote/index.ts';
import { toPaymentDoc } from '../../core/schemas/index.ts';
import { fixedClock } from '../../core/shared/clock.ts';
import { sequentialIds } from '../../core/shared/ids.ts';
import { unwrap } from '../../core/shared/result.ts';
import { backup, BACKUP_VERSION, restore } from '../../sync-server/admin/backup.ts';
import { DEMO_PASSWORD } from '../../sync-server/admin/demo.ts';
import { intakeQueued } from '../../sync-server/commands/executions.ts';
import type { Db } from '../../sync-server/db/db.ts';
import { changesChannel } from '../../sync-server/sync/change-feed.ts';
import { bearer, build, login, type Tokens } from './support/build.ts';
import { injectClient, wire, type Doc, type SyncClient } from './support/sync-client.ts';
import { backends, openTestDatabase, type TestDatabase } from './support/test-db.ts';
import { aCommand, emlFor, FAST_RETRY, openDesk, pulled, PUBLIC_URL, settledCommand, type Desk } from './commands/desk.ts';

const BACKENDS = await backends();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const YEAR = new Date().getUTCFullYear();
const pathOf = (link: unknown): string => String(link).slice(PUBLIC_URL.length);

/** The marks of every series and year, as the server keeps them. */
const marksOf = (db: Db) => db.query<{ series: string; year: number; next_start: number }>('SELECT series, year, next_start FROM number_counters ORDER BY series, year');

describe.each(BACKENDS)('backup and restore of number blocks, commands and payment links on %s', (backend) => {
  let desk: Desk;
  let files: string;
  let file: string;
  /** Every number block a device received before the backup. */
  let blocksBefore: NumberBlock[];
  /** A quote email sent before the backup. */
  let emailed: Doc;
  /** A deposit request whose link was sent before the backup, not paid yet. */
  let sentRequest: { request: PaymentRequest; link: string; dossierId: string };
  /** Commands a server was running when the backup was taken. */
  let inFlight: { email: Doc; pay: Doc; payment: PaymentRequest };
  /** Restored databases and apps of the test running, closed after it. */
  const opened: { tdb: TestDatabase; app: FastifyInstance; outbox: string }[] = [];

  /** One of Claire's dossiers with a single sent quote, accepted now by the client (as the desktop does). */
  async function anAcceptedQuote(sync: SyncClient, used: Set<string>): Promise<Quote> {
    const [quotes, dossiers] = await Promise.all([pulled(sync, 'quotes'), pulled(sync, 'dossiers')]);
    const dossier = dossiers.find(
      (d) => !used.has(d.id) && d.assignedTo === CLAIRE.id && d.stage === 'in_progress' && quotes.filter((q) => q.dossierId === d.id).length === 1 && quotes.some((q) => q.dossierId === d.id && q.status === 'sent'),
    );
    if (dossier === undefined) throw new Error('no in-progress dossier with one sent quote left in the demo');
    used.add(dossier.id);
    const sent = quotes.find((q) => q.dossierId === dossier.id)!;
    const quote = unwrap(accept(sent as unknown as Quote, { clock: fixedClock(new Date().toISOString()) }));
    expect(await sync.push('quotes', [{ assumedMasterState: sent, newDocumentState: wire(quote) }])).toEqual([]);
    return quote;
  }

  /** The deposit request document, pushed as the desktop does before its `payment.request` command. */
  async function aDepositRequest(sync: SyncClient, quote: Quote): Promise<PaymentRequest> {
    const payments = (await pulled(sync, 'payments')).filter((p) => p.dossierId === quote.dossierId) as unknown as Payment[];
    const request = unwrap(requestPayment({ kind: 'deposit', quote, payments }, { clock: fixedClock(new Date().toISOString()), ids: sequentialIds(`bk-${quote.id}`) }));
    expect(await sync.push('payments', [{ newDocumentState: wire(toPaymentDoc(request)) }])).toEqual([]);
    return request;
  }

  const reserve = (app: FastifyInstance, tokens: Tokens, series: 'D' | 'Q', deviceId: string) =>
    app.inject({ method: 'POST', url: '/api/numbers/reserve', headers: bearer(tokens), payload: { series, year: YEAR, size: 20, deviceId } });

  beforeAll(async () => {
    desk = await openDesk(backend, 'backup_src');
    files = mkdtempSync(join(tmpdir(), 'comptoir-backup-'));
    file = join(files, 'backup.jsonl');
    const used = new Set<string>();

    // A working day: devices take number blocks, a quote is emailed, a deposit link is sent.
    const app = await desk.start();
    const { tokens, sync } = await desk.claire(app);
    for (const [series, deviceId] of [['D', 'laptop-1'], ['Q', 'laptop-1'], ['D', 'phone-2'], ['Q', 'phone-2']] as const) {
      const response = await reserve(app, tokens, series, deviceId);
      expect(response.statusCode).toBe(200);
    }
    const sentQuoteId = (await pulled(sync, 'quotes')).find((q) => q.status === 'sent')!.id;
    const email = aCommand('quote.email', { quoteId: sentQuoteId });
    await sync.push('commands', [{ newDocumentState: email }]);
    emailed = await settledCommand(sync, email.id);
    expect(emailed).toMatchObject({ status: 'done', result: { transport: 'file' } });
    expect(emlFor(desk.outbox, email.id)).toHaveLength(1);
    const quote = await anAcceptedQuote(sync, used);
    const request = await aDepositRequest(sync, quote);
    const pay = aCommand('payment.request', { paymentId: request.id });
    await sync.push('commands', [{ newDocumentState: pay }]);
    const payDone = await settledCommand(sync, pay.id);
    expect(payDone).toMatchObject({ status: 'done', result: { provider: 'sandbox' } });
    sentRequest = { request, link: (payDone.result as { link: string }).link, dossierId: quote.dossierId };
    blocksBefore = (await pulled(sync, 'reference')).filter((r) => r.type === 'number_blocks').map((r) => r.data as unknown as NumberBlock);
    expect(blocksBefore).toHaveLength(4);
    await desk.stopAll();

    // Two more commands, taken by a server that is still running them when the backup is taken.
    const plain = await build(desk.tdb.db);
    const clientOfPlain = (await desk.claire(plain)).sync;
    const inFlightEmail = aCommand('quote.email', { quoteId: sentQuoteId });
    const inFlightQuote = await anAcceptedQuote(clientOfPlain, used);
    const inFlightPayment = await aDepositRequest(clientOfPlain, inFlightQuote);
    const inFlightPay = aCommand('payment.request', { paymentId: inFlightPayment.id });
    await clientOfPlain.push('commands', [{ newDocumentState: inFlightEmail }, { newDocumentState: inFlightPay }]);
    await plain.close();
    await intakeQueued(desk.tdb.db, changesChannel(desk.tdb.db), new Date());
    await desk.tdb.db.query(
      `UPDATE command_executions SET state = 'running', attempts = 1, claim_id = 'live-claim', claimed_by = 'live-host:77:cafe', lease_until = now() + interval '1 hour'
       WHERE command_id = ANY($1::text[])`,
      [[inFlightEmail.id, inFlightPay.id]],
    );
    inFlight = { email: inFlightEmail, pay: inFlightPay, payment: inFlightPayment };

    expect(await backup(desk.tdb.db, file, new Date())).toMatchObject({ users: expect.any(Number), docs: expect.any(Number) });
  }, 120_000);

  afterEach(async () => {
    for (const { tdb, app, outbox } of opened.splice(0)) {
      await app.close();
      await tdb.destroy();
      rmSync(outbox, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await desk.close();
    rmSync(files, { recursive: true, force: true });
  });

  /** Restores `from` into a new empty database and starts a server on it, with its own outbox. */
  async function restoredServer(from: string): Promise<{ db: Db; app: FastifyInstance; outbox: string; tokens: Tokens; sync: SyncClient }> {
    const tdb = await openTestDatabase(backend, 'backup_dst');
    const restored = await restore(tdb.db, from);
    expect(restored.ok, restored.ok ? '' : restored.error.message).toBe(true);
    const outbox = mkdtempSync(join(tmpdir(), 'comptoir-restored-outbox-'));
    const app = await build(tdb.db, { commands: { outboxDir: outbox, publicUrl: PUBLIC_URL, retry: FAST_RETRY, pollMs: 250 } });
    opened.push({ tdb, app, outbox });
    const tokens = await login(app, CLAIRE.email, DEMO_PASSWORD);
    return { db: tdb.db, app, outbox, tokens, sync: injectClient(app, tokens) };
  }

  it('writes the marks, executions and payment links into a version 2 file', () => {
    const kinds = readFileSync(file, 'utf8').trim().split('\n').map((text) => (JSON.parse(text) as { kind: string }).kind);
    expect(JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!)).toMatchObject({ kind: 'comptoir-backup', version: BACKUP_VERSION });
    expect(BACKUP_VERSION).toBe(2);
    expect(kinds.filter((k) => k === 'numberCounter').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'commandExecution').length).toBeGreaterThanOrEqual(4);
    expect(kinds.filter((k) => k === 'paymentLink').length).toBeGreaterThanOrEqual(1);
  });

  it('never hands out again a number of a block given before the backup', async () => {
    const { db, app, tokens } = await restoredServer(file);
    expect(await marksOf(db)).toEqual(await marksOf(desk.tdb.db));
    for (const series of ['D', 'Q'] as const) {
      const response = await reserve(app, tokens, series, 'laptop-3');
      expect(response.statusCode).toBe(200);
      const block = response.json<NumberBlock>();
      for (const before of blocksBefore) expect(blocksOverlap(block, before), `${block.id} overlaps ${before.id}, handed out before the backup`).toBe(false);
      expect(block.start).toBeGreaterThan(Math.max(...blocksBefore.filter((b) => b.series === series).map((b) => b.end)));
    }
  });

  it('does not send an email again for a key executed before the backup: a replay gets the recorded result', async () => {
    const { db, outbox, sync } = await restoredServer(file);
    // Finished executions come back exactly as they were (instants to the microsecond); the restored
    // server may meanwhile have settled the ones running at backup time.
    const finished = (on: Db) => on.query(`SELECT *, to_json(created_at) #>> '{}' AS created, to_json(finished_at) #>> '{}' AS finished FROM command_executions WHERE state IN ('done', 'failed')`);
    expect(await finished(db)).toEqual(expect.arrayContaining(await finished(desk.tdb.db)));
    expect((await pulled(sync, 'commands')).find((c) => c.id === emailed.id)).toMatchObject({ status: 'done', result: emailed.result });
    // A device that never received the result inserts the action again with the same key.
    const replay = aCommand('quote.email', { quoteId: (emailed.payload as { quoteId: string }).quoteId }, CLAIRE.id, emailed.idempotencyKey as string);
    await sync.push('commands', [{ newDocumentState: replay }]);
    expect(await settledCommand(sync, replay.id)).toMatchObject({ status: 'done', result: emailed.result });
    expect(emlFor(outbox, replay.id)).toEqual([]);
    expect(emlFor(outbox, emailed.id)).toEqual([]);
  });

  it('keeps the payment link the customer received: its page opens and takes the payment', async () => {
    const { db, app, sync } = await restoredServer(file);
    const links = (on: Db) => on.query(`SELECT *, to_json(expires_at) #>> '{}' AS expires FROM payment_links`);
    expect(await links(db)).toEqual(expect.arrayContaining(await links(desk.tdb.db)));
    const page = await app.inject({ method: 'GET', url: pathOf(sentRequest.link) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<button type="submit">Payer</button>');
    expect(page.body).toContain(formatMoney(sentRequest.request.amount, 'EUR', 'fr-FR'));
    const paid = await app.inject({ method: 'POST', url: pathOf(sentRequest.link), headers: FORM, payload: '' });
    expect(paid.statusCode).toBe(200);
    expect(paid.body).toContain('Paiement reçu, merci !');
    const payments = (await pulled(sync, 'payments')).filter((p) => p.dossierId === sentRequest.dossierId);
    expect(payments.find((p) => p.id === sentRequest.request.id)).toMatchObject({ status: 'paid' });
    expect(payments.filter((p) => p.type === 'received')).toEqual([expect.objectContaining({ requestId: sentRequest.request.id, amount: sentRequest.request.amount })]);
    expect((await pulled(sync, 'dossiers')).find((d) => d.id === sentRequest.dossierId)).toMatchObject({ stage: 'deposit_paid' });
  });

  it('settles commands that were running at backup time as after a crash: the email fails INTERRUPTED, the payment request runs', async () => {
    const { app, outbox, sync } = await restoredServer(file);
    // The email may have left after the snapshot: the agent is told to check rather than the customer getting it twice.
    expect(await settledCommand(sync, inFlight.email.id)).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' } });
    expect(emlFor(outbox, inFlight.email.id)).toEqual([]);
    const pay = await settledCommand(sync, inFlight.pay.id);
    expect(pay).toMatchObject({ status: 'done', result: { provider: 'sandbox' } });
    expect((await pulled(sync, 'payments')).find((p) => p.id === inFlight.payment.id)).toMatchObject({ status: 'sent', link: (pay.result as { link: string }).link });
    expect((await app.inject({ method: 'GET', url: pathOf((pay.result as { link: string }).link) })).statusCode).toBe(200);
  });

  it('still restores a version 1 file, and its number blocks are still never handed out again', async () => {
    const v1 = join(files, 'backup-v1.jsonl');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const header = { ...(JSON.parse(lines[0]!) as object), version: 1 };
    const kept = lines.slice(1).filter((text) => ['user', 'counter', 'doc'].includes((JSON.parse(text) as { kind: string }).kind));
    writeFileSync(v1, [JSON.stringify(header), ...kept, ''].join('\n'));
    const { db, app, tokens, sync } = await restoredServer(v1);
    expect((await pulled(sync, 'commands')).find((c) => c.id === emailed.id)).toMatchObject({ status: 'done' });
    // A version 1 file has no marks: they are rebuilt from the blocks and numbers in the documents.
    expect((await marksOf(db)).length).toBeGreaterThanOrEqual(2);
    for (const series of ['D', 'Q'] as const) {
      const block = (await reserve(app, tokens, series, 'laptop-3')).json<NumberBlock>();
      for (const before of blocksBefore) expect(blocksOverlap(block, before), `${block.id} overlaps ${before.id}, handed out before the backup`).toBe(false);
    }
  });
});
