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
  /** The summaries being computed, one inside another (outermost first). */
  readonly active: { readonly memo: object; readonly node: ts.Node }[];
  /**
   * Per active summary, the outermost position in `active` that a cut inside it referred to (a
   * recursive call of a summary still being computed, or the nesting bound): a result that depends
   * on a summary still being computed further out is not kept, as in Tarjan's strongly connected
   * components, so each recursive group is cached once its outermost member is done.
   */
  readonly lowest: number[];
}

/** The longest path of calls a summary follows from a function to a sink (a longer one is not reported). */
export const MAX_SUMMARY_DEPTH = 6;

/** How many summaries may be computed one inside another: a bound for the stack, far above any path kept. */
const MAX_NESTING = 32;

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
      active: [],
      lowest: [],
    };
    perChecker?.set(key, store);
    byContext.set(store.ctx, store);
  }
  byContext.set(ctx, store);
  return store;
}

/**
 * A memoized summary: computed once per declaration, empty while it is being computed (recursion)
 * or when summaries already nest `MAX_NESTING` deep, and empty if computing it throws, so a summary
 * never makes a check fail. A result that met a summary still being computed further out is not kept
 * (it is incomplete until that one is done); the outermost member of a recursive group is.
 */
export function memoized<T>(
  store: SummaryStore,
  memo: Memo<readonly T[]>,
  node: ts.Node,
  compute: () => readonly T[],
): readonly T[] {
  const cached = memo.get(node);
  if (cached === IN_PROGRESS) {
    cut(
      store,
      store.active.findIndex((a) => a.memo === memo && a.node === node),
    );
    return [];
  }
  if (cached) return cached;
  if (store.active.length >= MAX_NESTING) {
    cut(store, -1);
    return [];
  }
  memo.set(node, IN_PROGRESS);
  const position = store.active.length;
  store.active.push({ memo, node });
  store.lowest.push(Number.POSITIVE_INFINITY);
  let result: readonly T[];
  let lowest = Number.POSITIVE_INFINITY;
  try {
    result = compute();
  } catch {
    result = [];
  } finally {
    store.active.pop();
    lowest = store.lowest.pop()!;
  }
  if (lowest >= position) memo.set(node, result);
  else {
    memo.delete(node);
    cut(store, lowest);
  }
  return result;
}

/** Records, in the summary being computed, that it met one at `position` (-1: the nesting bound). */
function cut(store: SummaryStore, position: number): void {
  const top = store.lowest.length - 1;
  if (top >= 0) store.lowest[top] = Math.min(store.lowest[top]!, position);
}
