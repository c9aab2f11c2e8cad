import { formatMoney } from '../../core/money/index.ts';
import type { JsonObject } from '../../core/model/json.ts';
import { transitionRequest, type PaymentRequest } from '../../core/payment/index.ts';
import { newDossierEvent } from '../../core/pipeline/index.ts';
import type { CommandDoc } from '../../core/schemas/commands.ts';
import { toPaymentDoc } from '../../core/schemas/index.ts';
import { ID_PATTERN } from '../../core/shared/ids.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import type { Sql } from '../db/db.ts';
import { lockCollection } from '../sync/doc-store.ts';
import { distinctAddresses, readAddresses } from '../mail/addresses.ts';
import type { SentMail } from '../mail/mailer.ts';
import { findTemplate, renderTemplate } from '../mail/templates.ts';
import { commandCreator, creatorMayRead, type CommandCreator } from './command-creator.ts';
import { fail, register, retryLater, succeed, type CommandEnv, type RunOutcome } from './command-handler.ts';
import { readDeskSettings, readReferenceData } from './desk-settings.ts';
import { fromJson } from './json.ts';
import { derivedId, mailFailure, messageIdOf, senderOf } from './mail-envelope.ts';
import { customerName, loadQuoteSources, type QuoteSources } from './quote-sources.ts';
import { newState, readBody, readOne, writeAsServer } from './server-writes.ts';

/** `payment.request` payload (wire contract): `{ paymentId, to?, language? }`; other fields are the desktop's. */
export interface PaymentRequestInput {
  readonly paymentId: string;
  /** Who gets the link by email; empty: nobody (the agent reads it out or sends it themselves). */
  readonly to: readonly string[];
  readonly language: 'fr' | 'en' | null;
}

export function parsePaymentRequest(payload: JsonObject): Result<PaymentRequestInput, 'INVALID_PAYLOAD'> {
  if (typeof payload.paymentId !== 'string' || !ID_PATTERN.test(payload.paymentId)) return err('INVALID_PAYLOAD', 'payment.request needs a paymentId');
  const to = readAddresses(payload.to, 'to');
  if (!to.ok) return err('INVALID_PAYLOAD', to.message);
  const language = payload.language === 'fr' || payload.language === 'en' ? payload.language : null;
  return ok({ paymentId: payload.paymentId, to: to.value, language });
}

const DAY_MS = 86_400_000;

interface LinkEmail {
  readonly request: PaymentRequest;
  readonly link: string;
  readonly expiresAt: Date;
  readonly to: readonly string[];
  readonly language: 'fr' | 'en';
  readonly sources: QuoteSources | null;
  readonly creator: CommandCreator;
}

/** Emails the link with the desk's `payment-request` template. */
async function emailLink(email: LinkEmail, command: CommandDoc, env: CommandEnv): Promise<RunOutcome | { readonly sent: SentMail }> {
  const settings = await readDeskSettings(env.db);
  const template = findTemplate(await readReferenceData(env.db, 'templates'), 'payment-request', email.language);
  if (template === null) return fail('TEMPLATE_NOT_FOUND', 'No email template "payment-request".');
  const locale = email.language === 'en' ? 'en-GB' : 'fr-FR';
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: settings.timeZone }).format(email.expiresAt);
  const text = renderTemplate(template, {
    clientName: customerName(email.sources?.client ?? null),
    quoteNumber: email.sources?.quote.number ?? '',
    amount: formatMoney(email.request.amount, email.sources?.quote.currency ?? 'EUR', locale),
    expiresAt: when,
    paymentLink: email.link,
    agentName: email.creator.user.name,
    companyName: settings.company.name,
  });
  const from = senderOf(settings, env.mailFrom);
  const sent = await env.mailer.send({
    from, to: email.to, cc: [], replyTo: email.creator.user.email, subject: text.subject, text: text.body,
    attachments: [], messageId: messageIdOf(command, from), date: env.now(), reference: command.id,
  });
  return sent.ok ? { sent: sent.value } : mailFailure(sent.error);
}

/**
 * `payment.request`: opens a payment link for a queued payment request through the payment
 * provider (the sandbox by default), marks the request `sent` with its link and expiry (settings'
 * `payments.requestExpiryDays`, 7 by default), and emails the link when `to` names someone.
 * Resumable: the provider hands out one link per request, so a run cut short runs again safely
 * (at worst the link is emailed twice).
 */
