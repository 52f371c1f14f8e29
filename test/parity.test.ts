import { scan } from '@secret-hygiene/scanner';
import { ESLint } from 'eslint';
import plugin from 'eslint-plugin-secret-hygiene';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// One implementation of each check, two hosts: on the same files, the ESLint plugin (with type
// information) and the scanner must report the very same findings, to the column and the message.
const repo = fileURLToPath(new URL('../', import.meta.url));
const CODE = /\.[cm]?[jt]sx?$/;

interface Comparable {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  message: string;
}

const key = (f: Comparable) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`;

async function viaEslint(root: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      plugin.configs['recommended-type-checked'] as never,
      { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } } },
    ],
  });
  const results = await eslint.lintFiles(['src/**/*.ts']);
  return results
    .flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId?.startsWith('secret-hygiene/'))
        .map((m) => ({
          file: r.filePath.slice(root.length + 1).split('\\').join('/'),
          line: m.line,
          column: m.column,
          endLine: m.endLine ?? m.line,
          endColumn: m.endColumn ?? m.column,
          ruleId: m.ruleId!.slice('secret-hygiene/'.length),
          message: m.message,
        })),
    )
    .map(key)
    .sort();
}

async function viaScanner(root: string): Promise<string[]> {
  const result = await scan({ root, paths: [`${root}/src`] });
  const ruleIds = new Set(Object.keys(plugin.rules));
  return result.findings
    .filter((f) => CODE.test(f.file) && ruleIds.has(f.ruleId))
    .map(key)
    .sort();
}

describe.each(['leaky-app', 'clean-app'])('plugin and scanner agree on fixtures/%s', (app) => {
  it('report identical findings', async () => {
    const root = `${repo}fixtures/${app}`;
    const [fromEslint, fromScanner] = await Promise.all([viaEslint(root), viaScanner(root)]);
    expect(fromScanner).toEqual(fromEslint);
    if (app === 'leaky-app') expect(fromEslint.length).toBeGreaterThan(5);
  });
});
