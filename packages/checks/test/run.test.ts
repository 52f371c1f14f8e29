import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { defineCheck, type TypeScript } from '../src/check.js';
import { fastNamespace, runChecksOnFile } from '../src/run.js';

const t = ts as unknown as TypeScript;

describe('fastNamespace', () => {
  it('has every member of the namespace, the very same values', () => {
    const view = fastNamespace(t) as unknown as Record<string, unknown>;
    const original = ts as unknown as Record<string, unknown>;
    const differing = Object.keys(original).filter((key) => view[key] !== original[key]);
    expect(differing).toEqual([]);
    expect(view.SyntaxKind).toBe(ts.SyntaxKind);
  });

  it('is made once per namespace, and a view is its own view', () => {
    const view = fastNamespace(t);
    expect(fastNamespace(t)).toBe(view);
    expect(fastNamespace(view)).toBe(view);
    const other = { isIdentifier: () => false } as unknown as TypeScript;
    expect(fastNamespace(other)).not.toBe(view);
    expect((fastNamespace(other) as unknown as { isIdentifier: unknown }).isIdentifier).toBe(
      (other as unknown as { isIdentifier: unknown }).isIdentifier,
    );
  });

  it('is what checks get as context.ts, and it walks the whole file', () => {
    let given: TypeScript | undefined;
    const kinds: ts.SyntaxKind[] = [];
    const probe = defineCheck<Record<string, never>, 'x'>({
      id: 'probe',
      meta: {
        type: 'problem',
        description: 'Probe',
        messages: { x: 'x' },
        schema: {},
        defaultOptions: {},
        level: 'recommended',
      },
      create(context) {
        given = context.ts;
        return { visit: (node) => void kinds.push(node.kind) };
      },
    });
    const sourceFile = ts.createSourceFile('a.ts', 'const a = f(1);', ts.ScriptTarget.Latest, true);
    runChecksOnFile({ ts: t, sourceFile }, [{ check: probe, onReport: () => undefined }]);
    expect(given).toBe(fastNamespace(t));
    expect(kinds).toContain(ts.SyntaxKind.CallExpression);
    expect(kinds).toContain(ts.SyntaxKind.NumericLiteral);
  });
});
