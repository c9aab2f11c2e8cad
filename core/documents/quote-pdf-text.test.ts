import { describe, expect, it } from 'vitest';
import { bp, cents } from '../money/units.ts';
import { computeTotals } from '../quote/totals.ts';
import { aB2bQuote, aPdfInput, aTourismQuote } from './quote-pdf-fixtures.ts';
import { quotePdfText } from './quote-pdf-text.ts';
import { toWinAnsi } from './win-ansi.ts';

describe('quotePdfText', () => {
  it('reads the quote out line by line, numbering priced lines only', () => {
    const text = quotePdfText(aPdfInput(aB2bQuote()));
    expect(text).toContain('3 | REST-PANIER | Panier repas montagne | 48 | 14,50 |  | 5,5 % | 696,00');
    expect(text).toContain('\n  Transfert depuis la gare de Bourg-Saint-Maurice inclus le premier jour.\n');
    expect(text).toContain('5 |  | Frais de dossier |  |  |  | 20 % | 45,00');
    expect(text).toContain('Total TTC : 4 752,48 €');
  });

  it('prints totals recomputed from the lines, never a stale stored total', () => {
    const quote = aB2bQuote();
    const stale = { ...quote, totals: computeTotals({ priceMode: 'HT', lines: [], footerDiscount: null }) };
    expect(quotePdfText(aPdfInput(stale))).toContain('Total TTC : 4 752,48 €');
  });

  it('marks a draft, and says when no deposit is asked for', () => {
    const quote = { ...aTourismQuote(), status: 'draft' as const, depositRate: bp(0) };
    const text = quotePdfText(aPdfInput(quote));
    expect(text).toContain('DEVIS (BROUILLON)');
    expect(text).toContain('Aucun acompte n’est demandé à la commande.');
    expect(text).not.toContain('Acompte de');
    expect(quotePdfText(aPdfInput(quote, 'en'))).toContain('QUOTE (DRAFT)');
  });

  it('prints a stored E.164 phone number the way the reader dials it', () => {
    const client = { name: 'Léa Morel', phone: '+33612345678' };
    expect(quotePdfText(aPdfInput(aTourismQuote(), 'fr', { client }))).toContain('Tél. 06 12 34 56 78');
    expect(quotePdfText(aPdfInput(aTourismQuote(), 'en', { client }))).toContain('Tel. +33 6 12 34 56 78');
    expect(quotePdfText(aPdfInput(aTourismQuote(), 'en', { client: { name: 'Sam', phone: '+44 20 7946 0000' } }))).toContain('Tel. +44 20 7946 0000');
  });

  it('adds the caller’s terms after the payment terms, and the amount still due', () => {
    const text = quotePdfText(aPdfInput(aTourismQuote(), 'en', { received: cents(300_000), terms: ['Cancellation: free until 30 days before arrival.'] }));
    expect(text).toContain('Already paid: €3,000.00\nStill due: €0.00\nThis quote is valid until 1 April 2026.\nCancellation: free until 30 days before arrival.');
  });
});

describe('toWinAnsi', () => {
  it('turns Intl’s narrow and no-break spaces and the minus sign into plain characters', () => {
    expect(toWinAnsi('-1\u202f234,56\u00a0€')).toBe('-1 234,56 €');
    expect(toWinAnsi('\u22125\u00a0%')).toBe('-5 %');
  });

  it('keeps what WinAnsi has, strips accents it lacks, and marks the rest', () => {
    expect(toWinAnsi('Œuvre « été » — l’Ÿonne… 3 €')).toBe('Œuvre « été » — l’Ÿonne… 3 €');
    expect(toWinAnsi('Dvořák Łódź Őrség')).toBe('Dvorák Lódz Orség');
    expect(toWinAnsi('ski ⛷ 😀')).toBe('ski ? ?');
    expect(toWinAnsi('a\u0000b\u0085c')).toBe('a b c');
  });
});
