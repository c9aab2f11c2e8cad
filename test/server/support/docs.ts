import type { Dossier } from '../../../core/pipeline/dossier.ts';
import type { Product } from '../../../core/catalog/product.ts';
import { aDossierDoc, aProductDoc } from '../../../core/schemas/doc-builders.ts';
import type { DossierId, ProductId, UserId } from '../../../core/shared/ids.ts';
import { wire, type Doc } from './sync-client.ts';

/** A dossier on the wire, with a plain-string id and overrides. */
export function dossier(id: string, overrides: Partial<Omit<Dossier, 'id' | 'assignedTo'>> & { assignedTo?: string | null } = {}): Doc {
  const { assignedTo, ...rest } = overrides;
  return wire(aDossierDoc({ ...rest, id: id as DossierId, ...(assignedTo !== undefined ? { assignedTo: assignedTo as UserId | null } : {}) }));
}

/** A product on the wire. */
export function product(id: string, overrides: Partial<Omit<Product, 'id'>> = {}): Doc {
  return wire(aProductDoc({ ...overrides, id: id as ProductId, ref: id.toUpperCase() }));
}

/** `doc` with some fields changed (still on the wire). */
export function edit(doc: Doc, changes: Record<string, unknown>): Doc {
  return { ...doc, ...changes } as Doc;
}
