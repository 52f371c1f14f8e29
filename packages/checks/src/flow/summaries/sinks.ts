import type * as ts from 'typescript';
import { forEachDescendant, shortText, skipOuterExpressions } from '../../ast/index.js';
import { classifyName } from '../../names/index.js';
import type { FlowContext } from '../context.js';
import { calledFunction } from '../callees.js';
import { projectFunctionsNamed } from '../project-functions.js';
import { valueSources, type ValueFlow } from '../values.js';
import {
  argumentFor,
  callerParameters,
  isProjectFunction,
  parameterUseOf,
  mayCarryParameterOf,
  passedExpressions,
  type ParameterUse,
} from './parameters.js';
import { MAX_SUMMARY_DEPTH, memoized, summaryStore } from './store.js';

/** The values of a call that reach a sink, as a check recognises them. */
export interface SinkValues {
  /** The sink's name for messages, e.g. `logger.info`. */
  readonly display: string;
  /** The expressions of the call that reach it (usually some of its arguments). */
  readonly values: readonly ts.Expression[];
}

/**
 * How a check recognises its sink, so summaries can tell which parameters reach it. The same
 * recogniser the check applies to calls it visits: a summary is that recogniser applied to a body.
 */
export interface SinkRecognizer {
  /** Names the sink kind and the options the recogniser was made with: summaries are cached per key. */
  readonly key: string;
  sinkOf(ctx: FlowContext, call: ts.CallExpression): SinkValues | undefined;
}

/** A parameter of a function that reaches a sink, in its body or in a function it calls. */
export interface ParameterSink {
  readonly parameter: ParameterUse;
  /** The sink's name for messages. */
  readonly sink: string;
  /** The sink call, possibly in another function or file. */
  readonly sinkNode: ts.CallExpression;
  /** The calls from this function on to the function whose body has the sink; empty when this body has it. */
  readonly through: readonly ts.CallExpression[];
}

/** How deep summaries nest before a callee is summarized only for a call that passes a parameter on. */
const DEEP_IN_A_CHAIN = 2 * MAX_SUMMARY_DEPTH;

/** At most this many sink paths are kept per function: enough to report, bounded on generated code. */
const MAX_SINKS_PER_FUNCTION = 32;

/**
 * Which parameters of `fn` reach the recogniser's sink, unsanitized: `function logRequest(key) {
 * logger.info(key) }` takes parameter 0 to `logger.info`; so does a function that hands its
 * parameter to `logRequest`. Sanitizers break the flow as everywhere (`logger.info(mask(key))`
 * summarizes to nothing). Computed once per declaration, recogniser and program; recursion and
 * depth are bounded and a failure is an empty summary (see `./store.ts`).
 */
export function parameterSinks(
  ctx: FlowContext,
  fn: ts.FunctionLikeDeclaration,
  recognizer: SinkRecognizer,
): readonly ParameterSink[] {
  const store = summaryStore(ctx);
  let memo = store.sinks.get(recognizer.key) as WeakMap<ts.Node, readonly ParameterSink[]> | undefined;
  if (!memo) {
    memo = new WeakMap();
    store.sinks.set(recognizer.key, memo);
  }
  return memoized(store, memo, fn, () => {
    const t = ctx.ts;
    const sym = store.ctx;
    const found = new Map<string, ParameterSink>();
    const add = (flows: readonly ValueFlow[], sink: Omit<ParameterSink, 'parameter'>): void => {
      for (const flow of flows) {
        const parameter = parameterUseOf(sym, flow.source, fn);
        const key = parameter && `${parameter.index}.${parameter.key ?? ''}@${sink.sinkNode.pos}`;
        if (key && !found.has(key) && found.size < MAX_SINKS_PER_FUNCTION) found.set(key, { parameter, ...sink });
      }
    };
    if (!fn.body || callerParameters(t, fn).length === 0) return [];
    const passed = new Map<ts.Expression, readonly ValueFlow[]>();
    const sourcesOf = (expr: ts.Expression): readonly ValueFlow[] => {
      let flows = passed.get(expr);
      if (!flows) passed.set(expr, (flows = valueSources(sym, expr)));
      return flows;
    };
    const carriesParameter = (expr: ts.Expression): boolean =>
      sourcesOf(expr).some((flow) => parameterUseOf(sym, flow.source, fn) !== undefined);
    const visit = (node: ts.Node): void => {
      if (!t.isCallExpression(node)) return;
      const sink = recognizer.sinkOf(sym, node);
      if (sink) {
        for (const value of sink.values)
          add(valueSources(sym, value), { sink: sink.display, sinkNode: node, through: [] });
        return;
      }
      // A call that passes nothing this function binds cannot pass one of its parameters on: its
      // callee (the costlier question) is not resolved, nor its summary computed.
      if (!passedExpressions(t, node).some((expr) => mayCarryParameterOf(t, expr, fn))) return;
      const callee = calledFunction(sym, skipOuterExpressions(t, node.expression));
      if (!callee || callee === fn || !isProjectFunction(callee)) return;
      // Deep in a chain, nor is the callee summarized when value flow takes no parameter into what
      // the call passes (`helper(hash(value))`): such a chain would otherwise be followed to the
      // nesting bound and, cut there, recomputed on every question. Near the top, summarizing the
      // callee first costs less than value flow over every argument.
      if (store.active.length >= DEEP_IN_A_CHAIN && !passedExpressions(t, node).some(carriesParameter)) return;
      for (const inner of parameterSinks(sym, callee, recognizer)) {
        // Paths longer than summaries nest are dropped whatever is cached, so no answer depends on what was asked first.
        if (inner.through.length + 1 >= MAX_SUMMARY_DEPTH) continue;
        const arg = argumentFor(t, node, inner.parameter);
        if (arg)
          add(sourcesOf(arg), {
            sink: inner.sink,
            sinkNode: inner.sinkNode,
            through: [node, ...inner.through],
          });
      }
    };
    // An arrow's expression body is itself a node to look at: `(x) => console.log(x)`.
    visit(fn.body);
    forEachDescendant(t, fn.body, visit);
    return [...found.values()];
  });
}

