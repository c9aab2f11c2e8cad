// The renderer benchmark (DESIGN §13: first screen, table filter/sort over 50k dossiers) runs in
// Chromium; its code lives with the end-to-end support it shares.
export { run } from '../../test/e2e/bench/renderer-bench.ts';
