import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { TypeScript } from '@secret-hygiene/checks';
import {
  directEnvRead,
  envDefaultOf,
  envObjectRuntime,
  envReadOf,
  envSchemaObjects,
} from '@secret-hygiene/checks/internal';

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

/** Every string literal in `code` whose text is `value`. */
function literal(code: string, value: string): ts.Expression {
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  let found: ts.Expression | undefined;
  const walk = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && node.text === value) found = node;
    ts.forEachChild(node, walk);
  };
  walk(file);
  if (!found) throw new Error('no literal');
  return found;
}

describe('envDefaultOf', () => {
  it.each([
    ["const a = process.env.A ?? 'd';", '??'],
    ["const a = (process.env.A || 'd') as string;", '||'],
    ["process.env.A ??= 'd';", '??='],
    ["let a = process.env.A; a ||= 'd';", '||='],
    ["const a = process.env.A ? process.env.A : 'd';", 'conditional'],
    ["const a = !process.env.A ? ('d') : process.env.A;", 'conditional'],
    ["const a = process.env.A ? `x${process.env.A}` : 'd';", 'conditional'],
    ["const { A = 'd' } = process.env;", 'destructuring'],
    ["if (!process.env.A) { process.env.A = 'd'; }", 'guarded-assignment'],
  ])('finds the default in %s', (code, form) => {
    const site = envDefaultOf(t, literal(code, 'd'));
    expect(site?.form).toBe(form);
    expect(site?.reads.map((r) => r.name)).toEqual(['A']);
  });

  it.each([
    "const a = 'd' ?? process.env.A;",
    "const a = config.A ?? 'd';",
    "const a = process.env.A ? useKey(process.env.A) : 'd';",
    "const a = flag ? process.env.A : 'd';",
    "if (!process.env.B) process.env.A = 'd';",
    "const { A = 'd' } = config;",
    "f(process.env.A, 'd');",
  ])('finds no default in %s', (code) => {
    expect(envDefaultOf(t, literal(code, 'd'))).toBeUndefined();
  });

  it('lists every variable of a chain and replaces nothing partial', () => {
    const chain = envDefaultOf(t, literal("const a = process.env.A ?? process.env.B ?? 'd';", 'd'));
    expect(chain?.reads.map((r) => r.name)).toEqual(['A', 'B']);
    const built = envDefaultOf(t, literal("const a = process.env.A ? `x${process.env.A}` : 'd';", 'd'));
    expect(built?.replaced).toBeUndefined();
  });
});

/** The keys of every env-schema object the last call in `code` validates. */
function schemaKeys(code: string): string[] {
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  const calls: ts.CallExpression[] = [];
  const walk = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, walk);
  };
  walk(file);
  return calls
    .flatMap((c) => envSchemaObjects(t, c))
    .flatMap((o) => o.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : '?')));
}

describe('envSchemaObjects', () => {
  it.each([
    ['cleanEnv(process.env, { A: str(), B: port() });', ['A', 'B']],
    ['createEnv({ server: { A: z.string() }, client: { B: z.string() }, runtimeEnv: process.env });', ['A', 'B']],
    ['z.object({ A: z.string() }).strict().parse(process.env);', ['A']],
    ['const S = z.object({ A: z.string() });\nS.safeParse(import.meta.env);', ['A']],
    ['z.object({ A: z.string() }).parse(req.body);', []],
    ['cleanEnv(config, { A: str() });', []],
    ['let S = z.object({ A: z.string() });\nS.parse(process.env);', []],
  ])('%s validates %j', (code, keys) => {
    expect(schemaKeys(code)).toEqual(keys);
  });
});