/** A secret a call hands to a function that takes it to a sink. */
export interface CrossFunctionFlow {
  /** The secret, as it enters the call's argument. */
  readonly flow: ValueFlow;
  /** The sink's name for messages. */
  readonly sink: string;
  readonly sinkNode: ts.CallExpression;
  /** The calls from the caller to the function whose body has the sink: the checked call first. */
  readonly through: readonly ts.CallExpression[];
}

/**
 * The secrets a call passes to a parameter its callee takes to a sink (see `parameterSinks`): the
 * callee is resolved through the checker (imports, re-exports and methods followed) or, without
 * one, within the file. A parameter named as a secret is left out: the callee's own body is
 * reported for it, where the fix belongs.
 */
export function crossFunctionFlows(
  ctx: FlowContext,
  call: ts.CallExpression,
  recognizer: SinkRecognizer,
): CrossFunctionFlow[] {
  const t = ctx.ts;
  const callee = calleeSinks(ctx, call, recognizer);
  if (!callee) return [];
  const { fn, sinks } = callee;
  const out: CrossFunctionFlow[] = [];
  for (const hit of sinks) {
    if (namesASecret(ctx, fn, hit.parameter)) continue;
    const arg = argumentFor(t, call, hit.parameter);
    if (!arg) continue;
    for (const flow of valueSources(ctx, arg))
      out.push({ flow, sink: hit.sink, sinkNode: hit.sinkNode, through: [call, ...hit.through] });
  }
  return out;
}

/** Above this many project functions of a method's name, resolving the call costs less than summarizing them all. */
const MAX_CANDIDATES = 8;

/**
 * The project function a call reaches and which of its parameters reach the recogniser's sink
 * (see `parameterSinks`); undefined when none does. A method call (`client.send(…)`) is resolved,
 * the checker's costliest question, only when one of the few project functions of that name has
 * such a parameter: the callee is one of them, so when none has, no answer depends on which.
 */
export function calleeSinks(
  ctx: FlowContext,
  call: ts.CallExpression,
  recognizer: SinkRecognizer,
): { readonly fn: ts.FunctionLikeDeclaration; readonly sinks: readonly ParameterSink[] } | undefined {
  const t = ctx.ts;
  if (call.arguments.length === 0) return undefined;
  const callee = skipOuterExpressions(t, call.expression);
  if (ctx.checker && t.isPropertyAccessExpression(callee)) {
    const candidates = projectFunctionsNamed(t, ctx.checker, callee.name.text);
    if (
      candidates &&
      candidates.length <= MAX_CANDIDATES &&
      candidates.every((fn) => !isProjectFunction(fn) || parameterSinks(ctx, fn, recognizer).length === 0)
    )
      return undefined;
  }
  const fn = calledFunction(ctx, callee);
  if (!fn || !isProjectFunction(fn)) return undefined;
  const sinks = parameterSinks(ctx, fn, recognizer);
  return sinks.length > 0 ? { fn, sinks } : undefined;
}

/**
 * Calls asked about before a pass over the program is made (the storage check's, see
 * `functionsAround`): it costs a walk of every file, which a lint of one file (lint-staged, an
 * editor opening a file) never earns back; a whole-project lint or a scan asks many more.
 *
 * Cipher nonces and hashes once had such a pass too, finding by name which calls may reach a
 * function that takes a parameter to the sink, so that other calls had no callee resolved. It did
 * not pay: value flow over every hash and cipher of the program cost more than the resolutions it
 * saved, which the checks' own filters (no arguments, the few project functions of a method's name,
 * memoized summaries) already make rare. Scan CPU without it, same run (issue 17, load 9-18): the
 * generated 200k-line project 0.89x, this repository's packages 0.96x, umami 1.03x (within its
 * spread); identical findings.
 */
export const RARE_SINK_PASS_AFTER = 1000;

/** The parameter (or the field taken out of it) has a secret name of its own. */
function namesASecret(ctx: FlowContext, fn: ts.FunctionLikeDeclaration, use: ParameterUse): boolean {
  const t = ctx.ts;
  const parameter = callerParameters(t, fn)[use.index];
  const name = use.key ?? (parameter && t.isIdentifier(parameter.name) ? parameter.name.text : undefined);
  return name !== undefined && classifyName(name, ctx.classifier).isSecret;
}

/** `logRequest()`, `client.send()`: a call's callee for messages. */
export function calleeDisplay(ctx: FlowContext, call: ts.CallExpression): string {
  return `${shortText(skipOuterExpressions(ctx.ts, call.expression))}()`;
}
