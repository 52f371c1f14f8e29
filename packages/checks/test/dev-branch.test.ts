import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { TypeScript } from '../src/check.js';
import { inDevOrTestOnlyBranch } from '../src/context/index.js';

const t = ts as unknown as TypeScript;

/** Whether the call `target()` in `code` sits in a development- or test-only branch. */
function targetInDevBranch(code: string): boolean {
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'target')
      found = node;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return inDevOrTestOnlyBranch(t, found!);
}

describe('inDevOrTestOnlyBranch', () => {
  it('sees flags, calls and mode comparisons that mean development or tests', () => {
    expect(targetInDevBranch('if (isIntegrationTest()) { target(); }')).toBe(true);
    expect(targetInDevBranch("if (process.env.NODE_ENV === 'development') target();")).toBe(true);
    expect(targetInDevBranch("if (env.AUTH_PROVIDER === 'local' && ok) target();")).toBe(true);
    expect(targetInDevBranch("if (mode !== 'production') target();")).toBe(true);
    expect(targetInDevBranch('const x = isDev ? target() : other();')).toBe(true);
    expect(targetInDevBranch('isDevMode && target();')).toBe(true);
  });
  it('does not count the else branch, negations or other conditions', () => {
    expect(targetInDevBranch('if (isIntegrationTest()) other(); else target();')).toBe(false);
    expect(targetInDevBranch('if (!isDev) target();')).toBe(false);
    expect(targetInDevBranch("if (process.env.NODE_ENV === 'production') target();")).toBe(false);
    expect(targetInDevBranch('if (user.isAdmin) target();')).toBe(false);
    expect(targetInDevBranch('target();')).toBe(false);
  });
});
