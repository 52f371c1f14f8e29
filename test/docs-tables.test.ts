import { allChecks, presetOptions } from '@secret-hygiene/checks';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import {
  renderArchitectureTree,
  renderRuleOptions,
  withArchitectureTree,
  withEvaluationRepos,
  withRuleOptions,
  evaluationRecords,
} from '../scripts/docs-tables.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const read = (path: string) => readFileSync(join(repo, path), 'utf8');
const regenerate = 'run `npm run build && node scripts/docs-tables.mjs`';

describe('generated docs tables', () => {
  it(`every rule page's options table comes from the check's schema and defaults (${regenerate})`, () => {
    for (const check of allChecks) {
      const page = read(`docs/rules/${check.id}.md`);
      expect(page, check.id).toBe(withRuleOptions(page, check, presetOptions(check, 'strict')));
      // Every option is listed, the shared one included.
      for (const option of Object.keys((check.meta.schema['properties'] ?? {}) as object))
        expect(page, check.id).toContain(`| \`${option}\` |`);
      expect(page, check.id).toContain(
        '| `minConfidence` | `"high" \\| "medium" \\| "low"` | `"high"` (`"low"` in `strict`) |',
      );
    }
  });

  it('an options row shows the type, the default and what strict sets instead', () => {
    const check = allChecks.find((c) => c.id === 'no-weak-crypto')!;
    const table = renderRuleOptions(check, presetOptions(check, 'strict')) as string;
    expect(table).toContain('| `minBcryptCost` | `integer` | `10` (`12` in `strict`) |');
    expect(table).toContain('| `checkMathRandom` | `boolean` | `true` |');
  });

  it(`docs/architecture.md lists the packages and folders that exist (${regenerate})`, () => {
    const page = read('docs/architecture.md');
    expect(page).toBe(withArchitectureTree(page, repo));
    for (const folder of ['nonce/', 'sql/', 'text/', 'context/', 'flow/', 'catalogs/', 'inventory/'])
      expect(page).toContain(`src/${folder}`);
    expect(page).toContain('src/stages/');
  });

  it(`docs/evaluation.md lists every evaluated repository from its record (${regenerate})`, () => {
    const page = read('docs/evaluation.md');
    expect(page).toBe(withEvaluationRepos(page, repo));
  });

  it('every ledger has a record of the same repository and commit, and every record a ledger', () => {
    const records = new Map(evaluationRecords(repo).map((r: { repo: string; commit: string }) => [r.repo, r.commit]));
    const ledgers = readdirSync(join(repo, 'evaluation/ledger')).filter((f) => f.endsWith('.tsv'));
    expect(ledgers.length).toBe(records.size);
    for (const file of ledgers) {
      const rows = read(`evaluation/ledger/${file}`).trim().split('\n').slice(1);
      for (const row of rows) {
        const [name, commit] = row.split('\t');
        expect(records.get(name!), `${file}: ${name}`).toBe(commit);
      }
    }
  });

  it('a folder without a note fails the generator, so the page cannot omit it', () => {
    const fake = mkdtempSync(join(tmpdir(), 'sh-arch-'));
    try {
      mkdirSync(join(fake, 'packages/checks/src/brand-new'), { recursive: true });
      writeFileSync(
        join(fake, 'packages/checks/package.json'),
        JSON.stringify({ name: '@secret-hygiene/checks', description: 'x' }),
      );
      expect(() => renderArchitectureTree(fake)).toThrow(/no note for src\/brand-new\//);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });
});
