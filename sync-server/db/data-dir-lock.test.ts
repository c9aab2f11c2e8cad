import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, LOCK_FILE } from './data-dir-lock.ts';

describe('data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-lock-'));
  afterEach(() => rmSync(join(dir, LOCK_FILE), { force: true }));

  it('lets one holder in and names it to the next', () => {
    const first = acquireDataDirLock(dir, 'server');
    expect(first.ok).toBe(true);
    const second = acquireDataDirLock(dir, 'admin CLI');
    expect(second).toMatchObject({ ok: false, error: { code: 'DATA_DIR_LOCKED', message: expect.stringContaining(`in use by the server (pid ${process.pid}`) } });
    if (first.ok) first.value();
    expect(acquireDataDirLock(dir, 'admin CLI').ok).toBe(true);
  });

  it('takes over a lock left by a process that died', () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), purpose: 'server', since: 'yesterday' }));
    expect(acquireDataDirLock(dir, 'server').ok).toBe(true);
  });

  it('takes over a half-written lock file', () => {
    writeFileSync(join(dir, LOCK_FILE), '{"pid":');
    expect(acquireDataDirLock(dir, 'server').ok).toBe(true);
  });
});
