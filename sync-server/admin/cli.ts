import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open-db.ts';
import { backup, restore } from './backup.ts';
import { refused, type Action } from './cli-outcome.ts';
import { demoCredentialsText, loadDemo } from './demo.ts';
import { importDocuments } from './import-docs.ts';
import { RELEASE_USAGE, runReleaseCommand } from './release-command.ts';
import { OFFERS_USAGE, parseOffersCommand } from './offers-cli.ts';
import { addUser, setDisabled, userList } from './user-commands.ts';

/**
 * The admin CLI: `node sync-server/admin/cli.ts <command>` (npm run admin -- <command>). It works on
 * the storage the server uses (COMPTOIR_DATA_DIR or DATABASE_URL). With the embedded PGlite only one
 * process may open the data directory: stop the server first (the CLI says so if you forget).
 */
const USAGE = `Usage: node sync-server/admin/cli.ts <command>

  user add --email <email> --name <name> --password <password> --role <agent|manager|admin> --team <team>
  user list
  user disable <email>          (ends the user's sessions)
  user enable <email>
  import <file.json>            clients, products, offers, reference documents; all or nothing
  backup <file.jsonl>           documents, users, number-block marks, command executions and
                                payment links, one JSON object per line (owner-only file)
  restore <file.jsonl>          into an empty database
  demo [--seed <n>] [--now <ISO instant>]
                                load the demo desk and its demo accounts (idempotent)
${RELEASE_USAGE}
${OFFERS_USAGE}

Storage: COMPTOIR_DATA_DIR (embedded, default ./data) or DATABASE_URL (PostgreSQL).`;

/** Recognises the command line without touching storage: usage errors need no database. */
function parseCommand(argv: readonly string[]): Action | null {
  const offers = parseOffersCommand(argv);
  if (offers !== null) return offers;
  const [command, sub, ...args] = argv;
  if (command === 'user' && sub === 'add') {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' } },
    });
    return async (db) => {
      const result = await addUser(db, values);
      if (!result.ok) return refused(result.error);
      const u = result.value;
      return { code: 0, out: `Created ${u.role} ${u.email} (${u.name}, team ${u.team}, id ${u.id})` };
    };
  }
  if (command === 'user' && sub === 'list' && args.length === 0) {
    return async (db) => {
      const lines = (await userList(db)).map((u) => [u.email, u.name, u.role, u.team, u.disabled ? 'disabled' : 'active', u.id].join('\t'));
      return { code: 0, out: ['email\tname\trole\tteam\tstatus\tid', ...lines].join('\n') };
    };
  }
  if (command === 'user' && (sub === 'disable' || sub === 'enable') && args.length === 1) {
    return async (db) => {
      const result = await setDisabled(db, args[0], sub === 'disable');
      if (!result.ok) return refused(result.error);
      return { code: 0, out: `${sub === 'disable' ? 'Disabled' : 'Enabled'} ${result.value}` };
    };
  }
  if (command === 'import' && sub !== undefined && args.length === 0) {
    return async (db) => {
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(sub, 'utf8'));
      } catch (error) {
        return refused({ code: 'INVALID_IMPORT', message: `cannot read ${sub} as JSON: ${error instanceof Error ? error.message : String(error)}` });
      }
      const result = await importDocuments(db, input);
      if (!result.ok) return refused(result.error);
      return { code: 0, out: `Imported ${Object.entries(result.value).map(([c, n]) => `${n} ${c}`).join(', ') || 'nothing'}` };
    };
  }
  if (command === 'demo') {
    const { values } = parseArgs({ args: argv.slice(1), options: { seed: { type: 'string' }, now: { type: 'string' } } });
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
    if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) throw new Error('--now must be an ISO instant, e.g. 2026-01-15T09:00:00Z');
    const now = values.now === undefined ? undefined : new Date(values.now).toISOString();
    return async (db) => {
      const summary = await loadDemo(db, { ...(seed === undefined ? {} : { seed }), ...(now === undefined ? {} : { now }) });
      const added = Object.entries(summary.added).map(([c, n]) => `${n} ${c}`).join(', ') || 'no document';
      const accounts = summary.accountsCreated.length === 0 ? 'no new account' : `accounts ${summary.accountsCreated.join(', ')}`;
      return { code: 0, out: `Demo loaded: ${added} (${summary.kept} already there), ${accounts}.\n${demoCredentialsText()}` };
    };
  }
  if (command === 'backup' && sub !== undefined && args.length === 0) {
    return async (db) => {
      const counts = await backup(db, sub, new Date());
      return { code: 0, out: `Backed up ${counts.docs} documents and ${counts.users} users to ${sub}` };
    };
  }
  if (command === 'restore' && sub !== undefined && args.length === 0) {
    return async (db) => {
      const result = await restore(db, sub);
      if (!result.ok) return refused(result.error);
      return { code: 0, out: `Restored ${result.value.docs} documents and ${result.value.users} users; clients will resynchronise` };
    };
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'help' || argv[0] === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Files only: runs while the server holds the database.
  if (argv[0] === 'release') {
    const outcome = await runReleaseCommand(argv.slice(1), process.env);
    if (outcome.out !== undefined) process.stdout.write(`${outcome.out}\n`);
    if (outcome.error !== undefined) process.stderr.write(`${outcome.error}\n`);
    return outcome.code;
  }
  let action: Action | null;
  try {
    action = parseCommand(argv);
  } catch (error) {
    // parseArgs rejects unknown options with a readable message.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (action === null) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = readConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`${config.error.message}\n`);
    return 2;
  }
  const opened = await openDatabase(config.value, 'admin CLI');
  if (!opened.ok) {
    process.stderr.write(`${opened.error.code}: ${opened.error.message}\n`);
    return 1;
  }
  try {
    const outcome = await action(opened.value);
    if (outcome.out !== undefined) process.stdout.write(`${outcome.out}\n`);
    if (outcome.error !== undefined) process.stderr.write(`${outcome.error}\n`);
    return outcome.code;
  } finally {
    await opened.value.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
