import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conformanceChecks } from '../src/index.js';

const docs = readFileSync(fileURLToPath(new URL('../../../docs/conformance.md', import.meta.url)), 'utf8');
const stores = readdirSync(fileURLToPath(new URL('../../../fixtures/stores/', import.meta.url)), {
  withFileTypes: true,
})
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/** The first cell of every table row, when it is a code span. */
const rowIds = new Set([...docs.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));

describe('docs/conformance.md', () => {
  it('has a row for every check, saying what it cannot see', () => {
    for (const check of conformanceChecks) {
      const row = docs.split('\n').find((line) => line.startsWith(`| \`${check.id}\` |`));
      expect(row, check.id).toBeDefined();
      // id, what it does, the promise, what it cannot see.
      expect(row!.split(' | ').length, `${check.id}: four columns`).toBeGreaterThanOrEqual(4);
    }
  });

  it('has a row for every fixture store, and none for a store that is gone', () => {
    for (const store of stores) expect(rowIds.has(store), store).toBe(true);
    for (const id of rowIds) {
      if (id.startsWith('broken-') || id.startsWith('correct-') || id.startsWith('reference'))
        expect(stores, id).toContain(id);
    }
  });
});
