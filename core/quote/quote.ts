import type { IsoDate, IsoInstant } from '../shared/clock.ts';
import type { DossierId, ProductId, QuoteId, QuoteLineId } from '../shared/ids.ts';
import type { BasisPoints, Cents, CurrencyCode, Milli } from '../money/units.ts';

/** HT: unit prices exclude VAT (usual B2B). TTC: unit prices include VAT (usual B2C and tourism). */
export type PriceMode = 'HT' | 'TTC';

/** A discount on one line or on the whole quote (footer). Amounts are in the quote's price mode. */
export type Discount =
  | { readonly kind: 'percent'; readonly rate: BasisPoints }
  | { readonly kind: 'amount'; readonly amount: Cents };

/** Where a product line's unit price came from; offers (seed 002) fill `explanation`. */
export interface LinePricing {
  readonly source: 'catalog' | 'offer' | 'manual';
  /** Catalog unit price before any offer, in the quote's price mode. */
  readonly listPrice: Cents;
  /** Human-readable "why this price", from the offer engine. */
  readonly explanation: string;
  /** Offer/engagement/discount codes that won, when `source` is `offer`. */
  readonly offerRef: string | null;
}

interface LineBase {
  /** Stable across versions and sync merges: quote lines merge by id (DESIGN §9). */
  readonly id: QuoteLineId;
}

/** A catalog item or service. */
export interface ProductLine extends LineBase {
  readonly kind: 'product';
  readonly productId: ProductId;
  readonly productRef: string;
  readonly label: string;
  /** In the quote's price mode (HT or TTC). */
  readonly unitPrice: Cents;
  readonly quantity: Milli;
  readonly vatRate: BasisPoints;
  readonly discount: Discount | null;
  readonly pricing: LinePricing | null;
}

/** A "Divers" line (seed 001): free label, price and VAT rate. */
export interface MiscLine extends LineBase {
  readonly kind: 'misc';
  readonly label: string;
  readonly unitPrice: Cents;
  readonly quantity: Milli;
  readonly vatRate: BasisPoints;
  readonly discount: Discount | null;
}

/** Shipping or fees: an amount with its own VAT rate, never reduced by the footer discount. */
export interface FeeLine extends LineBase {
  readonly kind: 'fee';
  readonly label: string;
  /** In the quote's price mode. */
  readonly amount: Cents;
  readonly vatRate: BasisPoints;
}

/** Free text shown on the quote; carries no amount. */
export interface CommentLine extends LineBase {
  readonly kind: 'comment';
  readonly text: string;
}

export type QuoteLine = ProductLine | MiscLine | FeeLine | CommentLine;

export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'declined' | 'expired';

/** Seed 000 "Etat du devis": the commercial-request (negotiation) treatment status. */
export type NegotiationState = 'none' | 'untreated' | 'in_progress' | 'finalised' | 'cancelled';

export interface Negotiation {
  readonly state: NegotiationState;
  /** The client's request, typed by the sales rep (seed 000). */
  readonly clientComment: string;
  /** The rep's explanation of the outcome. */
  readonly internalComment: string;
}

/** Totals for one VAT rate. `net` excludes VAT, `gross` includes it; `gross = net + vat`. */
export interface RateTotals {
  readonly vatRate: BasisPoints;
  readonly net: Cents;
  readonly vat: Cents;
  readonly gross: Cents;
  /** This rate's share of the footer discount, in the quote's price mode. */
  readonly footerDiscountShare: Cents;
}

/** Computed totals, stored on the quote so lists and the server can read them without recomputing. */
export interface QuoteTotals {
  /** Sum of priced lines after line discounts, before the footer discount, in the price mode. */
  readonly linesTotal: Cents;
  /** Footer discount actually applied, in the price mode (never more than the discountable lines). */
  readonly footerDiscount: Cents;
  readonly totalNet: Cents;
  readonly totalVat: Cents;
  readonly totalGross: Cents;
  /** Sorted by descending VAT rate. */
  readonly byRate: readonly RateTotals[];
}

/** One version of a quote. A sent version is frozen; editing it creates the next version. */
export interface Quote {
  readonly id: QuoteId;
  readonly dossierId: DossierId;
  /** Readable number shared by all versions, e.g. `Q-2026-000123` (DESIGN §8). */
  readonly number: string;
  /** 1 for the first version. */
  readonly version: number;
  readonly previousVersionId: QuoteId | null;
  readonly status: QuoteStatus;
  readonly priceMode: PriceMode;
  readonly currency: CurrencyCode;
  readonly lines: readonly QuoteLine[];
  readonly footerDiscount: Discount | null;
  /** Deposit asked for, as a share of the total incl. VAT. */
  readonly depositRate: BasisPoints;
  /** Last day the quote may be accepted. */
  readonly validUntil: IsoDate;
  readonly negotiation: Negotiation;
  /** Order and invoice documents this quote was transferred to (seed 000 "Transféré"). */
  readonly transferredToOrder: string | null;
  readonly transferredToInvoice: string | null;
  /** The dossier's stay dates changed after this quote was priced (DESIGN §5). */
  readonly datesChanged: boolean;
  readonly totals: QuoteTotals;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
  readonly sentAt: IsoInstant | null;
  readonly decidedAt: IsoInstant | null;
}
