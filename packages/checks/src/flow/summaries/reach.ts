import type * as ts from 'typescript';
import { forEachDescendant, isFunctionLike, propertyNameText, skipOuterExpressions } from '../../ast/index.js';
import type { TypeScript } from '../../check.js';
import { isOuterExpression } from '../project-functions.js';

/**
 * Which calls may resolve to one of a set of functions, known by name before any checker call: the
 * function a call resolves to (`calledFunction`, and the resolution checks do alike: a declaration
 * or `const f = () => …` reached by its identifier, through imports and re-exports, or a method by
 * its property name) bears the name the call uses, up to the renames of imports and exports
 * (`import { a as b }`, `export default`, `module.exports = f`), which are followed as classes of
 * names. A method under a computed name no text says (`[KEY]() {}`) lets every method call through.
 */
export interface CalleeNames {
  /** False when no function of the set is called `callee`'s name (or a rename of it). */
  mayReach(callee: ts.Expression): boolean;
}

/** The names a function can be called by, collected over it and the functions around it. */
interface Enclosing {
  readonly names: readonly string[];
  /** A method under a computed name no text says (`[KEY]() {}`): any method call may reach it. */
  readonly unnamed: boolean;
}

const NONE: Enclosing = { names: [], unnamed: false };

/**
 * The functions around every call `isSeed` accepts in `files` (each function, with those it is
 * nested in): one syntactic pass. Undefined when the pass fails (then every call may reach).
 */
export function functionsAround(
  t: TypeScript,
  files: readonly ts.SourceFile[],
  isSeed: (call: ts.CallExpression) => boolean,
): CalleeNames | undefined {
  const aliases = new NameClasses();
  const K = t.SyntaxKind;
  const aliasKinds = new Set<ts.SyntaxKind>([
    K.ImportSpecifier,
    K.ExportSpecifier,
    K.ImportClause,
    K.ImportEqualsDeclaration,
    K.ExportAssignment,
    K.VariableDeclaration,
    K.BindingElement,
    K.BinaryExpression,
  ]);
  /** The functions around each seed call. */
  const seeds: Enclosing[] = [];
  const enclosingOf = new WeakMap<ts.Node, Enclosing>();
  const enclosing = (node: ts.Node): Enclosing => {
    let fn: ts.Node | undefined = node.parent;
    while (fn && !isFunctionLike(t, fn)) fn = fn.parent;
    if (!fn) return NONE;
    const known = enclosingOf.get(fn);
    if (known) return known;
    const outer = enclosing(fn);
    const own = functionNames(t, fn as ts.FunctionLikeDeclaration);
    const found: Enclosing = { names: [...own.names, ...outer.names], unnamed: own.unnamed || outer.unnamed };
    enclosingOf.set(fn, found);
    return found;
  };
  try {
    for (const file of files) {
      forEachDescendant(t, file, (node) => {
        if (aliasKinds.has(node.kind)) collectAliases(t, node, aliases);
        if (t.isCallExpression(node) && isSeed(node)) seeds.push(enclosing(node));
      });
    }
  } catch {
    return undefined;
  }
  const reached = new Set<string>();
  let anyMethod = false;
  for (const around of seeds) {
    anyMethod ||= around.unnamed;
    for (const name of around.names) for (const alias of aliases.classOf(name)) reached.add(alias);
  }
  return {
    mayReach(callee) {
      const expr = skipOuterExpressions(t, callee);
      if (t.isIdentifier(expr)) return reached.has(expr.text);
      if (t.isPropertyAccessExpression(expr)) return anyMethod || reached.has(expr.name.text);
      return false; // only identifiers and property accesses resolve to a function
    },
  };
}

/**
 * The names `calledFunction` may reach `fn` by: its own name, the variable or property holding it,
 * `default` for a default export, `constructor`; `unnamed` for a name computed from what no text says.
 */
function functionNames(t: TypeScript, fn: ts.FunctionLikeDeclaration): Enclosing {
  const names: string[] = [];
  let unnamed = false;
  const add = (name: ts.Node | undefined): void => {
    if (!name) return;
    const text = propertyNameText(t, name);
    if (text === undefined) unnamed = true;
    else names.push(text);
  };
  add(fn.name);
  if (t.isConstructorDeclaration(fn)) names.push('constructor');
  if (t.isFunctionDeclaration(fn) && (!fn.name || hasDefaultModifier(t, fn))) names.push('default');
  let holder: ts.Node = fn.parent;
  while (isOuterExpression(t, holder)) holder = holder.parent;
  if (t.isVariableDeclaration(holder) || t.isPropertyDeclaration(holder) || t.isPropertyAssignment(holder))
    add(holder.name);
  return { names, unnamed };
}

