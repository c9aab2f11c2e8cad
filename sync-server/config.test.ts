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
      },
    });
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
});
