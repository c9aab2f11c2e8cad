/**
 * The storage contract shared by the embedded PGlite and a PostgreSQL server (DESIGN §10). Both run
 * the same SQL; nothing above this file knows which one it talks to.
 */

/** Where SQL runs: the database (auto-commit) or one open transaction. */
export interface Sql {
  /** Runs one parameterised statement (`$1`, `$2` …) and returns its rows. */
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations, resets). */
  exec(text: string): Promise<void>;
}

/** Called for each NOTIFY payload, and after a lost LISTEN connection came back (notices may be missing). */
export interface ListenHandlers {
  readonly onNotify: (payload: string) => void;
  readonly onReconnect: () => void;
}

/** An open database. The caller that opened it closes it. */
export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** The PostgreSQL schema holding the tables; it also names the notification channel. */
  readonly schema: string;
  /**
   * Runs `fn` in one transaction (READ COMMITTED): committed when `fn` resolves, rolled back when it
   * throws. On PGlite transactions run one at a time; on PostgreSQL they run concurrently.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** LISTENs on `channel`; resolves once listening, to a function that stops. */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** SQLSTATEs after which a whole transaction may be retried as is. */
const RETRYABLE = new Set(['40001', '40P01']);

/** True for a serialization failure or a deadlock victim: the transaction can be run again. */
export function isRetryableSqlError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && RETRYABLE.has(String(error.code));
}

/** Runs a transaction, retrying a few times when PostgreSQL chose it as a deadlock victim. */
export async function transactionWithRetry<T>(db: Db, fn: (tx: Sql) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      if (attempt >= attempts || !isRetryableSqlError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt * Math.random()));
    }
  }
}
