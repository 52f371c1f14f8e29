import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { forEachDescendant } from '../src/ast/syntax.js';
import { defineCheck, presetOptions, type Check, type CheckReport, type TypeScript } from '../src/check.js';
import { allChecks } from '../src/checks/index.js';
import { crashReason, runChecksOnFile } from '../src/run.js';

const t = ts as unknown as TypeScript;

const parse = (code: string, name = 'src/app.ts') => ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true);

/** A check made for these tests: `visit` and `end` do what the test asks, reporting on the file. */
function probe(
  id: string,
  behaviour: { visit?: (node: ts.Node) => void; end?: () => void; reports?: number },
): Check<Record<string, never>, 'x'> {
  return defineCheck<Record<string, never>, 'x'>({
    id,
    meta: {
      type: 'problem',
      description: 'Probe',
      messages: { x: 'x' },
      schema: {},
      defaultOptions: {},
      level: 'recommended',
    },
    create(context) {
      return {
        visit: (node) => {
          if (node === context.sourceFile)
            for (let i = 0; i < (behaviour.reports ?? 0); i++) context.report({ node, messageId: 'x' });
          behaviour.visit?.(node);
        },
        end: () => behaviour.end?.(),
      };
    },
  });
}

/** Every check, at its strictest, on one file: what each reported and what each crashed with. */
function runAll(sourceFile: ts.SourceFile): { reports: string[]; crashes: string[] } {
  const reports: string[] = [];
  const crashes: string[] = [];
  runChecksOnFile(
    { ts: t, sourceFile },
    allChecks.map((check) => ({
      check,
      options: presetOptions(check, 'strict'),
      onReport: () => void reports.push(check.id),
      onCrash: (error) => void crashes.push(`${check.id}: ${crashReason(error)}`),
    })),
  );
  return { reports, crashes };
}

// A generated concatenation of 10,000 terms: TypeScript parses it (binary chains are parsed with a
// loop), and a recursive walk or a recursive flow analysis overflowed the stack on it.
const concatenation = (terms: number) =>
  `const password = process.env.DB_PASSWORD;\nconsole.log(${Array.from({ length: terms }, (_, i) => (i === terms - 1 ? 'password' : `'part${i}'`)).join(' + ')});\n`;

describe('deep nesting', () => {
  it('a 10,000-term concatenation is walked and analysed to the end: the logged secret is found', () => {
    const { reports, crashes } = runAll(parse(concatenation(10_000)));
    expect(crashes).toEqual([]);
    expect(reports).toContain('no-secret-logging');
  });

  it('a 2,000-deep ternary chain and 10,000-term `??`/`||` chains are analysed without a crash', () => {
    const ternary = `const token = process.env.API_TOKEN;\nconsole.log(${'flag ? "a" : '.repeat(2_000)}token);\n`;
    const fallbacks = `const token = process.env.API_TOKEN;\nconsole.log(${Array.from({ length: 10_000 }, (_, i) => `v${i}`).join(' ?? ')} || token);\n`;
    for (const code of [ternary, fallbacks]) {
      const { reports, crashes } = runAll(parse(code));
      expect(crashes).toEqual([]);
      expect(reports).toContain('no-secret-logging');
    }
  });

  it('visits parents before children and children in source order, as a recursive walk does', () => {
    const sourceFile = parse(
      'class A { m(x = [1, { b: f(2, `t${c}`) }]) { if (x) return <T>x; } }\nconst y = a ? b : c;',
    );
    const expected: ts.Node[] = [];
    const recurse = (node: ts.Node): void => {
      expected.push(node);
      ts.forEachChild(node, recurse);
    };
    recurse(sourceFile);
    const visited: ts.Node[] = [];
    runChecksOnFile({ ts: t, sourceFile }, [
      { check: probe('order', { visit: (node) => void visited.push(node) }), onReport: () => undefined },
    ]);
    expect(visited).toEqual(expected);
    expect(visited.length).toBeGreaterThan(30);
  });
});

