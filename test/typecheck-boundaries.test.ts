import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Compiles fixtures with the compiler options of core/tsconfig.json itself, so widening core's
// `lib` or `types` (letting DOM or Node in) makes this test fail.
function diagnosticsUnderCoreOptions(fixture: string): string[] {
  const configPath = path.resolve('core/tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error('core/tsconfig.json could not be parsed');
  const { rootDir: _rootDir, outDir: _outDir, ...rest } = parsed.options;
  const options = { ...rest, noEmit: true, composite: false, emitDeclarationOnly: false, declaration: false };
  const program = ts.createProgram([path.resolve('test/fixtures/boundaries', fixture)], options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('core compiler options (DESIGN §1)', () => {
  it('has no DOM globals', () => {
    expect(diagnosticsUnderCoreOptions('core-uses-dom.ts').join('\n')).toMatch(/Cannot find name 'window'/);
  });

  it('has no Node built-ins', () => {
    expect(diagnosticsUnderCoreOptions('core-uses-node.ts').join('\n')).toMatch(/Cannot find (module|name) 'node:fs'/);
  });
});
