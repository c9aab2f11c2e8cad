import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { unwrap } from '../../shared/result.ts';
import { milli } from '../../money/units.ts';
import type { Offer } from '../offer.ts';
import { ON_CATALOG, aDiscount, anEngagement, anOffer, fixed, onFamily, onProduct, percent } from '../offer-builders.ts';
import { exportDiscountsCsv } from './discounts-csv.ts';
import { planDiscountsImport } from './discounts-csv-import.ts';
import { applyImport } from './import-plan.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const context = { clock: fixedClock(NOW) };
const HEADER = 'Code offre;N° engagement;Date début engagement;Date fin engagement;Code remise;Type cible;Code cible;Type remise;Valeur;Quantité minimum';

const market = anOffer({
  code: 'MP2026',
  type: 'public_procurement',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  engagements: [
    anEngagement({ number: 2, startDate: '2026-07-01', endDate: '2026-08-31', discounts: [aDiscount({ code: 'R1', target: ON_CATALOG, value: percent(500), minQuantity: milli(10_000) })] }),
    anEngagement({ number: 1, discounts: [aDiscount({ code: 'R2', target: onFamily('family', 'SKI'), value: percent(1250) }), aDiscount({ code: 'R1', target: onProduct('SKI-ESF-6J'), value: fixed(3990) })] }),
  ],
});
const bare = anOffer({ code: 'NOEL26', engagements: [anEngagement({ discounts: [] })] });
const stored: Offer[] = [market, bare, anOffer({ code: 'SUPPR', deletedAt: '2026-11-01T00:00:00.000Z' })];

function lines(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}

function issues(text: string, existing: readonly Offer[] = stored) {
  return planDiscountsImport(text, existing, context).errors.map((e) => [e.line, e.column, e.code]);
}

describe('exportDiscountsCsv', () => {
  it('writes one row per discount, engagements by number, discounts by code, French decimals', () => {
    expect(exportDiscountsCsv(stored)).toBe(
      '\uFEFF' +
        lines(
          'MP2026;1;;;R1;PRODUIT;SKI-ESF-6J;PRIX;39,90;',
          'MP2026;1;;;R2;FAMILLE;SKI;POURCENTAGE;12,5;',
          'MP2026;2;01/07/2026;31/08/2026;R1;CATALOGUE;;POURCENTAGE;5;10',
          'NOEL26;1;;;;;;;;',
        ),
    );
  });
});

