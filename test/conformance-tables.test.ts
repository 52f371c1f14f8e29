import { conformanceChecks, type ConformanceCheck } from '@secret-hygiene/conformance';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { renderConformanceChecks, withConformanceChecks } from '../scripts/conformance-tables.mjs';

const page = readFileSync(fileURLToPath(new URL('../docs/conformance.md', import.meta.url)), 'utf8');

describe('docs/conformance.md', () => {
  it('has the table of checks the checks generate (run `npm run build && node scripts/conformance-tables.mjs`)', () => {
    expect(page).toBe(withConformanceChecks(page, conformanceChecks));
  });

  it('says for every check, in run order, what it does, what it proves and what it cannot see', () => {
    const rows = page.split('\n').filter((line) => /^\| `[a-z-]+` \| /.test(line) && line.split(' | ').length === 4);
    const checkRows = rows.filter((line) => conformanceChecks.some((c) => line.startsWith(`| \`${c.id}\` |`)));
    expect(checkRows.map((line) => /^\| `([a-z-]+)`/.exec(line)![1])).toEqual(conformanceChecks.map((c) => c.id));
    for (const check of conformanceChecks) {
      const row = checkRows.find((line) => line.startsWith(`| \`${check.id}\` |`))!;
      expect(row.split(' | ')[3]!.replace(/ \|$/, '').length, `${check.id}: what it cannot see`).toBeGreaterThan(20);
      expect(row).toContain(check.docs.cannotSee.slice(0, 40));
    }
  });

  it('a check without docs fails the generator with a line that names it', () => {
    const bare = { ...conformanceChecks[0]!, id: 'no-docs-yet', docs: { does: 'x', proves: 'y', cannotSee: '' } };
    expect(() => renderConformanceChecks([bare as ConformanceCheck])).toThrow(
      'conformance check no-docs-yet has no docs.cannotSee (what the docs table says about it)',
    );
  });

  it('escapes a pipe and joins lines, so a cell never breaks the table', () => {
    const check = {
      ...conformanceChecks[0]!,
      docs: { does: 'a | b', proves: 'first\n  second', cannotSee: 'c' },
    } as ConformanceCheck;
    expect(renderConformanceChecks([check])).toContain(`| \`${check.id}\` | a \\| b | first second | c |`);
  });
});
