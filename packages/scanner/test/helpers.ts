import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defineCheck } from '@secret-hygiene/checks';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  while (made.length > 0) rmSync(made.pop()!, { recursive: true, force: true });
});

/** Writes a throwaway project (path -> contents) into a temp dir removed after the test. */
export function makeProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'sh-scan-'));
  made.push(root);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** A check made for these tests: flags identifiers named `bad` (or the `name` option). */
export const flagName = defineCheck<{ name: string }, 'named'>({
  id: 'flag-name',
  meta: {
    type: 'problem',
    description: 'Flags one identifier name',
    messages: { named: 'found {{name}}' },
    schema: {
      type: 'object',
      properties: { name: { type: 'string', description: 'The name.' } },
      additionalProperties: false,
    },
    defaultOptions: { name: 'bad' },
    level: 'recommended',
  },
  create(context) {
    const t = context.ts;
    return {
      visit(node) {
        if (t.isIdentifier(node) && node.text === context.options.name)
          context.report({ node, messageId: 'named', data: { name: node.text } });
      },
    };
  },
});

/** Throws on the first identifier `boom`; reports nothing. */
export const crashing = defineCheck<Record<string, never>, 'never'>({
  id: 'crashing',
  meta: {
    type: 'problem',
    description: 'Crashes',
    messages: { never: 'never' },
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    level: 'recommended',
  },
  create(context) {
    const t = context.ts;
    return {
      visit(node) {
        if (t.isIdentifier(node) && node.text === 'boom') throw new Error('kaboom');
      },
    };
  },
});

/**
 * A program-scope check that needs the checker across files: flags calls `log(x)` where `x`
 * resolves, through imports, to a declaration named `secretValue` in another module.
 */
export const crossModule = defineCheck<Record<string, never>, 'flows'>({
  id: 'cross-module',
  meta: {
    type: 'problem',
    description: 'Flags log calls of a value declared as secretValue elsewhere',
    messages: { flows: '{{name}} comes from {{file}}' },
    schema: { type: 'object', additionalProperties: false },
    defaultOptions: {},
    level: 'recommended',
    scope: 'program',
    requiresTypeChecking: true,
  },
  create(context) {
    const t = context.ts;
    const checker = context.checker;
    return {
      visit(node) {
        if (!checker || !t.isCallExpression(node) || !t.isIdentifier(node.expression) || node.expression.text !== 'log')
          return;
        const arg = node.arguments[0];
        if (!arg || !t.isIdentifier(arg)) return;
        let symbol = checker.getSymbolAtLocation(arg);
        if (symbol && symbol.flags & t.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const decl = symbol?.declarations?.[0];
        if (decl && decl.getSourceFile() !== context.sourceFile && symbol!.name === 'secretValue') {
          context.report({
            node: arg,
            messageId: 'flows',
            data: { name: arg.text, file: decl.getSourceFile().fileName.split('/').pop()! },
          });
        }
      },
    };
  },
});
