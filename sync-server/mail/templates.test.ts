import { describe, expect, it } from 'vitest';
import { demoReference } from '../../core/demo/index.ts';
import type { JsonObject } from '../../core/model/json.ts';
import { findTemplate, renderTemplate, withPersonalNote } from './templates.ts';

const desk: JsonObject[] = demoReference('2026-03-10T08:00:00.000Z').filter((r) => r.type === 'templates').map((r) => r.data);

describe('email templates', () => {
  it('uses the desk’s own template in the language asked for, the built-in one otherwise', () => {
    expect(findTemplate(desk, 'quote-sent', 'en')?.subject).toBe('Your quote {{quoteNumber}}');
    expect(findTemplate([], 'quote-sent', 'en')?.subject).toBe('Your quote {{quoteNumber}} - {{companyName}}');
    // The demo has the payment-received email in French only.
    expect(findTemplate(desk, 'payment-received', 'en')?.language).toBe('fr');
    expect(findTemplate(desk, 'no-such-template', 'fr')).toBeNull();
  });

  it('fills placeholders and leaves out a sentence whose placeholder has no value', () => {
    const template = { id: 't', language: 'fr' as const, subject: 'Devis {{quoteNumber}}', body: 'Bonjour {{clientName}},\n\nVoici le devis {{quoteNumber}}. Acceptez-le en ligne : {{portalLink}}\n\n{{agentName}}\n{{companyName}}' };
    expect(renderTemplate(template, { clientName: 'Mme Dupré', quoteNumber: 'Q-2026-000001', agentName: 'Claire', companyName: '' })).toEqual({
      subject: 'Devis Q-2026-000001',
      body: 'Bonjour Mme Dupré,\n\nVoici le devis Q-2026-000001.\n\nClaire',
    });
  });

  it('does not treat values as template syntax', () => {
    const template = { id: 't', language: 'fr' as const, subject: '{{a}}', body: '{{a}} {{b}}' };
    expect(renderTemplate(template, { a: '{{b}}', b: 'x' }).body).toBe('{{b}} x');
  });

  it('puts the agent’s note after the greeting', () => {
    expect(withPersonalNote('Bonjour,\n\nCorps.\n\nSignature', 'Petit mot.')).toBe('Bonjour,\n\nPetit mot.\n\nCorps.\n\nSignature');
    expect(withPersonalNote('Corps seul', 'Petit mot.')).toBe('Petit mot.\n\nCorps seul');
    expect(withPersonalNote('Corps', null)).toBe('Corps');
  });
});
