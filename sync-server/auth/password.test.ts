import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('ski de fond', CHEAP);
    const b = await hashPassword('ski de fond', CHEAP);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('ski de fond', a)).toBe(true);
    expect(await verifyPassword('ski de fonds', a)).toBe(false);
  });

  it('reads the cost parameters from the hash, so old hashes survive a new default', async () => {
    const old = await hashPassword('été 2026', { N: 2048, r: 4, p: 2 });
    expect(await verifyPassword('été 2026', old)).toBe(true);
  });

  it('treats the same text in another Unicode normal form as the same password', async () => {
    const composed = await hashPassword('\u00e9t\u00e9', CHEAP);
    expect(await verifyPassword('e\u0301te\u0301', composed)).toBe(true);
  });

  it('never matches a malformed hash', async () => {
    for (const stored of ['', 'bcrypt$x', 'scrypt$0$8$1$AA$AA', 'scrypt$1024$8$1$AA$short']) expect(await verifyPassword('x', stored)).toBe(false);
  });
});
