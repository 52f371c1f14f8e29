import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import { accessPath, constInitializer, resolveIdentifier, skipOuterExpressions, staticString } from '../ast/index.js';
import { bindingElementKey, bindingElementSource } from '../flow/aliases.js';
import { createFlowContext } from '../flow/context.js';

/**
 * The catalog of environment-variable access patterns: data first, then the matchers that read it.
 * `no-env-fallback` uses it to find env reads; the scanner's inventory lists the same reads.
 */

/** The runtime whose environment an access reads. */
export type EnvRuntime = 'node' | 'vite' | 'bun' | 'deno';

/** An object that holds the environment as properties: `process.env.X`, `process.env['X']`. */
export interface EnvObjectPattern {
  /** The access path as `accessPath()` spells it (`import.meta` is one segment). */
  readonly path: readonly string[];
  readonly runtime: EnvRuntime;
}

/** A call that reads one variable by name: `Deno.env.get('X')`. */
export interface EnvGetterPattern {
  readonly path: readonly string[];
  readonly runtime: EnvRuntime;
  /** The index of the argument that names the variable. */
  readonly nameArgument: number;
}

/** A module export that is the environment object: `import { env } from 'node:process'`. */
export interface EnvModuleExport {
  readonly module: string;
  readonly exportName: string;
  readonly runtime: EnvRuntime;
}

/** Objects whose properties are environment variables. */
export const ENV_OBJECTS: readonly EnvObjectPattern[] = [
  { path: ['process', 'env'], runtime: 'node' },
  { path: ['globalThis', 'process', 'env'], runtime: 'node' },
  { path: ['import.meta', 'env'], runtime: 'vite' },
  { path: ['Bun', 'env'], runtime: 'bun' },
];

/** Calls that read one environment variable by name. */
export const ENV_GETTERS: readonly EnvGetterPattern[] = [{ path: ['Deno', 'env', 'get'], runtime: 'deno', nameArgument: 0 }];

/** Module exports that are the environment object. */
export const ENV_MODULE_EXPORTS: readonly EnvModuleExport[] = [
  { module: 'node:process', exportName: 'env', runtime: 'node' },
  { module: 'process', exportName: 'env', runtime: 'node' },
];

/** Objects whose `env` property is the environment object, for `const { env } = process`. */
const ENV_OWNERS: readonly (readonly string[])[] = ENV_OBJECTS.filter((p) => p.path[p.path.length - 1] === 'env').map((p) =>
  p.path.slice(0, -1),
);

/** One read of one environment variable. */
export interface EnvRead {
  /** The variable's name, e.g. `JWT_SECRET`. */
  readonly name: string;
  readonly runtime: EnvRuntime;
  /** The expression that reads it (for an alias, the alias's initializer or binding). */
  readonly node: ts.Node;
}

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * The runtime whose environment object this expression is: `process.env`, `import.meta.env`,
 * `Bun.env`, a `const env = process.env` alias, `const { env } = process`, or
 * `import { env } from 'node:process'`. Undefined for anything else.
 */
export function envObjectRuntime(t: TypeScript, node: ts.Expression, checker?: ts.TypeChecker): EnvRuntime | undefined {
  return envObjectRuntimeSeen(t, node, checker, new Set());
}

