import type { Cents } from '../money/units.ts';
import type { Quote } from '../quote/quote.ts';
import type { IsoDate, IsoInstant } from '../shared/clock.ts';

/** Languages a customer document is printed in (DESIGN §12: French first, English second). */
export type DocumentLanguage = 'fr' | 'en';

/** The seller, as printed in the header and the legal footer of every page. */
export interface CompanyInfo {
  readonly name: string;
  /** Street, postcode and town…, one printed line each. */
  readonly addressLines: readonly string[];
  /** As it should be read, e.g. `04 79 00 00 00` or `+33 4 79 00 00 00`. */
  readonly phone: string;
  readonly email: string;
  readonly website?: string;
  /** French company registration number (14 digits), printed on every page. */
  readonly siret: string;
  /** Intra-community VAT number, e.g. `FR12345678901`. */
  readonly vatNumber: string;
  /** E.g. `SAS au capital de 50 000 €, RCS Chambéry 123 456 789`; printed in the footer. */
  readonly legalMention?: string;
}

/** The customer block. Built by the caller from the client and dossier, in the customer's words. */
export interface DocumentRecipient {
  /** The person to address, e.g. `Mme Hélène Dupré`; may be empty for a company. */
  readonly name: string;
  /** Company or public body; empty for a private person. */
  readonly company?: string;
  readonly addressLines?: readonly string[];
  readonly email?: string;
  /** A stored E.164 number (printed the way the reader dials it) or text printed as given. */
  readonly phone?: string;
  /** The client's reference (seed 002 "Référence"). */
  readonly reference?: string;
  /** A business client's intra-community VAT number. */
  readonly vatNumber?: string;
}

/** Everything a quote PDF shows; nothing is read from a database or a clock. */
export interface QuotePdfInput {
  /** Lines, discounts, deposit rate, validity and negotiation; totals are recomputed from the lines. */
  readonly quote: Quote;
  readonly company: CompanyInfo;
  readonly client: DocumentRecipient;
  readonly language: DocumentLanguage;
  /**
   * Stamped as the PDF's creation date, and the quote date printed when the quote was never sent.
   * Passed in so that the same input always gives the same bytes.
   */
  readonly createdAt: IsoInstant;
  /** Time zone dates are printed in; default `Europe/Paris`. */
  readonly timeZone?: string;
  /** The dossier's subject, printed as "Objet". */
  readonly subject?: string;
  /** The dossier number, printed beside the quote number. */
  readonly dossierNumber?: string;
  /** Stay or service dates of the dossier (tourism), printed under the subject. */
  readonly stay?: { readonly start: IsoDate; readonly end: IsoDate } | null;
  /** Payments already received on this quote, printed with the balance still due. */
  readonly received?: Cents;
  /** Extra terms printed after the payment terms (cancellation policy, bank details…). */
  readonly terms?: readonly string[];
}

/** Options that change the bytes but not what the document says. */
export interface QuotePdfOptions {
  /** Deflate the page contents (default true); tests turn it off to read the text back. */
  readonly compress?: boolean;
}
