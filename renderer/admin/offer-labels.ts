import type { Discount, DiscountTarget, DiscountValue, Offer } from '../../core/offers/index.ts';
import type { Formatters } from '../i18n/formatters.ts';
import type { Messages } from '../i18n/fr.ts';

/** "Groupe · Comités d'entreprise partenaires (CEPART)", "Tous les clients". */
export function scopeText(offer: Pick<Offer, 'scope' | 'scopeCode' | 'scopeLabel'>, t: Messages): string {
  if (offer.scope === 'ALL') return t.offers.scopes.ALL;
  const label = offer.scopeLabel.trim() === '' ? (offer.scopeCode ?? '') : offer.scopeLabel;
  return `${t.offers.scopes[offer.scope]} · ${label}${offer.scopeCode !== null && offer.scopeCode !== label ? ` (${offer.scopeCode})` : ''}`;
}

export function targetText(target: DiscountTarget, t: Messages): string {
  switch (target.kind) {
    case 'product':
      return t.offers.targets.product(target.ref);
    case 'family':
      return t.offers.targets.family(target.level, target.code);
    case 'catalog':
      return t.offers.targets.catalog;
  }
}

export function valueText(value: DiscountValue, t: Messages, fmt: Formatters): string {
  return value.kind === 'fixed' ? t.offers.fixedPrice(fmt.money(value.unitPrice)) : t.offers.percentOff(fmt.percent(value.rate));
}

export function datesText(window: { readonly startDate: string | null; readonly endDate: string | null }, t: Messages, fmt: Formatters): string {
  const { startDate: a, endDate: b } = window;
  if (a === null && b === null) return t.offers.detail.always;
  if (a === null) return t.offers.detail.until(fmt.date(b));
  if (b === null) return t.offers.detail.from(fmt.date(a));
  return t.offers.detail.between(fmt.date(a), fmt.date(b));
}

/** The key a route uses to name one discount of an offer: `<engagement number>-<discount code>`. */
export function discountKey(engagementNumber: number, discount: Pick<Discount, 'code'>): string {
  return `${engagementNumber}-${discount.code}`;
}
