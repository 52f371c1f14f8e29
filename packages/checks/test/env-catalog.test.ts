import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { directEnvRead, envObjectRuntime, envReadOf, type TypeScript } from '@secret-hygiene/checks';

const t = ts as unknown as TypeScript;

/** The initializer of the last variable declared in `code`. */
function lastInitializer(code: string): ts.Expression {
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  let found: ts.Expression | undefined;
  const walk = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) found = node.initializer;
    ts.forEachChild(node, walk);
  };
  walk(file);
  if (!found) throw new Error('no initializer');
  return found;
}

describe('env catalog', () => {
  it.each([
    ['const v = process.env.JWT_SECRET;', 'JWT_SECRET', 'node'],
    ["const v = process.env['DATABASE_URL'];", 'DATABASE_URL', 'node'],
    ['const v = import.meta.env.VITE_KEY;', 'VITE_KEY', 'vite'],
    ['const v = Bun.env.TOKEN;', 'TOKEN', 'bun'],
    ["const v = Deno.env.get('TOKEN');", 'TOKEN', 'deno'],
    ['const v = (process.env.A as string);', 'A', 'node'],
  ])('reads %s', (code, name, runtime) => {
    expect(directEnvRead(t, lastInitializer(code))).toMatchObject({ name, runtime });
  });

  it.each([
    'const v = process.envx.A;',
    'const v = config.env.A;',
    'const v = process.env[key];',
    "const v = Deno.env.set('A');",
    'const v = process.env;',
  ])('does not read %s', (code) => {
    expect(directEnvRead(t, lastInitializer(code))).toBeUndefined();
  });

  it('follows env-object aliases', () => {
    expect(envReadOf(t, lastInitializer('const env = process.env;\nconst v = env.A;'))?.name).toBe('A');
    expect(envReadOf(t, lastInitializer('const { env } = process;\nconst v = env.A;'))?.name).toBe('A');
    expect(envReadOf(t, lastInitializer("import { env as e } from 'node:process';\nconst v = e.A;"))?.name).toBe('A');
    expect(envReadOf(t, lastInitializer("import { env } from 'other';\nconst v = env.A;"))).toBeUndefined();
    expect(envReadOf(t, lastInitializer('let env = process.env;\nconst v = env.A;'))).toBeUndefined();
  });

  it('follows const holders of a read, and let holders only when asked', () => {
    expect(envReadOf(t, lastInitializer('const a = process.env.A;\nconst b = a;\nconst v = b;'))?.name).toBe('A');
    expect(envReadOf(t, lastInitializer('const { A: a } = process.env;\nconst v = a;'))?.name).toBe('A');
    const viaLet = lastInitializer('let a = process.env.A;\nconst v = a;');
    expect(envReadOf(t, viaLet)).toBeUndefined();
    expect(envReadOf(t, viaLet, undefined, true)?.name).toBe('A');
  });

  it('knows the environment objects', () => {
    expect(envObjectRuntime(t, lastInitializer('const v = globalThis.process.env;'))).toBe('node');
    expect(envObjectRuntime(t, lastInitializer('const v = import.meta.env;'))).toBe('vite');
    expect(envObjectRuntime(t, lastInitializer('const v = process;'))).toBeUndefined();
  });
});
