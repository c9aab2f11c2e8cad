import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import type { Db } from '../db/db.ts';
import { openDatabase } from '../db/open-db.ts';
import { backup, restore } from './backup.ts';
import { importDocuments } from './import-docs.ts';
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
  backup <file.jsonl>           every document and user, one JSON object per line
  restore <file.jsonl>          into an empty database

Storage: COMPTOIR_DATA_DIR (embedded, default ./data) or DATABASE_URL (PostgreSQL).`;

/** Exit codes: 0 done, 1 refused (bad input, conflict), 2 usage. */
type Outcome = { code: 0 | 1 | 2; out?: string; error?: string };

async function run(db: Db, command: string, rest: string[]): Promise<Outcome> {
  const [sub, ...args] = rest;
  if (command === 'user' && sub === 'add') {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' } },
    });
    const result = await addUser(db, values);
    if (!result.ok) return { code: 1, error: `${result.error.code}: ${result.error.message}` };
    const u = result.value;
    return { code: 0, out: `Created ${u.role} ${u.email} (${u.name}, team ${u.team}, id ${u.id})` };
  }
  if (command === 'user' && sub === 'list') {
    const users = await userList(db);
    const lines = users.map((u) => [u.email, u.name, u.role, u.team, u.disabled ? 'disabled' : 'active', u.id].join('\t'));
    return { code: 0, out: ['email\tname\trole\tteam\tstatus\tid', ...lines].join('\n') };
  }
  if (command === 'user' && (sub === 'disable' || sub === 'enable')) {
    const result = await setDisabled(db, args[0], sub === 'disable');
    if (!result.ok) return { code: 1, error: `${result.error.code}: ${result.error.message}` };
    return { code: 0, out: `${sub === 'disable' ? 'Disabled' : 'Enabled'} ${result.value}` };
  }
  if (command === 'import' && sub !== undefined) {
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(sub, 'utf8'));
    } catch (error) {
      return { code: 1, error: `INVALID_IMPORT: cannot read ${sub} as JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    const result = await importDocuments(db, input);
    if (!result.ok) return { code: 1, error: `${result.error.code}: ${result.error.message}` };
    return { code: 0, out: `Imported ${Object.entries(result.value).map(([c, n]) => `${n} ${c}`).join(', ') || 'nothing'}` };
  }
  if (command === 'backup' && sub !== undefined) {
    const counts = await backup(db, sub, new Date());
    return { code: 0, out: `Backed up ${counts.docs} documents and ${counts.users} users to ${sub}` };
  }
  if (command === 'restore' && sub !== undefined) {
    const result = await restore(db, sub);
    if (!result.ok) return { code: 1, error: `${result.error.code}: ${result.error.message}` };
    return { code: 0, out: `Restored ${result.value.docs} documents and ${result.value.users} users; clients will resynchronise` };
  }
  return { code: 2, error: USAGE };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
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
    const outcome = await run(opened.value, command, rest);
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
