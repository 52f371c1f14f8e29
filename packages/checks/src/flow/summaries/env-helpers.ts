import type * as ts from 'typescript';
import { skipOuterExpressions, staticString } from '../../ast/index.js';
import type { TypeScript } from '../../check.js';
import { declarationOf } from '../aliases.js';
import { createFlowContext, type FlowContext } from '../context.js';
import type { EnvRuntime } from '../../catalogs/env.js';
import { envObjectRuntime, type EnvRead } from '../env-reads.js';
import { calledFunction } from '../values.js';
import { callerParameters, isProjectFunction, returnedExpressions } from './parameters.js';

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

const ENV_VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;
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
  const summary = fn && isProjectFunction(fn) ? envHelperSummary(ctx, fn) : undefined;
  if (!summary || call.arguments.slice(0, summary.nameParameter + 1).some((a) => t.isSpreadElement(a)))
    return undefined;
  const nameArg = call.arguments[summary.nameParameter];
  if (!nameArg || !named(nameArg)) return undefined;
  const name = staticString(t, nameArg)!;
  const fallback =
    summary.fallbackParameter !== undefined ? call.arguments[summary.fallbackParameter] : summary.fallback;
  return { read: { name, runtime: summary.runtime, node: call }, fallback };
}

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
  for (const returned of returnedExpressions(t, fn)) {
    let expr = skipOuterExpressions(t, returned);
    let fallback: ts.Expression | undefined;
    if (
      t.isBinaryExpression(expr) &&
      (expr.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken ||
        expr.operatorToken.kind === t.SyntaxKind.BarBarToken)
    ) {
      fallback = expr.right;
      expr = skipOuterExpressions(t, expr.left);
    }
    if (!t.isElementAccessExpression(expr)) continue;
    const nameParameter = indexOf(expr.argumentExpression);
    const runtime = nameParameter >= 0 ? envObjectRuntime(t, expr.expression, ctx.checker) : undefined;
    if (!runtime) continue;
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
