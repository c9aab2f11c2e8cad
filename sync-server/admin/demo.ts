import { demoDataset } from '../../core/demo/demo-dataset.ts';
import { DEMO_USERS } from '../../core/demo/demo-directory.ts';
import type { JsonObject } from '../../core/model/json.ts';
import type { IsoInstant } from '../../core/shared/clock.ts';
import type { ScryptParams } from '../auth/password.ts';
import { SYSTEM, type Role } from '../auth/principal.ts';
import { createUser, findUserByEmail, findUserById } from '../auth/users.ts';
import { transactionWithRetry, type Db } from '../db/db.ts';
import { raiseCountersAbove } from '../numbers/number-blocks.ts';
import { changesChannel } from '../sync/change-feed.ts';
import { COLLECTION_NAMES, type CollectionName } from '../sync/collections.ts';
import { lockCollection, readDocs } from '../sync/doc-store.ts';
import { applyPush, parsePushRows } from '../sync/push.ts';

/**
 * The demo password of every demo account. DEMO CREDENTIALS: printed by `admin demo` and
 * `npm start`, documented in the README; never use them on a server holding real data.
 */
export const DEMO_PASSWORD = 'comptoir-demo';
/** The dataset's seed: the same demo desk on every machine. */
export const DEMO_SEED = 1;

/** A demo sign-in. */
export interface DemoAccount {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly team: string;
}

/**
 * The demo's accounts: the dataset's user directory (its dossiers are assigned to these ids, so an
 * agent signs in to their own dossiers), plus an administrator, whom the directory does not list
 * because nobody assigns dossiers to them.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  ...DEMO_USERS.map(({ id, email, name, role, team }) => ({ id: String(id), email, name, role, team })),
  { id: 'user-admin', email: 'admin@comptoir-des-neiges.fr', name: 'Administrateur démo', role: 'admin', team: 'direction' },
];

export interface DemoOptions {
  readonly seed?: number;
  /** The demo's present (dates are placed around it); default: now. */
  readonly now?: IsoInstant;
  readonly scrypt?: ScryptParams;
}

/** What `loadDemo` did: documents added per collection (those already there are left alone), accounts created. */
export interface DemoSummary {
  readonly added: Partial<Record<CollectionName, number>>;
  readonly kept: number;
  readonly accountsCreated: readonly string[];
}

/**
 * `admin demo`: loads core/demo's ski-resort desk (catalog, customers, offers, settings, 32 dossiers
 * in every pipeline stage with their quotes, messages, events, payments, documents, commands)
 * through the push path as the server itself — so sequences, rule columns and change notices are
 * those of any write — and creates the demo accounts with DEMO_PASSWORD.
 *
 * Idempotent and insert-only: documents whose id exists and accounts whose email (or id) exists
 * are left as they are, so running it again, even another day, changes nothing and never undoes
 * what was done with the demo since. Number counters are raised above the demo's dossier and quote
 * numbers, so reserved blocks (numbers/) never hand them out again.
 */
export async function loadDemo(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  const dataset = demoDataset({ seed: options.seed ?? DEMO_SEED, now: options.now ?? new Date().toISOString() });
  const channel = changesChannel(db);
  const { added, kept } = await transactionWithRetry(db, async (tx) => {
    const added: Partial<Record<CollectionName, number>> = {};
    let kept = 0;
    // Counters before any collection lock: the order number reservations take them in.
    await raiseCountersAbove(tx, [...dataset.dossiers.map((d) => d.number), ...dataset.quotes.map((q) => q.number)]);
    for (const collection of COLLECTION_NAMES) {
      const docs = dataset[collection] as unknown as JsonObject[];
      if (docs.length === 0) continue;
      await lockCollection(tx, collection);
      const existing = await readDocs(tx, collection, docs.map((doc) => String(doc.id)));
      const fresh = docs.filter((doc) => !existing.has(String(doc.id)));
      kept += docs.length - fresh.length;
      if (fresh.length === 0) continue;
      const parsed = parsePushRows(collection, fresh.map((doc) => ({ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } })));
      // The dataset is built with the same schemas: an invalid document is a bug in core/demo.
      if (!parsed.ok) throw new Error(`demo ${collection}: ${parsed.error.message}`);
      const outcome = await applyPush(tx, channel, SYSTEM, collection, parsed.value);
      if (outcome.conflicts.length > 0) throw new Error(`demo ${collection}: ${outcome.conflicts.length} documents changed during the load`);
      added[collection] = outcome.written;
    }
    return { added, kept };
  });
  const accountsCreated: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if ((await findUserByEmail(db, account.email)) !== null || (await findUserById(db, account.id)) !== null) continue;
    const created = await createUser(db, { ...account, password: DEMO_PASSWORD }, options.scrypt);
    // Lost a race with another loader: the account exists, which is all that is wanted.
    if (created.ok) accountsCreated.push(account.email);
  }
  return { added, kept, accountsCreated };
}

/** True for a database without users or documents: `npm start` loads the demo into it. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const rows = await db.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM users) AND NOT EXISTS (SELECT 1 FROM docs) AS empty');
  return rows[0]?.empty === true;
}

/** The demo sign-ins as lines of text (admin demo, npm start). */
export function demoCredentialsText(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(7)}  ${a.name} (team ${a.team})`);
  return [`Demo accounts (DEMO CREDENTIALS, password for all: ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
