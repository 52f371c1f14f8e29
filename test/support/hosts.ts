// The two hosts run on the same files, each finding reduced to one comparable line:
// `file:line:column-endLine:endColumn rule message`, sorted. Parity tests compare the two lists.
import { scan } from '@secret-hygiene/scanner';
import { ESLint } from 'eslint';
import plugin from 'eslint-plugin-secret-hygiene';

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

export async function viaEslint(root: string): Promise<string[]> {
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

export async function viaScanner(root: string): Promise<string[]> {
  const result = await scan({ root, paths: [`${root}/src`] });
  const ruleIds = new Set(Object.keys(plugin.rules));
  return result.findings
    .filter((f) => CODE.test(f.file) && ruleIds.has(f.ruleId))
    .map(key)
    .sort();
}
