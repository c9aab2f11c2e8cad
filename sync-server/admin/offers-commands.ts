import type { Product } from '../../core/catalog/product.ts';
import type { Client } from '../../core/clients/client.ts';
import { parseQuantity } from '../../core/money/parse.ts';
import { applyImport, type ImportPlan } from '../../core/offers/csv/import-plan.ts';
import { exportDiscountsCsv } from '../../core/offers/csv/discounts-csv.ts';
import { planDiscountsImport } from '../../core/offers/csv/discounts-csv-import.ts';
import { parseFrenchDate } from '../../core/offers/csv/french-format.ts';
import { exportOffersCsv } from '../../core/offers/csv/offers-csv.ts';
import { planOffersImport } from '../../core/offers/csv/offers-csv-import.ts';
import { buildOfferIndex } from '../../core/offers/index-offers.ts';
import type { Offer } from '../../core/offers/offer.ts';
import { resolvePrice } from '../../core/offers/resolve.ts';
import type { Resolution } from '../../core/offers/resolution.ts';
import { purgeable } from '../../core/offers/soft-delete.ts';
import { toOfferDoc } from '../../core/schemas/offers.ts';
import type { Clock, IsoDate } from '../../core/shared/clock.ts';
import type { IdGenerator } from '../../core/shared/ids.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import type { JsonObject } from '../../core/model/json.ts';
import { SYSTEM } from '../auth/principal.ts';
import type { Db, Sql } from '../db/db.ts';
import { changesChannel } from '../sync/change-feed.ts';
import type { CollectionName } from '../sync/collections.ts';
import { readDocs } from '../sync/doc-store.ts';
import { applyPush, parsePushRows } from '../sync/push.ts';
import { toWire } from '../sync/wire-doc.ts';
import { importDocuments } from './import-docs.ts';

/** Which of the two seed-002 files: the offers themselves, or their engagements and discounts. */
export type OffersFileKind = 'offers' | 'discounts';

/** The live (not tombstoned) documents of a collection, as stored. */
async function liveDocs<T>(sql: Sql, collection: CollectionName): Promise<T[]> {
  const rows = await sql.query<{ doc: T }>('SELECT doc FROM docs WHERE collection = $1 AND NOT deleted ORDER BY id', [collection]);
  return rows.map((row) => row.doc);
}

/** The stored offers, soft-deleted ones included (their codes stay reserved while restorable). */
export function storedOffers(sql: Sql): Promise<Offer[]> {
  return liveDocs<Offer>(sql, 'offers');
}

/** The CSV file for `kind`, in exactly the seed's format (UTF-8 with BOM, `;`, CRLF). */
export async function exportOffersFile(sql: Sql, kind: OffersFileKind): Promise<{ text: string; count: number }> {
  const offers = (await storedOffers(sql)).filter((offer) => offer.deletedAt === null);
  return { text: kind === 'offers' ? exportOffersCsv(offers) : exportDiscountsCsv(offers), count: offers.length };
}

/** Checks scope codes and discount targets against what the database knows. */
async function lookups(sql: Sql) {
  const clients = await liveDocs<Client>(sql, 'clients');
  const products = await liveDocs<Product>(sql, 'products');
  const references = new Set(clients.map((c) => c.reference));
  const groups = new Set(clients.flatMap((c) => (c.groupCode === null ? [] : [c.groupCode])));
  const places = new Set(clients.flatMap((c) => c.places));
  const refs = new Set(products.map((p) => p.ref));
  const families = {
    super: new Set(products.flatMap((p) => (p.family.superFamily ? [p.family.superFamily] : []))),
    family: new Set(products.flatMap((p) => (p.family.family ? [p.family.family] : []))),
    sub: new Set(products.flatMap((p) => (p.family.subFamily ? [p.family.subFamily] : []))),
  };
  return {
    isKnownScopeCode: (scope: 'GROUP' | 'CLIENT' | 'PLACE', code: string) =>
      (scope === 'GROUP' ? groups : scope === 'CLIENT' ? references : places).has(code),
    isKnownTarget: (target: Offer['engagements'][number]['discounts'][number]['target']) =>
      target.kind === 'catalog' || (target.kind === 'product' ? refs.has(target.ref) : families[target.level].has(target.code)),
  };
}

/** The dry-run plan of an import against the stored offers. */
export async function planOffersFile(sql: Sql, kind: OffersFileKind, text: string, ctx: { clock: Clock; ids: IdGenerator }): Promise<{ plan: ImportPlan; existing: Offer[] }> {
  const existing = await storedOffers(sql);
  const known = await lookups(sql);
  const plan =
    kind === 'offers'
      ? planOffersImport(text, existing, { ...ctx, isKnownScopeCode: known.isKnownScopeCode })
      : planDiscountsImport(text, existing, { clock: ctx.clock, isKnownTarget: known.isKnownTarget });
  return { plan, existing };
}

