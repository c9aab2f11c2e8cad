// `npm start`: runs the product on its embedded defaults. Parts land issue by issue; this says
// plainly which ones exist rather than pretending.
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const parts = [
  ['sync server', 'sync-server/server.ts'],
  ['desktop / browser UI', 'renderer/main.tsx'],
];
const missing = parts.filter(([, file]) => !existsSync(path.join(root, file)));
if (missing.length > 0) {
  console.log(`Comptoir ${process.env.npm_package_version ?? ''} on Node ${process.version}`);
  console.log('Not built yet: ' + missing.map(([name]) => name).join(', ') + '.');
  console.log('What works today: the core domain (money, quotes, pipeline, payment requests, numbering, offers, schemas).');
  console.log('Try `npm test` for the test suite and `npm run bench` for the benchmarks.');
  process.exit(0);
}
