// The renderer benchmark (DESIGN §13: first screen, table filter/sort over 50k dossiers, first sync of
// 50k dossiers into Chromium/Dexie) runs in Chromium; its code lives with the end-to-end support it
// shares (test/e2e/bench/README.md).
export { run } from '../../test/e2e/bench/renderer-bench.ts';
