import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import { forEachDescendant, isFunctionLike, propertyNameText, skipOuterExpressions } from '../ast/index.js';

// Resolving the callee of `receiver.method(…)` costs the checker the receiver's type. A callee is
// followed only into a function with a body that the program's own code declares, so a method name
// no such function has (`logger.info`, `res.json`, `hash.update`) needs no resolving at all.

/** The program a checker belongs to (a checker does not say): registered by `runChecksOnFile`. */
const programOfChecker = new WeakMap<ts.TypeChecker, ts.Program>();
/** Per source file (reused by TypeScript across program versions): its function names, `null` for "any". */
const namesOfFile = new WeakMap<ts.SourceFile, ReadonlySet<string> | null>();
/** Per program: the union over its own source files, `null` when one declares a name not known statically. */
const namesOfProgram = new WeakMap<ts.Program, ReadonlySet<string> | null>();

export function registerProgram(checker: ts.TypeChecker, program: ts.Program): void {
  programOfChecker.set(checker, program);
}

/**
 * False when no function with a body in the program's own code (not declaration files) is named
 * `name`: a method, function, accessor, or a variable or property holding a function expression.
 * True when that cannot be known (no registered program, a computed name).
 */
export function mayNameProjectFunction(t: TypeScript, checker: ts.TypeChecker, name: string): boolean {
  const program = programOfChecker.get(checker);
  if (!program) return true;
  let names = namesOfProgram.get(program);
  if (names === undefined) {
    const union = new Set<string>();
    names = union;
    for (const file of program.getSourceFiles()) {
      if (file.isDeclarationFile) continue;
      const own = functionNamesIn(t, file);
      if (own === null) {
        names = null;
        break;
      }
      for (const n of own) union.add(n);
    }
    namesOfProgram.set(program, names);
  }
  return names === null || names.has(name);
}

function functionNamesIn(t: TypeScript, file: ts.SourceFile): ReadonlySet<string> | null {
  const cached = namesOfFile.get(file);
  if (cached !== undefined) return cached;
  const names = new Set<string>();
  let unknown = false;
  const add = (name: ts.Node | undefined): void => {
    const text = name && propertyNameText(t, name);
    if (text === undefined) unknown = true;
    else names.add(text);
  };
  forEachDescendant(t, file, (node) => {
    if (isFunctionLike(t, node)) {
      if (node.body && !t.isArrowFunction(node) && !t.isFunctionExpression(node) && !t.isConstructorDeclaration(node))
        if (node.name) add(node.name);
        else names.add('default'); // `export default function () {}`, reached as `module.default`
    } else if (
      (t.isVariableDeclaration(node) || t.isPropertyDeclaration(node) || t.isPropertyAssignment(node)) &&
      node.initializer
    ) {
      const init = skipOuterExpressions(t, node.initializer);
      if (t.isArrowFunction(init) || t.isFunctionExpression(init)) {
        // A destructuring pattern holds no function of its own name.
        if (!t.isVariableDeclaration(node) || t.isIdentifier(node.name)) add(node.name);
      }
    }
    return unknown ? 'stop' : undefined;
  });
  const result = unknown ? null : names;
  namesOfFile.set(file, result);
  return result;
}
