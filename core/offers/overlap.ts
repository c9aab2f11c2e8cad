import { engagementWindow, windowsOverlap } from './in-force.ts';
import type { DateWindow } from './in-force.ts';
import type { Discount, Engagement, Offer } from './offer.ts';
import type { OfferIssue, OfferWarningCode } from './offer-issue.ts';
import { scopeKey } from './scope.ts';
import { targetKey } from './target.ts';

interface Placed {
  readonly offer: Offer;
  readonly engagement: Engagement;
  readonly discount: Discount;
  readonly window: DateWindow;
  readonly path: string;
}

// Discounts only compete when they share scope, target and minimum quantity: different quantity
// thresholds on one product are price tiers, not overlaps.
function competitionKey(discount: Discount): string {
  return `${targetKey(discount.target)}|${discount.minQuantity ?? 0}`;
}

function place(offer: Offer, into: Map<string, Placed[]>): void {
  offer.engagements.forEach((engagement, e) => {
    const window = engagementWindow(offer, engagement);
    engagement.discounts.forEach((discount, d) => {
      const key = competitionKey(discount);
      const placed: Placed = { offer, engagement, discount, window, path: `engagements.${e}.discounts.${d}` };
      const list = into.get(key);
      if (list) list.push(placed);
      else into.set(key, [placed]);
    });
  });
}

function describeWindow(window: DateWindow): string {
  if (window.startDate && window.endDate) return `from ${window.startDate} to ${window.endDate}`;
  if (window.startDate) return `from ${window.startDate} on`;
  return window.endDate ? `until ${window.endDate}` : 'on every day';
}

/**
 * Warnings for discounts of `offer` that compete with another live discount at the same scope
 * (same scope type and code) on the same target and minimum quantity, on at least one common day,
 * in another offer or elsewhere in this one. Each pair is reported once.
 */
export function overlapWarnings(offer: Offer, others: readonly Offer[]): OfferIssue<OfferWarningCode>[] {
  if (offer.deletedAt !== null || (offer.scope !== 'ALL' && !offer.scopeCode)) return [];
  const key = scopeKey(offer);
  const byTarget = new Map<string, Placed[]>();
  for (const other of others) {
    if (other.id !== offer.id && other.deletedAt === null && scopeKey(other) === key) place(other, byTarget);
  }
  const own = new Map<string, Placed[]>();
  place(offer, own);
  const warnings: OfferIssue<OfferWarningCode>[] = [];
  for (const [competition, mine] of own) {
    const theirs = byTarget.get(competition) ?? [];
    mine.forEach((a, i) => {
      // Within the offer, pair each discount with the earlier ones only, so a pair is reported once.
      for (const b of [...mine.slice(0, i), ...theirs]) {
        if (!windowsOverlap(a.window, b.window)) continue;
        const common = engagementWindow(a.window, b.window);
        const other = b.offer === offer ? 'this offer' : `offer ${b.offer.code}`;
        warnings.push({
          code: 'OVERLAPPING_DISCOUNT',
          field: a.path,
          message:
            `engagement ${a.engagement.number}, discount "${a.discount.code}" competes with ${other}, engagement ${b.engagement.number}, ` +
            `discount "${b.discount.code}" (same scope and target) ${describeWindow(common)}: the lower price will apply, then the first codes`,
        });
      }
    });
  }
  return warnings;
}
