import type * as ts from 'typescript';
import {
  accessPath,
  constInitializer,
  forEachDescendant,
  propertyNameText,
  resolveIdentifier,
  skipOuterExpressions,
  type Declaration,
} from '../ast/index.js';
import type { FlowContext } from './context.js';

/**
 * Alias following within a function (and, with a checker, into the declarations it resolves to):
 * `const log = console.log`, `const { info } = logger`, `const warn = logger.warn.bind(logger)`,
 * `const headers = req.headers`.
 */

const MAX_ALIAS_HOPS = 8;

/** The property a binding element takes: `a` in `{ a }`, `{ a: b }`, `{ a = 1 }`; undefined for `...rest` and arrays. */
export function bindingElementKey(ctx: FlowContext, element: ts.BindingElement): string | undefined {
  const t = ctx.ts;
  if (element.dotDotDotToken || !t.isObjectBindingPattern(element.parent)) return undefined;
  if (element.propertyName) return propertyNameText(t, element.propertyName);
  return t.isIdentifier(element.name) ? element.name.text : undefined;
}

/**
 * The expression a binding element's pattern destructures: the initializer of the declaration or
 * parameter that owns the pattern, or (for nested patterns) the parent element's value as a
 * synthetic path is not an expression, so nested patterns yield undefined.
 */
export function bindingElementSource(ctx: FlowContext, element: ts.BindingElement): ts.Expression | undefined {
  const t = ctx.ts;
  const owner = element.parent.parent;
  if ((t.isVariableDeclaration(owner) || t.isParameter(owner)) && owner.initializer) return owner.initializer;
  return undefined;
}

/** Resolves an identifier to its declaration (lexically, or through the checker when there is one). */
export function declarationOf(ctx: FlowContext, id: ts.Identifier): Declaration | undefined {
  // Without a checker the lookup is lexical, so a name this file never declares resolves to
  // nothing: skip the scope walk, which is the costliest part of the analysis on large files.
  if (!ctx.checker && !declaredNames(ctx, id.getSourceFile()).all.has(id.text)) return undefined;
  return resolveIdentifier(ctx.ts, id, ctx.checker);
}

/**
 * Like `declarationOf`, for callers that only care about variables (aliases are `const`s and
 * destructured bindings): without a checker, names only ever declared as functions, classes or
 * parameters are not looked up.
 */
export function variableDeclarationOf(ctx: FlowContext, id: ts.Identifier): Declaration | undefined {
  if (!ctx.checker && !declaredNames(ctx, id.getSourceFile()).variables.has(id.text)) return undefined;
  return declarationOf(ctx, id);
}

interface DeclaredNames {
  /** Every name the file declares: variables, bindings, parameters, functions, classes, enums, imports. */
  readonly all: Set<string>;
  /** Names declared by variable declarations and their binding patterns. */
  readonly variables: Set<string>;
}

function declaredNames(ctx: FlowContext, file: ts.SourceFile): DeclaredNames {
  const cached = ctx.cache.get(file) as DeclaredNames | undefined;
  if (cached) return cached;
  const t = ctx.ts;
  const names: DeclaredNames = { all: new Set(), variables: new Set() };
  forEachDescendant(t, file, (node) => {
    if (
      (t.isVariableDeclaration(node) ||
        t.isParameter(node) ||
        t.isBindingElement(node) ||
        t.isFunctionDeclaration(node) ||
        t.isClassDeclaration(node) ||
        t.isEnumDeclaration(node) ||
        t.isImportSpecifier(node) ||
        t.isImportClause(node) ||
        t.isNamespaceImport(node) ||
        t.isImportEqualsDeclaration(node)) &&
      node.name &&
      t.isIdentifier(node.name)
    ) {
      names.all.add(node.name.text);
      if (t.isVariableDeclaration(node) || (t.isBindingElement(node) && !t.isParameter(bindingOwner(t, node))))
        names.variables.add(node.name.text);
    }
  });
  ctx.cache.set(file, names);
  return names;
}

/** The declaration or parameter a (possibly nested) binding element belongs to. */
function bindingOwner(t: FlowContext['ts'], element: ts.BindingElement): ts.Node {
  let owner: ts.Node = element.parent.parent;
  while (t.isBindingElement(owner)) owner = owner.parent.parent;
  return owner;
}

/**
 * Follows `const` aliases from an expression to the expression they were made from:
 * `app` in `const app = pino(); app.info(...)` -> `pino()`. Stops at anything that is not an
 * identifier bound by `const` with an initializer.
 */