async function run(input: PaymentRequestInput, command: CommandDoc, env: CommandEnv): Promise<RunOutcome> {
  const creator = await commandCreator(env.db, command.createdBy);
  if (creator === null) return fail('CREATOR_UNKNOWN', 'The user who queued this payment request has no active account.');
  const stored = await readOne(env.db, 'payments', input.paymentId);
  if (stored === null) return retryLater('NOT_SYNCED', `Payment request ${input.paymentId} has not reached the server yet.`);
  if (stored.deleted || stored.body.type !== 'request') return fail('PAYMENT_NOT_FOUND', `No payment request ${input.paymentId}.`);
  const allowed = await creatorMayRead(env.db, creator, 'payments', stored.body);
  if (allowed === undefined) return retryLater('NOT_SYNCED', `The dossier of payment request ${input.paymentId} has not reached the server yet.`);
  if (!allowed) return fail('FORBIDDEN', 'You may not send this payment request.');
  const request = fromJson<PaymentRequest>(stored.body);
  if (request.status === 'sent' && request.link !== null) return succeed({ result: { link: request.link, expiresAt: request.expiresAt, provider: env.payments.name, emailedTo: [] } });
  if (request.status !== 'queued') return fail('PAYMENT_NOT_OPEN', `Payment request ${request.id} is ${request.status}.`);

  const settings = await readDeskSettings(env.db);
  const lookup = await loadQuoteSources(env.db, request.quoteId);
  const sources = lookup.found ? lookup.sources : null;
  const language = input.language ?? sources?.client?.language ?? settings.defaultLanguage;
  const kindLabel = { deposit: language === 'en' ? 'Deposit' : 'Acompte', balance: language === 'en' ? 'Balance' : 'Solde', full: language === 'en' ? 'Payment' : 'Règlement' }[request.kind];
  const expiresAt = new Date(env.now().getTime() + settings.paymentExpiryDays * DAY_MS);
  const created = await env.payments.createPaymentLink({ request, expiresAt, language, description: `${kindLabel} ${sources?.quote.number ?? ''}`.trim() });
  if (!created.ok) return created.error.transient ? retryLater(created.error.code, created.error.message) : fail(created.error.code, created.error.message);
  const link = created.value;

  const to = distinctAddresses(input.to);
  let sent: SentMail | null = null;
  if (to.length > 0) {
    const emailed = await emailLink({ request, link: link.link, expiresAt: link.expiresAt, to, language, sources, creator }, command, env);
    if (!('sent' in emailed)) return emailed;
    sent = emailed.sent;
  }
  const now = env.now().toISOString();
  const event = sent === null ? null : newDossierEvent({ id: request.dossierId }, { actor: command.createdBy, clock: { now: () => now }, ids: { next: () => derivedId('email', command.idempotencyKey) } }, {
    kind: 'email_sent',
    quoteId: request.quoteId,
    paymentId: request.id,
    amount: request.amount,
    summary: `${request.kind} payment link emailed to ${to.join(', ')}`.slice(0, 500),
    payload: { templateId: 'payment-request', language, to: to.join(', '), messageId: sent.messageId },
  });
  return succeed({
    result: { link: link.link, expiresAt: link.expiresAt.toISOString(), provider: env.payments.name, emailedTo: to, ...(sent !== null ? { messageId: sent.messageId, file: sent.file } : {}) },
    async apply(tx: Sql, channel: string) {
      if (event !== null) await writeAsServer(tx, channel, 'events', [newState(event)]);
      // Re-read under the payments lock: only a still-queued request becomes sent.
      await lockCollection(tx, 'payments');
      const current = await readBody(tx, 'payments', request.id);
      if (current === null) return;
      const moved = transitionRequest(fromJson<PaymentRequest>(current), 'sent', { now: () => now }, { link: link.link, expiresAt: link.expiresAt.toISOString() });
      if (moved.ok) await writeAsServer(tx, channel, 'payments', [newState(toPaymentDoc(moved.value))]);
    },
  });
}

export const paymentRequestHandler = register({ kind: 'payment.request', resumable: true, parse: parsePaymentRequest, run });
