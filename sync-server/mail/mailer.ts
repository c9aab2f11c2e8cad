import type { Failure } from '../../core/shared/result.ts';

/** A file attached to an email (the quote PDF). */
export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** An email ready to leave: addresses checked, body rendered from its template. */
export interface OutgoingMail {
  readonly from: { readonly name: string; readonly address: string };
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** Replies go to the agent who sent it rather than to the desk's address. */
  readonly replyTo: string | null;
  readonly subject: string;
  readonly text: string;
  readonly attachments: readonly MailAttachment[];
  /** `<…@domain>`; derived from the command, so a message is recognisable if it is ever re-sent. */
  readonly messageId: string;
  readonly date: Date;
  /** Names the `.eml` file in the outbox (the command id). */
  readonly reference: string;
}

/** What became of a sent email. */
export interface SentMail {
  readonly messageId: string;
  readonly transport: 'smtp' | 'file';
  readonly accepted: readonly string[];
  readonly rejected: readonly string[];
  /** The outbox file (file transport only), relative to the outbox directory. */
  readonly file: string | null;
}

export type MailErrorCode =
  /** The SMTP server could not be reached or answered 4xx: try again later. */
  | 'SMTP_UNAVAILABLE'
  /** The SMTP server refused the message or every recipient (5xx). */
  | 'SMTP_REJECTED'
  /** The SMTP server refused the credentials of SMTP_URL. */
  | 'SMTP_AUTH_FAILED'
  /** The outbox directory could not be written. */
  | 'OUTBOX_UNWRITABLE';

export interface MailFailure extends Failure<MailErrorCode> {
  /** Worth retrying later (connection problems), as opposed to a refusal. */
  readonly transient: boolean;
}

export type MailResult = { readonly ok: true; readonly value: SentMail } | { readonly ok: false; readonly error: MailFailure };

/**
 * Sends email: through SMTP when SMTP_URL is set (smtp-mailer.ts), otherwise by writing RFC 5322
 * `.eml` files to the data directory's outbox (file-mailer.ts).
 */
export interface Mailer {
  readonly transport: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<MailResult>;
  close(): void;
}

/** nodemailer's message options for `mail` (shared by both transports, so both write the same message). */
export function nodemailerMessage(mail: OutgoingMail) {
  return {
    from: { name: mail.from.name, address: mail.from.address },
    to: [...mail.to],
    cc: [...mail.cc],
    ...(mail.replyTo !== null ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    date: mail.date,
    messageId: mail.messageId,
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
  };
}
