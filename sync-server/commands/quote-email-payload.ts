import type { JsonObject } from '../../core/model/json.ts';
import { ID_PATTERN } from '../../core/shared/ids.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import { readAddresses } from '../mail/addresses.ts';

/** `quote.email` payload (wire contract): `{ quoteId, to?, cc?, language?, message?, templateId? }`. */
export interface QuoteEmailInput {
  readonly quoteId: string;
  /** Null: the client's own address. */
  readonly to: readonly string[] | null;
  /** Besides the copies the settings ask for (sales manager, client's sales rep). */
  readonly cc: readonly string[];
  /** Null: the client's language, else the desk's default. */
  readonly language: 'fr' | 'en' | null;
  /** The agent's personal note, put after the greeting. */
  readonly message: string | null;
  readonly templateId: string;
}

const MESSAGE_MAX = 5000;

/**
 * Reads a `quote.email` payload. `to` and `cc` take one address or a list; other fields the
 * desktop adds for its own display (`dossierId`) are ignored.
 */
export function parseQuoteEmail(payload: JsonObject): Result<QuoteEmailInput, 'INVALID_PAYLOAD'> {
  const { quoteId, language, message, templateId } = payload;
  if (typeof quoteId !== 'string' || !ID_PATTERN.test(quoteId)) return err('INVALID_PAYLOAD', 'quote.email needs a quoteId');
  const to = readAddresses(payload.to, 'to');
  if (!to.ok) return err('INVALID_PAYLOAD', to.message);
  const cc = readAddresses(payload.cc, 'cc');
  if (!cc.ok) return err('INVALID_PAYLOAD', cc.message);
  if (language !== undefined && language !== null && language !== 'fr' && language !== 'en') return err('INVALID_PAYLOAD', 'language must be "fr" or "en"');
  if (message !== undefined && message !== null && (typeof message !== 'string' || message.length > MESSAGE_MAX)) {
    return err('INVALID_PAYLOAD', `message must be text of at most ${MESSAGE_MAX} characters`);
  }
  if (templateId !== undefined && templateId !== null && (typeof templateId !== 'string' || !ID_PATTERN.test(templateId))) {
    return err('INVALID_PAYLOAD', 'templateId must be a template id');
  }
  return ok({
    quoteId,
    to: to.value.length > 0 ? to.value : null,
    cc: cc.value,
    language: language === 'fr' || language === 'en' ? language : null,
    message: typeof message === 'string' && message.trim() !== '' ? message : null,
    templateId: typeof templateId === 'string' ? templateId : 'quote-sent',
  });
}
