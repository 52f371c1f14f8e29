import { scan } from '@secret-hygiene/scanner';
import { ESLint } from 'eslint';
import plugin from 'eslint-plugin-secret-hygiene';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
          file: r.filePath
            .slice(root.length + 1)
            .split('\\')
            .join('/'),
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

// One suppression syntax for both hosts: our comment silences the plugin too, and ESLint's directives
// for secret-hygiene rules silence the scanner too; a comment without a reason, another plugin's
// directive or a directive inside a string silences neither.
const SUPPRESSIONS = `declare const logger: { info(...args: unknown[]): void };
const password = process.env.DB_PASSWORD;
// secret-hygiene-ignore-next-line no-secret-logging -- only reaches a local debug sink
logger.info('1', password);
// eslint-disable-next-line secret-hygiene/no-secret-logging -- reviewed
logger.info('2', password);
logger.info('3', password); // eslint-disable-line secret-hygiene/no-secret-logging
/* eslint-disable secret-hygiene/no-secret-logging */
logger.info('4', password);
/* eslint-enable secret-hygiene/no-secret-logging */
logger.info('5', password);
// secret-hygiene-ignore-next-line no-secret-logging
logger.info('6', password);
// eslint-disable-next-line other-plugin/some-rule
logger.info('7', password);
const text = '// eslint-disable-line secret-hygiene/no-secret-logging'; logger.info('8', password, text);
/* eslint-disable */
logger.info('9', password);
`;

describe('plugin and scanner agree on suppressions', () => {
  it('silence the same findings, whichever syntax is used', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sh-parity-'));
    try {
      mkdirSync(join(root, 'src'));
      writeFileSync(join(root, 'tsconfig.json'), '{"compilerOptions":{"strict":true,"types":[]},"include":["src"]}');
      writeFileSync(join(root, 'src/suppressed.ts'), SUPPRESSIONS);
      const [fromEslint, fromScanner] = await Promise.all([viaEslint(root), viaScanner(root)]);
      expect(fromScanner).toEqual(fromEslint);
      const lines = fromEslint.map((k) => Number(/:(\d+):/.exec(k)![1]));
      expect(lines).toEqual([11, 13, 15, 16]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
