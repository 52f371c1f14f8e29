import type * as ts from 'typescript';
import type { FlowContext } from '../context.js';

/** Marks a summary being computed: a recursive call (`f` calling `f`, or `f`-`g`-`f`) reads it as empty. */
export const IN_PROGRESS = Symbol('in progress');

type Memo<T> = WeakMap<ts.Node, T | typeof IN_PROGRESS>;

/**
 * The summaries of one program for one set of flow settings (sanitizers, classifier): the context
 * they are computed in, where every parameter is a source, and their memos keyed by declaration.
 */
export interface SummaryStore {
  /** Like the checks' context, with `parametersAsSources`; its memo is shared by every summary. */
  readonly ctx: FlowContext;
  /** Which parameters a function returns (`./returns.ts`). */
  readonly returns: Memo<readonly unknown[]>;
  /** Which parameters reach a sink, per sink recognizer key (`./sinks.ts`). */
  readonly sinks: Map<string, Memo<readonly unknown[]>>;
  /** How many summaries are being computed one inside another. */
  depth: number;
  /** How many times a summary was cut short (recursion, depth): a result built on one is not kept. */
  cuts: number;
}

/** How many summaries may be computed one inside another (a call chain this deep is followed no further). */
export const MAX_SUMMARY_DEPTH = 6;

const byChecker = new WeakMap<ts.TypeChecker, Map<string, SummaryStore>>();
const byContext = new WeakMap<FlowContext, SummaryStore>();

/**
 * The store of the program `ctx` analyses: with a checker, one per checker (so per program) and per
 * flow settings, shared by every file and check that asks; without one, one per flow context (one
 * check on one file: an untyped run only sees same-file functions anyway).
 */
export function summaryStore(ctx: FlowContext): SummaryStore {
  const known = byContext.get(ctx);
  if (known) return known;
  const key = JSON.stringify([ctx.sanitizers, ctx.classifier, ctx.maxDepth]);
  const perChecker = ctx.checker ? (byChecker.get(ctx.checker) ?? new Map<string, SummaryStore>()) : undefined;
  if (ctx.checker && perChecker && !byChecker.has(ctx.checker)) byChecker.set(ctx.checker, perChecker);
  let store = perChecker?.get(key);
  if (!store) {
    store = {
      ctx: { ...ctx, cache: new WeakMap(), parametersAsSources: true },
      returns: new WeakMap(),
      sinks: new Map(),
      depth: 0,
      cuts: 0,
    };
    perChecker?.set(key, store);
    byContext.set(store.ctx, store);
  }
  byContext.set(ctx, store);
  return store;
}

/**
 * A memoized summary: computed once per declaration, empty while it is being computed (recursion)
 * or when summaries already nest `MAX_SUMMARY_DEPTH` deep, and empty if computing it throws, so a
 * summary never makes a check fail. A result that met recursion or the depth bound is not kept:
 * it depends on where the query started, and files (so hosts) may ask in any order.
 */
export function memoized<T>(
  store: SummaryStore,
  memo: Memo<readonly T[]>,
  node: ts.Node,
  compute: () => readonly T[],
): readonly T[] {
  const cached = memo.get(node);
  if (cached === IN_PROGRESS || (!cached && store.depth >= MAX_SUMMARY_DEPTH)) {
    store.cuts++;
    return [];
  }
  if (cached) return cached;
  memo.set(node, IN_PROGRESS);
  const cutsBefore = store.cuts;
  store.depth++;
  let result: readonly T[];
  try {
    result = compute();
  } catch {
    result = [];
  } finally {
    store.depth--;
  }
  if (store.cuts === cutsBefore) memo.set(node, result);
  else memo.delete(node);
  return result;
}
