import { defineCheck } from '@secret-hygiene/checks';
import { describe, expect, it, vi } from 'vitest';
import { scan } from '../src/index.js';
import { flagName, makeProject } from './helpers.js';

// Each case builds a TypeScript program over generated code: slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

/** A generated concatenation of `terms` strings, one per line, the logged secret last. */
const concatenation = (terms: number) =>
  `const password = process.env.DB_PASSWORD;\nconsole.log(\n${Array.from({ length: terms }, (_, i) => (i === terms - 1 ? '  password' : `  'part${i}' +`)).join('\n')}\n);\n`;

/** Overflows the stack at the first identifier `deep` (a check with a recursion bug, or code nested too deeply for it). */
const overflowing = defineCheck<Record<string, never>, 'never'>({
  id: 'overflowing',
  meta: {
    type: 'problem',
    description: 'Overflows',
    messages: { never: 'never' },
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    level: 'recommended',
  },
  create(context) {
    const t = context.ts;
    const bottomless = (n: number): number => bottomless(n + 1) + 1;
    return {
      visit(node) {
        if (t.isIdentifier(node) && node.text === 'deep') bottomless(0);
      },
    };
  },
});

describe('scan: deeply nested code', () => {
  it('a 10,000-term concatenation is scanned to the end: the logged secret is found, nothing is skipped', async () => {
    const root = makeProject({ 'src/messages.ts': concatenation(10_000), 'src/ok.ts': 'export const a = 1;\n' });
    const result = await scan({ root });
    expect(result.diagnostics.filter((d) => d.kind !== 'notice' && d.kind !== 'config')).toEqual([]);
    expect(result.findings.map((f) => `${f.file} ${f.ruleId}`)).toContain('src/messages.ts no-secret-logging');
  });

  it("a 10,000-term `??` chain (too deep for TypeScript's binder) is reported, and the other files are scanned", async () => {
    const chain = `declare const v: string | undefined;\nexport const x = ${'v ??\n'.repeat(10_000)}'';\n`;
    const root = makeProject({ 'src/chain.ts': chain, 'src/ok.ts': 'const bad = 1;\n' });
    const result = await scan({ root, checks: [flagName] });
    expect(result.findings.map((f) => f.file)).toEqual(['src/ok.ts']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'unreadable-file', file: 'src/chain.ts' })]);
  });

  it('a check that overflows the stack skips the file for that check only, and the scan says so', async () => {
    const root = makeProject({ 'a.ts': 'deep();\nconst bad = 1;\n', 'b.ts': 'const bad = 2;\n' });
    const result = await scan({ root, checks: [overflowing, flagName] });
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      'a.ts:2 flag-name',
      'b.ts:1 flag-name',
    ]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ kind: 'check-crashed', ruleId: 'overflowing', file: 'a.ts' }),
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/^a\.ts: skipped by overflowing.*stack overflow/);
  });

  it('a file too deeply nested for the TypeScript parser is reported, and the other files are scanned', async () => {
    const root = makeProject({
      'src/nested.ts': `export const x = ${'(\n'.repeat(5_000)}1${')\n'.repeat(5_000)};\n`,
      'src/ok.ts': 'const bad = 1;\n',
    });
    const result = await scan({ root, checks: [flagName] });
    expect(result.findings.map((f) => f.file)).toEqual(['src/ok.ts']);
    expect(result.diagnostics.map((d) => d.file)).toContain('src/nested.ts');
  });
});