export function originOf(ctx: FlowContext, expr: ts.Expression): ts.Expression {
  const t = ctx.ts;
  let current = skipOuterExpressions(t, expr);
  const seen = new Set<ts.Node>();
  for (let hop = 0; hop < MAX_ALIAS_HOPS && t.isIdentifier(current); hop++) {
    const decl = variableDeclarationOf(ctx, current);
    if (!decl || seen.has(decl)) break;
    seen.add(decl);
    const init = constInitializer(t, decl);
    if (!init) break;
    current = skipOuterExpressions(t, init);
  }
  return current;
}

/**
 * The access path of an expression with its root aliases followed:
 * `headers.authorization` after `const headers = req.headers` -> `["req","headers","authorization"]`;
 * `info` after `const { info } = logger` -> `["logger","info"]`.
 */
export function expandedPath(ctx: FlowContext, expr: ts.Expression): string[] | undefined {
  return expandPath(ctx, expr, 0);
}

function expandPath(ctx: FlowContext, node: ts.Expression, hops: number): string[] | undefined {
  const t = ctx.ts;
  const expr = skipOuterExpressions(t, node);
  const path = accessPath(t, expr);
  if (!path || hops >= MAX_ALIAS_HOPS) return path;
  const root = rootIdentifier(ctx, expr);
  if (!root) return path;
  const decl = variableDeclarationOf(ctx, root);
  if (!decl) return path;
  const rest = path.slice(1);
  if (t.isBindingElement(decl)) {
    const key = bindingElementKey(ctx, decl);
    const source = bindingElementSource(ctx, decl);
    const base = key !== undefined && source ? expandPath(ctx, source, hops + 1) : undefined;
    return base ? [...base, key!, ...rest] : path;
  }
  const init = constInitializer(t, decl);
  if (!init) return path;
  const target = unwrapBind(ctx, skipOuterExpressions(t, init));
  // Only member chains and plain identifiers are aliases; a call's result is a new value.
  if (!t.isIdentifier(target) && !t.isPropertyAccessExpression(target) && !t.isElementAccessExpression(target))
    return path;
  const base = expandPath(ctx, target, hops + 1);
  return base ? [...base, ...rest] : path;
}

/** `logger.warn.bind(logger)` -> `logger.warn`; anything else unchanged. */
export function unwrapBind(ctx: FlowContext, expr: ts.Expression): ts.Expression {
  const t = ctx.ts;
  if (
    t.isCallExpression(expr) &&
    t.isPropertyAccessExpression(expr.expression) &&
    expr.expression.name.text === 'bind'
  ) {
    return skipOuterExpressions(t, expr.expression.expression);
  }
  return expr;
}

/** The identifier a member chain starts from (`req` in `req.headers.x`), if any. */
export function rootIdentifier(ctx: FlowContext, expr: ts.Expression): ts.Identifier | undefined {
  const t = ctx.ts;
  let current = skipOuterExpressions(t, expr);
  while (t.isPropertyAccessExpression(current) || t.isElementAccessExpression(current) || t.isCallExpression(current)) {
    current = skipOuterExpressions(t, current.expression);
  }
  return t.isIdentifier(current) ? current : undefined;
}

/**
 * The path of what a call really calls, with aliases followed: `log('x')` after
 * `const log = console.log` -> `["console","log"]`; `warn(...)` after
 * `const warn = logger.warn.bind(logger)` -> `["logger","warn"]`.
 */
export function calleeTarget(ctx: FlowContext, callee: ts.Expression): string[] | undefined {
  return expandedPath(ctx, unwrapBind(ctx, skipOuterExpressions(ctx.ts, callee)));
}

/** The module an identifier is imported from (`import x from 'm'`, `import { x } from 'm'`, `const x = require('m')`). */
export function importedFrom(ctx: Pick<FlowContext, 'ts'>, id: ts.Identifier): string | undefined {
  const t = ctx.ts;
  // Lexical lookup: the checker would follow the import into the module and lose the specifier.
  const decl = resolveIdentifier(t, id, undefined);
  if (!decl) return undefined;
  let declaration: ts.Node | undefined;
  if (t.isImportClause(decl)) declaration = decl.parent;
  else if (t.isImportSpecifier(decl)) declaration = decl.parent.parent.parent;
  else if (t.isNamespaceImport(decl)) declaration = decl.parent.parent;
  if (declaration && t.isImportDeclaration(declaration) && t.isStringLiteral(declaration.moduleSpecifier))
    return declaration.moduleSpecifier.text;
  const init = constInitializer(t, decl);
  const call = init && skipOuterExpressions(t, init);
  if (call && t.isCallExpression(call)) return requiredModule(ctx, call);
  return undefined;
}

/** `require('m')` -> `m`. */
export function requiredModule(ctx: Pick<FlowContext, 'ts'>, call: ts.CallExpression): string | undefined {
  const t = ctx.ts;
  const arg = call.arguments[0];
  if (t.isIdentifier(call.expression) && call.expression.text === 'require' && arg && t.isStringLiteral(arg))
    return arg.text;
  return undefined;
}
