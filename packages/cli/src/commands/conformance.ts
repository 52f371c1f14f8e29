import { writeFileSync } from 'node:fs';
import type * as Harness from '@secret-hygiene/conformance';
import type { ReportFormat } from '@secret-hygiene/conformance';
import { cliVersion } from '../version.js';
import { Option, type Command } from 'commander';
import { importOptional, MissingPackageError } from '../optional.js';
import type { ScanIo } from './scan.js';

// The harness (pg, embedded PostgreSQL's binaries) is an optional install of the CLI: it is loaded
// when the command runs, by runConformanceCommand, and these bindings are set then.
let { formatReport, reportFormats, runConformance, SetupError, maskUrlsIn, wasInterrupted } = {} as typeof Harness;

/** The harness's report formats, listed here so `--help` does not load it (a test keeps them equal). */
export const conformanceReportFormats = ['table', 'json', 'junit', 'markdown', 'html'] as const;

/** Flags of `secret-hygiene conformance`. */
export interface ConformanceFlags {
  adapter: string;
  databaseUrl?: string;
  /** Name of an environment variable holding the URL (keeps the password out of the process list). */
  databaseUrlEnv?: string;
  db?: string;
  format: string;
  output?: string;
  checks?: string;
  seed?: string;
  progress: boolean;
}

/** Where the command writes (the same streams as `scan`); tests pass their own. */
export type ConformanceIo = ScanIo;

const providers = ['embedded', 'docker', 'url'] as const;

/**
 * Adds `secret-hygiene conformance --adapter <module>`: runs the PostgreSQL conformance checks
 * against a credential store adapter. Exit code 0 when every check passes, 1 when one fails,
 * 2 for usage and setup errors.
 */
export function registerConformanceCommand(
  program: Command,
  io: ConformanceIo = { stdout: process.stdout, stderr: process.stderr },
): void {
  program
    .command('conformance')
    .description(
      'Prove on a real PostgreSQL that a credential store keeps no plaintext, uses fresh nonces, rotates keys safely and fails closed',
    )
    .requiredOption(
      '-a, --adapter <module>',
      'adapter module (path or package) exporting createAdapter or a default factory',
    )
    .option('--database-url <url>', 'use this PostgreSQL server instead of a throwaway embedded one')
    .option(
      '--database-url-env <name>',
      'use the PostgreSQL server whose URL is in this environment variable (e.g. DATABASE_URL)',
    )
    .addOption(new Option('--db <provider>', 'where PostgreSQL comes from').choices([...providers]))
    .addOption(
      new Option('-f, --format <format>', 'report format').choices([...conformanceReportFormats]).default('table'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--checks <ids>', 'comma-separated check ids to run (default: all)')
    .option('--seed <n>', 'seed for the fault-injection choices (printed in every report)')
    .option('--no-progress', 'no progress lines on stderr')
    .action(async (flags: ConformanceFlags) => {
      process.exitCode = await runConformanceCommand(flags, io);
    });
}

/**
 * The server URL the user asked for: `--database-url`, or the variable `--database-url-env` names.
 * DATABASE_URL is never used silently (it may point at a real database); when it is set and not
 * used, one line says how to opt in.
 * @throws {SetupError} when both flags are given or the named variable is empty.
 */
function chooseDatabaseUrl(
  flags: ConformanceFlags,
  env: Readonly<Record<string, string | undefined>>,
  io: ConformanceIo,
): string | undefined {
  if (flags.databaseUrl !== undefined && flags.databaseUrlEnv !== undefined)
    throw new SetupError('use --database-url or --database-url-env, not both');
  if (flags.databaseUrlEnv !== undefined) {
    const value = env[flags.databaseUrlEnv];
    if (value === undefined || value === '')
      throw new SetupError(`--database-url-env ${flags.databaseUrlEnv}: the environment variable is not set`);
    return value;
  }
  if (flags.databaseUrl !== undefined) return flags.databaseUrl;
  if (flags.progress && env.DATABASE_URL !== undefined && env.DATABASE_URL !== '' && flags.db !== 'url') {
    io.stderr.write(
      'conformance: DATABASE_URL is set but not used (pass --database-url-env DATABASE_URL to use that server)\n',
    );
  }
  return undefined;
}

/** Runs the checks and writes the report; returns the exit code (0 pass, 1 a check failed, 2 usage or setup error). */
export async function runConformanceCommand(
  flags: ConformanceFlags,
  io: ConformanceIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  try {
    ({ formatReport, reportFormats, runConformance, SetupError, maskUrlsIn, wasInterrupted } = await importOptional(
      '@secret-hygiene/conformance',
      () => import('@secret-hygiene/conformance'),
      'secret-hygiene conformance',
    ));
  } catch (error) {
    if (!(error instanceof MissingPackageError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  try {
    if (!(reportFormats as readonly string[]).includes(flags.format))
      throw new SetupError(`unknown format "${flags.format}"`);
    if (flags.db !== undefined && !(providers as readonly string[]).includes(flags.db))
      throw new SetupError(`unknown --db "${flags.db}"`);
    let seed: number | undefined;
    if (flags.seed !== undefined) {
      seed = Number(flags.seed);
      if (!Number.isSafeInteger(seed) || seed < 0)
        throw new SetupError(`--seed: expected a non-negative whole number, got "${flags.seed}"`);
    }
    const databaseUrl = chooseDatabaseUrl(flags, env, io);
    const checks = flags.checks
      ?.split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const result = await runConformance({
      adapter: flags.adapter,
      ...(databaseUrl !== undefined && databaseUrl !== '' ? { databaseUrl } : {}),
      ...(flags.db !== undefined ? { db: flags.db as (typeof providers)[number] } : {}),
      ...(checks !== undefined ? { checks } : {}),
      ...(seed !== undefined ? { seed } : {}),
      handleSignals: true,
      tool: `secret-hygiene ${cliVersion}`,
      onProgress: flags.progress ? (line) => void io.stderr.write(`conformance: ${line}\n`) : undefined,
    });
    const format = flags.format as ReportFormat;
    const color = format === 'table' && flags.output === undefined && Boolean(io.stdout.isTTY);
    const report = formatReport(result, format, { color });
    if (flags.output !== undefined) writeFileSync(flags.output, report);
    else io.stdout.write(report);
    return result.passed ? 0 : 1;
  } catch (error) {
    // Ctrl-C: the one line is written and the process exits 130/143 once cleanup ends.
    if (wasInterrupted()) return 130;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`secret-hygiene conformance: ${maskUrlsIn(message)}\n`);
    return 2;
  }
}
