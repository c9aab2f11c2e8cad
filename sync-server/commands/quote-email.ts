import { documentFormat, renderQuotePdf } from '../../core/documents/index.ts';
import { formatMoney } from '../../core/money/index.ts';
import { newDossierEvent } from '../../core/pipeline/index.ts';
import type { CommandDoc } from '../../core/schemas/commands.ts';
import type { Sql } from '../db/db.ts';
import { distinctAddresses } from '../mail/addresses.ts';
import { findTemplate, renderTemplate, withPersonalNote } from '../mail/templates.ts';
import { commandCreator, creatorMayRead, userEmail } from './command-creator.ts';
import { fail, register, retryLater, succeed, type CommandEnv, type RunOutcome } from './command-handler.ts';
import { readDeskSettings, readReferenceData, type DeskSettings } from './desk-settings.ts';
import { toJson } from './json.ts';
import { derivedId, mailFailure, messageIdOf, senderOf } from './mail-envelope.ts';
import { parseQuoteEmail, type QuoteEmailInput } from './quote-email-payload.ts';
import { customerName, loadQuoteSources, pdfFileName, quotePdfInput, type QuoteSources } from './quote-sources.ts';
import { newState, writeAsServer } from './server-writes.ts';

/** Copies the settings ask for (seed 000): the sales manager, and the client's sales rep. */
async function settingsCopies(sql: Sql, settings: DeskSettings, sources: QuoteSources): Promise<(string | null)[]> {
  const rep = settings.copyToClientSalesRep && sources.client?.salesRep ? await userEmail(sql, sources.client.salesRep) : null;
  return [settings.salesManagerEmail, rep];
}

/**
 * `quote.email`: mails the quote PDF (rendered with core/documents, the desktop's code) to the
 * client, from the desk's `quote-sent` template (or the one named), with the copies the settings
 * ask for, then appends an `email_sent` event to the dossier's history. It does not change the
 * quote: sending it (status) is the desktop's own step, done before it queues the email.
 */
async function run(input: QuoteEmailInput, command: CommandDoc, env: CommandEnv): Promise<RunOutcome> {
  const { db } = env;
  const creator = await commandCreator(db, command.createdBy);
  if (creator === null) return fail('CREATOR_UNKNOWN', 'The user who queued this email has no active account.');
  const lookup = await loadQuoteSources(db, input.quoteId);
  if (!lookup.found) {
    return lookup.deleted
      ? fail('QUOTE_NOT_FOUND', `Quote ${input.quoteId} was deleted.`)
      : retryLater('NOT_SYNCED', `Quote ${input.quoteId} has not reached the server (not synced yet, or never created).`);
  }
  const sources = lookup.sources;
  const { quote, client } = sources;
  const allowed = await creatorMayRead(db, creator, 'quotes', toJson(quote));
  if (allowed === undefined) return retryLater('NOT_SYNCED', `The dossier of quote ${quote.number} has not reached the server yet.`);
  if (!allowed) return fail('FORBIDDEN', `You may not email quote ${quote.number}.`);

  const settings = await readDeskSettings(db);
  const language = input.language ?? client?.language ?? settings.defaultLanguage;
  const to = distinctAddresses(input.to ?? [client?.email]);
  if (to.length === 0) return fail('NO_RECIPIENT', `Quote ${quote.number}: the client has no email address and none was given.`);
  const cc = distinctAddresses([...input.cc, ...(await settingsCopies(db, settings, sources))], to);
  const template = findTemplate(await readReferenceData(db, 'templates'), input.templateId, language);
  if (template === null) return fail('TEMPLATE_NOT_FOUND', `No email template "${input.templateId}".`);

  const now = env.now();
  const pdf = renderQuotePdf(quotePdfInput(sources, settings, language, now.toISOString()));
  const format = documentFormat(language, quote.currency, settings.timeZone);
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  const text = renderTemplate(template, {
    clientName: customerName(client),
    quoteNumber: quote.number,
    version: String(quote.version),
    validUntil: format.date(quote.validUntil),
    total: formatMoney(quote.totals.totalGross, quote.currency, locale),
    dossierNumber: sources.dossier?.number ?? '',
    subject: sources.dossier?.subject ?? '',
    agentName: creator.user.name,
    companyName: settings.company.name,
  });
  const from = senderOf(settings, env.mailFrom);
  const attachment = { filename: pdfFileName(quote), contentType: 'application/pdf', content: pdf };
  const sent = await env.mailer.send({
    from,
    to,
    cc,
    replyTo: creator.user.email,
    subject: text.subject,
    text: withPersonalNote(text.body, input.message),
    attachments: [attachment],
    messageId: messageIdOf(command, from),
    date: now,
    reference: command.id,
  });
  if (!sent.ok) return mailFailure(sent.error);

  const event = newDossierEvent({ id: quote.dossierId }, { actor: command.createdBy, clock: { now: () => now.toISOString() }, ids: { next: () => derivedId('email', command.idempotencyKey) } }, {
    kind: 'email_sent',
    quoteId: quote.id,
    summary: `quote ${quote.number} v${quote.version} emailed to ${to.join(', ')}`.slice(0, 500),
    payload: { templateId: template.id, language, to: to.join(', '), cc: cc.join(', '), messageId: sent.value.messageId },
  });
  return succeed({
    result: {
      messageId: sent.value.messageId,
      transport: sent.value.transport,
      to,
      cc,
      subject: text.subject,
      attachment: { filename: attachment.filename, bytes: pdf.byteLength },
      file: sent.value.file,
      rejected: [...sent.value.rejected],
    },
    apply: (tx, channel) => writeAsServer(tx, channel, 'events', [newState(event)]),
  });
}

export const quoteEmailHandler = register({ kind: 'quote.email', resumable: false, parse: parseQuoteEmail, run });
