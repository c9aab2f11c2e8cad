import type { IdGenerator } from '../shared/ids.ts';
import type { Offer } from './offer.ts';

/** Seed 002: "un code alphanumérique sans espaces ou caractères spéciaux"; 40 characters is plenty. */
export const CODE_PATTERN = /^[A-Za-z0-9]{1,40}$/;

/** True for a valid offer or discount code: letters and digits only, 1 to 40 of them. */
export function isValidCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/**
 * Codes are compared ignoring case: `abc` and `ABC` would be told apart by the software but not by
 * the person reading a list or a spreadsheet, so they may not coexist.
 */
export function codeKey(code: string): string {
  return code.toUpperCase();
}

/**
 * A new unique offer code, `OF` followed by the id generator's letters and digits (ids are unique
 * across devices, so two agents offline never generate the same code). Retries on the rare clash
 * with an existing code.
 */
export function generateOfferCode(existingCodes: Iterable<string>, ids: IdGenerator): string {
  const taken = new Set<string>();
  for (const code of existingCodes) taken.add(codeKey(code));
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const letters = ids.next().replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 38);
    const code = `OF${letters}`;
    if (letters.length > 0 && !taken.has(codeKey(code))) return code;
  }
  throw new Error('the id generator keeps producing ids that give no new offer code');
}

/** The offer with a generated code when its code was left empty (seed 002), trimmed otherwise. */
export function withOfferCode(offer: Offer, existing: readonly Pick<Offer, 'code'>[], ids: IdGenerator): Offer {
  const code = offer.code.trim();
  if (code !== '') return code === offer.code ? offer : { ...offer, code };
  return { ...offer, code: generateOfferCode(existing.map((o) => o.code), ids) };
}
