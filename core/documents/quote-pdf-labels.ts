import type { PriceMode } from '../quote/quote.ts';
import type { DocumentLanguage } from './quote-pdf-input.ts';

/**
 * Every word printed on a quote, per language. Kept in core beside the document (not in the
 * renderer's i18n files) because the server renders the same PDF for the customer portal.
 * Values arrive already formatted for the language; the functions only place them in a sentence.
 */
export interface QuotePdfLabels {
  /** "Label : value" with the language's punctuation (French puts a space before the colon). */
  readonly pair: (label: string, value: string) => string;
  readonly title: string;
  readonly draft: string;
  readonly continued: string;
  readonly number: string;
  readonly version: string;
  readonly date: string;
  readonly validUntil: string;
  readonly dossier: string;
  readonly customer: string;
  readonly customerReference: string;
  readonly customerVatNumber: string;
  readonly phone: string;
  readonly email: string;
  readonly siret: string;
  readonly vatNumber: string;
  readonly subject: (subject: string) => string;
  readonly stay: (start: string, end: string) => string;
  readonly columns: {
    readonly number: string;
    readonly ref: string;
    readonly label: string;
    readonly quantity: string;
    readonly unitPrice: (mode: PriceMode) => string;
    readonly discount: string;
    readonly vatRate: string;
    readonly total: (mode: PriceMode) => string;
  };
  readonly vatTable: { readonly rate: string; readonly net: string; readonly vat: string; readonly gross: string };
  readonly linesTotal: (mode: PriceMode) => string;
  readonly footerDiscount: (rate: string | null) => string;
  readonly totalNet: string;
  readonly totalVat: string;
  readonly totalGross: string;
  readonly paymentTerms: string;
  readonly deposit: (rate: string, amount: string) => string;
  readonly noDeposit: string;
  readonly balance: (amount: string) => string;
  readonly received: (amount: string) => string;
  readonly stillDue: (amount: string) => string;
  readonly validity: (date: string) => string;
  readonly clientRequest: string;
  readonly acceptance: string;
  readonly acceptanceHint: string;
  readonly page: (page: number, pages: number) => string;
}

const FRENCH: QuotePdfLabels = {
  pair: (label, value) => `${label} : ${value}`,
  title: 'DEVIS',
  draft: 'BROUILLON',
  continued: 'suite',
  number: 'Numéro',
  version: 'Version',
  date: 'Date',
  validUntil: 'Valable jusqu’au',
  dossier: 'Dossier',
  customer: 'Client',
  customerReference: 'Réf. client',
  customerVatNumber: 'N° TVA',
  phone: 'Tél.',
  email: 'E-mail',
  siret: 'SIRET',
  vatNumber: 'N° TVA intracommunautaire',
  subject: (subject) => `Objet : ${subject}`,
  stay: (start, end) => `Séjour du ${start} au ${end}`,
  columns: {
    number: 'N°',
    ref: 'Réf.',
    label: 'Désignation',
    quantity: 'Qté',
    unitPrice: (mode) => `P.U. ${mode}`,
    discount: 'Remise',
    vatRate: 'TVA',
    total: (mode) => `Total ${mode}`,
  },
  vatTable: { rate: 'Taux TVA', net: 'Base HT', vat: 'Montant TVA', gross: 'Total TTC' },
  linesTotal: (mode) => `Total des lignes ${mode}`,
  footerDiscount: (rate) => (rate === null ? 'Remise globale' : `Remise globale (${rate})`),
  totalNet: 'Total HT',
  totalVat: 'Total TVA',
  totalGross: 'Total TTC',
  paymentTerms: 'Conditions de règlement',
  deposit: (rate, amount) => `Acompte de ${rate} à la commande : ${amount}`,
  noDeposit: 'Aucun acompte n’est demandé à la commande.',
  balance: (amount) => `Solde à régler : ${amount}`,
  received: (amount) => `Déjà réglé : ${amount}`,
  stillDue: (amount) => `Reste à régler : ${amount}`,
  validity: (date) => `Devis valable jusqu’au ${date}.`,
  clientRequest: 'Votre demande',
  acceptance: 'Bon pour accord',
  acceptanceHint: 'Date, signature et cachet, précédés de la mention « Bon pour accord »',
  page: (page, pages) => `Page ${page}/${pages}`,
};

const ENGLISH: QuotePdfLabels = {
  pair: (label, value) => `${label}: ${value}`,
  title: 'QUOTE',
  draft: 'DRAFT',
  continued: 'continued',
  number: 'Number',
  version: 'Version',
  date: 'Date',
  validUntil: 'Valid until',
  dossier: 'File',
  customer: 'Customer',
  customerReference: 'Customer ref.',
  customerVatNumber: 'VAT no.',
  phone: 'Tel.',
  email: 'Email',
  siret: 'SIRET',
  vatNumber: 'VAT no.',
  subject: (subject) => `Subject: ${subject}`,
  stay: (start, end) => `Stay from ${start} to ${end}`,
  columns: {
    number: 'No.',
    ref: 'Ref.',
    label: 'Description',
    quantity: 'Qty',
    unitPrice: (mode) => (mode === 'HT' ? 'Unit price excl. VAT' : 'Unit price incl. VAT'),
    discount: 'Discount',
    vatRate: 'VAT',
    total: (mode) => (mode === 'HT' ? 'Total excl. VAT' : 'Total incl. VAT'),
  },
  vatTable: { rate: 'VAT rate', net: 'Net', vat: 'VAT', gross: 'Gross' },
  linesTotal: (mode) => (mode === 'HT' ? 'Lines total excl. VAT' : 'Lines total incl. VAT'),
  footerDiscount: (rate) => (rate === null ? 'Overall discount' : `Overall discount (${rate})`),
  totalNet: 'Total excl. VAT',
  totalVat: 'Total VAT',
  totalGross: 'Total incl. VAT',
  paymentTerms: 'Payment terms',
  deposit: (rate, amount) => `Deposit of ${rate} on acceptance: ${amount}`,
  noDeposit: 'No deposit is required on acceptance.',
  balance: (amount) => `Balance: ${amount}`,
  received: (amount) => `Already paid: ${amount}`,
  stillDue: (amount) => `Still due: ${amount}`,
  validity: (date) => `This quote is valid until ${date}.`,
  clientRequest: 'Your request',
  acceptance: 'Accepted',
  acceptanceHint: 'Date, signature and company stamp, preceded by the words “Accepted”',
  page: (page, pages) => `Page ${page}/${pages}`,
};

/** The labels of a quote, by document language. */
export const QUOTE_PDF_LABELS: Readonly<Record<DocumentLanguage, QuotePdfLabels>> = { fr: FRENCH, en: ENGLISH };
