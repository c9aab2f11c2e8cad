import { describe, expect, it } from 'vitest';
import { MAX_PDF_BYTES, requestValidators } from './contract.ts';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

describe('request validators', () => {
  it('accept a well-formed save-pdf request', () => {
    const request = { suggestedName: 'Q-2026-000123.pdf', bytes: pdf, openAfterSave: true };
    expect(requestValidators['documents:save-pdf'](request)).toEqual({ ok: true, value: request });
  });

  it.each([
    [{ suggestedName: 'a.pdf', bytes: 'JVBERi0=', openAfterSave: false }, 'bytes'],
    [{ suggestedName: 'a.pdf', bytes: new Uint8Array(0), openAfterSave: false }, 'bytes'],
    [{ suggestedName: 'a.pdf', bytes: { length: MAX_PDF_BYTES + 1 }, openAfterSave: false }, 'bytes'],
    [{ suggestedName: '', bytes: pdf, openAfterSave: false }, 'suggestedName'],
    [{ suggestedName: 'a.pdf', bytes: pdf }, 'openAfterSave'],
    [{ suggestedName: 'a.pdf', bytes: pdf, openAfterSave: false, path: '/etc/passwd' }, 'path'],
  ])('refuse a save-pdf request with a bad %s', (payload, field) => {
    const result = requestValidators['documents:save-pdf'](payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(field);
  });

  it('tell print targets apart', () => {
    expect(requestValidators['documents:print']({ target: 'window' }).ok).toBe(true);
    expect(requestValidators['documents:print']({ target: 'pdf', bytes: pdf }).ok).toBe(true);
    expect(requestValidators['documents:print']({ target: 'pdf' }).ok).toBe(false);
    expect(requestValidators['documents:print']({ target: 'printer' }).ok).toBe(false);
    expect(requestValidators['documents:print']({ target: 'window', bytes: pdf }).ok).toBe(false);
  });

  it('check dossier ids in notifications', () => {
    const base = { kind: 'payment-received', title: 'Acompte reçu', body: '300,00 €' };
    expect(requestValidators['notifications:show']({ ...base, dossierId: 'D-2026-000042' }).ok).toBe(true);
    expect(requestValidators['notifications:show']({ ...base, dossierId: '../../etc' }).ok).toBe(false);
    expect(requestValidators['notifications:show']({ ...base, kind: 'spam', dossierId: 'D-1' }).ok).toBe(false);
  });

  it('refuse a payload on channels that take none', () => {
    expect(requestValidators['auth:read-refresh-token'](undefined).ok).toBe(true);
    expect(requestValidators['auth:read-refresh-token']({ token: 'x' }).ok).toBe(false);
  });

  it('accept only known channels and locales', () => {
    expect(requestValidators['settings:set-update-channel']({ channel: 'beta' }).ok).toBe(true);
    expect(requestValidators['settings:set-update-channel']({ channel: 'nightly' }).ok).toBe(false);
    expect(requestValidators['settings:set-locale']({ locale: 'de' }).ok).toBe(false);
  });
});
