import type * as ts from 'typescript';
import { meetsConfidence, type Check, type CheckReport, type CheckVisitor, type Confidence, type SharedSettings, type TypeScript } from './check.js';

export interface FileInput {
  readonly ts: TypeScript;
  readonly sourceFile: ts.SourceFile;
  readonly program?: ts.Program | undefined;
  readonly checker?: ts.TypeChecker | undefined;
  readonly settings?: SharedSettings;
}

export interface CheckRun {
  readonly check: Check<any, string>;
  /** Options given by the user; merged over the check's defaults. */
  readonly options?: Record<string, unknown> | undefined;
  readonly onReport: (report: CheckReport) => void;
}

/** Runs checks over one file in a single walk. Both hosts call this; neither walks on its own. */
export function runChecksOnFile(input: FileInput, runs: readonly CheckRun[]): void {
  const t = fastNamespace(input.ts);
  const visitors: CheckVisitor[] = runs.map((run) => {
    const options = mergeOptions(run.check.meta.defaultOptions, run.options);
    return run.check.create({
      ts: t,
      sourceFile: input.sourceFile,
      program: input.program,
      checker: input.checker,
      options,
      settings: input.settings ?? {},
      report: reportAtConfidence(run.onReport, (options as { minConfidence?: Confidence }).minConfidence ?? 'high'),
    });
  });
  const visiting = visitors.filter((v) => v.visit);
  if (visiting.length > 0) {
    const walk = (node: ts.Node): void => {
      for (const v of visiting) v.visit!(node);
      t.forEachChild(node, walk);
    };
    walk(input.sourceFile);
  }
  for (const v of visitors) v.end?.();
}

/** Drops reports below the run's threshold; the rest go on with their confidence filled in. */
function reportAtConfidence(onReport: (report: CheckReport) => void, min: Confidence): (report: CheckReport) => void {
  return (report) => {
    const confidence = report.confidence ?? 'high';
    if (meetsConfidence(confidence, min)) onReport(report.confidence ? report : { ...report, confidence });
  };
}

/** Shallow merge of user options over defaults; arrays replace, as in typescript-eslint. */
export function mergeOptions<T>(defaults: T, given: Record<string, unknown> | undefined): T {
  if (!given) return defaults;
  return { ...(defaults as object), ...given } as T;
}

const NAMESPACE_LAYER_SIZE = 256;
const fastViews = new WeakMap<object, TypeScript>();

/**
 * The same members as the `typescript` namespace, in an object V8 looks them up in quickly.
 * `typescript.js` exports its ~2,200 members as getters on one dictionary-mode object, so every
 * `t.isIdentifier(...)` in a check is a hash lookup plus a getter call; copied into a chain of small
 * prototype objects, each lookup is an inline-cached load (about 10x faster). Members are read once,
 * when the view is made: checks only use functions, enums and constants, which never change.
 */
export function fastNamespace(t: TypeScript): TypeScript {
  const cached = fastViews.get(t);
  if (cached) return cached;
  const keys = Object.keys(t);
  let layer: object | null = null;
  for (let end = keys.length; end > 0; end -= NAMESPACE_LAYER_SIZE) {
    const next: Record<string, unknown> = Object.create(layer);
    for (const key of keys.slice(Math.max(0, end - NAMESPACE_LAYER_SIZE), end)) next[key] = (t as unknown as Record<string, unknown>)[key];
    layer = next;
  }
  const view = Object.create(layer) as TypeScript;
  fastViews.set(t, view);
  fastViews.set(view, view);
  return view;
}
