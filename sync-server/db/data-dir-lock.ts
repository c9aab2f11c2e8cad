import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../../core/shared/result.ts';

/**
 * PGlite 0.5 does not lock its data directory: two processes opening it would both write the same
 * files and corrupt them. This lock file makes the second opener (a server, or the admin CLI while a
 * server runs) fail with an explanation instead.
 */
export const LOCK_FILE = 'comptoir.lock';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly purpose: string;
  readonly since: string;
}

/** Releases the lock; safe to call twice. */
export type ReleaseLock = () => void;

/**
 * Takes the data-directory lock for `purpose` ("server", "admin CLI"). Fails with `DATA_DIR_LOCKED`
 * naming the process that holds it. A lock left by a dead process on this host is taken over.
 */
export function acquireDataDirLock(dataDir: string, purpose: string): Result<ReleaseLock, 'DATA_DIR_LOCKED'> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const owner: LockOwner = { pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      return ok(() => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      });
    } catch (error) {
      if (!isExists(error)) throw error;
      const owner = readOwner(file);
      if (owner !== null && isAlive(owner)) {
        return err(
          'DATA_DIR_LOCKED',
          `The data directory ${dataDir} is in use by the ${owner.purpose} (pid ${owner.pid} on ${owner.host}, since ${owner.since}). ` +
            'The embedded database (PGlite) allows one process at a time: stop that process first, ' +
            'or point both at PostgreSQL with DATABASE_URL.',
        );
      }
      // The owner died without cleaning up (crash, kill -9): the lock is stale.
      rmSync(file, { force: true });
    }
  }
  return err('DATA_DIR_LOCKED', `Could not take the lock file ${file}.`);
}

function isExists(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST';
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const o = parsed as Record<string, unknown>;
    if (typeof o.pid !== 'number' || typeof o.host !== 'string') return null;
    return { pid: o.pid, host: o.host, purpose: String(o.purpose ?? 'another process'), since: String(o.since ?? '?') };
  } catch {
    // Half-written by an opener that crashed between create and write: treat as stale.
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another host (shared network folder) cannot be checked: assume it is held.
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
}
