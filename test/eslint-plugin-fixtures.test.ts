import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { asKeys, atDefaultConfidence, readExpectations } from './support/expectations.js';

// Runs ESLint the way a new user would: a fresh project with an eslint.config.js that uses the
// published plugin's configs, linting a copy of each fixture app. The project sits inside the repo
// so that `eslint-plugin-secret-hygiene` resolves to the workspace package (built by `npm test`).
const repo = fileURLToPath(new URL('../', import.meta.url));
const eslintBin = join(repo, 'node_modules/eslint/bin/eslint.js');
const scratch = join(repo, '.secret-hygiene-tmp');
mkdirSync(scratch, { recursive: true });
const projects: string[] = [];
afterAll(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const CODE = /\.[cm]?[jt]sx?$/;

interface EslintMessage {
  ruleId: string | null;
  line: number;
  fatal?: boolean;
  message: string;
}

function lintFixture(app: 'leaky-app' | 'clean-app', config: 'recommended' | 'recommended-type-checked') {
  const dir = mkdtempSync(join(scratch, `${app}-`));
  projects.push(dir);
  cpSync(join(repo, 'fixtures', app), dir, { recursive: true });
  writeFileSync(
    join(dir, 'eslint.config.js'),
    [
      "import secretHygiene from 'eslint-plugin-secret-hygiene';",
      '',
      // Type information is the user's to turn on, as typescript-eslint's docs show.
      config === 'recommended'
        ? `export default [{ ignores: ['eslint.config.js'] }, secretHygiene.configs['${config}']];`
        : `export default [{ ignores: ['eslint.config.js'] }, secretHygiene.configs['${config}'], { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } }];`,
      '',
    ].join('\n'),
  );
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [eslintBin, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    // ESLint exits 1 when it reports problems; anything else is a crash.
    if (failed.status !== 1 || !failed.stdout) throw new Error(`eslint failed (${failed.status}): ${failed.stderr}`);
    stdout = failed.stdout;
  }
  const results = JSON.parse(stdout) as { filePath: string; messages: EslintMessage[] }[];
  const fatal = results.flatMap((r) =>
    r.messages.filter((m) => m.fatal || m.ruleId === null).map((m) => `${r.filePath}: ${m.message}`),
  );
  const findings = results.flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId?.startsWith('secret-hygiene/'))
      .map((m) => ({
        file: r.filePath
          .slice(dir.length + 1)
          .split('\\')
          .join('/'),
        line: m.line,
        ruleId: m.ruleId!.slice('secret-hygiene/'.length),
      })),
  );
  return { dir, fatal, findings };
}

describe.each(['recommended', 'recommended-type-checked'] as const)(
  'eslint-plugin %s on the fixture apps',
  (config) => {
    it('reports every planted problem in leaky-app, and nothing else', () => {
      const { dir, fatal, findings } = lintFixture('leaky-app', config);
      expect(fatal).toEqual([]);
      const planted = readExpectations(dir, (file) => CODE.test(file)).filter(
        (e) => config !== 'recommended' || !e.typed,
      );
      const { findings: reported, expected } = atDefaultConfidence(findings, planted);
      expect(expected.length).toBeGreaterThan(0);
      expect(asKeys(reported)).toEqual(asKeys(expected));
    });

    it('reports nothing in clean-app', () => {
      const { fatal, findings } = lintFixture('clean-app', config);
      expect(fatal).toEqual([]);
      expect(asKeys(findings)).toEqual([]);
    });
  },
);
