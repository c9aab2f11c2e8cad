import { describe, expect, it } from 'vitest';
import { amountOff, commentLine, feeLine, miscLine, percentOff, productLine } from './fixtures.ts';
import { lineTotal } from './line-total.ts';
import type { QuoteLine } from './quote.ts';
import { computeTotals } from './totals.ts';

/** Per-rate rows as plain tuples, to compare against the hand computations below. */
function rows(lines: readonly QuoteLine[], priceMode: 'HT' | 'TTC', footer: Parameters<typeof computeTotals>[0]['footerDiscount'] = null) {
  const totals = computeTotals({ priceMode, lines, footerDiscount: footer });
  return { totals, byRate: totals.byRate.map((r) => [r.vatRate, r.footerDiscountShare, r.net, r.vat, r.gross]) };
}

describe('computeTotals — French B2B quote in HT', () => {
  const lines: QuoteLine[] = [
    // 45.90 × 12 = 550.80; −10 % → 495.72
    productLine({ label: 'Chaise', unitPrice: 4590, quantity: 12000, vatRate: 2000, discount: percentOff(1000) }),
    // 120.00 × 1.5 = 180.00; −15.00 → 165.00
    miscLine({ label: 'Installation', unitPrice: 12000, quantity: 1500, vatRate: 2000, discount: amountOff(1500) }),
    commentLine('Montage inclus le jour de la livraison'),
    // 18.50 × 7 = 129.50
    productLine({ label: 'Plateau repas', unitPrice: 1850, quantity: 7000, vatRate: 1000 }),
    // 12.35 × 3 = 37.05; −5 % → 35.1975 → 35.20
    productLine({ label: 'Guide', unitPrice: 1235, quantity: 3000, vatRate: 550, discount: percentOff(500) }),
    // shipping 25.00 at 20 %, never footer-discounted
    feeLine(2500, 2000),
  ];

  it('computes each line total half-up to the cent', () => {
    expect(lines.map((line) => lineTotal(line, 'HT')?.total ?? null)).toEqual([49572, 16500, null, 12950, 3520, 2500]);
    expect(lineTotal(lines[0] as QuoteLine, 'HT')).toMatchObject({ beforeDiscount: 55080, discount: 5508 });
  });

  it('spreads a 5 % footer discount over the three rates and computes VAT per rate', () => {
    // Goods per rate: 20 % = 495.72 + 165.00 = 660.72; 10 % = 129.50; 5.5 % = 35.20; goods = 825.42.
    // Footer 5 % of 825.42 = 41.271 → 41.27 (4127 cents).
    // Pro rata: 4127 × 66072/82542 = 3303.52, × 12950/82542 = 647.48, × 3520/82542 = 175.996
    //   floors 3303 + 647 + 175 = 4125, 2 cents left → largest remainders .996 (5.5 %) and .52 (20 %)
    //   shares 3304, 647, 176.
    // 20 %: 66072 − 3304 + 2500 (shipping) = 65268 net; VAT 13053.6 → 13054; gross 78322
    // 10 %: 12950 − 647 = 12303 net; VAT 1230.3 → 1230; gross 13533
    // 5.5 %: 3520 − 176 = 3344 net; VAT 183.92 → 184; gross 3528
    const { totals, byRate } = rows(lines, 'HT', percentOff(500));
    expect(byRate).toEqual([
      [2000, 3304, 65268, 13054, 78322],
      [1000, 647, 12303, 1230, 13533],
      [550, 176, 3344, 184, 3528],
    ]);
    // linesTotal = 825.42 + 25.00; net = 850.42 − 41.27 = 809.15; VAT 144.68; TTC 953.83
    expect(totals).toMatchObject({ linesTotal: 85042, footerDiscount: 4127, totalNet: 80915, totalVat: 14468, totalGross: 95383 });
  });
});

describe('computeTotals — tourism quote in TTC', () => {
  const lines: QuoteLine[] = [
    // Apartment, 7 nights × 89.00 TTC = 623.00 at 10 %
    productLine({ label: 'Appartement 4 pers.', unitPrice: 8900, quantity: 7000, vatRate: 1000 }),
    // Ski pass 245.00 × 4 = 980.00, −10 % → 882.00 at 20 %
    productLine({ label: 'Forfait 6 jours', unitPrice: 24500, quantity: 4000, vatRate: 2000, discount: percentOff(1000) }),
    // Equipment 19.90 × 4 = 79.60, −10.00 → 69.60 at 20 %
    miscLine({ label: 'Location matériel', unitPrice: 1990, quantity: 4000, vatRate: 2000, discount: amountOff(1000) }),
    // Tourist tax 4 people × 7 nights × 1.65 = 46.20, outside the scope of VAT
    feeLine(4620, 0, 'Taxe de séjour'),
    feeLine(1500, 2000, 'Frais de dossier'),
  ];

  it('extracts VAT from the gross per-rate sums', () => {
    // 20 %: 882.00 + 69.60 + 15.00 = 966.60 TTC; net = 966.60 / 1.2 = 805.50; VAT 161.10
    // 10 %: 623.00 TTC; net = 623.00 / 1.1 = 566.3636 → 566.36; VAT 56.64
    //  0 %: 46.20; net 46.20; VAT 0
    const { totals, byRate } = rows(lines, 'TTC');
    expect(byRate).toEqual([
      [2000, 0, 80550, 16110, 96660],
      [1000, 0, 56636, 5664, 62300],
      [0, 0, 4620, 0, 4620],
    ]);
    // TTC total = what the client reads on each line: 623 + 882 + 69.60 + 46.20 + 15 = 1635.80
    expect(totals).toMatchObject({ linesTotal: 163580, totalGross: 163580, totalNet: 141806, totalVat: 21774 });
  });

  it('takes a footer discount in TTC, leaving the tourist tax and fees alone', () => {
    // 3 % of goods (623 + 882 + 69.60 = 1574.60) = 47.238 → 47.24
    // shares: 4724 × 95160/157460 = 2854.88, × 62300/157460 = 1869.12 → floors 2854 + 1869, 1 left → .88 → 20 %
    // 20 %: 96660 − 2855 = 93805 gross; net 78170.83 → 78171; VAT 15634
    // 10 %: 62300 − 1869 = 60431 gross; net 54937.27 → 54937; VAT 5494
    const { totals, byRate } = rows(lines, 'TTC', percentOff(300));
    expect(byRate).toEqual([
      [2000, 2855, 78171, 15634, 93805],
      [1000, 1869, 54937, 5494, 60431],
      [0, 0, 4620, 0, 4620],
    ]);
    expect(totals.totalGross).toBe(163580 - 4724);
  });
});

