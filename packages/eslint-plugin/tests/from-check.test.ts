import { defineCheck } from '@secret-hygiene/checks';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ruleFromCheck } from '../src/from-check.js';

// A check made for this test: flags identifiers named by the `name` option, suggesting a rename.
const flagName = defineCheck<{ name: string }, 'named' | 'rename'>({
  id: 'flag-name',
  meta: {
    type: 'problem',
    description: 'Flags one identifier name',
    messages: { named: 'found {{name}}', rename: 'rename to ok' },
    schema: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false },
    defaultOptions: { name: 'bad' },
    level: 'recommended',
    hasSuggestions: true,
  },
  create(context) {
    const t = context.ts;
    return {
      visit(node) {
        if (t.isIdentifier(node) && node.text === context.options.name) {
          context.report({
            node,
            messageId: 'named',
            data: { name: node.text },
            suggestions: [{ messageId: 'rename', edits: [{ start: node.getStart(), end: node.getEnd(), text: 'ok' }] }],
          });
        }
      },
    };
  },
});

const ruleTester = new RuleTester();

ruleTester.run('from-check', ruleFromCheck(flagName), {
  valid: ['const good = 1;', { code: 'const bad = 1;', options: [{ name: 'other' }] }],
  invalid: [
    {
      code: 'const x: number = 1;\nconst bad = x;',
      errors: [
        {
          messageId: 'named',
          line: 2,
          column: 7,
          endColumn: 10,
          suggestions: [{ messageId: 'rename', output: 'const x: number = 1;\nconst ok = x;' }],
        },
      ],
    },
    {
      code: 'const worse = 1; const y = worse;',
      options: [{ name: 'worse' }],
      errors: [
        {
          messageId: 'named',
          column: 7,
          suggestions: [{ messageId: 'rename', output: 'const ok = 1; const y = worse;' }],
        },
        {
          messageId: 'named',
          column: 28,
          suggestions: [{ messageId: 'rename', output: 'const worse = 1; const y = ok;' }],
        },
      ],
    },
  ],
});

describe('rules of one file share a walk', () => {
  // Records which source file each check was created for, and flags identifiers named `name`.
  const seenFiles: { id: string; text: string; file: object }[] = [];
  const recorder = (id: string, name: string) =>
    defineCheck<Record<string, never>, 'named'>({
      id,
      meta: {
        type: 'problem',
        description: 'Flags one identifier name',
        messages: { named: 'found it' },
        schema: { type: 'object', properties: {}, additionalProperties: false },
        defaultOptions: {},
        level: 'recommended',
      },
      create(context) {
        seenFiles.push({ id, text: context.sourceFile.text, file: context.sourceFile });
        const t = context.ts;
        return {
          visit(node) {
            if (t.isIdentifier(node) && node.text === name) context.report({ node, messageId: 'named' });
          },
        };
      },
    });
  const plugin = {
    rules: { first: ruleFromCheck(recorder('first', 'alpha')), second: ruleFromCheck(recorder('second', 'beta')) },
  };
  const linter = new Linter({ configType: 'flat' });
  const config = [
    { plugins: { t: plugin as never }, rules: { 't/first': 'error' as const, 't/second': 'error' as const } },
  ];

  it('reports each finding under its own rule, for each file on its own', () => {
    seenFiles.length = 0;
    const one = linter.verify('const alpha = 1;\nconst beta = 2;', config, 'one.js');
    const two = linter.verify('const beta = 3;', config, 'two.js');
    expect(one.map((m) => [m.ruleId, m.line])).toEqual([
      ['t/first', 1],
      ['t/second', 2],
    ]);
    expect(two.map((m) => [m.ruleId, m.line])).toEqual([['t/second', 1]]);
    // Both checks of a file got the same parsed file; the second file got a new one.
    expect(seenFiles.map((s) => [s.id, s.text])).toEqual([
      ['first', 'const alpha = 1;\nconst beta = 2;'],
      ['second', 'const alpha = 1;\nconst beta = 2;'],
      ['first', 'const beta = 3;'],
      ['second', 'const beta = 3;'],
    ]);
    expect(seenFiles[0]!.file).toBe(seenFiles[1]!.file);
    expect(seenFiles[2]!.file).not.toBe(seenFiles[0]!.file);
  });

  it('lints the same text twice as two runs', () => {
    const text = 'const alpha = 1;';
    expect(linter.verify(text, config, 'a.js')).toHaveLength(1);
    expect(linter.verify(text, config, 'a.js')).toHaveLength(1);
  });
});
