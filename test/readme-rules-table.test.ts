import { allChecks } from '@secret-hygiene/checks';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { withRulesTable } from '../scripts/rules-table.mjs';

describe('README rules table', () => {
  it('is generated from the registry (run `node scripts/rules-table.mjs` after adding a check)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withRulesTable(readme, allChecks));
    for (const check of allChecks) expect(readme).toContain(`docs/rules/${check.id}.md`);
  });
});
