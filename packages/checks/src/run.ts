import type * as ts from 'typescript';
import {
  meetsConfidence,
  type Check,
  type CheckedFile,
  type CheckReport,
  type CheckVisitor,
  type Confidence,
  type SharedSettings,
  type TypeScript,
} from './check.js';
import { fileKindOfSource, relativeToRoot, type FileKind } from './context/file-kind.js';
import { forEachDescendant, type WalkStep } from './ast/syntax.js';
import { registerProgram } from './flow/project-functions.js';

export interface FileInput {
  readonly ts: TypeScript;
  readonly sourceFile: ts.SourceFile;
  readonly program?: ts.Program | undefined;
  readonly checker?: ts.TypeChecker | undefined;
  readonly settings?: SharedSettings;
  /** The file's path relative to the project root (`/` separators), when the host knows it. */
  readonly relativePath?: string | undefined;
  /** Else the project root file kinds are judged from; default: the program's directory, else the working directory. */
  readonly root?: string | undefined;
}

export interface CheckRun {
  readonly check: Check<any, string>;
  /** Options given by the user; merged over the check's defaults. */
  readonly options?: Record<string, unknown> | undefined;
  readonly onReport: (report: CheckReport) => void;
  /**
   * Called when the check throws on this file (in `create`, `visit` or `end`; a stack overflow
   * included): the check stops, its reports for the file are dropped (an unfinished check's findings
   * are not a result), and the other checks go on. Without it the error propagates.
   */
  readonly onCrash?: (error: unknown) => void;
}

/** One check on one file: its visitor, and its reports held until it finishes. */
interface RunState {
  readonly run: CheckRun;
  readonly reports: CheckReport[];
  visitor: CheckVisitor;
  crashed: boolean;
}

/**
 * Runs checks over one file in a single walk. Both hosts call this; neither walks on its own.
 * The walk is iterative (`forEachDescendant`: parents before children, children in source order), so
 * no nesting depth overflows it, and a check that throws is stopped here, in a shallow frame, where
 * its host's handler has the whole stack to work with.
 */
export function runChecksOnFile(input: FileInput, runs: readonly CheckRun[]): void {
  const t = fastNamespace(input.ts);
  const file = checkedFile(input);
  if (input.checker && input.program) registerProgram(input.checker, input.program);
  const states: RunState[] = [];
  for (const run of runs) {
    const state: RunState = { run, reports: [], visitor: {}, crashed: false };
    states.push(state);
    const options = mergeOptions(run.check.meta.defaultOptions, run.options);
    const held = (report: CheckReport): void => void (state.crashed || state.reports.push(report));
    try {
      state.visitor = run.check.create({
        ts: t,
        sourceFile: input.sourceFile,
        program: input.program,
        checker: input.checker,
        options,
        settings: input.settings ?? {},
        file,
        report: reportAtConfidence(
          held,
          (options as { minConfidence?: Confidence }).minConfidence ?? 'high',
          file.kind,
        ),
      });
    } catch (error) {
      crash(state, error);
    }
  }
  let visiting = states.filter((s) => !s.crashed && s.visitor.visit);
  const visitAll = (node: ts.Node): WalkStep => {
    let crashed = false;
    for (const state of visiting) {
      try {
        state.visitor.visit!(node);
      } catch (error) {
        crash(state, error);
        crashed = true;
      }
    }
    if (crashed) visiting = visiting.filter((s) => !s.crashed);
    return visiting.length === 0 ? 'stop' : undefined;
  };
  if (visiting.length > 0 && visitAll(input.sourceFile) !== 'stop') forEachDescendant(t, input.sourceFile, visitAll);
  for (const state of states) {
    if (state.crashed) continue;
    try {
      state.visitor.end?.();
    } catch (error) {
      crash(state, error);
    }
  }
  for (const state of states) {
    if (!state.crashed) for (const report of state.reports) state.run.onReport(report);
  }
}

/** Stops a check on this file and drops its held reports; the host hears why, or the error propagates. */
function crash(state: RunState, error: unknown): void {
  state.crashed = true;
  state.reports.length = 0;
  if (!state.run.onCrash) throw error;
  state.run.onCrash(error);
}

/**
 * Why a check could not finish a file, in one line fit for a diagnostic: an error's first line (at
 * most 200 characters), a stack overflow named as such. Checks never put source text in errors.
 */
export function crashReason(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'the code nests too deeply for this check (stack overflow)';
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split('\n', 1)[0]!;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The file's path from the root and its kind, for the checks and the confidence cap. */
export function checkedFile(input: FileInput): CheckedFile {
  const path =
    input.relativePath ??
    relativeToRoot(input.sourceFile.fileName, input.root ?? input.program?.getCurrentDirectory() ?? workingDirectory());
  return { path, kind: fileKindOfSource(input.ts, input.sourceFile, path, input.settings?.fileKinds, input.program) };
}

function workingDirectory(): string | undefined {
  return (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.();
}

/**
 * Drops reports below the run's threshold; the rest go on with their confidence filled in. Outside
 * product code a finding is at most `low`, unless it is a live credential (see `FileKind`). Both
 * runners (TypeScript files here, text files in text/run.ts) report through this.
 */
export function reportAtConfidence<R extends { readonly confidence?: Confidence; readonly liveCredential?: boolean }>(
  onReport: (report: R) => void,
  min: Confidence,
  kind: FileKind,
): (report: R) => void {
  const capped = kind !== 'product';
  return (report) => {
    const confidence = capped && !report.liveCredential ? 'low' : (report.confidence ?? 'high');
    if (meetsConfidence(confidence, min))
      onReport(report.confidence === confidence ? report : { ...report, confidence });
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
    for (const key of keys.slice(Math.max(0, end - NAMESPACE_LAYER_SIZE), end))
      next[key] = (t as unknown as Record<string, unknown>)[key];
    layer = next;
  }
  const view = Object.create(layer) as TypeScript;
  fastViews.set(t, view);
  fastViews.set(view, view);
  return view;
}