/** The preview an admin reads before applying: counts, then every error and warning by line and column. */
export function describePlan(plan: ImportPlan): string {
  const issue = (kind: string) => (i: ImportPlan['errors'][number]) => `  ${kind} line ${i.line}${i.column === null ? '' : `, column "${i.column}"`}: ${i.message}`;
  return [
    `to create: ${plan.toCreate.length}, to update: ${plan.toUpdate.length}, unchanged: ${plan.unchanged}, errors: ${plan.errors.length}, warnings: ${plan.warnings.length}`,
    ...plan.errors.map(issue('error')),
    ...plan.warnings.map(issue('warning')),
  ].join('\n');
}

export type OffersImportError = 'IMPORT_HAS_ERRORS' | 'STALE_PLAN' | 'INVALID_IMPORT';

/**
 * Imports an offers or discounts CSV all or nothing: refused with the plan's errors when any row is
 * invalid; otherwise the created and changed offers are written in one transaction, through the
 * same path as every server write, so clients receive them by replication.
 */
export async function importOffersFile(
  db: Db,
  kind: OffersFileKind,
  text: string,
  ctx: { clock: Clock; ids: IdGenerator; dryRun: boolean },
): Promise<Result<{ plan: ImportPlan; written: number }, OffersImportError>> {
  const { plan, existing } = await planOffersFile(db, kind, text, ctx);
  if (plan.errors.length > 0) return err('IMPORT_HAS_ERRORS', `Nothing imported.\n${describePlan(plan)}`);
  if (ctx.dryRun) return ok({ plan, written: 0 });
  const applied = applyImport(existing, plan);
  if (!applied.ok) return err(applied.error.code, applied.error.message);
  const touched = new Set([...plan.toCreate.map((o) => o.id), ...plan.toUpdate.map((c) => c.after.id)]);
  const docs = applied.value.filter((offer) => touched.has(offer.id)).map((offer) => toOfferDoc(offer) as unknown as JsonObject);
  if (docs.length === 0) return ok({ plan, written: 0 });
  const written = await importDocuments(db, { offers: docs });
  if (!written.ok) return err(written.error.code, written.error.message);
  return ok({ plan, written: docs.length });
}

export type ExplainError = 'UNKNOWN_CLIENT' | 'UNKNOWN_PRODUCT' | 'INVALID_DATE' | 'INVALID_QUANTITY';

/** What `offers explain` answers: the resolution for (client, product, date, quantity), with its explanation. */
export interface ExplainAnswer {
  readonly client: string;
  readonly product: string;
  readonly date: IsoDate;
  readonly quantity: string;
  readonly resolution: Resolution;
}

/**
 * "Why does this client get this price?" (seed 002, DESIGN §6): resolves the price exactly as the
 * quote editor does, over the stored offers. `date` is jj/mm/aaaa (today when absent); `qty` a
 * decimal quantity (1 when absent).
 */
export async function explainPrice(
  sql: Sql,
  args: { client: string; product: string; date?: string; qty?: string },
  today: IsoDate,
): Promise<Result<ExplainAnswer, ExplainError>> {
  const date = args.date === undefined ? today : parseFrenchDate(args.date);
  if (date === null) return err('INVALID_DATE', `--date must be jj/mm/aaaa, got "${args.date}"`);
  const quantity = parseQuantity(args.qty ?? '1');
  if (!quantity.ok || quantity.value <= 0) return err('INVALID_QUANTITY', `--qty must be a positive number, got "${args.qty}"`);
  const client = (await liveDocs<Client>(sql, 'clients')).find((c) => c.reference === args.client);
  if (client === undefined) return err('UNKNOWN_CLIENT', `No client has the reference "${args.client}"`);
  const product = (await liveDocs<Product>(sql, 'products')).find((p) => p.ref === args.product);
  if (product === undefined) return err('UNKNOWN_PRODUCT', `No product has the reference "${args.product}"`);
  const index = buildOfferIndex(await storedOffers(sql));
  const resolution = resolvePrice(index, { client, product, date, quantity: quantity.value });
  return ok({ client: client.reference, product: product.ref, date, quantity: args.qty ?? '1', resolution });
}

/**
 * Purges offers deleted more than 30 days ago (seed 002: "Passé ce délai, elles seront archivées et
 * supprimées définitivement"): they become tombstones, so every client drops them too.
 */
export async function purgeOffers(db: Db, clock: Clock): Promise<string[]> {
  return db.transaction(async (tx) => {
    const expired = purgeable(await storedOffers(tx), clock.now());
    if (expired.length === 0) return [];
    const current = await readDocs(tx, 'offers', expired.map((o) => o.id));
    const rows = expired.map((offer) => {
      const master = current.get(offer.id);
      return { assumedMasterState: master ? toWire(master) : null, newDocumentState: { ...(offer as unknown as JsonObject), _deleted: true } };
    });
    const parsed = parsePushRows('offers', rows);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const outcome = await applyPush(tx, changesChannel(db), SYSTEM, 'offers', parsed.value);
    if (outcome.conflicts.length > 0) throw new Error(`offers: ${outcome.conflicts.length} changed during the purge`);
    return expired.map((o) => o.code);
  });
}
