import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_KIND_PATTERNS, fileKinds } from '@secret-hygiene/checks';
// @ts-expect-error: a plain .mjs script without types
import { withFileKinds } from '../scripts/file-kinds-table.mjs';

describe('docs/file-context.md', () => {
  it('lists the file kinds and globs the checks use (run `node scripts/file-kinds-table.mjs` after changing them)', () => {
    const text = readFileSync(new URL('../docs/file-context.md', import.meta.url), 'utf8');
    expect(text).toBe(withFileKinds(text, fileKinds, DEFAULT_FILE_KIND_PATTERNS));
  });
});