describe('a check that throws', () => {
  it('loses only its own findings for the file; the others report, and the host hears why', () => {
    const reports: string[] = [];
    const crashes: unknown[] = [];
    const run = (check: Check<any, string>) => ({
      check,
      onReport: (r: CheckReport) => void reports.push(`${check.id}:${r.messageId}`),
      onCrash: (e: unknown) => void crashes.push(e),
    });
    let afterCrash = 0;
    const failing = probe('failing', {
      reports: 2,
      visit: (node) => {
        if (ts.isCallExpression(node)) throw new TypeError('cannot read x of undefined');
        afterCrash += ts.isNumericLiteral(node) ? 1 : 0;
      },
    });
    runChecksOnFile({ ts: t, sourceFile: parse('f();\nconst a = 1;') }, [
      run(failing),
      run(probe('healthy', { reports: 1 })),
    ]);
    expect(reports).toEqual(['healthy:x']);
    expect(crashes).toHaveLength(1);
    expect(crashReason(crashes[0])).toBe('TypeError: cannot read x of undefined');
    expect(afterCrash).toBe(0); // stopped: not visited again after it threw
  });

  it('a crash in create or end is caught the same way', () => {
    const crashes: string[] = [];
    const inCreate = defineCheck<Record<string, never>, 'x'>({
      id: 'in-create',
      meta: {
        type: 'problem',
        description: 'Probe',
        messages: { x: 'x' },
        schema: {},
        defaultOptions: {},
        level: 'recommended',
      },
      create() {
        throw new Error('bad options');
      },
    });
    const inEnd = probe('in-end', {
      reports: 1,
      end: () => {
        throw new Error('bad end');
      },
    });
    const reports: string[] = [];
    runChecksOnFile(
      { ts: t, sourceFile: parse('a;') },
      [inCreate, inEnd].map((check) => ({
        check,
        onReport: () => void reports.push(check.id),
        onCrash: (e: unknown) => void crashes.push(crashReason(e)),
      })),
    );
    expect(crashes).toEqual(['Error: bad options', 'Error: bad end']);
    expect(reports).toEqual([]);
  });

  it('a stack overflow inside a check is a crash of that check, named as such', () => {
    const bottomless = (n: number): number => bottomless(n + 1) + 1;
    const crashes: unknown[] = [];
    runChecksOnFile({ ts: t, sourceFile: parse('a;') }, [
      {
        check: probe('recursing', { end: () => void bottomless(0) }),
        onReport: () => undefined,
        onCrash: (e) => void crashes.push(e),
      },
    ]);
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toBeInstanceOf(RangeError);
    expect(crashReason(crashes[0])).toMatch(/stack overflow/);
  });

  it('without onCrash the error propagates', () => {
    expect(() =>
      runChecksOnFile({ ts: t, sourceFile: parse('a;') }, [
        {
          check: probe('p', {
            end: () => {
              throw new Error('boom');
            },
          }),
          onReport: () => undefined,
        },
      ]),
    ).toThrow('boom');
  });

  it('crashReason keeps one line of at most 200 characters', () => {
    expect(crashReason(new Error(`${'x'.repeat(300)}\nsecond line`))).toHaveLength(200);
    expect(crashReason('plain')).toBe('plain');
  });
});

describe('forEachDescendant', () => {
  const sourceFile = parse('function f() { return g(1); }\nconst z = 2;');
  const walk = (visit: (node: ts.Node) => 'skip' | 'stop' | undefined) => {
    const seen: ts.Node[] = [];
    const stopped = forEachDescendant(t, sourceFile, (node) => {
      seen.push(node);
      return visit(node);
    });
    return { seen, stopped };
  };

  it('visits everything below the root, not the root', () => {
    const { seen, stopped } = walk(() => undefined);
    expect(ts.isFunctionDeclaration(seen[0]!)).toBe(true);
    expect(seen).not.toContain(sourceFile);
    expect(seen.filter((n) => ts.isNumericLiteral(n))).toHaveLength(2);
    expect(stopped).toBe(false);
  });

  it('skip leaves out the children, stop ends the walk', () => {
    const skipped = walk((node) => (ts.isFunctionDeclaration(node) ? 'skip' : undefined)).seen;
    expect(skipped.some((n) => ts.isReturnStatement(n))).toBe(false);
    expect(skipped.some((n) => ts.isVariableStatement(n))).toBe(true);
    const { seen, stopped } = walk((node) => (ts.isCallExpression(node) ? 'stop' : undefined));
    expect(ts.isCallExpression(seen.at(-1)!)).toBe(true);
    expect(seen.some((n) => ts.isVariableStatement(n))).toBe(false);
    expect(stopped).toBe(true);
  });

  it('walks 100,000 levels of nesting', () => {
    let deep: ts.Expression = ts.factory.createIdentifier('x');
    for (let i = 0; i < 100_000; i++) deep = ts.factory.createParenthesizedExpression(deep);
    let count = 0;
    forEachDescendant(t, deep, () => void count++);
    expect(count).toBe(100_000);
  });
});
