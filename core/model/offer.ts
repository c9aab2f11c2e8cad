import type { IsoDate, IsoInstant } from '../shared/clock.ts';
import type { OfferId } from '../shared/ids.ts';
import type { BasisPoints, Cents, Milli } from '../money/units.ts';

/**
 * Offers, engagements and discounts as stored in the `offers` collection (seed 002, DESIGN §6):
 * one document per offer with its engagements and discounts embedded. Shaped like the offer engine's
 * own types (core/offers) so that the two can be reconciled into one.
 */

/** Seed 002 "Type d'offre" (CSV code 0 / 1): commercial (dates optional) or public procurement (dates mandatory). */
export const OFFER_TYPES = ['commercial', 'public_procurement'] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/** Seed 002 "Type de périmètre": every client, a client group, one client, or a delivery/collection place. */
export const OFFER_SCOPES = ['ALL', 'GROUP', 'CLIENT', 'PLACE'] as const;
export type OfferScope = (typeof OFFER_SCOPES)[number];

/** The three levels of the family path (seed 003): super-family › family › sub-family. */
export const FAMILY_LEVELS = ['super', 'family', 'sub'] as const;
export type FamilyLevel = (typeof FAMILY_LEVELS)[number];

/** What a discount applies to: one product (by ref), every product of a family at one level, or everything. */
export type OfferDiscountTarget =
  | { readonly kind: 'product'; readonly ref: string }
  | { readonly kind: 'family'; readonly level: FamilyLevel; readonly code: string }
  | { readonly kind: 'catalog' };

/** A fixed unit price (HT) replacing the list price, or a percentage off the list price. */
export type OfferDiscountValue =
  | { readonly kind: 'fixed'; readonly unitPrice: Cents }
  | { readonly kind: 'percent'; readonly rate: BasisPoints };

/** Seed 002 "remise". */
export interface OfferDiscount {
  /** Unique within its engagement. */
  readonly code: string;
  readonly target: OfferDiscountTarget;
  readonly value: OfferDiscountValue;
  /** Applies from this quantity on (inclusive); absent means any quantity. */
  readonly minQuantity?: Milli;
}

/** Seed 002 "engagement": discounts valid for the whole offer or a narrower range inside it. */
export interface OfferEngagement {
  /** A positive integer, unique within its offer. */
  readonly number: number;
  /** Inclusive; null means "from the offer's start". */
  readonly startDate: IsoDate | null;
  /** Inclusive; null means "until the offer's end". */
  readonly endDate: IsoDate | null;
  readonly discounts: readonly OfferDiscount[];
}

/** Seed 002 "offre": who gets the discounts, and when. */
export interface Offer {
  readonly id: OfferId;
  /** Unique, alphanumeric; generated when left empty. */
  readonly code: string;
  readonly type: OfferType;
  /** Shown to the client only when `showInShop` is set. */
  readonly title: string;
  readonly scope: OfferScope;
  /** Group code, client reference or place code; null for ALL. */
  readonly scopeCode: string | null;
  /** Group label, client name or place label; "Tous les clients" for ALL. */
  readonly scopeLabel: string;
  /** Inclusive; null means open-ended (commercial offers only). */
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  /** Seed 002 "Afficher l'offre sur la boutique virtuelle". */
  readonly showInShop: boolean;
  /** Soft delete: restorable for 30 days, then purged (DESIGN §6). */
  readonly deletedAt: IsoInstant | null;
  readonly engagements: readonly OfferEngagement[];
  readonly updatedAt: IsoInstant;
}
