import nodemailer from 'nodemailer';
import type { MailFailure, Mailer } from './mailer.ts';
import { nodemailerMessage } from './mailer.ts';

/** Timeouts well under a command's lease (commands/), so a hung relay fails the attempt instead. */
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** nodemailer's error codes for "could not talk to the server" (lib/smtp-connection). */
const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPROTOCOL', 'ETLS']);

interface SmtpError {
  readonly code?: string;
  readonly responseCode?: number;
  readonly message?: string;
}

/** An SMTP failure as a value: unreachable and 4xx are transient, refusals and bad credentials final. */
export function classifySmtpError(error: unknown, where: string): MailFailure {
  const e: SmtpError = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const detail = `${e.code ?? 'error'}${e.responseCode !== undefined ? ` ${e.responseCode}` : ''}: ${e.message ?? ''}`.trim();
  if (e.code === 'EAUTH') return { code: 'SMTP_AUTH_FAILED', message: `The SMTP server ${where} refused the credentials (${detail})`, transient: false };
  if (e.responseCode !== undefined && e.responseCode >= 500) return { code: 'SMTP_REJECTED', message: `The SMTP server ${where} refused the message (${detail})`, transient: false };
  if (e.code === 'EENVELOPE' && e.responseCode === undefined) return { code: 'SMTP_REJECTED', message: `No valid recipient (${detail})`, transient: false };
  const unreachable = e.code !== undefined && UNREACHABLE.has(e.code);
  const busy = e.responseCode !== undefined && e.responseCode >= 400;
  return { code: 'SMTP_UNAVAILABLE', message: `${unreachable ? 'Cannot reach' : busy ? 'Temporary failure from' : 'Failure talking to'} the SMTP server ${where} (${detail})`, transient: true };
}

/** `smtp://user:secret@host:port` → `smtp://host:port`: credentials never reach a log or a command result. */
export function smtpEndpoint(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(invalid SMTP_URL)';
  }
}

/** Sends through the SMTP server of `url` (`smtp://` or `smtps://`, credentials in the URL). */
export function createSmtpMailer(url: string): Mailer {
  const where = smtpEndpoint(url);
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  return {
    transport: 'smtp',
    async send(mail) {
      try {
        const info = await transport.sendMail(nodemailerMessage(mail));
        const list = (values: unknown[] | undefined) => (values ?? []).map((v) => (typeof v === 'string' ? v : String((v as { address?: unknown }).address)));
        return { ok: true, value: { messageId: mail.messageId, transport: 'smtp', accepted: list(info.accepted), rejected: list(info.rejected), file: null } };
      } catch (error) {
        return { ok: false, error: classifySmtpError(error, where) };
      }
    },
    close() {
      transport.close();
    },
  };
}
