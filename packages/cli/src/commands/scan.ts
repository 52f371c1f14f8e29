import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScanResult, Severity } from '@secret-hygiene/scanner';
// The reporters alone (no ts-morph): the scanner itself loads when a scan runs, so --help stays fast.
import { reporters } from '@secret-hygiene/scanner/reporters';
import { Option, type Command } from 'commander';
import pc from 'picocolors';
import { collectFormat, DEFAULT_FORMAT, planOutputs } from '../outputs.js';
import { logProgress, terminalProgress, type Clock } from '../progress.js';

/** Severities in order; `--fail-on X` fails on X and anything above it. */
const FAIL_ON = ['note', 'warning', 'error', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

interface ScanFlags {
  /** `name` or `name:file`, repeatable; default text. */
  format?: string[];
  output?: string;
  failOn: FailOn;
  config?: string;
  tsconfig?: string;
  root?: string;
  baseline?: string;
  updateBaseline?: boolean;
  changedSince?: string;
  ignore?: string[];
  maxFileSize?: string;
  inventory?: boolean;
  progress: boolean;
  quiet?: boolean;
}

/** Where the scan command writes; tests pass their own streams. */
export interface ScanIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The clock progress lines are timed by; tests pass a fake one. */
  readonly now?: Clock;
}

/** Adds `secret-hygiene scan [paths...]`. */
export function registerScanCommand(program: Command, io: ScanIo): void {
  program
    .command('scan')
    .description('Audit a project: every check over one TypeScript program, plus Prisma, SQL, .env and JSON/YAML files')
    .argument('[paths...]', 'files or directories to scan (default: the root)')
    .option(
      '-f, --format <format[:file]>',
      `report format: ${Object.keys(reporters).join(', ')}; format:file writes it to a file; repeat to write several reports from one scan (default: ${DEFAULT_FORMAT})`,
      collectFormat,
    )
    .option('-o, --output <file>', 'write the report (of the format given without a file) to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding has this severity or a higher one')
        .choices([...FAIL_ON])
        .default('error'),
    )
    .option('-c, --config <file>', 'config file (default: secret-hygiene.config.{json,mjs,js} in the root)')
    .option(
      '-p, --tsconfig <file>',
      'tsconfig to build the program from (default: tsconfig.json of the scanned directory)',
    )
    .option('--root <dir>', 'directory reported paths are relative to (default: the working directory)')
    .option('--baseline <file>', 'accept the findings recorded in this baseline file; report only new ones')
    .option('--update-baseline', 'write every current finding to the --baseline file and exit 0')
    .option(
      '--changed-since <ref>',
      'report only findings on lines changed since this git ref (untracked files count as changed)',
    )
    .option('--ignore <glob...>', 'globs of paths to leave out, in addition to the config')
    .option('--max-file-size <bytes>', 'skip files larger than this (default 1048576)')
    .option('--inventory', 'also list env reads, credential columns and encryption call sites')
    .option('--no-progress', 'never show progress on stderr')
    .option('-q, --quiet', 'no progress on stderr (same as --no-progress)')
    .action(async (paths: string[], flags: ScanFlags) => {
      process.exitCode = await runScanCommand(paths, flags, io);
    });
}

/** Runs a scan and writes its report; returns the exit code (0 clean, 1 findings, 2 usage or config error). */
export async function runScanCommand(paths: string[], flags: ScanFlags, io: ScanIo): Promise<number> {
  const { ConfigError, loadConfig, readBaseline, scan, writeBaseline } = await import('@secret-hygiene/scanner');
  const colors = pc.createColors(Boolean(io.stdout.isTTY));
  try {
    if (flags.updateBaseline && !flags.baseline) throw new ConfigError('--update-baseline needs --baseline <file>');
    // A baseline written from changed lines only would drop every other finding, and the next full run would fail on them.
    if (flags.updateBaseline && flags.changedSince)
      throw new ConfigError('--update-baseline records every finding: leave out --changed-since');
    // Checked before the scan, so a typo in a path does not cost a whole scan and end in a stack trace.
    const plan = planOutputs(flags.format, flags.output);
    if ('problem' in plan) throw new ConfigError(plan.problem);
    const maxFileSize = flags.maxFileSize === undefined ? undefined : Number(flags.maxFileSize);
    if (maxFileSize !== undefined && !(Number.isInteger(maxFileSize) && maxFileSize > 0)) {
      throw new ConfigError(`--max-file-size: expected a positive whole number of bytes, got "${flags.maxFileSize}"`);
    }
    const root = resolve(flags.root ?? process.cwd());
    const { config } = await loadConfig(root, flags.config);
    const progress =
      !flags.progress || flags.quiet
        ? {}
        : io.stderr.isTTY
          ? terminalProgress(io.stderr)
          : logProgress(io.stderr, io.now ? { now: io.now } : {});
    const result: ScanResult = await scan({
      root,
      paths,
      config,
      ...(flags.tsconfig ? { tsconfig: flags.tsconfig } : {}),
      ...(flags.ignore ? { ignore: flags.ignore } : {}),
      ...(maxFileSize !== undefined ? { maxFileSize } : {}),
      ...(flags.baseline && !flags.updateBaseline ? { baseline: readBaseline(resolve(flags.baseline)) } : {}),
      ...(flags.changedSince ? { changedSince: flags.changedSince } : {}),
      ...(flags.inventory ? { inventory: true } : {}),
      ...progress,
    });
    for (const d of result.diagnostics) io.stderr.write(`${colors.yellow('secret-hygiene:')} ${d.message}\n`);
    if (flags.updateBaseline) {
      writeBaseline(resolve(flags.baseline!), result.findings);
      io.stderr.write(`secret-hygiene: wrote ${result.findings.length} finding(s) to ${flags.baseline}\n`);
      return 0;
    }
    // Every report from the same result: one scan, any number of formats.
    for (const { format, file } of plan.outputs) {
      if (file !== undefined) writeFileSync(resolve(file), reporters[format](result));
      else io.stdout.write(reporters[format](result, { colors }));
    }
    return failsOn(result, flags.failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${colors.red('secret-hygiene: error:')} ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`${colors.red('secret-hygiene: internal error:')} ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function failsOn(result: ScanResult, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const rank = (s: Severity | FailOn): number => FAIL_ON.indexOf(s);
  return result.findings.some((f) => rank(f.severity) >= rank(failOn));
}