describe('planDiscountsImport', () => {
  it('changes nothing when re-importing an export', () => {
    expect(planDiscountsImport(exportDiscountsCsv(stored), stored, context)).toMatchObject({ toUpdate: [], unchanged: 2, errors: [], warnings: [] });
  });

  it('round-trips byte for byte into offers without engagements', () => {
    const csv = exportDiscountsCsv(stored);
    const emptied = stored.map((o) => ({ ...o, engagements: [] }));
    const filled = unwrap(applyImport(emptied, planDiscountsImport(csv, emptied, context)));
    expect(exportDiscountsCsv(filled)).toBe(csv);
  });

  it('upserts discounts by code and engagements by number, keeping what the file does not mention', () => {
    const plan = planDiscountsImport(lines('MP2026;1;;;R1;PRODUIT;SKI-ESF-6J;PRIX;35;', 'MP2026;3;01/12/2026;31/12/2026;R9;SOUS-FAMILLE;SKI-COURS;PRIX;30,00;2,5'), stored, context);
    expect(plan.errors).toEqual([]);
    const after = plan.toUpdate[0]?.after;
    expect(after?.updatedAt).toBe(NOW);
    expect(after?.engagements.map((e) => [e.number, e.startDate, e.discounts.map((d) => d.code)])).toEqual([
      [2, '2026-07-01', ['R1']],
      [1, null, ['R2', 'R1']],
      [3, '2026-12-01', ['R9']],
    ]);
    expect(after?.engagements[1]?.discounts[1]).toEqual({ code: 'R1', target: onProduct('SKI-ESF-6J'), value: fixed(3500) });
    expect(after?.engagements[2]?.discounts[0]).toEqual({ code: 'R9', target: onFamily('sub', 'SKI-COURS'), value: fixed(3000), minQuantity: milli(2500) });
  });

  it('names line and column of every bad row, and applies nothing', () => {
    const plan = planDiscountsImport(
      lines(
        'INCONNU;1;;;R1;PRODUIT;X;PRIX;10;',
        'SUPPR;1;;;R1;PRODUIT;X;PRIX;10;',
        'MP2026;0;;;R1;PRODUIT;X;PRIX;10;',
        'MP2026;1;;;R 1;PRODUIT;X;PRIX;10;',
        'MP2026;1;;;R3;MARQUE;X;PRIX;10;',
        'MP2026;1;;;R4;CATALOGUE;X;PRIX;10;',
        'MP2026;1;;;R5;PRODUIT;;PRIX;10;',
        'MP2026;1;;;R6;PRODUIT;X;REMISE;10;',
        'MP2026;1;;;R7;PRODUIT;X;PRIX;12,555;',
        'MP2026;1;;;R8;PRODUIT;X;POURCENTAGE;120;',
        'MP2026;1;;;R9;PRODUIT;X;PRIX;0;',
        'MP2026;1;;;R10;PRODUIT;X;PRIX;10;-1',
        'MP2026;4;31/02/2026;;R1;PRODUIT;X;PRIX;10;',
        'MP2026;5;01/03/2026;;R1;PRODUIT;X;PRIX;10;',
        'MP2026;5;01/04/2026;;R2;PRODUIT;X;PRIX;10;',
        'MP2026;5;01/03/2026;;r1;PRODUIT;Y;PRIX;10;',
        'MP2026;6;01/12/2026;31/01/2027;R1;PRODUIT;X;PRIX;10;',
      ),
      stored,
      context,
    );
    expect(plan.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'Code offre', 'UNKNOWN_OFFER'],
      [3, 'Code offre', 'OFFER_DELETED'],
      [4, 'N° engagement', 'ENGAGEMENT_NUMBER_INVALID'],
      [5, 'Code remise', 'DISCOUNT_CODE_INVALID'],
      [6, 'Type cible', 'UNKNOWN_TARGET_TYPE'],
      [7, 'Code cible', 'TARGET_CODE_NOT_ALLOWED'],
      [8, 'Code cible', 'TARGET_CODE_MISSING'],
      [9, 'Type remise', 'UNKNOWN_DISCOUNT_TYPE'],
      [10, 'Valeur', 'INVALID_VALUE'],
      [11, 'Valeur', 'PERCENT_OUT_OF_RANGE'],
      [12, 'Valeur', 'FIXED_PRICE_NOT_POSITIVE'],
      [13, 'Quantité minimum', 'INVALID_QUANTITY'],
      [14, 'Date début engagement', 'INVALID_DATE'],
      [16, 'Date début engagement', 'INCONSISTENT_ENGAGEMENT_DATES'],
      [17, 'Code remise', 'DUPLICATE_IN_FILE'],
      [18, 'Date fin engagement', 'ENGAGEMENT_OUTSIDE_OFFER'],
    ]);
    expect(applyImport(stored, plan)).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_ERRORS' } });
  });

  it('suggests the right offer code when only the case differs', () => {
    const plan = planDiscountsImport(lines('mp2026;1;;;R1;PRODUIT;X;PRIX;10;'), stored, context);
    expect(plan.errors[0]?.message).toBe('no offer has code "mp2026" (did you mean MP2026?); import the offer first');
  });

  it('checks targets against the catalog when it can', () => {
    const known = (target: { kind: string }) => target.kind !== 'product';
    const plan = planDiscountsImport(lines('MP2026;1;;;R7;PRODUIT;NOPE;PRIX;10;'), stored, { ...context, isKnownTarget: known });
    expect(plan.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'Code cible', 'UNKNOWN_TARGET']]);
  });

  it('warns about a discount that competes with another on the same target and dates', () => {
    const plan = planDiscountsImport(lines('NOEL26;1;;;R1;PRODUIT;SKI-ESF-6J;PRIX;40;', 'NOEL26;1;;;R2;PRODUIT;SKI-ESF-6J;PRIX;41;'), stored, context);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings.map((w) => [w.line, w.column, w.code])).toEqual([
      [2, 'Code remise', 'OVERLAPPING_DISCOUNT'],
      [3, 'Code remise', 'OVERLAPPING_DISCOUNT'],
      [3, 'Code remise', 'OVERLAPPING_DISCOUNT'],
    ]);
    expect(plan.warnings[1]?.message).toBe(
      'offer NOEL26: engagement 1, discount "R2" competes with this offer, engagement 1, discount "R1" (same scope and target) on every day: the lower price will apply, then the first codes',
    );
  });

  it('refuses a file without a mandatory column', () => {
    expect(issues('Code offre;N° engagement;Code remise\r\nMP2026;1;R1\r\n')).toEqual([
      [1, 'Type cible', 'MISSING_COLUMN'],
      [1, 'Code cible', 'MISSING_COLUMN'],
      [1, 'Type remise', 'MISSING_COLUMN'],
      [1, 'Valeur', 'MISSING_COLUMN'],
    ]);
  });

  it('reads a comma-separated file with quoted French decimals', () => {
    const text = HEADER.replaceAll(';', ',') + '\n' + 'NOEL26,1,,,R1,PRODUIT,SKI-ESF-6J,PRIX,"39,90",\n';
    const plan = planDiscountsImport(text, stored, context);
    expect(plan.errors).toEqual([]);
    expect(plan.toUpdate[0]?.after.engagements[0]?.discounts).toEqual([{ code: 'R1', target: onProduct(), value: fixed(3990) }]);
  });
});
