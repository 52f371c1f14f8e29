import type * as ts from 'typescript';
import type { FlowContext } from '../context.js';
import { valueSources } from '../values.js';
import {
  argumentFor,
  isProjectFunction,
  parameterUseOf,
  returnedExpressions,
  type ParameterUse,
} from './parameters.js';
import { memoized, summaryStore } from './store.js';

/**
 * The parameters a function hands back in its return value, unsanitized: `(t) => `Bearer ${t}``,
 * `(token) => token.trim()`, `(key) => ({ key })` return their parameter; `(pw) => hash(pw)` and
 * `(t) => t.length` do not. Computed once per declaration and program (see `./store.ts`).
 */
export function returnedParameters(ctx: FlowContext, fn: ts.FunctionLikeDeclaration): readonly ParameterUse[] {
  const store = summaryStore(ctx);
  return memoized(store, store.returns as WeakMap<ts.Node, readonly ParameterUse[]>, fn, () => {
    const uses = new Map<string, ParameterUse>();
    for (const expr of returnedExpressions(ctx.ts, fn)) {
      for (const flow of valueSources(store.ctx, expr)) {
        const use = parameterUseOf(store.ctx, flow.source, fn);
        if (use) uses.set(`${use.index}.${use.key ?? ''}`, use);
      }
    }
    return [...uses.values()];
  });
}

/** The arguments of a call that its callee `fn` returns (see `returnedParameters`). */
export function returnedArguments(
  ctx: FlowContext,
  call: ts.CallExpression,
  fn: ts.FunctionLikeDeclaration,
): ts.Expression[] {
  if (call.arguments.length === 0 || fn.parameters.length === 0 || !isProjectFunction(fn)) return [];
  return returnedParameters(ctx, fn).flatMap((use) => argumentFor(ctx.ts, call, use) ?? []);
}
