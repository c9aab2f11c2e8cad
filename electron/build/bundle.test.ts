// The bundles electron-builder packs: what each may require decides whether the app starts at all.
import { builtinModules } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron } from './bundle.ts';
import { distPreflight } from './dist.ts';

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'comptoir-bundle-'));
  await bundleElectron(outDir);
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

async function requires(file: string): Promise<Set<string>> {
  const code = await readFile(path.join(outDir, file), 'utf8');
  return new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] ?? ''));
}

describe('electron bundles', () => {
  it('gives the sandboxed preload nothing to require but electron', async () => {
    expect([...(await requires('preload.cjs'))]).toEqual(['electron']);
  });

  it('bundles every dependency of the main process (the app ships no node_modules)', async () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const external = [...(await requires('main.cjs'))].filter((name) => name !== 'electron' && !builtins.has(name));
    expect(external).toEqual([]);
  });

  it('exposes the bridge from the preload', async () => {
    expect(await readFile(path.join(outDir, 'preload.cjs'), 'utf8')).toContain('exposeInMainWorld("comptoir"');
  });
});

describe('dist preflight', () => {
  it('says what is missing before electron-builder runs', () => {
    const problems = distPreflight({}, () => false);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('COMPTOIR_SERVER_URL');
    expect(problems[1]).toContain('dist/renderer/index.html');
    expect(distPreflight({ COMPTOIR_SERVER_URL: 'https://comptoir.example.com' }, () => true)).toEqual([]);
  });
});
