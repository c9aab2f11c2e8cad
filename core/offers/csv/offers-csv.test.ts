import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { sequentialIds } from '../../shared/ids.ts';
import { unwrap } from '../../shared/result.ts';
import type { Offer } from '../offer.ts';
import { anEngagement, anOffer } from '../offer-builders.ts';
import { applyImport } from './import-plan.ts';
import { exportOffersCsv } from './offers-csv.ts';
import { planOffersImport } from './offers-csv-import.ts';
import type { OffersImportContext } from './offers-csv-import.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const HEADER = "Code;Type;Libelle type;Intitulé;Type de périmètre;Code périmètre;Libellé périmètre;Date début;Date fin;Afficher l'offre sur la boutique virtuelle";

function context(overrides: Partial<OffersImportContext> = {}): OffersImportContext {
  return { ids: sequentialIds('imported'), clock: fixedClock(NOW), ...overrides };
}

const stored: Offer[] = [
  anOffer({ code: 'NOEL26', title: 'Noël; "spécial" CE', scope: 'GROUP', scopeCode: 'GRP-CE', scopeLabel: 'Comités d’entreprise', startDate: '2026-12-01', endDate: '2026-12-31', showInShop: true }),
  anOffer({ code: 'MP2026', type: 'public_procurement', title: 'Marché lycées', scope: 'CLIENT', scopeCode: 'CLI001', scopeLabel: 'Région', startDate: '2026-01-01', endDate: '2026-12-31' }),
  anOffer({ code: 'ALL1', title: 'Pour tous' }),
  anOffer({ code: 'CHAM', title: 'Collecte Chamonix', scope: 'PLACE', scopeCode: 'CHAMONIX', scopeLabel: 'Chamonix' }),
  anOffer({ code: 'OLD', title: 'Supprimée', deletedAt: '2026-11-01T00:00:00.000Z' }),
];

function lines(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}

function issues(text: string, existing: readonly Offer[] = stored, ctx = context()) {
  return planOffersImport(text, existing, ctx).errors.map((e) => [e.line, e.column, e.code]);
}

describe('exportOffersCsv', () => {
  it('writes the seed’s columns and codes, UTF-8 BOM, ";" and CRLF, live offers by code', () => {
    expect(exportOffersCsv(stored)).toBe(
      '\uFEFF' +
        HEADER + '\r\n' +
        'ALL1;0;Offre commerciale;Pour tous;TOUS;;Tous les clients;;;0\r\n' +
        'CHAM;0;Offre commerciale;Collecte Chamonix;LIEU;CHAMONIX;Chamonix;;;0\r\n' +
        'MP2026;1;Marché public;Marché lycées;CLIENT;CLI001;Région;01/01/2026;31/12/2026;0\r\n' +
        'NOEL26;0;Offre commerciale;"Noël; ""spécial"" CE";GROUPE;GRP-CE;Comités d’entreprise;01/12/2026;31/12/2026;1\r\n',
    );
  });

  it('guards titles that a spreadsheet would run as formulas', () => {
    expect(exportOffersCsv([anOffer({ title: '=HYPERLINK("http://x")' })])).toContain(';"\'=HYPERLINK(""http://x"")";');
  });
});

