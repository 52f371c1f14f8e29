import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { accessPath } from '../src/ast/index.js';
import type { TypeScript } from '../src/check.js';

const t = ts as unknown as TypeScript;

function pathOf(code: string): string[] | undefined {
  const file = ts.createSourceFile('a.ts', `(${code});`, ts.ScriptTarget.Latest, true);
  const statement = file.statements[0] as ts.ExpressionStatement;
  return accessPath(t, statement.expression);
}

describe('accessPath', () => {
  it.each([
    ['console.log', ['console', 'log']],
    ['this.logger.info', ['this', 'logger', 'info']],
    ["req.headers['authorization']", ['req', 'headers', 'authorization']],
    ['getLogger().info', ['getLogger()', 'info']],
    ['a.b().c.d()', ['a', 'b()', 'c', 'd()']],
    ['import.meta.env.API_KEY', ['import.meta', 'env', 'API_KEY']],
    ['(req as any).body!.token', ['req', 'body', 'token']],
    ['super.x', ['super', 'x']],
  ])('%s', (code, expected) => {
    expect(pathOf(code)).toEqual(expected);
  });

  it.each(['req.headers[name]', 'items[i].token', '(a || b).c', 'f()[key]', '"x".length'])('%s has none', (code) => {
    expect(pathOf(code)).toBeUndefined();
  });
});
