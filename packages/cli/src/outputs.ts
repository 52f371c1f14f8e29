import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isReportFormat, reporters, type ReportFormat } from '@secret-hygiene/scanner/reporters';
import { InvalidArgumentError } from 'commander';

/** One report a scan writes: a format from the reporter registry, to stdout or to a file. */
export interface ReportOutput {
  readonly format: ReportFormat;
  /** Undefined: stdout. */
  readonly file?: string;
}

/** The format when `--format` is not given. */
export const DEFAULT_FORMAT: ReportFormat = 'text';

/**
 * Commander's parser for a repeatable `--format <name>[:<file>]` (as golangci-lint's
 * `--out-format sarif:report.sarif`): each occurrence adds one output, so one scan writes several
 * reports. Only the first `:` separates, so a Windows path (`sarif:C:\ci\x.sarif`) stays whole.
 * @throws {InvalidArgumentError} for a name the registry does not know, or an empty file.
 */
export function collectFormat(value: string, previous: readonly string[] | undefined): string[] {
  const colon = value.indexOf(':');
  const name = colon === -1 ? value : value.slice(0, colon);
  if (!isReportFormat(name))
    throw new InvalidArgumentError(`unknown format "${name}" (one of ${Object.keys(reporters).join(', ')})`);
  if (colon !== -1 && value.slice(colon + 1) === '')
    throw new InvalidArgumentError(`no file after "${name}:" (write ${name}:<file>, or ${name} for stdout)`);
  return [...(previous ?? []), value];
}

/**
 * The reports to write, checked before the scan so a mistake does not cost a whole scan: every
 * format that names no file goes to `--output` or stdout, and only one may; no file is written twice;
 * each file's directory exists and is writable.
 * @returns the outputs, or the one-line problem.
 */
export function planOutputs(
  specs: readonly string[] | undefined,
  output: string | undefined,
): { outputs: ReportOutput[] } | { problem: string } {
  const given = (specs && specs.length > 0 ? specs : [DEFAULT_FORMAT]).map((spec): ReportOutput => {
    const colon = spec.indexOf(':');
    return colon === -1
      ? { format: spec as ReportFormat }
      : { format: spec.slice(0, colon) as ReportFormat, file: spec.slice(colon + 1) };
  });
  const unnamed = given.filter((o) => o.file === undefined);
  if (unnamed.length > 1) {
    return {
      problem: `--format ${unnamed.map((o) => o.format).join(' and --format ')} would all write to ${output ?? 'stdout'}: give all but one a file (--format ${unnamed[1]!.format}:<file>)`,
    };
  }
  if (output !== undefined && unnamed.length === 0)
    return { problem: `--output ${output}: every --format names its own file, so nothing would be written there` };
  // `--output` is the file of the one format that names none (the single-report form).
  const outputs = given.map((o) => (o.file === undefined && output !== undefined ? { ...o, file: output } : o));
  const seen = new Set<string>();
  for (const { file } of outputs) {
    if (file === undefined) continue;
    const path = resolve(file);
    if (seen.has(path)) return { problem: `${file}: two reports would be written to the same file` };
    seen.add(path);
    const problem = unwritable(path);
    if (problem) return { problem: `${file === output ? '--output ' : ''}${file}: ${problem}` };
  }
  return { outputs };
}

/** Why a report cannot be written to `path`, or undefined: its directory must exist, and the file, if it exists, be a writable file. */
function unwritable(path: string): string | undefined {
  const stat = (p: string) => {
    try {
      return statSync(p);
    } catch {
      return undefined;
    }
  };
  const dir = stat(dirname(path));
  if (!dir?.isDirectory()) return `directory ${dirname(path)} does not exist`;
  const file = stat(path);
  if (file?.isDirectory()) return 'is a directory';
  try {
    accessSync(file ? path : dirname(path), constants.W_OK);
  } catch {
    return 'not writable';
  }
  return undefined;
}
