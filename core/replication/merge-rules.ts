import type { JsonObject } from '../model/json.ts';
import type { Quote } from '../quote/quote.ts';
import { computeTotals } from '../quote/totals.ts';
import { SERVER_OWNED_FIELDS, type CollectionName } from '../schemas/collections.ts';
import { DERIVE, DERIVED_FIELDS } from '../schemas/derived-fields.ts';
import type { MergeRules } from './merge.ts';

/** Quote totals are computed from lines, price mode and footer discount (DESIGN §4): recomputed, never merged. */
function recomputeQuote(doc: JsonObject): JsonObject {
  // The merged document has the quote's shape: both sides and the base are valid quotes, merged field by field.
  const quote = doc as unknown as Quote;
  return { ...doc, totals: computeTotals(quote) as unknown as JsonObject };
}

function recomputeDerived(collection: CollectionName): (doc: JsonObject) => JsonObject {
  if (collection === 'quotes') return recomputeQuote;
  // DERIVE is typed per collection; the merged document is that collection's document.
  const derive = DERIVE[collection] as ((doc: JsonObject) => JsonObject) | undefined;
  return derive ?? ((doc) => doc);
}

/** The merge rules of a collection, from the schema package's field lists. */
export function mergeRulesFor(collection: CollectionName): MergeRules {
  const derived: readonly string[] = DERIVED_FIELDS[collection];
  return {
    serverOwned: SERVER_OWNED_FIELDS[collection],
    derived: collection === 'quotes' ? [...derived, 'totals'] : derived,
    latest: ['updatedAt'],
    idLists: collection === 'quotes' ? ['lines'] : [],
    recompute: recomputeDerived(collection),
  };
}
