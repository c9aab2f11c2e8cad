// Exactly once per idempotency key (DESIGN §9): retried pushes, duplicate documents, two server
// processes on one database.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../sync-server/db/db.ts';
import { openPostgres } from '../../../sync-server/db/postgres-db.ts';
import { createFileMailer } from '../../../sync-server/mail/file-mailer.ts';
import type { Mailer } from '../../../sync-server/mail/mailer.ts';
import { SOPHIE } from '../../../core/demo/index.ts';
import { DEMO_PASSWORD } from '../../../sync-server/admin/demo.ts';
import { build, login } from '../support/build.ts';
import { injectClient, type Doc } from '../support/sync-client.ts';
import { backends, PG_URL } from '../support/test-db.ts';
import { aCommand, emlFor, FAST_RETRY, openDesk, pulled, PUBLIC_URL, settledCommand, type Desk } from './desk.ts';

const BACKENDS = await backends();

/** The file mailer, counting what each command sent: shared by every app of a test. */
function countingMailer(outbox: string): { mailer: Mailer; sends: Map<string, number> } {
  const inner = createFileMailer(outbox);
  const sends = new Map<string, number>();
  return {
    sends,
    mailer: {
      transport: inner.transport,
      async send(mail) {
        sends.set(mail.reference, (sends.get(mail.reference) ?? 0) + 1);
        return inner.send(mail);
      },
      close: () => inner.close(),
    },
  };
}

async function aSentQuoteId(desk: Desk, app: FastifyInstance): Promise<string> {
  const { sync } = await desk.claire(app);
  const quote = (await pulled(sync, 'quotes')).find((q) => q.status === 'sent');
  if (quote === undefined) throw new Error('no sent quote in the demo');
  return quote.id;
}

describe.each(BACKENDS)('commands run exactly once on %s', (backend) => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk(backend, 'exactly_once');
  }, 60_000);
  afterEach(async () => desk.stopAll());
  afterAll(async () => desk.close());

  it('sends one email for a command pushed twice and for a second document with the same key', async () => {
    const counting = countingMailer(desk.outbox);
    const app = await desk.start({ mailer: counting.mailer });
    const { sync } = await desk.claire(app);
    const quoteId = await aSentQuoteId(desk, app);
    const first = aCommand('quote.email', { quoteId });
    // The desktop retried its push after a lost response, then inserted the action again (double click).
    await sync.push('commands', [{ newDocumentState: first }]);
    await sync.push('commands', [{ newDocumentState: first }]);
    const second = aCommand('quote.email', { quoteId }, undefined, first.idempotencyKey as string);
    await sync.push('commands', [{ newDocumentState: second }]);

    const [a, b] = [await settledCommand(sync, first.id), await settledCommand(sync, second.id)];
    expect(a.status).toBe('done');
    expect(b).toMatchObject({ status: 'done', result: a.result });
    expect(counting.sends.get(first.id)).toBe(1);
    expect(counting.sends.has(second.id)).toBe(false);
    expect(emlFor(desk.outbox, first.id)).toHaveLength(1);
    expect(emlFor(desk.outbox, second.id)).toHaveLength(0);
    const messageId = (a.result as { messageId: string }).messageId;
    expect((await pulled(sync, 'events')).filter((e) => (e.payload as { messageId?: string }).messageId === messageId)).toHaveLength(1);

    // Later still, the same key again: the recorded result, nothing sent.
    const third = aCommand('quote.email', { quoteId }, undefined, first.idempotencyKey as string);
    await sync.push('commands', [{ newDocumentState: third }]);
    expect(await settledCommand(sync, third.id)).toMatchObject({ status: 'done', result: a.result });
    expect(counting.sends.has(third.id)).toBe(false);
  });

  it('refuses another user’s idempotency key instead of handing over its result', async () => {
    const app = await desk.start();
    const { sync } = await desk.claire(app);
    const quoteId = await aSentQuoteId(desk, app);
    const mine = aCommand('quote.email', { quoteId });
    await sync.push('commands', [{ newDocumentState: mine }]);
    await settledCommand(sync, mine.id);
    // A manager (reads every command) pushing a command that reuses Claire's key.
    const sophie = await login(app, SOPHIE.email, DEMO_PASSWORD);
    const theirs = aCommand('quote.email', { quoteId }, sophie.user.id, mine.idempotencyKey as string);
    const sophieSync = injectClient(app, sophie);
    await sophieSync.push('commands', [{ newDocumentState: theirs }]);
    expect(await settledCommand(sophieSync, theirs.id)).toMatchObject({ status: 'failed', result: null, error: { code: 'IDEMPOTENCY_KEY_TAKEN' } });
  });

  it('runs each command once when two server processes share the database', async () => {
    const counting = countingMailer(desk.outbox);
    // On PostgreSQL the second process has its own connections (and hears the first through NOTIFY);
    // PGlite is one process by construction: two apps on the one instance stand for two runners.
    const secondDb: Db = backend === 'postgres' ? await openPostgres({ url: PG_URL, schema: desk.tdb.env.COMPTOIR_DB_SCHEMA ?? '', poolSize: 5 }) : desk.tdb.db;
    const options = { outboxDir: desk.outbox, publicUrl: PUBLIC_URL, retry: FAST_RETRY, pollMs: 250, mailer: counting.mailer };
    const one = await desk.start({ mailer: counting.mailer });
    const two = await build(secondDb, { commands: options });
    try {
      const quoteId = await aSentQuoteId(desk, one);
      const clients = [(await desk.claire(one)).sync, (await desk.claire(two)).sync];
      const commands: Doc[] = Array.from({ length: 12 }, () => aCommand('quote.email', { quoteId }));
      // Pushed through both processes, in small batches, concurrently.
      await Promise.all(commands.map((command, i) => clients[i % 2]!.push('commands', [{ newDocumentState: command }])));
      for (const command of commands) expect((await settledCommand(clients[0]!, command.id)).status).toBe('done');
      for (const command of commands) {
        expect(counting.sends.get(command.id), command.id).toBe(1);
        expect(emlFor(desk.outbox, command.id)).toHaveLength(1);
      }
      const rows = await desk.tdb.db.query<{ attempts: number; state: string }>(
        `SELECT attempts, state FROM command_executions WHERE command_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(commands.map((c) => c.id))],
      );
      expect(rows.map((r) => [Number(r.attempts), r.state])).toEqual(commands.map(() => [1, 'done']));
    } finally {
      await two.close();
      if (secondDb !== desk.tdb.db) await secondDb.close();
    }
  });
});
