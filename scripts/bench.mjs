// Runs every benchmark module under scripts/bench/ (each exports `run()` returning figures) and
// prints the figures with their targets. Usage: npm run bench [-- <name filter>]
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = path.resolve(import.meta.dirname, 'bench');
const filter = process.argv[2] ?? '';
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`No benchmark matches "${filter}" in ${dir}`);
  process.exit(1);
}

console.log(`Comptoir benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
const rows = [];
let failed = 0;
for (const file of files) {
  process.stdout.write(`running ${file} … `);
  try {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    const figures = await mod.run();
    console.log('done');
    for (const f of figures) rows.push({ bench: file.replace('.bench.ts', ''), ...f });
  } catch (error) {
    failed += 1;
    console.log('FAILED');
    console.error(error);
  }
}

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4));
const table = rows.map((r) => [r.bench, r.name, `${fmt(r.value)} ${r.unit}`, r.target ?? '', r.note ?? '']);
const header = ['benchmark', 'measure', 'value', 'target', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log('\n' + line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
process.exit(failed ? 1 : 0);
