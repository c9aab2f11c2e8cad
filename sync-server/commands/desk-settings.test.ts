import { describe, expect, it } from 'vitest';
import { DEMO_COMPANY, demoReference, SOPHIE } from '../../core/demo/index.ts';
import { parseDeskSettings } from './desk-settings.ts';

describe('desk settings', () => {
  it('reads the company, the copies to send and the link expiry from the settings document', () => {
    const data = demoReference('2026-03-10T08:00:00.000Z').find((r) => r.type === 'settings')?.data ?? null;
    expect(parseDeskSettings(data)).toEqual({
      company: DEMO_COMPANY,
      defaultLanguage: 'fr',
      timeZone: 'Europe/Paris',
      salesManagerEmail: SOPHIE.email,
      copyToClientSalesRep: true,
      paymentExpiryDays: 7,
    });
  });

  it('falls back to neutral values when an admin has not set them', () => {
    expect(parseDeskSettings(null)).toMatchObject({ company: { name: 'Comptoir' }, salesManagerEmail: null, copyToClientSalesRep: false, paymentExpiryDays: 7 });
    expect(parseDeskSettings({ payments: { requestExpiryDays: 0 }, defaultLanguage: 'en' })).toMatchObject({ paymentExpiryDays: 7, defaultLanguage: 'en' });
  });
});
