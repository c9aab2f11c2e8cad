// Crash recovery and fencing of command executions (sync-server/commands/executions.ts).
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requestPayment, type Payment } from '../../../core/payment/index.ts';
import { accept, type Quote } from '../../../core/quote/index.ts';
import { toPaymentDoc } from '../../../core/schemas/index.ts';
import { fixedClock } from '../../../core/shared/clock.ts';
import { sequentialIds } from '../../../core/shared/ids.ts';
import { unwrap } from '../../../core/shared/result.ts';
import { claimNext, finishExecution, intakeQueued, orphanedExecutions, requeueOrphan } from '../../../sync-server/commands/executions.ts';
import { changesChannel } from '../../../sync-server/sync/change-feed.ts';
import { build } from '../support/build.ts';
import { wire, type Doc, type SyncClient } from '../support/sync-client.ts';
import { backends } from '../support/test-db.ts';
import { aCommand, emlFor, openDesk, pulled, settledCommand, type Desk } from './desk.ts';

const BACKENDS = await backends();
const CRASHED = 'crashed-host:4242:deadbeef';

describe.each(BACKENDS)('command recovery on %s', (backend) => {
  let desk: Desk;
  /** An app without the outbox: pushes and pulls, runs nothing (the "crashed" server's clients). */
  let plain: FastifyInstance;
  let sync: SyncClient;

  beforeAll(async () => {
    desk = await openDesk(backend, 'recovery');
    plain = await build(desk.tdb.db);
    sync = (await desk.claire(plain)).sync;
  }, 60_000);
  afterEach(async () => desk.stopAll());
  afterAll(async () => {
    await plain.close();
    await desk.close();
  });

  const channel = () => changesChannel(desk.tdb.db);

  /** Leaves the queued commands as a server that crashed mid-run leaves them: taken, claimed, `running`. */
  async function crashWhileRunning(leaseSql: string): Promise<void> {
    await intakeQueued(desk.tdb.db, channel(), new Date());
    await desk.tdb.db.query(`UPDATE command_executions SET state = 'running', attempts = 1, claim_id = 'dead-claim', claimed_by = $1, lease_until = ${leaseSql} WHERE state = 'pending'`, [CRASHED]);
  }

  async function aQueuedPaymentRequest(): Promise<{ payment: Doc; command: Doc }> {
    const quotes = await pulled(sync, 'quotes');
    const sent = quotes.find((q) => q.status === 'sent' && quotes.filter((o) => o.dossierId === q.dossierId).length === 1 && !String(q.id).startsWith('late-'))!;
    const quote = unwrap(accept(sent as unknown as Quote, { clock: fixedClock(new Date().toISOString()) }));
    await sync.push('quotes', [{ assumedMasterState: sent, newDocumentState: wire(quote) }]);
    const payments = (await pulled(sync, 'payments')).filter((p) => p.dossierId === quote.dossierId) as unknown as Payment[];
    const request = unwrap(requestPayment({ kind: 'deposit', quote, payments }, { clock: fixedClock(new Date().toISOString()), ids: sequentialIds(`rec-${quote.id}`) }));
    const payment = wire(toPaymentDoc(request));
    await sync.push('payments', [{ newDocumentState: payment }]);
    return { payment, command: aCommand('payment.request', { paymentId: request.id }) };
  }

  it('at start-up, fails an interrupted email (it may have left) and resumes an interrupted payment request', async () => {
    const quoteId = (await pulled(sync, 'quotes')).find((q) => q.status === 'sent')!.id;
    const email = aCommand('quote.email', { quoteId });
    const { payment, command: pay } = await aQueuedPaymentRequest();
    await sync.push('commands', [{ newDocumentState: email }, { newDocumentState: pay }]);
    await crashWhileRunning(`now() - interval '1 second'`);
    expect((await pulled(sync, 'commands')).find((c) => c.id === email.id)).toMatchObject({ status: 'running' });

    await desk.start();
    expect(await settledCommand(sync, email.id)).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED', message: expect.stringContaining('may or may not') } });
    expect(emlFor(desk.outbox, email.id)).toEqual([]);
    expect(await settledCommand(sync, pay.id)).toMatchObject({ status: 'done', result: { provider: 'sandbox' } });
    expect((await pulled(sync, 'payments')).find((p) => p.id === payment.id)).toMatchObject({ status: 'sent' });
    const rows = await desk.tdb.db.query<{ attempts: number }>('SELECT attempts FROM command_executions WHERE command_id = $1', [pay.id]);
    expect(rows.map((r) => Number(r.attempts))).toEqual([2]);
  });

  it(
    backend === 'pglite'
      ? 'recovers at once what another process held: the embedded database has one process at a time'
      : 'leaves a running command alone while its process may still hold it (lease not lapsed)',
    async () => {
      const quoteId = (await pulled(sync, 'quotes')).find((q) => q.status === 'sent')!.id;
      const email = aCommand('quote.email', { quoteId });
      await sync.push('commands', [{ newDocumentState: email }]);
      await crashWhileRunning(`now() + interval '1 hour'`);
      await desk.start();
      if (backend === 'pglite') {
        expect(await settledCommand(sync, email.id)).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' } });
      } else {
        await new Promise((resolve) => setTimeout(resolve, 600));
        expect((await pulled(sync, 'commands')).find((c) => c.id === email.id)).toMatchObject({ status: 'running' });
        await desk.tdb.db.query(`UPDATE command_executions SET lease_until = now() - interval '1 second' WHERE command_id = $1`, [email.id]);
        expect(await settledCommand(sync, email.id)).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' } });
      }
    },
  );

  it('never lets a claim that lost its lease write a result over the claim that took over', async () => {
    const db = desk.tdb.db;
    const command = aCommand('sms.send', { to: '+33612345678' });
    await sync.push('commands', [{ newDocumentState: command }]);
    await intakeQueued(db, channel(), new Date());
    const scope = { processId: 'first', othersAreGone: false };
    const first = await claimNext(db, new Date(), 1, 'first');
    expect(first?.commandId).toBe(command.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [orphan] = await orphanedExecutions(db, new Date(), scope);
    expect(orphan?.claimId).toBe(first?.claimId);
    expect(await requeueOrphan(db, orphan!, new Date(), scope)).toBe(true);
    const second = await claimNext(db, new Date(), 60_000, 'second');
    expect(second).toMatchObject({ commandId: command.id, attempts: 2 });

    expect(await finishExecution(db, channel(), first!, { state: 'done', result: { from: 'first' } }, new Date())).toBe(false);
    expect(await finishExecution(db, channel(), second!, { state: 'done', result: { from: 'second' } }, new Date())).toBe(true);
    expect((await pulled(sync, 'commands')).find((c) => c.id === command.id)).toMatchObject({ status: 'done', result: { from: 'second' } });
  });

  it('never runs a command deleted before the server took it', async () => {
    const command = { ...aCommand('quote.email', { quoteId: 'whatever' }), _deleted: true } as Doc;
    await sync.push('commands', [{ newDocumentState: command }]);
    expect(await intakeQueued(desk.tdb.db, channel(), new Date())).toBe(0);
    expect(await desk.tdb.db.query('SELECT 1 FROM command_executions WHERE command_id = $1', [command.id])).toEqual([]);
  });
});
