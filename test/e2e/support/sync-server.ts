// Starts a real sync server for the end-to-end specs: a fresh PGlite data directory, two agents of
// the same team, the demo desk's catalog, customers, offers and settings (core/demo), then
// `node sync-server/server.ts` in the foreground until Playwright stops it.
// Usage: node test/e2e/support/sync-server.ts <port>
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoDataset } from '../../../core/demo/demo-dataset.ts';
import { E2E_ADMIN, E2E_AGENTS, E2E_NOW } from './agents.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const port = process.argv[2] ?? '8787';
const dataDir = mkdtempSync(path.join(tmpdir(), 'comptoir-e2e-'));
const env = { ...process.env, COMPTOIR_DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };

function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['sync-server/admin/cli.ts', ...args], { cwd: root, env, encoding: 'utf8' });
}

const users = E2E_AGENTS.map((agent) => {
  const out = cli('user', 'add', '--email', agent.email, '--name', agent.name, '--password', agent.password, '--role', 'agent', '--team', agent.team);
  const id = /id (\S+)\)/.exec(out)?.[1];
  if (id === undefined) throw new Error(`unexpected "user add" output: ${out}`);
  return { id, name: agent.name, email: agent.email, role: 'agent', team: agent.team };
});

cli('user', 'add', '--email', E2E_ADMIN.email, '--name', E2E_ADMIN.name, '--password', E2E_ADMIN.password, '--role', 'admin', '--team', E2E_ADMIN.team);

const demo = demoDataset({ seed: 4, now: E2E_NOW });
const file = path.join(dataDir, 'demo-import.json');
const directory = users.map((user) => ({ id: `users-${user.id}`, type: 'users', data: user, updatedAt: E2E_NOW }));
writeFileSync(
  file,
  JSON.stringify({ clients: demo.clients, products: demo.products, offers: demo.offers, reference: [...demo.reference.filter((r) => r.type !== 'users'), ...directory] }),
);
process.stdout.write(cli('import', file));

const server = spawn(process.execPath, ['sync-server/server.ts'], { cwd: root, env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
