import { defineCheck } from '@secret-hygiene/checks';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';
import { ruleFromCheck } from '../src/from-check.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

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
        { messageId: 'named', column: 7, suggestions: [{ messageId: 'rename', output: 'const ok = 1; const y = worse;' }] },
        { messageId: 'named', column: 28, suggestions: [{ messageId: 'rename', output: 'const worse = 1; const y = ok;' }] },
      ],
    },
  ],
});
