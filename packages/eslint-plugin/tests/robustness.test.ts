import { allChecks, hostedByEslint, presetOptions } from '@secret-hygiene/checks';
import parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// Every rule, on syntax alone, with every option switched to its strictest form.
const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'secret-hygiene': plugin as never },
    languageOptions: { parser: parser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: Object.fromEntries(
      allChecks
        .filter(hostedByEslint)
        .map((c) => [`secret-hygiene/${c.id}`, ['error', { ...presetOptions(c, 'strict') }]] as const),
    ),
  },
];

/** Lints and returns messages; a rule that throws makes `verify` throw, failing the test. */
function lint(code: string, filename = 'file.ts') {
  return linter.verify(code, config as never, { filename });
}

// A small grammar of the code these rules look at: secret-ish and plain names, sinks, env reads,
// crypto calls, ORM columns, destructuring, templates, classes with decorators, odd nesting.
const names = fc.constantFrom(
  'password',
  'token',
  'apiKey',
  'user',
  'tokenCount',
  'iv',
  'key',
  'cfg',
  'req',
  'res',
  'x',
  'JWT_SECRET',
  'DATABASE_URL',
);
const member = fc.tuple(names, names).map(([a, b]) => `${a}.${b}`);
const literal = fc.oneof(
  fc.constantFrom(
    "'dev'",
    "''",
    '0',
    'null',
    'undefined',
    '`t`',
    "'0123456789ab'",
    'Buffer.alloc(12)',
    'new Uint8Array(12)',
  ),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
);
const env = fc.constantFrom(
  'process.env.JWT_SECRET',
  "process.env['DB_PASSWORD']",
  'import.meta.env.API_KEY',
  'Bun.env.TOKEN',
  "Deno.env.get('SECRET')",
  'process.env',
);
const callee = fc.constantFrom(
  'console.log',
  'logger.info',
  'log',
  'debug',
  'Sentry.captureMessage',
  'createCipheriv',
  'crypto.createCipheriv',
  'gcm',
  'subtle.encrypt',
  'text',
  'varchar',
  'table.string',
  'res.json',
  'localStorage.setItem',
  'redact',
  'decrypt',
  'randomBytes',
  'JSON.stringify',
  'fn',
);
const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    names,
    member,
    literal,
    env,
    fc
      .tuple(tie('expr'), fc.constantFrom('||', '??', '+', '===', '&&', ','), tie('expr'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(callee, fc.array(tie('expr'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `\`a \${${a}} b \${${b}}\``),
    fc
      .array(fc.tuple(names, tie('expr')), { maxLength: 3 })
      .map((props) => `{ ${props.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `{ ...${a}, x: ${b} }`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    tie('expr').map((e) => `(() => ${e})`),
    tie('expr').map((e) => `new Error(${e})`),
  ),
}));
const statement = fc.oneof(
  fc.tuple(names, expr).map(([n, e]) => `const ${n} = ${e};`),
  fc.tuple(names, names, expr).map(([a, b, e]) => `const { ${a}, ${b}: alias = 'd' } = ${e};`),
  fc.tuple(names, expr).map(([n, e]) => `${n} ??= ${e};`),
  expr.map((e) => `${e};`),
  expr.map((e) => `throw ${e};`),
  fc.tuple(names, expr, expr).map(([n, d, e]) => `function f(${n} = ${d}) { return ${e}; }`),
  fc.tuple(names, expr).map(([n, e]) => `class C { @Column() ${n}: string; m() { return ${e}; } }`),
  fc.tuple(expr, expr).map(([c, e]) => `if (${c}) { ${e}; } else { let z = ${e}; }`),
  fc.tuple(names, expr).map(([n, e]) => `export const ${n}Table = pgTable('t', { ${n}: ${e} });`),
);
const program = fc.array(statement, { maxLength: 8 }).map((s) => s.join('\n'));

describe('no rule throws', () => {
  it('on generated programs', () => {
    expect(allChecks.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(program, (code) => {
        lint(code);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it.each([
    ['empty file', ''],
    ['only comments', '// password\n/* token */'],
    ['a syntax error', 'const = ;'],
    ['deep nesting', `const x = ${'('.repeat(300)}password${')'.repeat(300)};`],
    ['unicode names', 'const пароль = "x"; console.log(пароль, `${"\\u0000"}`);'],
    ['jsx', 'const el = <div title={token}>{password}</div>;'],
    ['computed everything', 'obj[key](...args)[0]?.[k]?.(process.env[name]);'],
    ['labels and generators', 'function* g() { outer: for (const t of yield token) { break outer; } }'],
  ])('on %s', (_name, code) => {
    lint(code, code.includes('<div') ? 'file.tsx' : 'file.ts');
  });

  it("on the repository's own sources and fixtures", () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const files = [...listSources(join(root, 'packages')), ...listSources(join(root, 'fixtures'))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) lint(readFileSync(file, 'utf8'), file);
  }, 120_000);
});

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listSources(path));
    else if (/\.(ts|tsx|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}
