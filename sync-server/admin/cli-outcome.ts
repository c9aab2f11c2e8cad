import type { Db } from '../db/db.ts';

/** Exit codes: 0 done, 1 refused (bad input, conflict, storage busy), 2 usage. */
export type Outcome = { code: 0 | 1 | 2; out?: string; error?: string };

/** A recognised command, ready to run once the database is open. */
export type Action = (db: Db) => Promise<Outcome>;

/** A refusal printed as `CODE: message` on stderr, exit code 1. */
export function refused(error: { code: string; message: string }): Outcome {
  return { code: 1, error: `${error.code}: ${error.message}` };
}
