import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { TypeScript } from '../src/check.js';
import { mayNameProjectFunction, projectFunctionsNamed, registerProgram } from '../src/flow/project-functions.js';

const t = ts as unknown as TypeScript;

/** A program over in-memory files (plus an ambient declaration file), its checker registered. */
function program(files: Record<string, string>): ts.TypeChecker {
  const options: ts.CompilerOptions = { noLib: true, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  host.readFile = (name) => files[name];
  host.fileExists = (name) => name in files;
  host.getSourceFile = (name, version) =>
    name in files ? ts.createSourceFile(name, files[name]!, version, true) : undefined;
  const built = ts.createProgram({ rootNames: Object.keys(files), options, host });
  const checker = built.getTypeChecker();
  registerProgram(checker, built);
  return checker;
}

describe('mayNameProjectFunction: which method names can lead into the project code (issue 17)', () => {
  it('knows the functions with a body the project declares, and no other name', () => {
    const checker = program({
      'a.ts': `export function helper() {}\nexport class Store { save(x: string) { return x; } get size() { return 1; } }`,
      'b.ts': `export const api = { send: (x: string) => x, fetchToken: function () { return ''; }, count: 3, info: write };\nfunction write() {}\nexport default function () {}`,
      'lib.d.ts': `declare const logger: { info(x: unknown): void; reveal(): string };`,
    });
    for (const name of ['helper', 'save', 'size', 'send', 'fetchToken', 'write', 'default'])
      expect(mayNameProjectFunction(t, checker, name), name).toBe(true);
    // `info` holds a function by reference, `count` none; `reveal` is declared only in a .d.ts (no body).
    for (const name of ['info', 'count', 'reveal', 'update', 'json'])
      expect(mayNameProjectFunction(t, checker, name), name).toBe(false);
  });

  it('answers "maybe" for every name when a function sits under a computed name, or the program is unknown', () => {
    const checker = program({ 'a.ts': `declare const key: string;\nexport const api = { [key]: () => 1 };` });
    expect(mayNameProjectFunction(t, checker, 'anything')).toBe(true);
    const unregistered = ts.createProgram({ rootNames: [], options: { noLib: true } }).getTypeChecker();
    expect(mayNameProjectFunction(t, unregistered, 'anything')).toBe(true);
  });

  it('names a computed name the checker knows, and no call `receiver.name()` reaches one named by a symbol', () => {
    const checker = program({
      'a.ts': [
        `declare const tag: unique symbol;`,
        `declare const Symbol: { readonly iterator: unique symbol };`,
        `const SEND = 'send';`,
        `export const api = { [SEND]: (x: string) => x, [tag]: () => 1, [Symbol.iterator]() { return 2; } };`,
      ].join('\n'),
    });
    expect(mayNameProjectFunction(t, checker, 'anything')).toBe(false);
    expect(mayNameProjectFunction(t, checker, 'send')).toBe(true);
    expect(projectFunctionsNamed(t, checker, 'send')?.map((fn) => fn.getText())).toEqual(['(x: string) => x']);
  });
});
