import { defineCheck } from '@secret-hygiene/checks';
import parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ruleFromCheck } from '../src/from-check.js';

const meta = {
  type: 'problem',
  description: 'Probe',
  messages: { named: 'found {{name}}' },
  schema: {},
  defaultOptions: {},
  level: 'recommended',
} as const;

/** Flags identifiers named `bad`. */
const flagName = defineCheck<Record<string, never>, 'named'>({
  id: 'flag-name',
  meta,
  create(context) {
    const t = context.ts;
    return {
      visit(node) {
        if (t.isIdentifier(node) && node.text === 'bad')
          context.report({ node, messageId: 'named', data: { name: node.text } });
      },
    };
  },
});

/** Reports every identifier, then throws at `boom`; at `deep` it recurses without end (a stack overflow). */
const crashing = defineCheck<Record<string, never>, 'named'>({
  id: 'crashing',
  meta,
  create(context) {
    const t = context.ts;
    const bottomless = (n: number): number => bottomless(n + 1) + 1;
    return {
      visit(node) {
        if (!t.isIdentifier(node)) return;
        context.report({ node, messageId: 'named', data: { name: node.text } });
        if (node.text === 'boom') throw new TypeError('cannot read kind of undefined');
        if (node.text === 'deep') bottomless(0);
      },
    };
  },
});

const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts'],
    plugins: { probe: { rules: { 'flag-name': ruleFromCheck(flagName), crashing: ruleFromCheck(crashing) } } as never },
    languageOptions: { parser: parser as never },
    rules: { 'probe/flag-name': 'error', 'probe/crashing': 'error' },
  },
];
const lint = (code: string) =>
  linter
    .verify(code, config as never, { filename: 'src/app.ts' })
    .map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);

describe('a check that throws on a file', () => {
  it('loses only its own findings there and says once, on the file, why; the other rules report', () => {
    expect(lint('const bad = 1;\nboom();\n')).toEqual([
      '1:1 probe/crashing crashing skipped this file: TypeError: cannot read kind of undefined',
      '1:7 probe/flag-name found bad',
    ]);
  });

  it('a stack overflow in a check is reported the same way, not thrown', () => {
    expect(lint('deep();\nconst bad = 2;\n')).toEqual([
      '1:1 probe/crashing crashing skipped this file: the code nests too deeply for this check (stack overflow)',
      '2:7 probe/flag-name found bad',
    ]);
  });

  it('a file it finishes is reported as usual', () => {
    expect(lint('const bad = 1;').sort()).toEqual(['1:7 probe/crashing found bad', '1:7 probe/flag-name found bad']);
  });
});
