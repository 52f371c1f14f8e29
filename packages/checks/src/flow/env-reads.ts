import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import {
  accessPath,
  calleeName,
  constInitializer,
  forEachDescendant,
  propertyNameText,
  resolveIdentifier,
  skipOuterExpressions,
  staticString,
} from '../ast/index.js';
import {
  CONFIG_SCHEMA_CALLS,
  ENV_CONFIG_GETTERS,
  ENV_GETTERS,
  ENV_MODULE_EXPORTS,
  ENV_OBJECTS,
  ENV_READER_MODULES,
  ENV_SCHEMA_CALLS,
  ENV_SCHEMA_PARSE_METHODS,
  OBJECT_SCHEMA_FACTORIES,
  SCHEMA_DEFAULT_KEYS,
  SCHEMA_DEFAULT_METHODS,
  type EnvRuntime,
} from '../catalogs/env.js';
import { PASS_THROUGH_METHODS } from '../catalogs/pass-through.js';
import { bindingElementKey, bindingElementSource, declarationOf } from './aliases.js';
import { calledFunction } from './callees.js';
import { createFlowContext, type FlowContext } from './context.js';
import { callerParameters, isProjectFunction, returnedExpressions } from './summaries/parameters.js';
import { objectPropertyValue } from '../ast/values.js';
import { classifyName } from '../names/index.js';

/**
 * Environment reads and defaults, recognised on the syntax tree from the tables in
 * `../catalogs/env.ts`: `no-env-fallback` uses them to find env reads; the inventory lists the same reads.
 */

