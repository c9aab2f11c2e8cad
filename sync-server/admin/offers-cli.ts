import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Clock } from '../../core/shared/clock.ts';
import type { IdGenerator } from '../../core/shared/ids.ts';
import { refused, type Action } from './cli-outcome.ts';
import { describePlan, explainPrice, exportOffersFile, importOffersFile, purgeOffers, type OffersFileKind } from './offers-commands.ts';

/** Usage lines of the offers commands (issue: offers and pricing, seed 002). */
export const OFFERS_USAGE = `  offers export <file.csv>      offers in the seed's CSV format (UTF-8 with BOM, ";")
  offers import <file.csv> [--dry-run]
                                upsert by code, all or nothing; --dry-run only prints the plan
  discounts export <file.csv>   engagements and discounts (core/offers/csv/DISCOUNTS-CSV.md)
  discounts import <file.csv> [--dry-run]
  offers explain --client <ref> --product <ref> [--date jj/mm/aaaa] [--qty N]
                                the price resolution and why, as JSON
  offers purge                  tombstones offers deleted more than 30 days ago`;

const systemClock: Clock = { now: () => new Date().toISOString() };
const uuids: IdGenerator = { next: () => randomUUID() };

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Recognises an offers/discounts command line, or returns null. */
export function parseOffersCommand(argv: readonly string[]): Action | null {
  const [command, sub, ...rest] = argv;
  if (command !== 'offers' && command !== 'discounts') return null;
  const kind: OffersFileKind = command;
  if (sub === 'export' && rest.length === 1) {
    const file = rest[0] as string;
    return async (db) => {
      const { text, count } = await exportOffersFile(db, kind);
      writeFileSync(file, text);
      return { code: 0, out: `Exported ${count} offers to ${file}` };
    };
  }
  if (sub === 'import') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } });
    if (positionals.length !== 1) return null;
    const file = positionals[0] as string;
    return async (db) => {
      let text: string;
      try {
        text = readText(file);
      } catch (error) {
        return refused({ code: 'INVALID_IMPORT', message: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` });
      }
      const dryRun = values['dry-run'] === true;
      const result = await importOffersFile(db, kind, text, { clock: systemClock, ids: uuids, dryRun });
      if (!result.ok) return refused(result.error);
      const verb = dryRun ? 'Dry run, nothing written' : `Imported: ${result.value.written} offers written`;
      return { code: 0, out: `${verb}\n${describePlan(result.value.plan)}` };
    };
  }
  if (command === 'offers' && sub === 'explain') {
    const { values } = parseArgs({ args: rest, options: { client: { type: 'string' }, product: { type: 'string' }, date: { type: 'string' }, qty: { type: 'string' } } });
    const { client, product } = values;
    if (client === undefined || product === undefined) return null;
    return async (db) => {
      const answer = await explainPrice(db, { client, product, ...(values.date ? { date: values.date } : {}), ...(values.qty ? { qty: values.qty } : {}) }, systemClock.now().slice(0, 10));
      if (!answer.ok) return refused(answer.error);
      return { code: 0, out: JSON.stringify(answer.value, null, 2) };
    };
  }
  if (command === 'offers' && sub === 'purge' && rest.length === 0) {
    return async (db) => {
      const codes = await purgeOffers(db, systemClock);
      return { code: 0, out: codes.length === 0 ? 'No offer to purge' : `Purged ${codes.length} offers: ${codes.join(', ')}` };
    };
  }
  return null;
}
