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

describe('projectFunctionsNamed: the binder container chain and a full walk agree (issue 17, one-file lint)', () => {
  const source = [
    `export const early = () => 1;`,
    `const api = { send: (x: string) => x, wrapped: (function () { return 2; }) as () => number };`,
    `export class Store { save(x: string) { return x; } get size() { return 1; } constructor() {} }`,
    `function send(x: string) { const inner = (y: string) => y; return inner(x); }`,
    `const { picked } = { picked: () => 3 };`,
    `const checked = (() => 4) satisfies () => number;`,
    `export default function () {}`,
    `function early2() { function send() {} return send; }`,
  ].join('\n');
  const files: Record<string, string> = { 'a.ts': source, 'b.ts': `export function send(x: string) { return x; }` };
  const names = ['early', 'send', 'wrapped', 'save', 'size', 'inner', 'picked', 'checked', 'default', 'early2'];
  const listed = (checker: ts.TypeChecker) =>
    Object.fromEntries(
      names.map((name) => [
        name,
        projectFunctionsNamed(t, checker, name)?.map((fn) => `${fn.getSourceFile().fileName}:${fn.pos}`),
      ]),
    );

  it('lists the same functions in the same order (source order, though the binder binds function declarations first)', () => {
    const options: ts.CompilerOptions = { noLib: true, noEmit: true, types: [] };
    const unbound = (): ts.TypeChecker => {
      const host = ts.createCompilerHost(options);
      host.readFile = (name) => files[name];
      host.fileExists = (name) => name in files;
      host.getSourceFile = (name, version) =>
        name in files ? ts.createSourceFile(name, files[name]!, version, true) : undefined;
      const built = ts.createProgram({ rootNames: Object.keys(files), options, host });
      // Any object keys a program: one that never made a checker leaves its files unbound (the full walk).
      const key = {} as ts.TypeChecker;
      registerProgram(key, built);
      return key;
    };
    const walked = unbound();
    const chained = program(files);
    expect(listed(chained)).toEqual(listed(walked));
    expect(projectFunctionsNamed(t, chained, 'send')?.length).toBe(4);
    // The object literal's property holds it; the destructured variable holds no function of its own.
    expect(projectFunctionsNamed(t, chained, 'picked')?.length).toBe(1);
    expect(projectFunctionsNamed(t, chained, 'checked')?.length).toBe(1);
    expect(projectFunctionsNamed(t, chained, 'wrapped')?.length).toBe(1);
  });
});

describe('projectFunctionsNamed: a container chain closed into a loop', () => {
  it('takes each container once and ends (a file bound again can link its chain back to its start)', () => {
    const text = `export function first() {}\nexport const second = () => 2;\nclass C {\n  third() {}\n}`;
    const options: ts.CompilerOptions = { noLib: true, noEmit: true, types: [] };
    const host = ts.createCompilerHost(options);
    const file = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);
    host.getSourceFile = (name) => (name === 'a.ts' ? file : undefined);
    host.fileExists = (name) => name === 'a.ts';
    const built = ts.createProgram({ rootNames: ['a.ts'], options, host });
    const checker = built.getTypeChecker();
    registerProgram(checker, built);
    type Chained = { nextContainer?: Chained };
    const start = file as unknown as Chained;
    expect(start.nextContainer).toBeDefined();
    let last = start.nextContainer!;
    while (last.nextContainer) last = last.nextContainer;
    last.nextContainer = start.nextContainer;
    expect(projectFunctionsNamed(t, checker, 'third')?.map((fn) => fn.getText())).toEqual(['third() {}']);
    expect(projectFunctionsNamed(t, checker, 'second')?.map((fn) => fn.getText())).toEqual(['() => 2']);
  });
});