describe('planOffersImport and applyImport', () => {
  it('round-trips: re-importing an export changes nothing', () => {
    const plan = planOffersImport(exportOffersCsv(stored), stored, context());
    expect(plan).toMatchObject({ toCreate: [], toUpdate: [], unchanged: 4, errors: [], warnings: [] });
  });

  it('round-trips byte for byte through an empty base', () => {
    const csv = exportOffersCsv(stored);
    const created = unwrap(applyImport([], planOffersImport(csv, [], context())));
    expect(exportOffersCsv(created)).toBe(csv);
  });

  it('updates offers by code, keeping their engagements, and creates new codes', () => {
    const withEngagement = [anOffer({ code: 'ALL1', title: 'Pour tous', engagements: [anEngagement({ number: 7 })] })];
    const plan = planOffersImport(lines('ALL1;0;;Pour tous, renommée;TOUS;;;;;1', 'NEW1;1;Marché public;Nouveau marché;CLIENT;CLI002;Mairie;01/01/2027;31/12/2027;0'), withEngagement, context());
    expect(plan.errors).toEqual([]);
    expect(plan.toUpdate.map((c) => [c.after.code, c.after.title, c.after.showInShop, c.after.engagements.map((e) => e.number), c.after.updatedAt])).toEqual([
      ['ALL1', 'Pour tous, renommée', true, [7], NOW],
    ]);
    expect(plan.toCreate).toMatchObject([{ id: 'imported-1', code: 'NEW1', type: 'public_procurement', scope: 'CLIENT', scopeCode: 'CLI002', scopeLabel: 'Mairie', startDate: '2027-01-01', endDate: '2027-12-31', engagements: [], deletedAt: null }]);
    const after = unwrap(applyImport(withEngagement, plan));
    expect(after.map((o) => o.code)).toEqual(['ALL1', 'NEW1']);
  });

  it('accepts an Excel file: BOM, comma separator, LF, reordered columns, loose headers', () => {
    const text = '\uFEFFintitule,code,type,type de perimetre,Afficher l’offre sur la boutique virtuelle\n"Été, montagne",ETE26,0,tous,1\n';
    const plan = planOffersImport(text, [], context());
    expect(plan.errors).toEqual([]);
    expect(plan.toCreate).toMatchObject([{ code: 'ETE26', title: 'Été, montagne', scope: 'ALL', showInShop: true }]);
  });

  it('names the line and column of every bad value, and applies nothing', () => {
    const text = lines(
      'BAD CODE;0;;Titre;TOUS;;;;;0',
      'A1;2;;Titre;TOUS;;;;;0',
      'A2;0;;Titre;PARTOUT;;;;;0',
      'A3;0;;Titre;GROUPE;;;;;0',
      'A4;0;;Titre;TOUS;;;31/02/2026;;0',
      'A5;1;Marché public;Titre;TOUS;;;01/01/2026;;0',
      'A6;0;;;TOUS;;;;;0',
      'A7;0;;Titre;TOUS;;;01/03/2026;01/02/2026;oui',
      'a1;0;;Titre;TOUS;;;;;0',
      'OLD;0;;Titre;TOUS;;;;;0',
      'A8;0;;Titre;TOUS;;;;',
    );
    const plan = planOffersImport(text, stored, context());
    expect(plan.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'Code', 'CODE_INVALID'],
      [3, 'Type', 'INVALID_TYPE'],
      [4, 'Type de périmètre', 'UNKNOWN_SCOPE'],
      [5, 'Code périmètre', 'SCOPE_CODE_MISSING'],
      [6, 'Date début', 'INVALID_DATE'],
      [7, 'Date fin', 'PUBLIC_PROCUREMENT_WITHOUT_DATES'],
      [8, 'Intitulé', 'REQUIRED_VALUE_MISSING'],
      [9, 'Date fin', 'END_BEFORE_START'],
      [9, "Afficher l'offre sur la boutique virtuelle", 'INVALID_FLAG'],
      [10, 'Code', 'DUPLICATE_IN_FILE'],
      [11, 'Code', 'OFFER_DELETED'],
      [12, null, 'WRONG_FIELD_COUNT'],
    ]);
    expect(plan.errors[4]?.message).toBe('"31/02/2026" is not a date in the jj/mm/aaaa format');
    expect(applyImport(stored, plan)).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_ERRORS' } });
  });

  it('refuses a file without a mandatory column', () => {
    const text = 'Code;Type;Intitulé\r\nA1;0;Titre\r\n';
    expect(issues(text)).toEqual([[1, 'Type de périmètre', 'MISSING_COLUMN']]);
  });

  it('refuses a tab-separated file, saying so', () => {
    const plan = planOffersImport(HEADER.replaceAll(';', '\t') + '\r\nA1\t0\r\n', stored, context());
    expect(plan.errors).toEqual([{ line: 1, column: null, code: 'SEPARATOR_NOT_FOUND', message: 'the header line has no ";" or "," separator (it looks tab-separated); save the file as CSV (separator ";")' }]);
  });

  it('reports broken quoting with its line and column', () => {
    expect(issues(lines('A1;0;;"Titre;TOUS;;;;;0'))).toEqual([[2, 'Intitulé', 'UNTERMINATED_QUOTE']]);
  });

  it('refuses a code that differs from an existing one only by case', () => {
    expect(issues(lines('all1;0;;Titre;TOUS;;;;;0'))).toEqual([[2, 'Code', 'DUPLICATE_OFFER_CODE']]);
  });

  it('checks scope codes against known groups and clients when it can', () => {
    const ctx = context({ isKnownScopeCode: (scope, code) => scope === 'GROUP' && code === 'GRP-CE' });
    expect(issues(lines('G1;0;;T;GROUPE;GRP-CE;;;;0', 'G2;0;;T;GROUPE;GRP-X;;;;0'), [], ctx)).toEqual([[3, 'Code périmètre', 'UNKNOWN_SCOPE_CODE']]);
  });

  it('refuses new offer dates that would leave an existing engagement outside', () => {
    const offer = anOffer({ code: 'MP', startDate: '2026-01-01', endDate: '2026-12-31', engagements: [anEngagement({ startDate: '2026-02-01', endDate: '2026-11-30' })] });
    expect(issues(lines('MP;0;;T;TOUS;;;01/03/2026;31/12/2026;0'), [offer])).toEqual([[2, 'Date début', 'ENGAGEMENT_OUTSIDE_OFFER']]);
  });

  it('warns about a type label that contradicts the type, and about unknown columns', () => {
    const plan = planOffersImport(HEADER + ';Commentaire\r\nA1;0;Marché public;T;TOUS;;;;;0;libre\r\n', [], context());
    expect(plan.errors).toEqual([]);
    expect(plan.warnings.map((w) => [w.line, w.column, w.code])).toEqual([
      [1, 'Commentaire', 'UNKNOWN_COLUMN'],
      [2, 'Libelle type', 'TYPE_LABEL_MISMATCH'],
    ]);
  });

  it('refuses to apply a preview that another change overtook', () => {
    const plan = planOffersImport(lines('ALL1;0;;Renommée;TOUS;;;;;0'), stored, context());
    const moved = stored.map((o) => (o.code === 'ALL1' ? { ...o, updatedAt: '2026-11-23T10:30:00.000Z' } : o));
    expect(applyImport(moved, plan)).toMatchObject({ ok: false, error: { code: 'STALE_PLAN' } });
  });
});
