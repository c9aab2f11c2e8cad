import { describe, expect, it } from 'vitest';
import { DEMO_COMPANY } from '../../core/demo/index.ts';
import { cents } from '../../core/money/index.ts';
import { notFoundPage, payPage } from './pay-page.ts';
import type { PayView } from './pay-view.ts';

const VIEW: PayView = {
  state: 'payable',
  language: 'fr',
  company: DEMO_COMPANY,
  clientName: 'Hélène Dupré',
  quoteNumber: 'Q-2026-000123',
  quoteVersion: 2,
  kind: 'deposit',
  amount: cents(123_456),
  currency: 'EUR',
  expiresAt: new Date('2026-03-17T09:30:00.000Z'),
  timeZone: 'Europe/Paris',
};

describe('sandbox payment page', () => {
  it('shows what is paid, for how much, until when, with a Payer button and a Refuser link', () => {
    const html = payPage(VIEW, 'form');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Q-2026-000123 (v2)');
    expect(html).toContain('<dd>Acompte</dd>');
    expect(html).toContain('1\u202f234,56\u00a0€');
    expect(html).toContain('17 mars 2026 à 10:30');
    expect(html).toContain('<form method="post"><button type="submit">Payer</button></form>');
    expect(html).toMatch(/<a href="\?declined=1&amp;lang=fr">Refuser<\/a>/);
    expect(html).not.toMatch(/<script/i);
  });

  it('speaks English to English customers', () => {
    const html = payPage({ ...VIEW, language: 'en' }, 'form');
    expect(html).toContain('<button type="submit">Pay</button>');
    expect(html).toContain('€1,234.56');
    expect(html).toContain('>Cancel</a>');
    expect(payPage({ ...VIEW, language: 'en' }, 'already_paid')).toContain('This payment was already paid.');
  });

  it('escapes every value it prints', () => {
    const html = payPage({ ...VIEW, clientName: '<img src=x onerror=alert(1)>', company: { ...DEMO_COMPANY, name: 'A & "B"' } }, 'form');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('A &amp; &quot;B&quot;');
  });

  it('has no form once the link cannot be paid', () => {
    for (const kind of ['paid_now', 'already_paid', 'expired', 'cancelled', 'declined', 'not_ready'] as const) expect(payPage(VIEW, kind)).not.toContain('<form');
    expect(notFoundPage('en')).toContain('Payment link not found');
  });
});
