import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bp, cents } from '../money/units.ts';
import { setNegotiationComments } from '../quote/negotiation.ts';
import { fixedClock } from '../shared/clock.ts';
import { unwrap } from '../shared/result.ts';
import { pdfPageLines, pdfTextRuns } from './pdf-inspect.ts';
import { aB2bQuote, aLongQuote, aPdfInput, aTourismQuote, PDF_NOW } from './quote-pdf-fixtures.ts';
import type { QuotePdfInput } from './quote-pdf-input.ts';
import { renderQuotePdf } from './quote-pdf.ts';

/** Poppler's reader when installed; COMPTOIR_NO_PDFTOTEXT=1 tests the built-in reader instead. */
const HAS_PDFTOTEXT = (() => {
  if (process.env['COMPTOIR_NO_PDFTOTEXT'] !== undefined) return false;
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Squeezes the column padding so assertions read like one line of the document. */
const squeeze = (line: string): string => line.replace(/\s+/g, ' ').trim();

/**
 * The text of each page as a customer's PDF reader sees it: poppler's `pdftotext -layout` when the
 * machine has it, else our own reader of jsPDF's uncompressed streams.
 */
function pagesOf(bytes: Uint8Array): string[][] {
  if (!HAS_PDFTOTEXT) return pdfPageLines(bytes).map((lines) => lines.map(squeeze));
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-pdf-'));
  try {
    const file = join(dir, 'quote.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '').map((page) => page.split('\n').map(squeeze));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function render(input: QuotePdfInput): { pages: string[][]; text: string; bytes: Uint8Array } {
  const bytes = renderQuotePdf(input, { compress: false });
  const pages = pagesOf(bytes);
  return { pages, text: pages.flat().join('\n'), bytes };
}

describe('quote PDF, French B2B quote with three VAT rates', () => {
  const { text, pages } = render(aPdfInput(aB2bQuote()));

  it('shows seller, customer and the quote references', () => {
    for (const expected of [
      'Comptoir des Neiges', 'SIRET 812 345 678 00021', 'N° TVA intracommunautaire FR45812345678', 'Tél. 04 79 40 12 34',
      'CE Alpes Industries', 'M. Karim Benali', 'Réf. client : CLI-000412', 'DEVIS', 'Q-2026-000123',
      'Date 2 mars 2026', 'Valable jusqu’au 1 avril 2026', 'Objet : Séminaire CE, 24 participants',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('numbers the priced lines with their reference, quantity, price, discount, VAT rate and total', () => {
    expect(text).toContain('N° Réf. Désignation Qté P.U. HT Remise TVA Total HT');
    expect(text).toContain('1 SEM-SALLE-J Location salle de séminaire, journée 2 450,00 20 % 900,00');
    expect(text).toContain('2 HEB-HOT3-DP Hôtel 3* demi-pension, chambre double 24 98,00 -10 % 10 % 2 116,80');
    expect(text).toContain('3 REST-PANIER Panier repas montagne 48 14,50 5,5 % 696,00');
    expect(text).toMatch(/4 Soirée raclette au refuge avec animation 24 32,50 -50,00 10 % 730,00\nmusicale/);
    expect(text).toContain('5 Frais de dossier 20 % 45,00');
  });

  it('prints the comment line unnumbered, in italics', () => {
    const comment = 'Transfert depuis la gare de Bourg-Saint-Maurice inclus le premier jour.';
    expect(pages[0]).toContain(comment);
    const run = pdfTextRuns(renderQuotePdf(aPdfInput(aB2bQuote()), { compress: false })).flat().find((r) => r.text === comment);
    expect(run?.font).toBe('Helvetica-Oblique');
  });

  it('shows one VAT row per rate and totals that add up', () => {
    expect(text).toContain('Taux TVA Base HT Montant TVA Total TTC');
    expect(text).toContain('20 % 900,00 € 180,00 € 1 080,00 €');
    expect(text).toContain('10 % 2 704,46 € 270,45 € 2 974,91 €');
    expect(text).toContain('5,5 % 661,20 € 36,37 € 697,57 €');
    expect(text).toContain('Total des lignes HT 4 487,80 €');
    expect(text).toContain('Remise globale (5 %) -222,14 €');
    expect(text).toContain('Total HT 4 265,66 €');
    expect(text).toContain('Total TVA 486,82 €');
    expect(text).toContain('Total TTC 4 752,48 €');
  });

  it('states the deposit, the balance, the validity and the customer’s request', () => {
    expect(text).toContain('Acompte de 40 % à la commande : 1 900,99 €');
    expect(text).toContain('Solde à régler : 2 851,49 €');
    expect(text).toContain('Devis valable jusqu’au 1 avril 2026.');
    expect(text).toContain('Votre demande');
    expect(text).toContain('Le CE souhaite un geste sur la salle si le groupe dépasse 30 personnes.');
    expect(text).toContain('Bon pour accord');
    expect(pages).toHaveLength(1);
    expect(text).toContain('Page 1/1');
  });

  it('never prints the internal negotiation comment', () => {
    const quote = unwrap(setNegotiationComments(aB2bQuote(), { internalComment: 'Marge trop faible, refuser' }, { clock: fixedClock(PDF_NOW) }));
    expect(render(aPdfInput(quote)).text).not.toContain('Marge trop faible');
  });
});

describe('quote PDF in English', () => {
  const { text } = render(aPdfInput(aB2bQuote(), 'en'));

  it('uses English labels and en-GB money', () => {
    for (const expected of [
      'QUOTE', 'Valid until 1 April 2026', 'Customer ref.: CLI-000412', 'No. Ref. Description Qty',
      '2 HEB-HOT3-DP Hôtel 3* demi-pension, chambre double 24 98.00 -10% 10% 2,116.80',
      'VAT rate Net VAT Gross', '10% €2,704.46 €270.45 €2,974.91', 'Overall discount (5%) -€222.14',
      'Total excl. VAT €4,265.66', 'Total VAT €486.82', 'Total incl. VAT €4,752.48',
      'Deposit of 40% on acceptance: €1,900.99', 'Balance: €2,851.49', 'This quote is valid until 1 April 2026.',
      'Your request', 'Accepted', 'Page 1/1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/Total HT|Acompte|Désignation/);
  });
});

describe('quote PDF, tourism quote in TTC', () => {
  const { text } = render(aPdfInput(aTourismQuote()));

  it('prices lines incl. VAT and splits the VAT out per rate, tourist tax at 0 %', () => {
    expect(text).toContain('P.U. TTC');
    expect(text).toContain('Total TTC');
    expect(text).toContain('Séjour du 6 février 2027 au 13 février 2027');
    expect(text).toContain('5 LOC-SKI-ADU Location pack ski + chaussures adulte, 6 jours 2 114,00 -15 % 20 % 193,80');
    expect(text).toContain('20 % 469,83 € 93,97 € 563,80 €');
    expect(text).toContain('10 % 2 052,73 € 205,27 € 2 258,00 €');
    // Poppler drops the space of a lone "0 %" (it reads the gap as kerning); our reader keeps it.
    expect(text).toMatch(/\n0 ?% 46,20 € 0,00 € 46,20 €/);
    expect(text).toContain('Total HT 2 568,76 €');
    expect(text).toContain('Total TVA 299,24 €');
    expect(text).toContain('Total TTC 2 868,00 €');
    expect(text).toContain('Acompte de 30 % à la commande : 860,40 €');
    expect(text).toContain('Solde à régler : 2 007,60 €');
    expect(text).not.toContain('Remise globale');
  });

  it('shows what was already paid and what is still due', () => {
    const paid = render(aPdfInput(aTourismQuote(), 'fr', { received: cents(86_040) })).text;
    expect(paid).toContain('Déjà réglé : 860,40 €');
    expect(paid).toContain('Reste à régler : 2 007,60 €');
  });
});

describe('quote PDF of 200 lines', () => {
  const quote = aLongQuote(200);
  const priced = quote.lines.filter((line) => line.kind !== 'comment').length;
  const { pages, bytes } = render(aPdfInput(quote));

  it('runs over several pages, each numbered "Page n/N" with the table header repeated', () => {
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((lines, index) => {
      expect(lines.some((line) => line.endsWith(`Page ${index + 1}/${pages.length}`)), `page ${index + 1}`).toBe(true);
      expect(lines.some((line) => line.startsWith('N° Réf. Désignation Qté P.U. HT Remise TVA Total HT')), `page ${index + 1}`).toBe(true);
      if (index > 0) expect(lines.some((line) => line.includes(`DEVIS Q-2026-000123 v1 (suite)`))).toBe(true);
    });
    expect(pages.at(-1)?.some((line) => line.startsWith('Total TTC'))).toBe(true);
    expect(pages.slice(0, -1).flat().some((line) => line.startsWith('Total TTC'))).toBe(false);
  });

  it('prints every line number once, in order', () => {
    const numbers = pages.flat().flatMap((line) => {
      const m = /^(\d+) (?:[A-Z0-9-]+ )?(?:\S)/.exec(line);
      return m && /\d+,\d\d$/.test(line) ? [Number(m[1])] : [];
    });
    expect(numbers).toEqual(Array.from({ length: priced }, (_, i) => i + 1));
  });

  it('keeps the body above the footer on every page', () => {
    // 278 mm from the top is 22 mm = 62.4 pt from the bottom; only the footer is drawn lower.
    for (const runs of pdfTextRuns(bytes)) {
      const low = runs.filter((run) => run.y < 62.4 && run.size > 7);
      expect(low.map((run) => run.text)).toEqual([]);
    }
  });
});

describe('quote PDF bytes', () => {
  it('are identical for the same input, and differ when the creation date does', () => {
    const input = aPdfInput(aB2bQuote());
    expect(renderQuotePdf(input)).toEqual(renderQuotePdf(input));
    expect(renderQuotePdf(input)).not.toEqual(renderQuotePdf({ ...input, createdAt: '2026-03-03T09:00:00.000Z' }));
  });

  it('carry the creation date and title passed in', () => {
    const raw = String.fromCharCode(...renderQuotePdf(aPdfInput(aB2bQuote()), { compress: false }));
    expect(raw).toContain("/CreationDate (D:20260302090000-00'00')");
    expect(raw).toContain('/Title (DEVIS Q-2026-000123 v1)');
    expect(raw).toContain('/Lang (fr-FR)');
  });

  it('print characters the standard fonts lack as their nearest look-alike', () => {
    const input = aPdfInput(aB2bQuote(), 'fr', { client: { name: 'Zoë Łukasz Œuvre — Dvořák 😀' }, received: cents(100) });
    const { text } = render(input);
    expect(text).toContain('Zoë Lukasz Œuvre — Dvorák ?');
  });

  it('compress to a smaller file that still reads the same', () => {
    const input = aPdfInput(aTourismQuote(), 'fr', { quote: { ...aTourismQuote(), depositRate: bp(0) } });
    const compressed = renderQuotePdf(input);
    expect(compressed.length).toBeLessThan(renderQuotePdf(input, { compress: false }).length);
    if (HAS_PDFTOTEXT) expect(pagesOf(compressed).flat().join('\n')).toContain('Aucun acompte n’est demandé à la commande.');
  });
});