function hasDefaultModifier(t: TypeScript, node: ts.FunctionDeclaration): boolean {
  return node.modifiers?.some((m) => m.kind === t.SyntaxKind.DefaultKeyword) ?? false;
}

/**
 * Renames between what a module exports and what a caller names: `import { a as b }`,
 * `export { a as b }`, a default import or export (`default`), `import x = require()`,
 * `const x = require()`, `const { a: b } = …`, `module.exports = f`, `exports.a = f`.
 */
function collectAliases(t: TypeScript, node: ts.Node, aliases: NameClasses): void {
  if ((t.isImportSpecifier(node) || t.isExportSpecifier(node)) && node.propertyName)
    aliases.join(node.propertyName.text, node.name.text);
  else if (t.isImportClause(node) && node.name) aliases.join(node.name.text, 'default');
  else if (t.isImportEqualsDeclaration(node)) {
    aliases.join(node.name.text, 'default');
    const ref = node.moduleReference;
    if (t.isQualifiedName(ref)) aliases.join(node.name.text, ref.right.text);
    else if (t.isIdentifier(ref)) aliases.join(node.name.text, ref.text);
  } else if (t.isExportAssignment(node)) {
    const expr = skipOuterExpressions(t, node.expression);
    if (t.isIdentifier(expr)) aliases.join(expr.text, 'default');
    else if (t.isPropertyAccessExpression(expr)) aliases.join(expr.name.text, 'default');
  } else if (t.isVariableDeclaration(node) && t.isIdentifier(node.name) && node.initializer) {
    let init = skipOuterExpressions(t, node.initializer);
    if (t.isAwaitExpression(init)) init = skipOuterExpressions(t, init.expression);
    if (isModuleRequest(t, init)) aliases.join(node.name.text, 'default');
    // JavaScript: `const f = require('./m').g` binds `g` itself.
    else if (t.isPropertyAccessExpression(init) && isModuleRequest(t, skipOuterExpressions(t, init.expression)))
      aliases.join(node.name.text, init.name.text);
  } else if (t.isBindingElement(node) && node.propertyName && t.isIdentifier(node.name)) {
    const key = propertyNameText(t, node.propertyName);
    if (key !== undefined) aliases.join(key, node.name.text);
  } else if (
    t.isBinaryExpression(node) &&
    node.operatorToken.kind === t.SyntaxKind.EqualsToken &&
    t.isIdentifier(skipOuterExpressions(t, node.right))
  ) {
    const right = (skipOuterExpressions(t, node.right) as ts.Identifier).text;
    const left = skipOuterExpressions(t, node.left);
    if (t.isPropertyAccessExpression(left)) {
      aliases.join(left.name.text, right); // `exports.a = f`
      if (left.name.text === 'exports') aliases.join(right, 'default'); // `module.exports = f`
    } else if (t.isIdentifier(left) && left.text === 'exports') aliases.join(right, 'default');
  }
}

/** A `require` or dynamic `import` of a module: what it binds is the module's default export (CommonJS `module.exports`). */
function isModuleRequest(t: TypeScript, expr: ts.Expression): boolean {
  if (!t.isCallExpression(expr)) return false;
  return (
    expr.expression.kind === t.SyntaxKind.ImportKeyword ||
    (t.isIdentifier(expr.expression) && expr.expression.text === 'require')
  );
}

/** Names joined into classes (union-find over strings). */
class NameClasses {
  private readonly parent = new Map<string, string>();
  private members: Map<string, string[]> | undefined;

  join(a: string, b: string): void {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra !== rb) this.parent.set(ra, rb);
    this.members = undefined;
  }

  /** `name` and every name joined with it. */
  classOf(name: string): readonly string[] {
    if (!this.parent.has(name)) return [name];
    if (!this.members) {
      this.members = new Map();
      for (const key of this.parent.keys()) {
        const root = this.root(key);
        const list = this.members.get(root);
        if (list) list.push(key);
        else this.members.set(root, [key]);
      }
    }
    const members = this.members.get(this.root(name)) ?? [];
    return members.includes(name) ? members : [name, ...members];
  }

  private root(name: string): string {
    let at = name;
    for (let up = this.parent.get(at); up !== undefined && up !== at; up = this.parent.get(at)) at = up;
    // Path halving is not needed for the few thousand renames of a program; keep roots in the map.
    if (!this.parent.has(at)) this.parent.set(at, at);
    return at;
  }
}