function envObjectRuntimeSeen(t: TypeScript, node: ts.Expression, checker: ts.TypeChecker | undefined, seen: Set<ts.Node>): EnvRuntime | undefined {
  const expr = skipOuterExpressions(t, node);
  const path = accessPath(t, expr);
  if (path) {
    const hit = ENV_OBJECTS.find((p) => samePath(p.path, path));
    if (hit) return hit.runtime;
  }
  if (!t.isIdentifier(expr)) return undefined;
  const decl = resolveIdentifier(t, expr, checker);
  if (!decl || seen.has(decl)) return undefined;
  seen.add(decl);
  const initializer = t.isVariableDeclaration(decl) && t.isIdentifier(decl.name) ? constInitializer(t, decl) : undefined;
  if (initializer) return envObjectRuntimeSeen(t, initializer, checker, seen);
  if (t.isBindingElement(decl)) {
    // `const { env } = process`
    const flow = createFlowContext(t, { checker });
    const key = bindingElementKey(flow, decl);
    const source = bindingElementSource(flow, decl);
    if (key !== 'env' || !source) return undefined;
    const sourcePath = accessPath(t, source);
    if (sourcePath && ENV_OWNERS.some((p) => samePath(p, sourcePath))) return 'node';
    return undefined;
  }
  if (t.isImportSpecifier(decl)) {
    const exported = (decl.propertyName ?? decl.name).text;
    const moduleSpecifier = decl.parent.parent.parent.moduleSpecifier;
    const module = t.isStringLiteral(moduleSpecifier) ? moduleSpecifier.text : undefined;
    return ENV_MODULE_EXPORTS.find((m) => m.module === module && m.exportName === exported)?.runtime;
  }
  return undefined;
}

/**
 * The environment variable an expression reads directly: `process.env.X`, `process.env['X']`,
 * `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`, `env.X` on an env-object alias. Does not
 * follow variables that hold a read; `envReadOf` does.
 */
export function directEnvRead(t: TypeScript, node: ts.Expression, checker?: ts.TypeChecker): EnvRead | undefined {
  const expr = skipOuterExpressions(t, node);
  if (t.isPropertyAccessExpression(expr) || t.isElementAccessExpression(expr)) {
    const name = t.isPropertyAccessExpression(expr) ? expr.name.text : staticString(t, expr.argumentExpression);
    if (name === undefined) return undefined;
    const runtime = envObjectRuntime(t, expr.expression, checker);
    return runtime ? { name, runtime, node: expr } : undefined;
  }
  if (t.isCallExpression(expr)) {
    const path = accessPath(t, expr.expression);
    const getter = path && ENV_GETTERS.find((g) => samePath(g.path, path));
    const arg = getter && expr.arguments[getter.nameArgument];
    const name = arg && staticString(t, arg);
    return getter && name !== undefined ? { name, runtime: getter.runtime, node: expr } : undefined;
  }
  return undefined;
}

/**
 * The environment variable an expression reads, directly or through a `const` that holds the read
 * (`const secret = process.env.JWT_SECRET`) or a binding destructured from the environment
 * (`const { JWT_SECRET } = process.env`). With `followLet`, `let` variables count too (for
 * `secret ??= 'dev'`, where the variable's own initializer is what is defaulted).
 */
export function envReadOf(
  t: TypeScript,
  node: ts.Expression,
  checker?: ts.TypeChecker,
  followLet = false,
): EnvRead | undefined {
  const seen = new Set<ts.Node>();
  let expr = skipOuterExpressions(t, node);
  for (;;) {
    const direct = directEnvRead(t, expr, checker);
    if (direct) return direct;
    if (!t.isIdentifier(expr)) return undefined;
    const decl = resolveIdentifier(t, expr, checker);
    if (!decl || seen.has(decl)) return undefined;
    seen.add(decl);
    if (t.isBindingElement(decl)) return envBindingRead(t, decl, checker);
    if (!t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name)) return undefined;
    const initializer = followLet ? decl.initializer : constInitializer(t, decl);
    if (!initializer) return undefined;
    expr = skipOuterExpressions(t, initializer);
  }
}

/**
 * The environment variable a destructured binding takes: `JWT_SECRET` in
 * `const { JWT_SECRET = 'dev' } = process.env` or `const { JWT_SECRET: secret } = import.meta.env`.
 */
export function envBindingRead(t: TypeScript, element: ts.BindingElement, checker?: ts.TypeChecker): EnvRead | undefined {
  const flow = createFlowContext(t, { checker });
  const name = bindingElementKey(flow, element);
  const source = name === undefined ? undefined : bindingElementSource(flow, element);
  const runtime = source && envObjectRuntime(t, source, checker);
  return name !== undefined && runtime ? { name, runtime, node: element } : undefined;
}


