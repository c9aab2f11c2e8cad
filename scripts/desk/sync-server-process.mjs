// The sync server as a child process of `npm start` / `npm run web`, on its embedded defaults
// (PGlite in ./data, demo desk loaded on first run), with its JSON log turned into a few lines.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** True when nothing listens on host:port yet. */
function portFree(host, port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** PORT when set; else 8787, or the next free port when another program holds it. */
async function choosePort(host, env) {
  if (env.PORT !== undefined && env.PORT !== '') return Number(env.PORT);
  for (let port = 8787; port < 8797; port++) if (await portFree(host, port)) return port;
  return 0;
}

/**
 * Starts `node sync-server/server.ts` and resolves once it listens: `{ url, child, stop }`.
 * It runs in its own process group, so a Ctrl+C reaches it once, through `stop`, and its
 * graceful shutdown (end live streams, finish requests, close the database) is not cut short by
 * a second signal. Rejects with the server's own message when it cannot start.
 */
export async function startSyncServer(root, log) {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = await choosePort(host, process.env);
  const env = {
    ...process.env,
    HOST: host,
    PORT: String(port),
    COMPTOIR_DATA_DIR: process.env.COMPTOIR_DATA_DIR ?? path.join(root, 'data'),
    COMPTOIR_DEMO_ON_EMPTY: process.env.COMPTOIR_DEMO_ON_EMPTY ?? '1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const child = spawn(process.execPath, [path.join(root, 'sync-server', 'server.ts')], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const verbose = process.env.COMPTOIR_VERBOSE === '1';

  const ready = new Promise((resolve, reject) => {
    let lastError = '';
    const onLine = (line) => {
      if (verbose) process.stdout.write(`${line}\n`);
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        if (line.trim() !== '') log(`server: ${line}`);
        return;
      }
      if (typeof entry.msg !== 'string') return;
      // Fastify logs one such line per address it listens on; the server listens on one (HOST).
      if (entry.msg.startsWith('Server listening at ') && !entry.msg.includes('[::1]')) {
        resolve(entry.msg.slice('Server listening at '.length).trim());
      } else if (entry.msg === 'demo data loaded (first run)') {
        log('First run: the demo desk was loaded into the database.');
      } else if (entry.level >= 50) {
        lastError = entry.msg;
        if (!verbose) log(`server error: ${entry.msg}${entry.err ? `\n${typeof entry.err === 'string' ? entry.err : JSON.stringify(entry.err)}` : ''}`);
      } else if (entry.level >= 40 && !verbose) {
        log(`server warning: ${entry.msg}`);
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.once('exit', (code) => reject(new Error(lastError || `the sync server stopped during start-up (exit code ${code})`)));
  });

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  let stopping = false;
  /** Asks for a graceful shutdown (at most once) and resolves with the server's exit code. */
  const stop = () => {
    if (!stopping && child.exitCode === null) {
      stopping = true;
      child.kill('SIGTERM');
    }
    return exited;
  };
  return { url: await ready, child, stop, exited };
}
