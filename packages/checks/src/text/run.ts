import {
  type Check,
  type Confidence,
  type InputKind,
  type SharedSettings,
  type TextFile,
  type TextReport,
} from '../check.js';
import { fileKindOf } from '../context/file-kind.js';
import { mergeOptions, reportAtConfidence } from '../run.js';
import { envFileCopiedFrom, isEnvExample } from './env-file.js';

/** What a check reads: `meta.inputs`, TypeScript when it declares none. */
export function inputsOf(check: Check<any, string>): readonly InputKind[] {
  return check.meta.inputs ?? ['typescript'];
}

/** True when the check reads this kind of input. */
export function readsInput(check: Check<any, string>, kind: InputKind): boolean {
  return inputsOf(check).includes(kind);
}

export interface TextCheckRun {
  readonly check: Check<any, string>;
  /** Options given by the user; merged over the check's defaults. */
  readonly options?: Record<string, unknown> | undefined;
  readonly onReport: (report: TextReport) => void;
}

/**
 * Runs the checks that read this kind of file over it: the text counterpart of `runChecksOnFile`,
 * with the same options merge, the same confidence threshold and the same cap outside product code.
 */
export function runChecksOnTextFile(file: TextFile, settings: SharedSettings, runs: readonly TextCheckRun[]): void {
  // An env template (`.env.example`) is what real .env files are copied from: what it holds gets
  // deployed, so it is judged as the file it is copied to would be, in the folder it sits in
  // (`.env.example` as `.env`, product; `.env.dev-azure.example` as `.env.dev-azure`, development).
  const judged = file.kind === 'env' && isEnvExample(file.path) ? envFileCopiedFrom(file.path) : file.path;
  const fileKind = fileKindOf(judged, settings.fileKinds);
  for (const run of runs) {
    if (!run.check.analyzeText || !readsInput(run.check, file.kind)) continue;
    const options = mergeOptions(run.check.meta.defaultOptions, run.options);
    const min = (options as { minConfidence?: Confidence }).minConfidence ?? 'high';
    run.check.analyzeText({
      file,
      fileKind,
      options,
      settings,
      report: reportAtConfidence(run.onReport, min, fileKind),
    });
  }
}
