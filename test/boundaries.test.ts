import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they lived in each part, with the project's real eslint.config.js, so a
// relaxed or misplaced boundary rule makes these tests fail.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (DESIGN §1)', () => {
  it('refuses react, electron and Node built-ins in core', async () => {
    expect(await boundaryErrors('core/quote/x.ts', "import { useState } from 'react';\nexport const a = useState;\n")).not.toEqual([]);
    expect(await boundaryErrors('core/quote/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
    expect(await boundaryErrors('core/quote/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).not.toEqual([]);
    expect(await boundaryErrors('core/quote/x.ts', "import type { Server } from 'http';\nexport type A = Server;\n")).not.toEqual([]);
    expect(await boundaryErrors('core/quote/x.ts', "import { x } from '../../renderer/app.ts';\nexport const a = x;\n")).not.toEqual([]);
  });

  it('lets core import core and pure libraries', async () => {
    expect(await boundaryErrors('core/quote/x.ts', "import { ok } from '../shared/result.ts';\nimport { Subject } from 'rxjs';\nexport const a = [ok, Subject];\n")).toEqual([]);
  });

  it('lets the renderer import electron types only', async () => {
    expect(await boundaryErrors('renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).not.toEqual([]);
    expect(await boundaryErrors('renderer/x.ts', "import type { IpcRenderer } from 'electron';\nexport type A = IpcRenderer;\n")).toEqual([]);
    expect(await boundaryErrors('renderer/x.ts', "import { bridge } from '../electron/bridge.ts';\nexport const a = bridge;\n")).not.toEqual([]);
    expect(await boundaryErrors('renderer/x.ts', "import type { Bridge } from '../electron/bridge.ts';\nexport type A = Bridge;\n")).toEqual([]);
  });

  it('keeps the main process and the server away from the renderer', async () => {
    expect(await boundaryErrors('electron/main.ts', "import { App } from '../renderer/App.tsx';\nexport const a = App;\n")).not.toEqual([]);
    expect(await boundaryErrors('sync-server/app.ts', "import { App } from '../renderer/App.tsx';\nexport const a = App;\n")).not.toEqual([]);
    expect(await boundaryErrors('sync-server/app.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
  });
});
