import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ScanResult, Severity } from '@secret-hygiene/scanner';
// The reporters alone (no ts-morph): the scanner itself loads when a scan runs, so --help stays fast.
import { isReportFormat, reporters } from '@secret-hygiene/scanner/reporters';
import { Option, type Command } from 'commander';
import pc from 'picocolors';

/** Severities in order; `--fail-on X` fails on X and anything above it. */
const FAIL_ON = ['note', 'warning', 'error', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

interface ScanFlags {
  format: string;
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
}

/** Where the scan command writes; tests pass their own streams. */
export interface ScanIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Adds `secret-hygiene scan [paths...]`. */
export function registerScanCommand(program: Command, io: ScanIo): void {
  program
    .command('scan')
    .description('Audit a project: every check over one TypeScript program, plus Prisma, SQL, .env and JSON/YAML files')
    .argument('[paths...]', 'files or directories to scan (default: the root)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(Object.keys(reporters)).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
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
    .action(async (paths: string[], flags: ScanFlags) => {
      process.exitCode = await runScanCommand(paths, flags, io);
    });
}

/** Runs a scan and writes its report; returns the exit code (0 clean, 1 findings, 2 usage or config error). */
export async function runScanCommand(paths: string[], flags: ScanFlags, io: ScanIo): Promise<number> {
  const { ConfigError, loadConfig, readBaseline, scan, writeBaseline } = await import('@secret-hygiene/scanner');
  const colors = pc.createColors(Boolean(io.stdout.isTTY) && flags.format === 'text' && !flags.output);
  try {
    if (!isReportFormat(flags.format)) throw new ConfigError(`unknown format "${flags.format}"`);
    if (flags.updateBaseline && !flags.baseline) throw new ConfigError('--update-baseline needs --baseline <file>');
    // A baseline written from changed lines only would drop every other finding, and the next full run would fail on them.
    if (flags.updateBaseline && flags.changedSince)
      throw new ConfigError('--update-baseline records every finding: leave out --changed-since');
    // Checked before the scan, so a typo in the path does not cost a whole scan and end in a stack trace.
    if (flags.output) {
      const problem = unwritable(resolve(flags.output));
      if (problem) throw new ConfigError(`--output ${flags.output}: ${problem}`);
    }
    const maxFileSize = flags.maxFileSize === undefined ? undefined : Number(flags.maxFileSize);
    if (maxFileSize !== undefined && !(Number.isInteger(maxFileSize) && maxFileSize > 0)) {
      throw new ConfigError(`--max-file-size: expected a positive whole number of bytes, got "${flags.maxFileSize}"`);
    }
    const root = resolve(flags.root ?? process.cwd());
    const { config } = await loadConfig(root, flags.config);
    const showProgress = flags.progress && Boolean(io.stderr.isTTY);
    let lastDraw = 0;
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
      ...(showProgress
        ? {
            onProgress: (done: number, total: number) => {
              const now = Date.now();
              if (now - lastDraw < 100 && done < total) return;
              lastDraw = now;
              io.stderr.write(`\r\x1b[Kscanning ${done}/${total}`);
              if (done === total) io.stderr.write('\r\x1b[K');
            },
          }
        : {}),
    });
    for (const d of result.diagnostics) io.stderr.write(`${colors.yellow('secret-hygiene:')} ${d.message}\n`);
    if (flags.updateBaseline) {
      writeBaseline(resolve(flags.baseline!), result.findings);
      io.stderr.write(`secret-hygiene: wrote ${result.findings.length} finding(s) to ${flags.baseline}\n`);
      return 0;
    }
    const report = reporters[flags.format](result, { colors });
    if (flags.output) writeFileSync(resolve(flags.output), report);
    else io.stdout.write(report);
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
