import type * as ts from 'typescript';
import { isFunctionLike, skipOuterExpressions } from '../ast/index.js';
import { declarationOf } from './aliases.js';
import type { FlowContext } from './context.js';
import { mayNameProjectFunction } from './project-functions.js';

type Callees = WeakMap<ts.Expression, ts.FunctionLikeDeclaration | null>;

/** Resolved callees per checker (a program's answers do not change), and for untyped runs (lexical, per file). */
const calleesByChecker = new WeakMap<ts.TypeChecker, Callees>();
const calleesUntyped: Callees = new WeakMap();

/**
 * The function a callee refers to: a declaration, a `const f = () => ...`, or (with a checker) a method.
 * Remembered per callee expression: summaries, checks and value flow ask about the same calls many times.
 */
export function calledFunction(ctx: FlowContext, callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  let known = ctx.checker ? calleesByChecker.get(ctx.checker) : calleesUntyped;
  if (!known) {
    known = new WeakMap();
    calleesByChecker.set(ctx.checker!, known);
  }
  const cached = known.get(callee);
  if (cached !== undefined) return cached ?? undefined;
  const fn = resolveCallee(ctx, callee);
  known.set(callee, fn ?? null);
  return fn;
}

function resolveCallee(ctx: FlowContext, callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const t = ctx.ts;
  const asFunction = (node: ts.Node | undefined): ts.FunctionLikeDeclaration | undefined => {
    if (!node) return undefined;
    if (isFunctionLike(t, node) && node.body) return node;
    // `export default { getAllCredentials }`: the member is the function the shorthand names.
    if (t.isShorthandPropertyAssignment(node) && ctx.checker) {
      const value = ctx.checker.getShorthandAssignmentValueSymbol(node);
      const decl = value?.valueDeclaration ?? value?.declarations?.[0];
      return decl && !t.isShorthandPropertyAssignment(decl) ? asFunction(decl) : undefined;
    }
    if (
      (t.isVariableDeclaration(node) || t.isPropertyDeclaration(node) || t.isPropertyAssignment(node)) &&
      node.initializer
    ) {
      const init = skipOuterExpressions(t, node.initializer);
      if ((t.isArrowFunction(init) || t.isFunctionExpression(init)) && init.body) return init;
    }
    return undefined;
  };
  if (t.isIdentifier(callee)) return asFunction(declarationOf(ctx, callee));
  if (ctx.checker && t.isPropertyAccessExpression(callee)) {
    if (!mayNameProjectFunction(t, ctx.checker, callee.name.text)) return undefined;
    const symbol = ctx.checker.getSymbolAtLocation(callee.name);
    return asFunction(symbol?.valueDeclaration ?? symbol?.declarations?.[0]);
  }
  return undefined;
}
