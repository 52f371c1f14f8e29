import type * as ts from 'typescript';
import type { Check, CheckReport, CheckVisitor, SharedSettings, TypeScript } from './check.js';

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
  const visitors: CheckVisitor[] = runs.map((run) =>
    run.check.create({
      ts: input.ts,
      sourceFile: input.sourceFile,
      program: input.program,
      checker: input.checker,
      options: mergeOptions(run.check.meta.defaultOptions, run.options),
      settings: input.settings ?? {},
      report: run.onReport,
    }),
  );
  const visiting = visitors.filter((v) => v.visit);
  if (visiting.length > 0) {
    const walk = (node: ts.Node): void => {
      for (const v of visiting) v.visit!(node);
      input.ts.forEachChild(node, walk);
    };
    walk(input.sourceFile);
  }
  for (const v of visitors) v.end?.();
}

/** Shallow merge of user options over defaults; arrays replace, as in typescript-eslint. */
export function mergeOptions<T>(defaults: T, given: Record<string, unknown> | undefined): T {
  if (!given) return defaults;
  return { ...(defaults as object), ...given } as T;
}
