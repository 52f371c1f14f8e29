import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import { forEachDescendant, isFunctionLike, propertyNameText, skipOuterExpressions } from '../ast/index.js';

// Resolving the callee of `receiver.method(…)` costs the checker the receiver's type. A callee is
// followed only into a function with a body that the program's own code declares, so a method name
// no such function has (`logger.info`, `res.json`, `hash.update`) needs no resolving at all.

/** The program a checker belongs to (a checker does not say): registered by `runChecksOnFile`. */
const programOfChecker = new WeakMap<ts.TypeChecker, ts.Program>();
/**
 * A program's or a file's functions by name, and those under a name not known statically
 * (`[key]() {}`): a method call of any name may reach one of those.
 */
interface ProjectFunctions {
  readonly named: ReadonlyMap<string, readonly ts.FunctionLikeDeclaration[]>;
  readonly unnamed: readonly ts.FunctionLikeDeclaration[];
}

/** Per source file (reused by TypeScript across program versions). */
const functionsOfFile = new WeakMap<ts.SourceFile, ProjectFunctions>();
/** Per program: the union over its own source files. */
const functionsOfProgram = new WeakMap<ts.Program, ProjectFunctions>();

export function registerProgram(checker: ts.TypeChecker, program: ts.Program): void {
  programOfChecker.set(checker, program);
}

/** The program registered for `checker` (see `registerProgram`); undefined when none was. */
export function programOf(checker: ts.TypeChecker): ts.Program | undefined {
  return programOfChecker.get(checker);
}

/**
 * False when no function with a body in the program's own code (not declaration files) is named
 * `name`: a method, function, accessor, or a variable or property holding a function expression.
 * True when that cannot be known (no registered program, a function under a computed name).
 */
export function mayNameProjectFunction(t: TypeScript, checker: ts.TypeChecker, name: string): boolean {
  const functions = projectFunctionsNamed(t, checker, name);
  return functions === undefined || functions.length > 0;
}

/**
 * The functions with a body in the program's own code (not declaration files) named `name`, as
 * `calledFunction` answers for `receiver.name(…)` (a `const f = () => …` is its arrow function):
 * whatever a method call resolves to is one of them. Undefined when that cannot be known.
 */
export function projectFunctionsNamed(
  t: TypeScript,
  checker: ts.TypeChecker,
  name: string,
): readonly ts.FunctionLikeDeclaration[] | undefined {
  const program = programOfChecker.get(checker);
  if (!program) return undefined;
  let functions = functionsOfProgram.get(program);
  if (!functions) {
    const named = new Map<string, ts.FunctionLikeDeclaration[]>();
    const unnamed: ts.FunctionLikeDeclaration[] = [];
    const add = (n: string, fns: readonly ts.FunctionLikeDeclaration[]): void => {
      const all = named.get(n);
      if (all) for (const fn of fns) all.push(fn);
      else named.set(n, [...fns]);
    };
    for (const file of program.getSourceFiles()) {
      if (file.isDeclarationFile) continue;
      const own = functionsIn(t, file);
      for (const [n, fns] of own.named) add(n, fns);
      for (const fn of own.unnamed) {
        // `[KEY]() {}`: the checker knows a `const KEY = 'send'`, and that a symbol is no name.
        const type = computedNameType(t, checker, fn);
        if (type && type.flags & t.TypeFlags.ESSymbolLike) continue;
        if (type?.isStringLiteral()) add(type.value, [fn]);
        else unnamed.push(fn);
      }
    }
    functions = { named, unnamed };
    functionsOfProgram.set(program, functions);
  }
  const named = functions.named.get(name) ?? [];
  return functions.unnamed.length === 0 ? named : [...named, ...functions.unnamed];
}

