import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.ts';
import { nodemailerMessage } from './mailer.ts';

/** A file name safe on every file system. */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
}

/**
 * The embedded default (DESIGN §10): every email is composed by nodemailer exactly as it would be
 * sent (RFC 5322, MIME multipart, the PDF base64-encoded, CRLF line ends) and written to
 * `<outboxDir>/<date>-<command>.eml`, which any mail client opens. Written to a temporary name then
 * renamed, so a reader never sees half a message.
 */
export function createFileMailer(outboxDir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    transport: 'file',
    async send(mail) {
      const info = await transport.sendMail(nodemailerMessage(mail));
      const name = `${mail.date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${safe(mail.reference)}.eml`;
      try {
        await mkdir(outboxDir, { recursive: true });
        const temporary = join(outboxDir, `.${name}.tmp`);
        await writeFile(temporary, info.message);
        await rename(temporary, join(outboxDir, name));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'OUTBOX_UNWRITABLE', message: `Cannot write the email to the outbox ${outboxDir}: ${reason}`, transient: true } };
      }
      return { ok: true, value: { messageId: mail.messageId, transport: 'file', accepted: [...mail.to, ...mail.cc], rejected: [], file: name } };
    },
    close() {
      transport.close();
    },
  };
}
