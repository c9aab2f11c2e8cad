import type { Client } from '../clients/client.ts';
import type { Product } from '../catalog/product.ts';
import type { ClientId, ProductId } from '../shared/ids.ts';
import { bp, cents } from '../money/units.ts';
import { seededRandom } from './prng.ts';

// Shapes of the DESIGN §13 "large" data set that pricing needs: products with a 3-level family path,
// clients with a reference, most in a group, some with collection places.

const UPDATED_AT = '2026-01-01T00:00:00.000Z';

/** Options for {@link generateProducts}. */
export interface GenerateProductsInput {
  readonly seed: number;
  readonly count: number;
  /** Super-families × families per super-family × sub-families per family (default 10 × 5 × 4). */
  readonly shape?: readonly [number, number, number];
}

/** Deterministic products `P000001`…, spread over a family tree, listed 5.00 € to 500.00 € HT. */
export function generateProducts(input: GenerateProductsInput): Product[] {
  const random = seededRandom(input.seed);
  const [supers, families, subs] = input.shape ?? [10, 5, 4];
  return Array.from({ length: input.count }, (_, i): Product => {
    const s = random.int(1, supers);
    const f = random.int(1, families);
    const sub = random.int(1, subs);
    const ref = `P${String(i + 1).padStart(6, '0')}`;
    return {
      id: `product-${i + 1}` as ProductId,
      ref,
      label: `Produit ${ref}`,
      labelEn: `Product ${ref}`,
      family: { superFamily: `S${s}`, family: `S${s}F${f}`, subFamily: `S${s}F${f}U${sub}` },
      tags: [],
      unitPrice: cents(random.int(500, 50_000)),
      vatRate: bp(2000),
      unit: 'unité',
      sellable: true,
      stock: 'not_tracked',
      updatedAt: UPDATED_AT,
    };
  });
}

/** Options for {@link generateClients}. */
export interface GenerateClientsInput {
  readonly seed: number;
  readonly count: number;
  /** Distinct group codes (default 50); 70 % of clients belong to one. */
  readonly groups?: number;
  /** Distinct place codes (default 30); 30 % of clients have one or two. */
  readonly places?: number;
}

/** Deterministic clients `C000001`…, with groups `G01`… and places `L01`…. */
export function generateClients(input: GenerateClientsInput): Client[] {
  const random = seededRandom(input.seed);
  const groups = input.groups ?? 50;
  const places = input.places ?? 30;
  const code = (prefix: string, n: number): string => `${prefix}${String(n).padStart(2, '0')}`;
  return Array.from({ length: input.count }, (_, i): Client => {
    const reference = `C${String(i + 1).padStart(6, '0')}`;
    const placeCount = places > 0 && random.chance(0.3) ? random.int(1, 2) : 0;
    const clientPlaces = [...new Set(Array.from({ length: placeCount }, () => code('L', random.int(1, places))))];
    return {
      id: `client-${i + 1}` as ClientId,
      reference,
      kind: 'company',
      companyName: `Société ${reference}`,
      firstName: '',
      lastName: '',
      email: `${reference.toLowerCase()}@example.org`,
      phones: [],
      groupCode: groups > 0 && random.chance(0.7) ? code('G', random.int(1, groups)) : null,
      places: clientPlaces,
      salesRep: null,
      language: 'fr',
      updatedAt: UPDATED_AT,
    };
  });
}