describe('computeTotals — footer discounts', () => {
  it('spreads a footer amount pro rata to the goods of each rate', () => {
    // goods 100.00 at 20 % and 50.00 at 5.5 %; footer 10.00 → 6.6667 / 3.3333 → 6.67 / 3.33
    // 20 %: 93.33 net, VAT 18.666 → 18.67; 5.5 %: 46.67 net, VAT 2.56685 → 2.57
    const lines = [miscLine({ unitPrice: 10000, vatRate: 2000 }), miscLine({ unitPrice: 5000, vatRate: 550 })];
    const { totals, byRate } = rows(lines, 'HT', amountOff(1000));
    expect(byRate).toEqual([
      [2000, 667, 9333, 1867, 11200],
      [550, 333, 4667, 257, 4924],
    ]);
    expect(totals).toMatchObject({ footerDiscount: 1000, totalNet: 14000, totalVat: 2124, totalGross: 16124 });
  });

  it('caps a footer amount at the goods, never discounting shipping', () => {
    const lines = [miscLine({ unitPrice: 300, vatRate: 2000 }), feeLine(900, 2000)];
    const { totals } = rows(lines, 'HT', amountOff(5000));
    // only 3.00 of goods can be discounted; shipping 9.00 remains
    expect(totals).toMatchObject({ footerDiscount: 300, totalNet: 900, totalVat: 180, totalGross: 1080 });
  });

  it('allocates the remainders of tiny amounts without creating a cent', () => {
    // three rates with 0.01 € of goods each; 50 % of 0.03 = 0.015 → 0.02
    // exact shares 0.667 each → floors 0, 2 cents left, tie broken by order (highest rate first)
    const lines = [
      productLine({ unitPrice: 1, vatRate: 2000 }),
      productLine({ unitPrice: 1, vatRate: 1000 }),
      productLine({ unitPrice: 1, vatRate: 550 }),
    ];
    const { totals, byRate } = rows(lines, 'HT', percentOff(5000));
    expect(byRate.map((r) => r[1])).toEqual([1, 1, 0]);
    expect(byRate.map((r) => r[2])).toEqual([0, 0, 1]);
    expect(totals).toMatchObject({ footerDiscount: 2, totalNet: 1, totalVat: 0, totalGross: 1 });
  });

  it('gives the leftover cent to the largest remainder, not the largest rate', () => {
    // goods 0.01 at 20 %, 0.02 at 10 %; footer 0.02 → exact 0.667 / 1.333 → floors 0 / 1; 1 left → .667 wins
    const lines = [productLine({ unitPrice: 1, vatRate: 2000 }), productLine({ unitPrice: 2, vatRate: 1000 })];
    expect(rows(lines, 'HT', amountOff(2)).byRate.map((r) => r[1])).toEqual([1, 1]);
  });
});

describe('computeTotals — edge cases', () => {
  it('returns zeros and no VAT rows for an empty or comment-only quote', () => {
    const totals = computeTotals({ priceMode: 'HT', lines: [commentLine()], footerDiscount: percentOff(1000) });
    expect(totals).toEqual({ linesTotal: 0, footerDiscount: 0, totalNet: 0, totalVat: 0, totalGross: 0, byRate: [] });
  });

  it('rounds a discounted line once, not after the multiplication', () => {
    // 9.91 € × 1.5 kg − 5 % = 14.12175 € → 14.12 €; rounding 14.865 to 14.87 first would give 14.13 €
    const line = productLine({ unitPrice: 991, quantity: 1500, vatRate: 550, discount: percentOff(500) });
    expect(lineTotal(line, 'HT')).toMatchObject({ beforeDiscount: 1487, total: 1412, discount: 75 });
  });

  it('clamps foreign data: an amount discount never makes a line negative', () => {
    const line = miscLine({ unitPrice: 500, vatRate: 2000, discount: amountOff(900) });
    expect(lineTotal(line, 'HT')).toMatchObject({ beforeDiscount: 500, discount: 500, total: 0 });
  });

  it('shows a line in both modes, converted line by line', () => {
    // 10.00 HT at 5.5 % → 10.55 TTC
    expect(lineTotal(miscLine({ unitPrice: 1000, vatRate: 550 }), 'HT')).toMatchObject({ net: 1000, gross: 1055 });
    // 10.55 TTC at 5.5 % → 10.00 HT
    expect(lineTotal(miscLine({ unitPrice: 1055, vatRate: 550 }), 'TTC')).toMatchObject({ net: 1000, gross: 1055 });
  });
});
