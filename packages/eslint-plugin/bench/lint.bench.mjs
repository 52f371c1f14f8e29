// Lints a generated 50,000-line TypeScript project with typescript-eslint's recommended-type-checked,
// then with ours added, in one run, and prints the ratio. Goal: our rules add at most 10%.
import { ESLint } from 'eslint';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { generateProject } from '../../../scripts/bench/generate-project.mjs';
import secretHygiene from '../dist/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

async function lintOnce(cwd, withOurs) {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      ...tseslint.configs.recommendedTypeChecked,
      { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: cwd } } },
      ...(withOurs ? [secretHygiene.configs['recommended-type-checked']] : []),
    ],
  });
  const started = performance.now();
  const results = await eslint.lintFiles(['src/**/*.ts']);
  const ms = performance.now() - started;
  return { ms, messages: results.reduce((n, r) => n + r.messages.length, 0) };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'sh-lint-bench-'));
  try {
    const { lines, files } = generateProject(dir, { lines: 50_000 });
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
    // Alternate the two configurations and keep each one's best, so warm-up favours neither.
    const base = [];
    const ours = [];
    for (let i = 0; i < 2; i++) {
      base.push((await lintOnce(dir, false)).ms);
      ours.push((await lintOnce(dir, true)).ms);
    }
    const baseMs = Math.min(...base);
    const oursMs = Math.min(...ours);
    return [
      {
        name: `eslint, ${lines.toLocaleString('en-US')} lines in ${files} files, + secret-hygiene recommended-type-checked`,
        value: oursMs,
        unit: 'ms',
        baseline: { name: 'typescript-eslint recommended-type-checked alone', value: baseMs },
        ratio: oursMs / baseMs,
        goal: '<= 1.10x',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
