import { createFileMailer } from './file-mailer.ts';
import type { Mailer } from './mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

/** SMTP when `smtpUrl` is set (SMTP_URL), else `.eml` files in `outboxDir` (`<data dir>/outbox`). */
export function createMailer(options: { readonly smtpUrl: string | null; readonly outboxDir: string }): Mailer {
  return options.smtpUrl !== null ? createSmtpMailer(options.smtpUrl) : createFileMailer(options.outboxDir);
}
