import { describe, expect, it } from 'vitest';
import { distinctAddresses, readAddresses } from './addresses.ts';
import { classifySmtpError, smtpEndpoint } from './smtp-mailer.ts';

describe('SMTP failures', () => {
  it('retries what may pass later and stops at refusals', () => {
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, 'smtp://h:25')).toMatchObject({ code: 'SMTP_UNAVAILABLE', transient: true });
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 451, message: 'try later' }, 'x')).toMatchObject({ code: 'SMTP_UNAVAILABLE', transient: true });
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 552, message: 'too big' }, 'x')).toMatchObject({ code: 'SMTP_REJECTED', transient: false });
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535, message: 'bad credentials' }, 'x')).toMatchObject({ code: 'SMTP_AUTH_FAILED', transient: false });
  });

  it('never shows the credentials of SMTP_URL', () => {
    expect(smtpEndpoint('smtp://desk:s3cret@mail.example:587')).toBe('smtp://mail.example:587');
    expect(classifySmtpError(new Error('boom'), smtpEndpoint('smtps://u:p@h:465')).message).not.toContain('p@');
  });
});

describe('recipients', () => {
  it('takes one address or a list, and refuses anything else', () => {
    expect(readAddresses('a@b.fr', 'to')).toEqual({ ok: true, value: ['a@b.fr'] });
    expect(readAddresses([' a@b.fr ', 'c@d.fr'], 'cc')).toEqual({ ok: true, value: ['a@b.fr', 'c@d.fr'] });
    expect(readAddresses(undefined, 'to')).toEqual({ ok: true, value: [] });
    expect(readAddresses([''], 'to')).toEqual({ ok: true, value: [] });
    expect(readAddresses('a@b.fr\r\nBcc: x@y.fr', 'to')).toMatchObject({ ok: false });
    expect(readAddresses(42, 'to')).toMatchObject({ ok: false, message: 'to must be an email address or a list of them' });
  });

  it('lists each address once, without those already addressed', () => {
    expect(distinctAddresses(['A@b.fr', 'a@B.fr', null, 'c@d.fr', 'x@y.fr'], ['X@y.fr'])).toEqual(['A@b.fr', 'c@d.fr']);
  });
});
