import type { Product } from '../catalog/product.ts';
import type { DiscountTarget, FamilyLevel } from './offer.ts';

/**
 * How specific a discount target is, higher wins within a scope level (DESIGN §6):
 * product > sub-family > family > super-family > catalog.
 */
export type Specificity = 1 | 2 | 3 | 4 | 5;

const LEVEL_SPECIFICITY: Readonly<Record<FamilyLevel, Specificity>> = { sub: 4, family: 3, super: 2 };

/** The specificity rank of a target. */
export function targetSpecificity(target: DiscountTarget): Specificity {
  switch (target.kind) {
    case 'product':
      return 5;
    case 'family':
      return LEVEL_SPECIFICITY[target.level];
    case 'catalog':
      return 1;
  }
}

/** The product's family code at one level of its path, or null when the product is not classed there. */
export function familyCodeAt(product: Pick<Product, 'family'>, level: FamilyLevel): string | null {
  switch (level) {
    case 'super':
      return product.family.superFamily;
    case 'family':
      return product.family.family;
    case 'sub':
      return product.family.subFamily;
  }
}

/**
 * True when a discount with this target covers the product: same ref, the product's code at the
 * target's family level (codes are compared level by level, so a family and a sub-family may share
 * a code without clashing), or the whole catalog.
 */
export function targetCoversProduct(target: DiscountTarget, product: Pick<Product, 'ref' | 'family'>): boolean {
  switch (target.kind) {
    case 'product':
      return target.ref === product.ref;
    case 'family':
      return familyCodeAt(product, target.level) === target.code;
    case 'catalog':
      return true;
  }
}

/** A stable text key for a target, used to group discounts aimed at the same thing. */
export function targetKey(target: DiscountTarget): string {
  switch (target.kind) {
    case 'product':
      return `P:${target.ref}`;
    case 'family':
      return `F${target.level}:${target.code}`;
    case 'catalog':
      return 'C';
  }
}
