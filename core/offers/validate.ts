import { isIsoDate } from '../shared/clock.ts';
import type { IsoDate } from '../shared/clock.ts';
import { codeKey, isValidCode } from './offer-code.ts';
import type { Discount, Engagement, Offer } from './offer.ts';
import type { OfferCheck, OfferErrorCode, OfferIssue } from './offer-issue.ts';
import { overlapWarnings } from './overlap.ts';

type Report = (code: OfferErrorCode, field: string, message: string) => void;

function checkDates(start: IsoDate | null, end: IsoDate | null, path: string, report: Report): boolean {
  let valid = true;
  for (const [value, field] of [[start, 'startDate'], [end, 'endDate']] as const) {
    if (value !== null && !isIsoDate(value)) {
      report('INVALID_DATE', `${path}${field}`, `"${value}" is not a calendar date (YYYY-MM-DD)`);
      valid = false;
    }
  }
  if (valid && start !== null && end !== null && end < start) {
    report('END_BEFORE_START', `${path}endDate`, `the end date ${end} is before the start date ${start}`);
    valid = false;
  }
  return valid;
}

function checkHeader(offer: Offer, others: readonly Offer[], report: Report): boolean {
  const code = offer.code;
  if (code.trim() === '') report('CODE_MISSING', 'code', 'the offer has no code');
  else if (!isValidCode(code)) report('CODE_INVALID', 'code', `offer code "${code}" may contain only letters and digits (no spaces or special characters), 40 at most`);
  else {
    const clash = others.find((o) => o.id !== offer.id && codeKey(o.code) === codeKey(code));
    if (clash) report('DUPLICATE_OFFER_CODE', 'code', `offer code "${code}" is already used by offer "${clash.title}"${clash.deletedAt ? ' (deleted, still restorable)' : ''}`);
  }
  if (offer.title.trim() === '') report('TITLE_MISSING', 'title', 'the offer has no title');
  if (offer.type === 'public_procurement' && (offer.startDate === null || offer.endDate === null)) {
    report('PUBLIC_PROCUREMENT_WITHOUT_DATES', offer.startDate === null ? 'startDate' : 'endDate', 'a public procurement offer needs a start date and an end date');
  }
  if (offer.scope === 'ALL' && offer.scopeCode !== null && offer.scopeCode !== '') {
    report('SCOPE_CODE_NOT_ALLOWED', 'scopeCode', `an offer for all clients takes no scope code (got "${offer.scopeCode}")`);
  }
  if (offer.scope !== 'ALL' && (offer.scopeCode === null || offer.scopeCode.trim() === '')) {
    const what = offer.scope === 'GROUP' ? 'a client group code' : offer.scope === 'CLIENT' ? 'a client reference' : 'a place code';
    report('SCOPE_CODE_MISSING', 'scopeCode', `a ${offer.scope} offer needs ${what}`);
  }
  return checkDates(offer.startDate, offer.endDate, '', report);
}

function checkEngagementDates(offer: Offer, engagement: Engagement, path: string, offerDatesValid: boolean, report: Report): void {
  if (!checkDates(engagement.startDate, engagement.endDate, path, report) || !offerDatesValid) return;
  for (const [value, field] of [[engagement.startDate, 'startDate'], [engagement.endDate, 'endDate']] as const) {
    if (value === null) continue;
    const beforeOffer = offer.startDate !== null && value < offer.startDate;
    const afterOffer = offer.endDate !== null && value > offer.endDate;
    if (beforeOffer || afterOffer) {
      const dates = `${offer.startDate ?? '…'} to ${offer.endDate ?? '…'}`;
      report('ENGAGEMENT_OUTSIDE_OFFER', `${path}${field}`, `engagement ${engagement.number}: ${value} is outside the offer's dates (${dates})`);
    }
  }
}

function checkDiscount(discount: Discount, engagement: Engagement, path: string, report: Report): void {
  const where = `engagement ${engagement.number}, discount "${discount.code}"`;
  if (!isValidCode(discount.code)) report('DISCOUNT_CODE_INVALID', `${path}code`, `${where}: a discount code is 1 to 40 letters and digits`);
  const target = discount.target;
  if ((target.kind === 'product' ? target.ref : target.kind === 'family' ? target.code : 'catalog').trim() === '') {
    report('TARGET_CODE_MISSING', `${path}target`, `${where}: the product reference or family code is missing`);
  }
  const value = discount.value;
  if (value.kind === 'fixed' && (!Number.isSafeInteger(value.unitPrice) || value.unitPrice <= 0)) {
    report('FIXED_PRICE_NOT_POSITIVE', `${path}value`, `${where}: a fixed price must be more than 0`);
  }
  if (value.kind === 'percent' && (!Number.isSafeInteger(value.rate) || value.rate <= 0 || value.rate > 10000)) {
    report('PERCENT_OUT_OF_RANGE', `${path}value`, `${where}: a percentage must be more than 0 % and at most 100 %`);
  }
  const min = discount.minQuantity;
  if (min !== undefined && (!Number.isSafeInteger(min) || min <= 0)) {
    report('MIN_QUANTITY_INVALID', `${path}minQuantity`, `${where}: a minimum quantity must be more than 0`);
  }
}

/**
 * Checks an offer before saving it (seed 002): errors for what would make it wrong or ambiguous,
 * warnings for overlaps with other offers. `others` are all stored offers, deleted ones included
 * (their codes stay reserved while they can be restored); the offer itself may be among them.
 */
export function validateOffer(offer: Offer, others: readonly Offer[]): OfferCheck {
  const errors: OfferIssue<OfferErrorCode>[] = [];
  const report: Report = (code, field, message) => errors.push({ code, field, message });
  const offerDatesValid = checkHeader(offer, others, report);
  const numbers = new Set<number>();
  offer.engagements.forEach((engagement, e) => {
    const path = `engagements.${e}.`;
    if (!Number.isSafeInteger(engagement.number) || engagement.number < 1) {
      report('ENGAGEMENT_NUMBER_INVALID', `${path}number`, `engagement number ${engagement.number} is not a whole number from 1`);
    } else if (numbers.has(engagement.number)) {
      report('DUPLICATE_ENGAGEMENT_NUMBER', `${path}number`, `engagement number ${engagement.number} appears twice in this offer`);
    }
    numbers.add(engagement.number);
    checkEngagementDates(offer, engagement, path, offerDatesValid, report);
    const codes = new Set<string>();
    engagement.discounts.forEach((discount, d) => {
      const discountPath = `${path}discounts.${d}.`;
      checkDiscount(discount, engagement, discountPath, report);
      if (codes.has(codeKey(discount.code))) {
        report('DUPLICATE_DISCOUNT_CODE', `${discountPath}code`, `engagement ${engagement.number}: discount code "${discount.code}" appears twice`);
      }
      codes.add(codeKey(discount.code));
    });
  });
  return { errors, warnings: overlapWarnings(offer, others) };
}
