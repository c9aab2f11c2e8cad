import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('server configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    expect(readConfig({})).toEqual({
      ok: true,
      value: {
        host: '127.0.0.1',
        port: 8787,
        dataDir: './data',
        databaseUrl: null,
        databaseSchema: null,
        jwtSecret: null,
        logLevel: 'info',
        trustProxy: false,
        releasesDir: './data/releases',
        webDir: null,
        allowedOrigins: [],
        demoOnEmpty: false,
        smtpUrl: null,
        outboxDir: './data/outbox',
        mailFrom: null,
        publicUrl: null,
      },
    });
  });

  it('reads the update feed, web UI and allowed origins settings', () => {
    const config = readConfig({ COMPTOIR_DATA_DIR: '/srv/comptoir/', COMPTOIR_ALLOWED_ORIGINS: ' https://a.example , https://b.example,', COMPTOIR_WEB_DIR: '/srv/ui' });
    expect(config.ok && config.value).toMatchObject({
      releasesDir: '/srv/comptoir/releases',
      webDir: '/srv/ui',
      allowedOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(readConfig({ COMPTOIR_RELEASES_DIR: '/feed' })).toMatchObject({ ok: true, value: { releasesDir: '/feed' } });
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://127.0.0.1:5432/test', PORT: '9000' });
    expect(config.ok && config.value).toMatchObject({ port: 9000, databaseUrl: 'postgres://127.0.0.1:5432/test' });
  });

  it('names a malformed port instead of guessing', () => {
    expect(readConfig({ PORT: 'eighty' })).toMatchObject({ ok: false, error: { code: 'INVALID_PORT' } });
  });

  it('names an unknown log level', () => {
    expect(readConfig({ LOG_LEVEL: 'loud' })).toMatchObject({ ok: false, error: { code: 'INVALID_LOG_LEVEL' } });
  });

  it('reads the mail and payment-link settings, and names a malformed SMTP_URL', () => {
    const config = readConfig({ SMTP_URL: 'smtp://desk:secret@mail.example:587', COMPTOIR_MAIL_FROM: 'devis@example.fr', COMPTOIR_PUBLIC_URL: 'https://desk.example/' });
    expect(config.ok && config.value).toMatchObject({ smtpUrl: 'smtp://desk:secret@mail.example:587', mailFrom: 'devis@example.fr', publicUrl: 'https://desk.example' });
    expect(readConfig({ COMPTOIR_OUTBOX_DIR: '/var/mail/comptoir' })).toMatchObject({ ok: true, value: { outboxDir: '/var/mail/comptoir' } });
    expect(readConfig({ SMTP_URL: 'mail.example:25' })).toMatchObject({ ok: false, error: { code: 'INVALID_SMTP_URL' } });
  });
});
