// `npm start` / `npm run web` (scripts/start.mjs, scripts/web.mjs) as a user runs them: a fresh
// data directory gets the demo desk, the printed address serves the UI and the API, Ctrl+C stops
// everything cleanly. The UI comes from COMPTOIR_WEB_DIR, so no Vite build runs here.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../sync-server/admin/demo.ts';
import { ROOT } from './support/run-node.ts';

let sandbox: string;
beforeAll(() => {
  sandbox = mkdtempSync(path.join(tmpdir(), 'comptoir-start-'));
  mkdirSync(path.join(sandbox, 'web'));
  writeFileSync(path.join(sandbox, 'web', 'index.html'), '<!doctype html><title>Comptoir</title>');
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

interface Launched {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** Ctrl+C: SIGINT, then the exit code. */
  interrupt(): Promise<number | null>;
}

async function launch(script: string): Promise<Launched> {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      COMPTOIR_DATA_DIR: path.join(sandbox, 'data'),
      COMPTOIR_WEB_DIR: path.join(sandbox, 'web'),
      PORT: '0',
      // As on a machine where the Electron binary could not be downloaded.
      ELECTRON_OVERRIDE_DIST_PATH: path.join(sandbox, 'no-electron'),
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Open (http:\/\/\S+) in your browser/.exec(output);
      if (match?.[1] !== undefined) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`${script} exited (${code}) before serving:\n${output}`));
    });
  });
  return { child, url, output: () => output, interrupt: () => (child.kill('SIGINT'), exited) };
}

describe('npm start and npm run web', () => {
  it('start: loads the demo on first run, says the UI goes to the browser, serves UI and API, stops on Ctrl+C', async () => {
    const started = await launch('scripts/start.mjs');
    try {
      expect(started.output()).toContain('First run: the demo desk was loaded');
      expect(started.output()).toContain('The Electron binary is not installed on this machine; serving the same UI to your browser instead');
      expect(started.output()).toContain(DEMO_PASSWORD);
      const page = await fetch(started.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Comptoir</title>');
      expect(await (await fetch(`${started.url}health`)).json()).toEqual({ status: 'ok', database: 'pglite' });
      const agent = DEMO_ACCOUNTS.find((account) => account.role === 'agent');
      const login = await fetch(`${started.url}api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: agent?.email, password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
    } finally {
      expect(await started.interrupt()).toBe(0);
    }
    expect(started.output()).toContain('Stopped.');
  }, 120_000);

  it('web: goes straight to the browser variant and keeps the data of the first run', async () => {
    const started = await launch('scripts/web.mjs');
    try {
      expect(started.output()).not.toContain('First run');
      expect(started.output()).not.toContain('Electron');
      expect((await fetch(`${started.url}health`)).status).toBe(200);
    } finally {
      expect(await started.interrupt()).toBe(0);
    }
  }, 120_000);
});
