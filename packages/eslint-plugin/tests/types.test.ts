import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Compiles tests/types/eslint-config.ts against the built plugin (dist/index.d.ts, as users get it):
// the plugin and its configs must fit ESLint's defineConfig, Linter.Config and ESLint.Plugin and
// typescript-eslint's config(), with skipLibCheck off.
describe('types', () => {
  it('the plugin and its configs fit ESLint and typescript-eslint config types', () => {
    const configPath = fileURLToPath(new URL('./types/tsconfig.json', import.meta.url));
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    expect(parsed?.errors ?? []).toEqual([]);
    const program = ts.createProgram({ rootNames: parsed!.fileNames, options: parsed!.options });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  });
});
