// quote.email through the outbox (DESIGN §9): pushed by a client, run by the server, result pulled.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLAIRE, SOPHIE } from '../../../core/demo/index.ts';
import { formatAmount } from '../../../core/money/index.ts';
import type { Cents } from '../../../core/money/index.ts';
import { pdfText } from '../../e2e/support/pdf-text.ts';
import type { Doc, SyncClient } from '../support/sync-client.ts';
import { backends } from '../support/test-db.ts';
import { aCommand, emlFor, openDesk, pulled, settledCommand, type Desk } from './desk.ts';
import { bodyBytes, leaves, param, parseMime } from './eml.ts';
import { closedPort, startFakeSmtp } from './fake-smtp.ts';

const BACKENDS = await backends();

/** A sent quote of one of Claire's dossiers, with its client (French, with an email and a sales rep). */
async function aSentQuote(sync: SyncClient): Promise<{ quote: Doc; client: Doc; dossier: Doc }> {
  const [quotes, dossiers, clients] = await Promise.all([pulled(sync, 'quotes'), pulled(sync, 'dossiers'), pulled(sync, 'clients')]);
  for (const quote of quotes.filter((q) => q.status === 'sent')) {
    const dossier = dossiers.find((d) => d.id === quote.dossierId && d.assignedTo === CLAIRE.id);
    const client = clients.find((c) => c.id === dossier?.clientId && c.language === 'fr' && c.email !== '' && c.salesRep !== null);
    if (dossier !== undefined && client !== undefined) return { quote, client, dossier };
  }
  throw new Error('the demo has no sent quote of a French client in Claire’s dossiers');
}

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe.each(BACKENDS)('quote.email on %s', (backend) => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk(backend, 'quote_email');
  }, 60_000);
  afterEach(async () => desk.stopAll());
  afterAll(async () => desk.close());

  it('mails the quote PDF to the client, copies the sales manager and rep, and reports done through pull', async () => {
    const app = await desk.start();
    const { sync } = await desk.claire(app);
    const { quote, client } = await aSentQuote(sync);
    const command = aCommand('quote.email', { quoteId: quote.id, dossierId: String(quote.dossierId), templateId: 'quote-sent' });
    expect(await sync.push('commands', [{ newDocumentState: command }])).toEqual([]);

    const done = await settledCommand(sync, command.id);
    expect(done).toMatchObject({ status: 'done', error: null });
    const result = done.result as Record<string, unknown>;
    expect(result).toMatchObject({ transport: 'file', to: [client.email], attachment: { filename: `${quote.number as string}-v${quote.version as number}.pdf` } });
    // Seed 000: the sales manager's address and the client's sales rep (Claire) are copied.
    expect(result.cc).toEqual(expect.arrayContaining([SOPHIE.email, CLAIRE.email]));

    const files = emlFor(desk.outbox, command.id);
    expect(files).toHaveLength(1);
    const mail = parseMime(files[0] ?? '');
    expect(mail.headers.get('from')).toBe('Comptoir des Neiges <reservations@comptoir-des-neiges.fr>');
    expect(mail.headers.get('to')).toBe(client.email);
    expect(mail.headers.get('cc')).toContain(SOPHIE.email);
    expect(mail.headers.get('reply-to')).toBe(CLAIRE.email);
    expect(mail.headers.get('subject')).toBe(`Votre devis ${quote.number as string}`);
    expect(mail.headers.get('message-id')).toBe(result.messageId);
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect(Date.parse(mail.headers.get('date') ?? '')).not.toBeNaN();

    const [text, pdf] = leaves(mail);
    const body = bodyBytes(text!).toString('utf8');
    expect(body).toContain(`Bonjour ${client.firstName as string} ${client.lastName as string},`);
    expect(body).toContain(`notre devis ${quote.number as string}`);
    // No customer portal yet: the template's sentence with the portal link is left out, not printed with a hole.
    expect(body).not.toMatch(/\{\{|en ligne :/);
    expect(pdf!.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(param(pdf!.headers.get('content-disposition'), 'filename')).toBe(`${quote.number as string}-v${quote.version as number}.pdf`);
    const bytes = bodyBytes(pdf!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBe((result.attachment as { bytes: number }).bytes);
    const printed = pdfText(bytes);
    const totals = quote.totals as { totalGross: number };
    expect(printed).toContain(quote.number as string);
    expect(printed).toContain(plain(formatAmount(totals.totalGross as Cents, 'fr-FR')));
    expect(printed).toContain('Total TTC');

    const events = (await pulled(sync, 'events')).filter((e) => e.kind === 'email_sent' && e.quoteId === quote.id && (e.payload as { messageId?: string }).messageId === result.messageId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ dossierId: String(quote.dossierId), actor: CLAIRE.id });
    expect(String(events[0]?.summary)).toContain(String(client.email));
  });

  it('writes the email in the language asked for, with the agent’s note, to the address given', async () => {
    const app = await desk.start();
    const { sync } = await desk.claire(app);
    const { quote } = await aSentQuote(sync);
    const command = aCommand('quote.email', { quoteId: quote.id, to: 'booking@partner.example', cc: ['boss@partner.example'], language: 'en', message: 'As discussed on the phone, breakfast is included.' });
    await sync.push('commands', [{ newDocumentState: command }]);
    const done = await settledCommand(sync, command.id);
    expect(done.status).toBe('done');
    const mail = parseMime(emlFor(desk.outbox, command.id)[0] ?? '');
    expect(mail.headers.get('to')).toBe('booking@partner.example');
    expect(mail.headers.get('cc')).toContain('boss@partner.example');
    expect(mail.headers.get('subject')).toBe(`Your quote ${quote.number as string}`);
    const body = bodyBytes(leaves(mail)[0]!).toString('utf8');
    expect(body).toMatch(/^Dear .+,\n\nAs discussed on the phone, breakfast is included\.\n\nPlease find attached/);
    expect(pdfText(bodyBytes(leaves(mail)[1]!))).toContain('Payment terms');
  });

  it('sends through SMTP when SMTP_URL is set', async () => {
    const smtp = await startFakeSmtp();
    try {
      const app = await desk.start({ smtpUrl: smtp.url });
      const { sync } = await desk.claire(app);
      const { quote, client } = await aSentQuote(sync);
      const command = aCommand('quote.email', { quoteId: quote.id });
      await sync.push('commands', [{ newDocumentState: command }]);
      const done = await settledCommand(sync, command.id);
      expect(done).toMatchObject({ status: 'done', result: { transport: 'smtp', file: null } });
      expect(emlFor(desk.outbox, command.id)).toEqual([]);
      const sent = smtp.received.find((m) => m.data.includes((done.result as { messageId: string }).messageId));
      expect(sent?.to).toEqual(expect.arrayContaining([`<${client.email as string}>`, `<${SOPHIE.email}>`]));
      expect(sent?.data).toContain('Content-Type: application/pdf');
    } finally {
      await smtp.close();
    }
  });

  it('retries an unreachable SMTP server a bounded number of times, then fails with SMTP_UNAVAILABLE', async () => {
    const app = await desk.start({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    const { sync } = await desk.claire(app);
    const { quote } = await aSentQuote(sync);
    const command = aCommand('quote.email', { quoteId: quote.id });
    await sync.push('commands', [{ newDocumentState: command }]);
    const failed = await settledCommand(sync, command.id);
    expect(failed).toMatchObject({ status: 'failed', result: null, error: { code: 'SMTP_UNAVAILABLE', message: expect.stringMatching(/Cannot reach the SMTP server smtp:\/\/127\.0\.0\.1:\d+ .*gave up after 3 attempts/) } });
    const rows = await desk.tdb.db.query<{ attempts: number }>('SELECT attempts FROM command_executions WHERE command_id = $1', [command.id]);
    expect(rows.map((r) => Number(r.attempts))).toEqual([3]);
    const sentEvents = (await pulled(sync, 'events')).filter((e) => e.kind === 'email_sent' && e.quoteId === quote.id && String(e.at) >= String(command.createdAt));
    expect(sentEvents).toEqual([]);
  });

  it('waits for a quote that has not replicated yet and sends as soon as it arrives', async () => {
    const app = await desk.start({ retry: { maxAttempts: 8, baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const { sync } = await desk.claire(app);
    const { quote } = await aSentQuote(sync);
    const copy = { ...quote, id: `late-${quote.id as string}` } as Doc;
    const command = aCommand('quote.email', { quoteId: copy.id });
    await sync.push('commands', [{ newDocumentState: command }]);
    // The first attempt finds no quote (NOT_SYNCED, next attempt in a minute)…
    const waiting = async () => (await desk.tdb.db.query<{ error: { code: string } | null }>('SELECT error FROM command_executions WHERE command_id = $1', [command.id]))[0]?.error?.code;
    for (let i = 0; i < 200 && (await waiting()) !== 'NOT_SYNCED'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await waiting()).toBe('NOT_SYNCED');
    // …and the quote's arrival makes it due at once.
    expect(await sync.push('quotes', [{ newDocumentState: copy }])).toEqual([]);
    const done = await settledCommand(sync, command.id);
    expect(done.status).toBe('done');
  });

  it('fails commands it cannot run with a clear code: unknown kind, invalid payload, unknown recipient', async () => {
    const app = await desk.start();
    const { sync } = await desk.claire(app);
    const unknown = aCommand('sms.send', { to: '+33612345678', text: 'Bonjour' });
    const invalid = aCommand('quote.email', { quoteId: 'q-1', to: 'not an address' });
    const noQuote = aCommand('quote.email', {});
    await sync.push('commands', [unknown, invalid, noQuote].map((doc) => ({ newDocumentState: doc })));
    expect((await settledCommand(sync, unknown.id)).error).toMatchObject({ code: 'UNKNOWN_COMMAND', message: expect.stringContaining('sms.send') });
    expect((await settledCommand(sync, invalid.id)).error).toMatchObject({ code: 'INVALID_PAYLOAD', message: expect.stringContaining('not an address') });
    expect((await settledCommand(sync, noQuote.id)).error).toMatchObject({ code: 'INVALID_PAYLOAD' });
  });

  it('keeps the status server-owned: a client cannot push a command as already done', async () => {
    const app = await desk.start();
    const { sync } = await desk.claire(app);
    const forged = { ...aCommand('sms.send', {}), status: 'done', result: { forged: true } } as Doc;
    await sync.push('commands', [{ newDocumentState: forged }]);
    expect(await settledCommand(sync, forged.id)).toMatchObject({ status: 'failed', result: null, error: { code: 'UNKNOWN_COMMAND' } });
  });
});
