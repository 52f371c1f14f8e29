import { writeFileSync } from 'node:fs';
import type * as Harness from '@secret-hygiene/conformance';
import type { ReportFormat } from '@secret-hygiene/conformance';
import { Option, type Command } from 'commander';
import { importOptional, MissingPackageError } from '../optional.js';
import type { ScanIo } from './scan.js';

// The harness (pg, embedded PostgreSQL's binaries) is an optional install of the CLI: it is loaded
// when the command runs, by runConformanceCommand, and these bindings are set then.
let { formatReport, reportFormats, runConformance, SetupError, maskUrlsIn } = {} as typeof Harness;

/** The harness's report formats, listed here so `--help` does not load it (a test keeps them equal). */
export const conformanceReportFormats = ['table', 'json', 'junit', 'markdown'] as const;

/** Flags of `secret-hygiene conformance`. */
export interface ConformanceFlags {
  adapter: string;
  databaseUrl?: string;
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
export function registerConformanceCommand(program: Command, io: ConformanceIo = { stdout: process.stdout, stderr: process.stderr }): void {
  program
    .command('conformance')
    .description('Prove on a real PostgreSQL that a credential store keeps no plaintext, uses fresh nonces, rotates keys safely and fails closed')
    .requiredOption('-a, --adapter <module>', 'adapter module (path or package) exporting createAdapter or a default factory')
    .option('--database-url <url>', 'use this PostgreSQL server (default: $DATABASE_URL, else an embedded server)')
    .addOption(new Option('--db <provider>', 'where PostgreSQL comes from').choices([...providers]))
    .addOption(new Option('-f, --format <format>', 'report format').choices([...conformanceReportFormats]).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--checks <ids>', 'comma-separated check ids to run (default: all)')
    .option('--seed <n>', 'seed for the fault-injection choices (printed in every report)')
    .option('--no-progress', 'no progress lines on stderr')
    .action(async (flags: ConformanceFlags) => {
      process.exitCode = await runConformanceCommand(flags, io);
    });
}

/** Runs the checks and writes the report; returns the exit code (0 pass, 1 a check failed, 2 usage or setup error). */
export async function runConformanceCommand(flags: ConformanceFlags, io: ConformanceIo, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  try {
    ({ formatReport, reportFormats, runConformance, SetupError, maskUrlsIn } = await importOptional('@secret-hygiene/conformance', () => import('@secret-hygiene/conformance'), 'secret-hygiene conformance'));
  } catch (error) {
    if (!(error instanceof MissingPackageError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  try {
    if (!(reportFormats as readonly string[]).includes(flags.format)) throw new SetupError(`unknown format "${flags.format}"`);
    if (flags.db !== undefined && !(providers as readonly string[]).includes(flags.db)) throw new SetupError(`unknown --db "${flags.db}"`);
    let seed: number | undefined;
    if (flags.seed !== undefined) {
      seed = Number(flags.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new SetupError(`--seed: expected a non-negative whole number, got "${flags.seed}"`);
    }
    const useEnvUrl = flags.db === undefined || flags.db === 'url';
    const databaseUrl = flags.databaseUrl ?? (useEnvUrl ? env.DATABASE_URL : undefined);
    const checks = flags.checks?.split(',').map((id) => id.trim()).filter((id) => id !== '');
    const result = await runConformance({
      adapter: flags.adapter,
      ...(databaseUrl !== undefined && databaseUrl !== '' ? { databaseUrl } : {}),
      ...(flags.db !== undefined ? { db: flags.db as (typeof providers)[number] } : {}),
      ...(checks !== undefined ? { checks } : {}),
      ...(seed !== undefined ? { seed } : {}),
      handleSignals: true,
      onProgress: flags.progress ? (line) => void io.stderr.write(`conformance: ${line}\n`) : undefined,
    });
    const format = flags.format as ReportFormat;
    const color = format === 'table' && flags.output === undefined && Boolean(io.stdout.isTTY);
    const report = formatReport(result, format, { color });
    if (flags.output !== undefined) writeFileSync(flags.output, report);
    else io.stdout.write(report);
    return result.passed ? 0 : 1;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`secret-hygiene conformance: ${maskUrlsIn(message)}\n`);
    return 2;
  }
}
