import { err, ok } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import { codeKey } from '../offer-code.ts';
import type { Offer } from '../offer.ts';
import type { CsvIssue } from './csv-issue.ts';

/** An offer the import would change, as it is now and as it would be. */
export interface OfferChange {
  readonly before: Offer;
  readonly after: Offer;
}

/**
 * The dry run of an import (seed 002: "les offres avec un code déjà existant seront modifiées et les
 * offres avec un nouveau code seront créées"): what would be created and changed, rows that change
 * nothing, and every problem. Nothing is written until {@link applyImport}.
 */
export interface ImportPlan {
  readonly toCreate: readonly Offer[];
  readonly toUpdate: readonly OfferChange[];
  /** Rows that match the stored offers exactly. */
  readonly unchanged: number;
  readonly errors: readonly CsvIssue[];
  readonly warnings: readonly CsvIssue[];
}

export type ApplyImportError = 'IMPORT_HAS_ERRORS' | 'STALE_PLAN';

/**
 * Applies a dry-run plan to the offers it was made from, all or nothing: refused when the plan has
 * errors, or when the offers changed since the preview (another admin, a sync) so the preview no
 * longer tells the truth. Returns the whole new list of offers, created ones last.
 */
export function applyImport(existing: readonly Offer[], plan: ImportPlan): Result<Offer[], ApplyImportError> {
  if (plan.errors.length > 0) {
    return err('IMPORT_HAS_ERRORS', `the file has ${plan.errors.length} error(s); nothing was imported`);
  }
  const updates = new Map(plan.toUpdate.map((change) => [change.before.id, change]));
  const found = new Set<string>();
  const next: Offer[] = [];
  for (const offer of existing) {
    const change = updates.get(offer.id);
    if (change === undefined) {
      next.push(offer);
      continue;
    }
    if (change.before.updatedAt !== offer.updatedAt) {
      return err('STALE_PLAN', `offer ${offer.code} changed since the preview; preview the import again`);
    }
    found.add(offer.id);
    next.push(change.after);
  }
  if (found.size !== updates.size) return err('STALE_PLAN', 'an offer of the preview no longer exists; preview the import again');
  const codes = new Set(existing.map((o) => codeKey(o.code)));
  for (const offer of plan.toCreate) {
    if (codes.has(codeKey(offer.code))) return err('STALE_PLAN', `offer code ${offer.code} was taken since the preview; preview the import again`);
    next.push(offer);
  }
  return ok(next);
}
