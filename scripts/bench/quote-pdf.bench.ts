// The PDF of a 200-line quote (DESIGN §13 target: < 500 ms): model, layout over several pages,
// page numbers and the compressed bytes, exactly what the renderer and the server produce.
// Run alone with `node scripts/bench/quote-pdf.bench.ts`, or through `npm run bench`.
import { pathToFileURL } from 'node:url';
import { aLongQuote, aPdfInput } from '../../core/documents/quote-pdf-fixtures.ts';
import { renderQuotePdf } from '../../core/documents/quote-pdf.ts';
import type { Figure } from './figure.ts';

const LINES = 200;
const WARM_UP = 5;
const RUNS = 25;


function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs the benchmark and returns its figures (see scripts/bench.mjs). */
export async function run(): Promise<Figure[]> {
  const input = aPdfInput(aLongQuote(LINES));
  let bytes = 0;
  for (let i = 0; i < WARM_UP; i += 1) bytes = renderQuotePdf(input).length;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    bytes = renderQuotePdf(input).length;
    samples.push(performance.now() - start);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return [
    { name: `renderQuotePdf, ${LINES} lines, median`, value: median(samples), unit: 'ms', target: '< 500 ms' },
    { name: `renderQuotePdf, ${LINES} lines, max of ${RUNS}`, value: sorted.at(-1) ?? 0, unit: 'ms' },
    { name: `renderQuotePdf, ${LINES} lines, file size`, value: bytes / 1024, unit: 'KiB' },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const figure of await run()) console.log(`${figure.name}: ${figure.value.toFixed(2)} ${figure.unit} ${figure.target ?? ''}`);
}