/** An UPPER_SNAKE environment variable name. */
const ENV_VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Objects whose `env` property is the environment object, for `const { env } = process`. */
const ENV_OWNERS: readonly (readonly string[])[] = ENV_OBJECTS.filter((p) => p.path[p.path.length - 1] === 'env').map(
  (p) => p.path.slice(0, -1),
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

function envObjectRuntimeSeen(
  t: TypeScript,
  node: ts.Expression,
  checker: ts.TypeChecker | undefined,
  seen: Set<ts.Node>,
): EnvRuntime | undefined {
  const expr = skipOuterExpressions(t, node);
  const path = accessPath(t, expr);
  if (path) {
    const hit = ENV_OBJECTS.find((p) => samePath(p.path, path));
    if (hit) return hit.runtime;
  }
  // `export const env = createEnv({ …, runtimeEnv: process.env })`, `envSchema.parse(process.env)`: the
  // validated environment, read as the environment (with a checker, also imported from its module).
  if (t.isCallExpression(expr) && seen.size > 0 && isValidatedEnv(t, expr, checker)) return 'node';
  if (!t.isIdentifier(expr)) return undefined;
  const decl = bindingOf(t, expr, checker);
  if (!decl || seen.has(decl)) return undefined;
  seen.add(decl);
  const initializer =
    t.isVariableDeclaration(decl) && t.isIdentifier(decl.name) ? constInitializer(t, decl) : undefined;
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

/** A call that returns the validated environment: an env-schema library's, or a schema's parse of it. */
function isValidatedEnv(t: TypeScript, call: ts.CallExpression, checker: ts.TypeChecker | undefined): boolean {
  const name = calleeName(t, call.expression);
  if (name === undefined) return false;
  if (ENV_SCHEMA_CALLS.some((c) => c.callee === name)) return true;
  return (
    ENV_SCHEMA_PARSE_METHODS.includes(name) &&
    call.arguments[0] !== undefined &&
    envObjectRuntime(t, call.arguments[0], checker) !== undefined
  );
}

/**
 * The declaration an identifier refers to. With a checker, an import from a module that is not
 * installed resolves to nothing (`import { env } from 'node:process'` without `@types/node`): the
 * import itself is then the binding, found lexically.
 */
function bindingOf(t: TypeScript, id: ts.Identifier, checker: ts.TypeChecker | undefined): ts.Node | undefined {
  const decl = resolveIdentifier(t, id, checker);
  if (decl || !checker) return decl;
  const lexical = resolveIdentifier(t, id, undefined);
  return lexical && (t.isImportSpecifier(lexical) || t.isImportClause(lexical) || t.isNamespaceImport(lexical))
    ? lexical
    : undefined;
}

/** The module an import declaration's binding comes from: `'env-var'` for `import env from 'env-var'`. */
function importedModule(t: TypeScript, decl: ts.Node): string | undefined {
  let node: ts.Node | undefined = decl;
  while (node && !t.isImportDeclaration(node)) node = node.parent;
  return node && t.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
}

/**
 * A config-service read with a default argument, `configService.get('JWT_SECRET', 'dev')`, or a
 * plain config-service read `config.get('JWT_SECRET')` (then `fallback` is undefined). See
 * `ENV_CONFIG_GETTERS`.
 */
export function configGetterRead(
  t: TypeScript,
  node: ts.Node,
): { read: EnvRead; fallback: ts.Expression | undefined } | undefined {
  if (!t.isCallExpression(node)) return undefined;
  const callee = skipOuterExpressions(t, node.expression);
  if (!t.isPropertyAccessExpression(callee)) return undefined;
  const getters = ENV_CONFIG_GETTERS.filter((g) => g.method === callee.name.text);
  if (getters.length === 0) return undefined;
  const last = configReceiverName(t, callee.expression)?.toLowerCase();
  const getter = last && getters.find((g) => g.receiverSuffixes.some((suffix) => last.endsWith(suffix)));
  const nameArg = getter ? node.arguments[getter.nameArgument] : undefined;
  const name = nameArg && staticString(t, nameArg);
  // A namespaced key (`jwt.secret`) is a setting, not a variable: it counts when it names a secret.
  if (!getter || name === undefined || !(ENV_VARIABLE_NAME.test(name) || classifyName(name).isSecret)) return undefined;
  return { read: { name, runtime: 'node', node }, fallback: node.arguments[getter.defaultArgument] };
}

/**
 * The name a config getter's receiver goes by: its own (`this.configService`, `appConfig`), else the
 * class it is made from or typed as (`new ConfigService()`, `const cs = new ConfigService()`,
 * `(cs: ConfigService)`), found lexically.
 */
function configReceiverName(t: TypeScript, receiver: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(t, receiver);
  const path = accessPath(t, expr);
  const own = path?.[path.length - 1];
  const typeName = (type: ts.TypeNode | undefined) =>
    type && t.isTypeReferenceNode(type) ? (accessPath(t, type.typeName as ts.Expression) ?? []).pop() : undefined;
  const constructed = (e: ts.Expression | undefined) => {
    const inner = e && skipOuterExpressions(t, e);
    return inner && t.isNewExpression(inner) ? accessPath(t, inner.expression)?.pop() : undefined;
  };
  if (t.isNewExpression(expr)) return constructed(expr);
  if (own !== undefined && /config/i.test(own)) return own;
  if (!t.isIdentifier(expr)) return own;
  const decl = resolveIdentifier(t, expr, undefined);
  if (decl && t.isVariableDeclaration(decl)) return constructed(decl.initializer) ?? typeName(decl.type) ?? own;
  if (decl && t.isParameter(decl)) return typeName(decl.type) ?? own;
  return own;
}

/** An env-reader library's chained default, `env.get('X').default('dev')` from env-var: the read and the default. */
function readerLibraryDefault(
  t: TypeScript,
  node: ts.Node,
  checker: ts.TypeChecker | undefined,
): { read: EnvRead; fallback: ts.Expression } | undefined {
  if (!t.isCallExpression(node) || node.arguments.length === 0) return undefined;
  const callee = skipOuterExpressions(t, node.expression);
  if (!t.isPropertyAccessExpression(callee)) return undefined;
  const library = ENV_READER_MODULES.find((m) => m.defaultMethod === callee.name.text);
  const inner = library && skipOuterExpressions(t, callee.expression);
  if (!library || !inner || !t.isCallExpression(inner) || !inner.arguments[0]) return undefined;
  const getter = skipOuterExpressions(t, inner.expression);
  if (!t.isPropertyAccessExpression(getter) || getter.name.text !== library.method) return undefined;
  const owner = skipOuterExpressions(t, getter.expression);
  const decl = t.isIdentifier(owner) ? bindingOf(t, owner, checker) : undefined;
  const fromLibrary =
    decl !== undefined && (importedModule(t, decl) === library.module || requiredModule(t, decl) === library.module);
  const name = staticString(t, inner.arguments[0]);
  if (!fromLibrary || name === undefined) return undefined;
  return { read: { name, runtime: 'node', node: inner }, fallback: node.arguments[0]! };
}

/** The module a `const x = require('m')` binding holds. */
function requiredModule(t: TypeScript, decl: ts.Node): string | undefined {
  if (!t.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const init = skipOuterExpressions(t, decl.initializer);
  if (
    !t.isCallExpression(init) ||
    !t.isIdentifier(init.expression) ||
    init.expression.text !== 'require' ||
    !init.arguments[0]
  )
    return undefined;
  return staticString(t, init.arguments[0]);
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
    if (getter) return name !== undefined ? { name, runtime: getter.runtime, node: expr } : undefined;
    // `env('JWT_SECRET')`: a helper of the project's that returns the variable it is asked for.
    return helperEnvRead(t, expr, checker)?.read;
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
    if (t.isPropertyAccessExpression(expr)) {
      // `config.jwtSecret` of a config object built from the environment (`{ jwtSecret: process.env.JWT_SECRET }`).
      const field = configFieldValue(t, expr, checker);
      if (!field || seen.has(field)) return undefined;
      seen.add(field);
      expr = skipOuterExpressions(t, field);
      continue;
    }
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
 * The value a config object's field was initialized with: with a checker, the declaration of the
 * property read (in any module); without one, the field of a `const` object literal in this file.
 */
function configFieldValue(
  t: TypeScript,
  expr: ts.PropertyAccessExpression,
  checker: ts.TypeChecker | undefined,
): ts.Expression | undefined {
  if (!checker) return objectPropertyValue(t, expr.expression, expr.name.text);
  let decl: ts.Declaration | undefined;
  try {
    const symbol = checker.getSymbolAtLocation(expr.name);
    decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  } catch {
    return undefined;
  }
  if (decl && t.isPropertyAssignment(decl) && t.isObjectLiteralExpression(decl.parent)) return decl.initializer;
  if (decl && t.isShorthandPropertyAssignment(decl)) return decl.name;
  return undefined;
}

/**
 * The environment variable a destructured binding takes: `JWT_SECRET` in
 * `const { JWT_SECRET = 'dev' } = process.env` or `const { JWT_SECRET: secret } = import.meta.env`.
 */
export function envBindingRead(
  t: TypeScript,
  element: ts.BindingElement,
  checker?: ts.TypeChecker,
): EnvRead | undefined {
  const flow = createFlowContext(t, { checker });
  const name = bindingElementKey(flow, element);
  const source = name === undefined ? undefined : bindingElementSource(flow, element);
  const runtime = source && envObjectRuntime(t, source, checker);
  return name !== undefined && runtime ? { name, runtime, node: element } : undefined;
}

/** How a default is given to an environment variable. */
export type EnvDefaultForm =
  | '??'
  | '||'
  | '??='
  | '||='
  | 'conditional'
  | 'destructuring'
  | 'guarded-assignment'
  | 'schema-default'
  | 'getter-default'
  | 'helper-default'
  | 'spread-default';

/** A construct that gives an environment variable a default; whether the default is a constant is the caller's call. */
export interface EnvDefaultSite {
  /** The whole construct: the `??` expression, the conditional, the binding element, the assignment. */
  readonly node: ts.Node;
  /** The variables defaulted: one, or several for a chain `A ?? B ?? 'x'`. */
  readonly reads: readonly EnvRead[];
  /** The default value. */
  readonly fallback: ts.Expression;
  readonly form: EnvDefaultForm;
  /**
   * What a required-env call would replace: the whole expression, or only the default (for `??=`,
   * destructuring defaults, guarded assignments). Undefined when the value is built from the read
   * (`X ? \`postgres://${X}@db\` : '…'`), where no single call replaces it.
   */
  readonly replaced: ts.Node | undefined;
}

/**
 * Says whether a node gives an environment variable a default: `process.env.X ?? d`, `|| d`,
 * `??= d`, `||= d`, `process.env.X ? process.env.X : d`, `X ? \`…${X}…\` : d`,
 * `const { X = d } = process.env`, `if (!process.env.X) process.env.X = d`. Reads may go through
 * aliases (`envReadOf`).
 */
export function envDefaultSite(t: TypeScript, node: ts.Node, checker?: ts.TypeChecker): EnvDefaultSite | undefined {
  if (t.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === t.SyntaxKind.QuestionQuestionToken || op === t.SyntaxKind.BarBarToken) {
      const form = op === t.SyntaxKind.QuestionQuestionToken ? '??' : '||';
      const configRead = configGetterRead(t, skipOuterExpressions(t, node.left));
      const reads =
        envReadChain(t, node.left, checker, false) ??
        (configRead && !configRead.fallback ? [configRead.read] : undefined);
      if (reads) return { node, reads, fallback: node.right, form, replaced: node };
      // `process.env.PRIVATE_KEY?.replace(/\\n/g, '\n') ?? ''`: the read reshaped, then defaulted.
      const reshaped = reshapedEnvRead(t, node.left, checker);
      return reshaped && { node, reads: [reshaped], fallback: node.right, form, replaced: undefined };
    }
    if (op === t.SyntaxKind.QuestionQuestionEqualsToken || op === t.SyntaxKind.BarBarEqualsToken) {
      const reads = envReadChain(t, node.left, checker, true);
      const form = op === t.SyntaxKind.QuestionQuestionEqualsToken ? '??=' : '||=';
      return reads && { node, reads, fallback: node.right, form, replaced: node.right };
    }
    if (op === t.SyntaxKind.EqualsToken) {
      // The guard first: most assignments are not in an `if`, and reading the left side costs more.
      const guard = guardingCondition(t, node);
      const read = guard && envReadOf(t, node.left, checker, true);
      return read && guard && mentionsEnv(t, guard, read.name, checker)
        ? { node, reads: [read], fallback: node.right, form: 'guarded-assignment', replaced: node.right }
        : undefined;
    }
    return undefined;
  }
  if (t.isConditionalExpression(node)) {
    const tested = envReadsIn(t, node.condition, checker);
    for (const [value, other] of [
      [node.whenTrue, node.whenFalse],
      [node.whenFalse, node.whenTrue],
    ] as const) {
      const direct = envReadOf(t, value, checker);
      const reads = direct && tested.has(direct.name) ? [direct] : usedInText(t, value, tested, checker);
      if (reads.length === 1 && !mentionsEnv(t, other, reads[0]!.name, checker)) {
        return { node, reads, fallback: other, form: 'conditional', replaced: direct ? node : undefined };
      }
    }
    return undefined;
  }
  if (t.isBindingElement(node) && node.initializer) {
    const read = envBindingRead(t, node, checker);
    return (
      read && { node, reads: [read], fallback: node.initializer, form: 'destructuring', replaced: node.initializer }
    );
  }
  if (t.isCallExpression(node)) {
    const configRead = configGetterRead(t, node);
    if (configRead?.fallback)
      return { node, reads: [configRead.read], fallback: configRead.fallback, form: 'getter-default', replaced: node };
    // `getEnv('JWT_SECRET', 'dev')`: a helper whose body defaults the variable it reads.
    const helper = helperEnvRead(t, node, checker);
    if (helper?.fallback)
      return { node, reads: [helper.read], fallback: helper.fallback, form: 'helper-default', replaced: node };
    const library = readerLibraryDefault(t, node, checker);
    // The chain goes on (`.asString()`): no single call replaces it.
    if (library)
      return { node, reads: [library.read], fallback: library.fallback, form: 'getter-default', replaced: undefined };
  }
  return undefined;
}

/** The default site whose default is `value`, if `value` is one: for callers that start from a literal. */
export function envDefaultOf(
  t: TypeScript,
  value: ts.Expression,
  checker?: ts.TypeChecker,
): EnvDefaultSite | undefined {
  let node: ts.Node = value;
  while (
    node.parent &&
    (t.isParenthesizedExpression(node.parent) ||
      t.isAsExpression(node.parent) ||
      t.isSatisfiesExpression(node.parent) ||
      t.isNonNullExpression(node.parent))
  ) {
    node = node.parent;
  }
  const site = node.parent && envDefaultSite(t, node.parent, checker);
  return site && site.fallback === node ? site : undefined;
}

/** The read under pass-through method calls (`.replace(…)`, `.trim()`, `?.toString()`), when there is at least one. */
function reshapedEnvRead(t: TypeScript, node: ts.Expression, checker: ts.TypeChecker | undefined): EnvRead | undefined {
  let expr = skipOuterExpressions(t, node);
  let reshaped = false;
  for (;;) {
    if (!t.isCallExpression(expr)) break;
    const callee = skipOuterExpressions(t, expr.expression);
    if (!t.isPropertyAccessExpression(callee) || !PASS_THROUGH_METHODS.includes(callee.name.text)) break;
    expr = skipOuterExpressions(t, callee.expression);
    reshaped = true;
  }
  return reshaped ? envReadOf(t, expr, checker) : undefined;
}

/**
 * Reads an operand makes: one read, or a chain `A ?? B` of reads only. Taken apart with a loop,
 * right to left (a chain nests to the left, so a non-read on the right ends the search at once):
 * generated code chains thousands of operands, too deep for one call per operand.
 */
function envReadChain(
  t: TypeScript,
  node: ts.Expression,
  checker: ts.TypeChecker | undefined,
  followLet: boolean,
): EnvRead[] | undefined {
  const reads: EnvRead[] = [];
  const pending: ts.Expression[] = [node];
  while (pending.length > 0) {
    const expr = skipOuterExpressions(t, pending.pop()!);
    if (
      t.isBinaryExpression(expr) &&
      (expr.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken ||
        expr.operatorToken.kind === t.SyntaxKind.BarBarToken)
    ) {
      pending.push(expr.left, expr.right);
      continue;
    }
    const read = envReadOf(t, expr, checker, followLet);
    if (!read) return undefined;
    reads.push(read);
  }
  return reads.reverse();
}

/** Every env variable read anywhere inside a node, by name. */
function envReadsIn(
  t: TypeScript,
  node: ts.Node,
  checker: ts.TypeChecker | undefined,
  found = new Map<string, EnvRead>(),
): Map<string, EnvRead> {
  const readAt = (at: ts.Node): EnvRead | undefined => {
    const read = isReadCandidate(t, at) ? envReadOf(t, at, checker, true) : undefined;
    if (read) found.set(read.name, read);
    return read;
  };
  // A read's own parts are not read again.
  if (!readAt(node)) forEachDescendant(t, node, (child) => (readAt(child) ? 'skip' : undefined));
  return found;
}

function mentionsEnv(t: TypeScript, node: ts.Node, name: string, checker: ts.TypeChecker | undefined): boolean {
  return envReadsIn(t, node, checker).has(name);
}

/** The tested reads a text-building value (template, `+`) uses: `\`postgres://${X}@db\``. A call such as `useKey(X)` is a mode switch, not a default. */
function usedInText(
  t: TypeScript,
  value: ts.Expression,
  tested: ReadonlyMap<string, EnvRead>,
  checker: ts.TypeChecker | undefined,
): EnvRead[] {
  const expr = skipOuterExpressions(t, value);
  const textBuilt =
    t.isTemplateExpression(expr) || (t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.PlusToken);
  if (!textBuilt) return [];
  const used = envReadsIn(t, expr, checker);
  return [...tested.values()].filter((read) => used.has(read.name));
}

function isReadCandidate(t: TypeScript, node: ts.Node): node is ts.Expression {
  return (
    t.isIdentifier(node) ||
    t.isPropertyAccessExpression(node) ||
    t.isElementAccessExpression(node) ||
    t.isCallExpression(node)
  );
}

/** The `if` condition that guards an assignment statement: `if (c) x = 1` or `if (c) { x = 1; }`. */
function guardingCondition(t: TypeScript, assignment: ts.BinaryExpression): ts.Expression | undefined {
  const statement = assignment.parent;
  if (!t.isExpressionStatement(statement)) return undefined;
  const holder = t.isBlock(statement.parent) ? statement.parent : statement;
  const ifStatement = holder.parent;
  return ifStatement && t.isIfStatement(ifStatement) && ifStatement.thenStatement === holder
    ? ifStatement.expression
    : undefined;
}

/**
 * Defaults given in an env schema by this call: `cleanEnv(process.env, { X: str({ default: 'd' }) })`,
 * `createEnv({ server: { X: z.string().default('d') } })`, `z.object({ X: z.string().default('d') }).parse(process.env)`
 * (the schema may be a `const`). Each site's node is the schema's property for the variable.
 */
export function envSchemaDefaults(t: TypeScript, call: ts.CallExpression, checker?: ts.TypeChecker): EnvDefaultSite[] {
  const sites: EnvDefaultSite[] = configSchemaDefaults(t, call);
  for (const spec of envSchemaObjects(t, call, checker)) {
    for (const property of spec.properties) {
      if (!t.isPropertyAssignment(property)) continue;
      const name = propertyNameText(t, property.name);
      const fallback = name === undefined ? undefined : validatorDefault(t, property.initializer);
      if (name === undefined || !fallback) continue;
      sites.push({
        node: property,
        reads: [{ name, runtime: 'node', node: property }],
        fallback,
        form: 'schema-default',
        replaced: undefined,
      });
    }
  }
  return sites;
}

/**
 * Defaults written before the environment is spread over them: `{ JWT_SECRET: 'dev', ...process.env }`,
 * `Object.assign({ JWT_SECRET: 'dev' }, process.env)`. Each site's node is the defaulted property;
 * only UPPER_SNAKE keys count, as the environment's own.
 */
export function envSpreadDefaults(t: TypeScript, node: ts.Node, checker?: ts.TypeChecker): EnvDefaultSite[] {
  const defaults = (properties: readonly ts.ObjectLiteralElementLike[]): EnvDefaultSite[] =>
    properties.flatMap((p): EnvDefaultSite[] => {
      const name = t.isPropertyAssignment(p) ? propertyNameText(t, p.name) : undefined;
      if (name === undefined || !ENV_VARIABLE_NAME.test(name) || !t.isPropertyAssignment(p)) return [];
      const read: EnvRead = { name, runtime: 'node', node: p };
      return [{ node: p, reads: [read], fallback: p.initializer, form: 'spread-default', replaced: undefined }];
    });
  if (t.isObjectLiteralExpression(node)) {
    const spread = node.properties.findIndex(
      (p) => t.isSpreadAssignment(p) && envObjectRuntime(t, p.expression, checker) !== undefined,
    );
    return spread > 0 ? defaults(node.properties.slice(0, spread)) : [];
  }
  if (t.isCallExpression(node) && accessPath(t, node.expression)?.join('.') === 'Object.assign') {
    const env = node.arguments.findIndex((a) => envObjectRuntime(t, a, checker) !== undefined);
    return node.arguments.slice(0, Math.max(env, 0)).flatMap((a) => {
      const object = skipOuterExpressions(t, a);
      return t.isObjectLiteralExpression(object) ? defaults(object.properties) : [];
    });
  }
  return [];
}

/**
 * Defaults of a config schema (`CONFIG_SCHEMA_CALLS`): each setting `{ default: d, env: 'X' }`, at
 * any depth, named by its variable, or by its key path (`jwt.secret`) when it has none. Each site's
 * node is the setting's `default` property.
 */
function configSchemaDefaults(t: TypeScript, call: ts.CallExpression): EnvDefaultSite[] {
  const name = calleeName(t, call.expression);
  const library = name === undefined ? undefined : CONFIG_SCHEMA_CALLS.find((c) => c.callee === name);
  const spec = library && call.arguments[library.specArgument];
  const root = spec && skipOuterExpressions(t, spec);
  if (!library || !root || !t.isObjectLiteralExpression(root)) return [];
  const sites: EnvDefaultSite[] = [];
  const walk = (object: ts.ObjectLiteralExpression, path: string[], depth: number): void => {
    const defaultProperty = object.properties.find(
      (p): p is ts.PropertyAssignment =>
        t.isPropertyAssignment(p) && propertyNameText(t, p.name) === library.defaultKey,
    );
    if (defaultProperty) {
      const envProperty = object.properties.find(
        (p): p is ts.PropertyAssignment => t.isPropertyAssignment(p) && propertyNameText(t, p.name) === library.envKey,
      );
      const variable = envProperty && staticString(t, envProperty.initializer);
      sites.push({
        node: defaultProperty,
        reads: [{ name: variable ?? path.join('.'), runtime: 'node', node: envProperty ?? defaultProperty }],
        fallback: defaultProperty.initializer,
        form: 'schema-default',
        replaced: undefined,
      });
      return;
    }
    if (depth > 6) return;
    for (const p of object.properties) {
      const key = t.isPropertyAssignment(p) ? propertyNameText(t, p.name) : undefined;
      const value = key === undefined ? undefined : skipOuterExpressions(t, (p as ts.PropertyAssignment).initializer);
      if (key !== undefined && value && t.isObjectLiteralExpression(value)) walk(value, [...path, key], depth + 1);
    }
  };
  walk(root, [], 0);
  return sites;
}

/**
 * The object literals that map variable names to validators in an env-schema call:
 * `cleanEnv(process.env, SPEC)`, `createEnv({ server: SPEC, client: SPEC })`,
 * `z.object(SPEC).parse(process.env)` (also through a `const` schema). Empty for any other call.
 */
export function envSchemaObjects(
  t: TypeScript,
  call: ts.CallExpression,
  checker: ts.TypeChecker | undefined,
): ts.ObjectLiteralExpression[] {
  const name = calleeName(t, call.expression);
  if (name === undefined) return [];
  const objectAt = (node: ts.Expression | undefined) => {
    const expr = node && skipOuterExpressions(t, node);
    return expr && t.isObjectLiteralExpression(expr) ? expr : undefined;
  };
  const library = ENV_SCHEMA_CALLS.find((c) => c.callee === name);
  if (library) {
    const spec = objectAt(call.arguments[library.specArgument]);
    if (!spec) return [];
    if (!library.specProperties) return envObjectRuntime(t, call.arguments[0]!, checker) ? [spec] : [];
    return library.specProperties.flatMap((key) => {
      const p = spec.properties.find((x) => propertyNameText(t, x.name) === key);
      const inner = p && t.isPropertyAssignment(p) ? objectAt(p.initializer) : undefined;
      return inner ? [inner] : [];
    });
  }
  if (
    !ENV_SCHEMA_PARSE_METHODS.includes(name) ||
    !call.arguments[0] ||
    !envObjectRuntime(t, call.arguments[0], checker)
  )
    return [];
  const callee = skipOuterExpressions(t, call.expression);
  if (!t.isPropertyAccessExpression(callee)) return [];
  let schema = skipOuterExpressions(t, callee.expression);
  if (t.isIdentifier(schema)) {
    const decl = resolveIdentifier(t, schema, checker);
    const init = decl && t.isVariableDeclaration(decl) ? constInitializer(t, decl) : undefined;
    if (!init) return [];
    schema = skipOuterExpressions(t, init);
  }
  // `z.object({...})`, possibly followed by `.strict()`, `.passthrough()`...
  while (t.isCallExpression(schema)) {
    const factory = calleeName(t, schema.expression);
    if (factory !== undefined && OBJECT_SCHEMA_FACTORIES.includes(factory)) {
      const spec = objectAt(schema.arguments[0]);
      return spec ? [spec] : [];
    }
    const inner = skipOuterExpressions(t, schema.expression);
    if (!t.isPropertyAccessExpression(inner)) return [];
    schema = skipOuterExpressions(t, inner.expression);
  }
  return [];
}

/** The default a validator gives: `.default(d)` / `.catch(d)` in its chain, or `{ default: d }` in its options. */
function validatorDefault(t: TypeScript, node: ts.Expression): ts.Expression | undefined {
  let expr = skipOuterExpressions(t, node);
  while (t.isCallExpression(expr)) {
    const method = calleeName(t, expr.expression);
    if (
      method !== undefined &&
      SCHEMA_DEFAULT_METHODS.includes(method) &&
      t.isPropertyAccessExpression(skipOuterExpressions(t, expr.expression))
    ) {
      return expr.arguments[0];
    }
    for (const arg of expr.arguments) {
      const options = skipOuterExpressions(t, arg);
      if (!t.isObjectLiteralExpression(options)) continue;
      const p = options.properties.find((x) => SCHEMA_DEFAULT_KEYS.includes(propertyNameText(t, x.name) ?? ''));
      if (p && t.isPropertyAssignment(p)) return p.initializer;
    }
    const callee = skipOuterExpressions(t, expr.expression);
    if (!t.isPropertyAccessExpression(callee)) return undefined;
    expr = skipOuterExpressions(t, callee.expression);
  }
  return undefined;
}

// Env reads through the project's own helpers (function summaries).

/**
 * What an env-reading helper returns: `function env(name) { return process.env[name] }` returns the
 * variable its parameter 0 names; `getEnv(name, fallback) { return process.env[name] ?? fallback }`
 * defaults it to parameter 1; `(name) => process.env[name] ?? ''` to a literal of its own.
 */
export interface EnvHelperSummary {
  readonly runtime: EnvRuntime;
  /** The parameter that names the variable. */
  readonly nameParameter: number;
  /** The parameter whose value is the default, if any. */
  readonly fallbackParameter?: number;
  /** A literal default written in the helper itself, if any. */
  readonly fallback?: ts.Expression;
}

/** A call of an env-reading helper with a static variable name: the read, and the default it gets. */
export interface HelperEnvRead {
  readonly read: EnvRead;
  readonly fallback: ts.Expression | undefined;
}

const summaries = new WeakMap<ts.Node, EnvHelperSummary | null>();
const contexts = new WeakMap<object, FlowContext>();

/**
 * `env('JWT_SECRET')`, `getEnv('JWT_SECRET', 'dev')`: a call of a function (in this file, or with a
 * checker anywhere in the program) whose return value is the environment variable an argument names.
 * Cheap first: only calls with a static, env-like name among their arguments are resolved.
 */
export function helperEnvRead(
  t: TypeScript,
  call: ts.CallExpression,
  checker: ts.TypeChecker | undefined,
): HelperEnvRead | undefined {
  // A literal only: evaluating any argument (a 10,000-term concatenation) would cost more than it saves.
  const named = (a: ts.Expression): boolean => {
    const expr = skipOuterExpressions(t, a);
    return t.isStringLiteralLike(expr) && ENV_VARIABLE_NAME.test(expr.text);
  };
  if (!call.arguments.some(named)) return undefined;
  const ctx = contextFor(t, checker);
  const fn = calledFunction(ctx, skipOuterExpressions(t, call.expression));
  const summary = fn ? (isProjectFunction(fn) ? envHelperSummary(ctx, fn) : undefined) : namedEnvHelperSummary(t, call);
  if (!summary || call.arguments.slice(0, summary.nameParameter + 1).some((a) => t.isSpreadElement(a)))
    return undefined;
  const nameArg = call.arguments[summary.nameParameter];
  if (!nameArg || !named(nameArg)) return undefined;
  const name = staticString(t, nameArg)!;
  const fallback =
    summary.fallbackParameter !== undefined ? call.arguments[summary.fallbackParameter] : summary.fallback;
  return { read: { name, runtime: summary.runtime, node: call }, fallback };
}

/**
 * A helper out of sight (imported, no type information) named for what it does: `getEnv('X', 'dev')`,
 * `env('X')`, `readEnv`, `envOr`. Its first argument names the variable, its second is the default.
 * Helpers whose name says they throw (`requireEnv`) are never this.
 */
function namedEnvHelperSummary(t: TypeScript, call: ts.CallExpression): EnvHelperSummary | undefined {
  const callee = skipOuterExpressions(t, call.expression);
  const name = t.isIdentifier(callee) ? callee.text : undefined;
  if (name === undefined || !ENV_HELPER_NAME.test(name)) return undefined;
  return { runtime: 'node', nameParameter: 0, fallbackParameter: 1 };
}

/** Names of env helpers: `env`, `getEnv`, `readEnv`, `loadEnv`, `envOr`, `getEnvVar`, `getEnvOrDefault`. */
const ENV_HELPER_NAME = /^(?:get|read|load)?_?env(?:_?(?:var|variable))?(?:_?or(?:_?default)?)?$/i;

/** The env-helper summary of a function, computed once per declaration; undefined when it is no such helper. */
export function envHelperSummary(ctx: FlowContext, fn: ts.FunctionLikeDeclaration): EnvHelperSummary | undefined {
  const cached = summaries.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  let summary: EnvHelperSummary | undefined;
  try {
    summary = computeSummary(ctx, fn);
  } catch {
    summary = undefined;
  }
  summaries.set(fn, summary ?? null);
  return summary;
}

function computeSummary(ctx: FlowContext, fn: ts.FunctionLikeDeclaration): EnvHelperSummary | undefined {
  const t = ctx.ts;
  const parameters = callerParameters(t, fn);
  if (parameters.length === 0) return undefined;
  const indexOf = (node: ts.Expression): number => {
    const expr = skipOuterExpressions(t, node);
    const decl = t.isIdentifier(expr) ? declarationOf(ctx, expr) : undefined;
    return decl && t.isParameter(decl) ? parameters.indexOf(decl) : -1;
  };
  const isFallbackOperator = (e: ts.Expression): e is ts.BinaryExpression =>
    t.isBinaryExpression(e) &&
    (e.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === t.SyntaxKind.BarBarToken);
  for (const returned of returnedExpressions(t, fn)) {
    let expr = skipOuterExpressions(t, returned);
    // `process.env[name] ?? fallback ?? ''`: the read, then its defaults in order.
    const fallbacks: ts.Expression[] = [];
    for (let hops = 0; hops < 8 && isFallbackOperator(expr); hops++) {
      fallbacks.unshift(expr.right);
      expr = skipOuterExpressions(t, expr.left);
    }
    if (!t.isElementAccessExpression(expr)) continue;
    const nameParameter = indexOf(expr.argumentExpression);
    const runtime = nameParameter >= 0 ? envObjectRuntime(t, expr.expression, ctx.checker) : undefined;
    if (!runtime) continue;
    const fallback = fallbacks[0];
    if (!fallback) return { runtime, nameParameter };
    const fallbackParameter = indexOf(fallback);
    if (fallbackParameter >= 0) return { runtime, nameParameter, fallbackParameter };
    // Only a literal default of the helper's own: a name there would be read in the wrong file.
    const literal = skipOuterExpressions(t, fallback);
    return t.isStringLiteralLike(literal) || t.isNumericLiteral(literal)
      ? { runtime, nameParameter, fallback: literal }
      : { runtime, nameParameter };
  }
  return undefined;
}

/** One flow context per program (or per `typescript` namespace without one), for resolving callees. */
function contextFor(t: TypeScript, checker: ts.TypeChecker | undefined): FlowContext {
  const key: object = checker ?? t;
  let ctx = contexts.get(key);
  if (!ctx) {
    ctx = createFlowContext(t, { checker });
    contexts.set(key, ctx);
  }
  return ctx;
}
