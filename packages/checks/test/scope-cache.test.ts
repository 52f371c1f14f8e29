import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { resolveIdentifier } from '../src/ast/index.js';
import type { TypeScript } from '../src/check.js';

const t = ts as unknown as TypeScript;

/** A program over in-memory files; `reuse` hands back the same parsed file objects, as a language service does. */
function programOf(files: Record<string, string>, reuse: Map<string, ts.SourceFile>): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noLib: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  host.fileExists = (name) => name.replace(/^\//, '') in files;
  host.readFile = (name) => files[name.replace(/^\//, '')];
  host.getSourceFile = (name) => {
    const key = name.replace(/^\//, '');
    const text = files[key];
    if (text === undefined) return undefined;
    const previous = reuse.get(key);
    if (previous && previous.text === text) return previous;
    const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
    reuse.set(key, file);
    return file;
  };
  return ts.createProgram(
    Object.keys(files).map((f) => `/${f}`),
    options,
    host,
  );
}

function lastIdentifier(file: ts.SourceFile, name: string): ts.Identifier {
  let found: ts.Identifier | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) found = node;
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

describe('resolveIdentifier with a checker', () => {
  it('answers from the program it is asked with, even for a file two programs share', () => {
    const reuse = new Map<string, ts.SourceFile>();
    const main = "import { log } from './logger';\nlog('x');\n";
    const first = programOf({ 'main.ts': main, 'logger.ts': 'export const log = (m: string) => m;\n' }, reuse);
    const second = programOf({ 'main.ts': main, 'logger.ts': 'export function log(m: string) { return m; }\n' }, reuse);
    const file = first.getSourceFile('/main.ts')!;
    // The unchanged file is the very same object in both programs.
    expect(second.getSourceFile('/main.ts')).toBe(file);
    const id = lastIdentifier(file, 'log');
    const fromFirst = resolveIdentifier(t, id, first.getTypeChecker());
    const fromSecond = resolveIdentifier(t, id, second.getTypeChecker());
    expect(fromFirst && ts.isVariableDeclaration(fromFirst)).toBe(true);
    expect(fromSecond && ts.isFunctionDeclaration(fromSecond)).toBe(true);
    // Asked again, each program keeps its own answer.
    expect(resolveIdentifier(t, id, first.getTypeChecker())).toBe(fromFirst);
    expect(resolveIdentifier(t, id, second.getTypeChecker())).toBe(fromSecond);
  });

  it('remembers that a name resolves to nothing', () => {
    const program = programOf({ 'main.ts': 'undeclaredThing();\n' }, new Map());
    const id = lastIdentifier(program.getSourceFile('/main.ts')!, 'undeclaredThing');
    expect(resolveIdentifier(t, id, program.getTypeChecker())).toBeUndefined();
    expect(resolveIdentifier(t, id, program.getTypeChecker())).toBeUndefined();
  });
});

describe('resolveIdentifier on imports the checker cannot follow', () => {
  it('returns the import itself when the module is not installed, as the lexical lookup does', () => {
    const program = programOf(
      { 'a.ts': "import { secretKey } from 'not-installed';\nexport const k = secretKey;\n" },
      new Map(),
    );
    const file = program.getSourceFile('/a.ts')!;
    const id = lastIdentifier(file, 'secretKey');
    const withChecker = resolveIdentifier(t, id, program.getTypeChecker());
    expect(withChecker && ts.isImportSpecifier(withChecker)).toBe(true);
    expect(withChecker).toBe(resolveIdentifier(t, id, undefined));
  });
});
