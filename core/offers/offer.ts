import type { IsoDate, IsoInstant } from '../shared/clock.ts';
import type { OfferId } from '../shared/ids.ts';
import type { BasisPoints, Cents, Milli } from '../money/units.ts';

/**
 * Offers, engagements and discounts (seed 002, DESIGN §6). Plain JSON on purpose: an offer is one
 * document of the `offers` RxDB collection with its engagements and discounts embedded.
 *
 * Prices in discounts are excluding VAT (HT), like the catalog's list prices they replace; a quote in
 * TTC mode converts the resolved price like any other catalog price.
 */

/** Seed 002 "Type d'offre": commercial (dates optional) or public procurement (dates mandatory). */
export type OfferType = 'commercial' | 'public_procurement';
export const OFFER_TYPES: readonly OfferType[] = ['commercial', 'public_procurement'];

/**
 * Who an offer applies to: every client, a client group (by group code), one client (by reference)
 * or a delivery/collection place (seed 002 "Collecte", by place code).
 */
export type OfferScope = 'ALL' | 'GROUP' | 'CLIENT' | 'PLACE';
export const OFFER_SCOPES: readonly OfferScope[] = ['ALL', 'GROUP', 'CLIENT', 'PLACE'];

/** The three levels of the family path (seed 003): super-family › family › sub-family. */
export type FamilyLevel = 'super' | 'family' | 'sub';
export const FAMILY_LEVELS: readonly FamilyLevel[] = ['super', 'family', 'sub'];

/** What a discount applies to: one product, every product of a family at one level, or everything. */
export type DiscountTarget =
  | { readonly kind: 'product'; readonly ref: string }
  | { readonly kind: 'family'; readonly level: FamilyLevel; readonly code: string }
  | { readonly kind: 'catalog' };

/** A fixed unit price (HT) replacing the list price, or a percentage off the list price. */
export type DiscountValue =
  | { readonly kind: 'fixed'; readonly unitPrice: Cents }
  | { readonly kind: 'percent'; readonly rate: BasisPoints };

/** Seed 002 "remise": the price or percentage applied to a product or part of the catalog. */
export interface Discount {
  /** Unique within its engagement. */
  readonly code: string;
  readonly target: DiscountTarget;
  readonly value: DiscountValue;
  /** The discount applies from this quantity on (inclusive); absent means any quantity. */
  readonly minQuantity?: Milli;
}

/**
 * Seed 002 "engagement": a group of discounts valid for the whole offer or for a narrower date range
 * inside the offer's (public procurement lots, for instance).
 */
export interface Engagement {
  /** A positive integer, unique within its offer. */
  readonly number: number;
  /** Inclusive; null means "from the offer's start". */
  readonly startDate: IsoDate | null;
  /** Inclusive; null means "until the offer's end". */
  readonly endDate: IsoDate | null;
  readonly discounts: readonly Discount[];
}

/** Seed 002 "offre": who gets the discounts, and when. */
export interface Offer {
  readonly id: OfferId;
  /** Unique, alphanumeric (no spaces or special characters); generated when left empty. */
  readonly code: string;
  readonly type: OfferType;
  /** Shown to the client only when `showInShop` is set. */
  readonly title: string;
  readonly scope: OfferScope;
  /** Group code, client reference or place code; null for ALL. */
  readonly scopeCode: string | null;
  /** Group label, client name or place label, for lists and the CSV; "Tous les clients" for ALL. */
  readonly scopeLabel: string;
  /** Inclusive; null means open-ended (commercial offers only). */
  readonly startDate: IsoDate | null;
  /** Inclusive; null means open-ended (commercial offers only). */
  readonly endDate: IsoDate | null;
  /** Seed 002 "Afficher l'offre sur la boutique virtuelle": clients in scope may filter on it. */
  readonly showInShop: boolean;
  /** Soft delete: restorable for 30 days, then purged. */
  readonly deletedAt: IsoInstant | null;
  readonly engagements: readonly Engagement[];
  readonly updatedAt: IsoInstant;
}