function functionsIn(t: TypeScript, file: ts.SourceFile): ProjectFunctions {
  const cached = functionsOfFile.get(file);
  if (cached) return cached;
  const named = new Map<string, ts.FunctionLikeDeclaration[]>();
  const unnamed: ts.FunctionLikeDeclaration[] = [];
  const add = (fn: ts.FunctionLikeDeclaration, name: ts.Node | string): void => {
    const text = typeof name === 'string' ? name : propertyNameText(t, name);
    if (text !== undefined) {
      const all = named.get(text);
      if (all) all.push(fn);
      else named.set(text, [fn]);
    } else if (!isWellKnownSymbolName(t, name as ts.Node)) unnamed.push(fn);
  };
  // A declared function by its name; `const f = () => …`, `f: function () {}` by the variable's or property's.
  const addDeclared = (node: ts.Node): void => {
    if (isFunctionLike(t, node) && node.body && !isFunctionValue(t, node) && !t.isConstructorDeclaration(node))
      add(node, node.name ?? 'default'); // `export default function () {}`, reached as `module.default`
  };
  const addHeld = (holder: ts.Node): void => {
    if (
      (t.isVariableDeclaration(holder) || t.isPropertyDeclaration(holder) || t.isPropertyAssignment(holder)) &&
      holder.initializer
    ) {
      const init = skipOuterExpressions(t, holder.initializer);
      // A destructuring pattern holds no function of its own name.
      if (isFunctionValue(t, init) && (!t.isVariableDeclaration(holder) || t.isIdentifier(holder.name)))
        add(init, holder.name);
    }
  };
  const bound = file as unknown as BoundContainer;
  if (bound.locals !== undefined) {
    // Bound (a checker exists, parents are set): the binder chains every node that declares locals,
    // every function among them; following it costs a few thousand steps instead of a walk over
    // every node. It binds function declarations first: sorted back into the walk's order (source
    // order, a held function at its holder), so the lists read the same either way.
    const found: { readonly at: number; readonly node: ts.Node }[] = [];
    // A file bound again (a second checker over the same source file) links its chain anew and can
    // close it into a loop: each container is taken once (real code: the fastify scan ran out of memory).
    const visited = new Set<ts.Node>();
    for (
      let next = bound.nextContainer;
      next && !visited.has(next);
      next = (next as unknown as BoundContainer).nextContainer
    ) {
      visited.add(next);
      let holder: ts.Node = next;
      if (isFunctionValue(t, next)) {
        holder = next.parent;
        while (isOuterExpression(t, holder)) holder = holder.parent;
      }
      if (isFunctionLike(t, holder) || holder !== next) found.push({ at: holder.pos, node: holder });
    }
    found.sort((a, b) => a.at - b.at);
    for (const { node } of found) {
      addDeclared(node);
      addHeld(node);
    }
  } else
    forEachDescendant(t, file, (node) => {
      addDeclared(node);
      addHeld(node);
    });
  const result = { named, unnamed };
  functionsOfFile.set(file, result);
  return result;
}

/**
 * What TypeScript's binder leaves on a node (internal, stable since TypeScript 1.x): a bound source
 * file has `locals`, and `nextContainer` links it to every container (functions, classes, blocks
 * with declarations, ...) of the file in source order.
 */
interface BoundContainer {
  readonly locals?: unknown;
  readonly nextContainer?: ts.Node;
}

/** An arrow function or function expression: a value, named by what holds it. */
function isFunctionValue(t: TypeScript, node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return t.isArrowFunction(node) || t.isFunctionExpression(node);
}

/** The wrappers `skipOuterExpressions` looks through. */
export function isOuterExpression(t: TypeScript, node: ts.Node): boolean {
  return (
    t.isParenthesizedExpression(node) ||
    t.isAsExpression(node) ||
    t.isSatisfiesExpression(node) ||
    t.isNonNullExpression(node) ||
    t.isTypeAssertionExpression(node)
  );
}

/** The type of the expression in a function's computed name (`[KEY]() {}`, `[KEY]: () => …`); undefined when unknown. */
function computedNameType(t: TypeScript, checker: ts.TypeChecker, fn: ts.FunctionLikeDeclaration): ts.Type | undefined {
  const name = t.isArrowFunction(fn) || t.isFunctionExpression(fn) ? (fn.parent as { name?: ts.Node }).name : fn.name;
  if (!name || !t.isComputedPropertyName(name)) return undefined;
  try {
    return checker.getTypeAtLocation(name.expression);
  } catch {
    return undefined;
  }
}

/** `[Symbol.iterator]() {}`: no `receiver.name(…)` call reaches a member named by a well-known symbol. */
function isWellKnownSymbolName(t: TypeScript, name: ts.Node): boolean {
  if (!t.isComputedPropertyName(name)) return false;
  const expr = skipOuterExpressions(t, name.expression);
  return t.isPropertyAccessExpression(expr) && t.isIdentifier(expr.expression) && expr.expression.text === 'Symbol';
}
