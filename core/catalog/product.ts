import type { IsoInstant } from '../shared/clock.ts';
import type { ProductId } from '../shared/ids.ts';
import type { BasisPoints, Cents } from '../money/units.ts';

/** Seed 003: products are classed by super-family › family › sub-family (codes); a level needs its parent. */
export interface FamilyPath {
  readonly superFamily: string | null;
  readonly family: string | null;
  readonly subFamily: string | null;
}

export type StockStatus = 'in_stock' | 'low' | 'out_of_stock' | 'not_tracked';

/** A catalog item or service. */
export interface Product {
  readonly id: ProductId;
  /** Unique catalog reference, e.g. `SKI-ESF-6J`. */
  readonly ref: string;
  readonly label: string;
  readonly labelEn: string;
  readonly family: FamilyPath;
  readonly tags: readonly string[];
  /** List price excluding VAT. */
  readonly unitPrice: Cents;
  readonly vatRate: BasisPoints;
  /** Unit label, e.g. `jour`, `personne`, `forfait`. */
  readonly unit: string;
  /** Seed 003 "Peut être vendu en e-commerce" / may be quoted. */
  readonly sellable: boolean;
  readonly stock: StockStatus;
  readonly updatedAt: IsoInstant;
}
