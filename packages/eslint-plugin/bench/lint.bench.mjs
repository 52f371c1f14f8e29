// Typed lint with typescript-eslint's recommended-type-checked alone, then with our
// recommended-type-checked added: the ESLint command line, each configuration in its own process,
// interleaved (scripts/bench/measure.mjs). On a generated 50,000-line project and on a real one (this
// repository's own packages), whole project and one file (lint-staged, an editor's first lint), and
// the plugin's own load next to typescript-eslint's. Goals: whole project at most 1.05x, one file 1.10x.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from '../../../scripts/bench/generate-project.mjs';
import { compareSides, expectStatus, ratioRow } from '../../../scripts/bench/measure.mjs';
import { copyRepositoryPackages } from '../../../scripts/bench/real-project.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const eslintBin = join(repo, 'node_modules/eslint/bin/eslint.js');

const BASE_CONFIG = `import tseslint from 'typescript-eslint';
export const base = [
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
];
export default base;
`;
const OURS_CONFIG = `import secretHygiene from 'eslint-plugin-secret-hygiene';
import { base } from './eslint.base.config.mjs';
export default [...base, secretHygiene.configs['recommended-type-checked']];
`;

/** Writes both ESLint configs into the project; it resolves packages through its node_modules link. */
function writeConfigs(dir) {
  writeFileSync(join(dir, 'eslint.base.config.mjs'), BASE_CONFIG);
  writeFileSync(join(dir, 'eslint.ours.config.mjs'), OURS_CONFIG);
}

/** Lints `patterns` with each configuration; rows for wall and CPU time. */
function compareLint(label, dir, patterns, goal) {
  const side = (name, config) => ({
    name,
    args: [eslintBin, '--config', config, ...patterns],
    cwd: dir,
    nodeArgs: ['--max-old-space-size=8192'],
    check: expectStatus(0, 1), // 1: typescript-eslint's own rules report something; 2 would be a crash
  });
  const sides = compareSides([side('base', 'eslint.base.config.mjs'), side('ours', 'eslint.ours.config.mjs')], {
    label: `lint ${label}`,
  });
  const baselineName = 'typescript-eslint recommended-type-checked alone';
  return ['wall', 'cpu'].map((clock) =>
    ratioRow({
      name: `eslint ${label}, + secret-hygiene recommended-type-checked: ${clock === 'cpu' ? 'CPU' : 'wall'}`,
      unit: 's',
      ours: sides.ours[clock],
      baseline: sides.base[clock],
      baselineName,
      goal: { max: goal },
    }),
  );
}

/** CPU of importing the plugin in a fresh process, next to importing typescript-eslint (what users already load). */
function pluginLoad() {
  const importing = (name, specifier) => ({
    name,
    args: ['--input-type=module', '-e', `await import(${JSON.stringify(specifier)});`],
    cwd: repo,
    check: expectStatus(0),
  });
  const sides = compareSides(
    [importing('plugin', 'eslint-plugin-secret-hygiene'), importing('tseslint', 'typescript-eslint')],
    { label: 'plugin load', rounds: 10 },
  );
  return [
    ratioRow({
      name: 'load eslint-plugin-secret-hygiene: CPU',
      unit: 's',
      ours: sides.plugin.cpu,
      baseline: sides.tseslint.cpu,
      baselineName: 'load typescript-eslint',
      goal: 'report only',
    }),
  ];
}

function onProject(prefix, make, lint) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const made = make(dir);
    writeConfigs(dir);
    return lint(dir, made);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  const rows = [...pluginLoad()];
  rows.push(
    ...onProject(
      'sh-lint-bench-',
      (dir) => {
        const made = generateProject(dir, { lines: 50_000 });
        symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
        return made;
      },
      (dir, { lines, files }) => [
        ...compareLint(`${lines.toLocaleString('en-US')} generated lines in ${files} files`, dir, ['src'], 1.05),
        ...compareLint('one generated file', dir, ['src/m1.ts'], 1.1),
      ],
    ),
  );
  rows.push(
    ...onProject('sh-lint-real-', copyRepositoryPackages, (dir, { lines, files }) => [
      ...compareLint(
        `this repository's packages (${lines.toLocaleString('en-US')} lines in ${files} files)`,
        dir,
        ['packages'],
        1.05,
      ),
      ...compareLint('one file of this repository (scanner/src/run.ts)', dir, ['packages/scanner/src/run.ts'], 1.1),
    ]),
  );
  return rows;
}
