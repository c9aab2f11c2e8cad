import { createHash } from 'node:crypto';
import type { CommandDoc } from '../../core/schemas/commands.ts';
import { isEmailAddress } from '../mail/addresses.ts';
import type { MailFailure } from '../mail/mailer.ts';
import { fail, retryLater, type RunOutcome } from './command-handler.ts';
import type { DeskSettings } from './desk-settings.ts';

/** Used when neither COMPTOIR_MAIL_FROM nor the company's email is set. */
const FALLBACK_FROM = 'comptoir@localhost';

/** The sender: the desk's company name, at COMPTOIR_MAIL_FROM or the company's own address. */
export function senderOf(settings: DeskSettings, mailFrom: string | null): { name: string; address: string } {
  const address = [mailFrom, settings.company.email].find((a): a is string => typeof a === 'string' && isEmailAddress(a)) ?? FALLBACK_FROM;
  return { name: settings.company.name, address };
}

/**
 * A Message-ID derived from the command's idempotency key, so that the one email of a key always
 * carries the same id (mail clients and archives recognise a copy).
 */
export function messageIdOf(command: Pick<CommandDoc, 'idempotencyKey'>, from: { address: string }): string {
  const hash = createHash('sha256').update(command.idempotencyKey).digest('base64url').slice(0, 24);
  const domain = from.address.split('@')[1] ?? 'localhost';
  return `<${hash}@${domain}>`;
}

/** A short id for a document the server derives from a command (its history event): stable per key. */
export function derivedId(prefix: string, key: string): string {
  return `${prefix}-${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;
}

/** A mail failure as a command outcome: connection trouble is retried, a refusal is final. */
export function mailFailure(error: MailFailure): RunOutcome {
  return error.transient ? retryLater(error.code, error.message) : fail(error.code, error.message);
}
