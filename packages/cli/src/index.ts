import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import type { ScanIo } from './commands/scan.js';

/**
 * Runs the CLI on `process.argv`-style arguments. Sets `process.exitCode` (0 clean, 1 findings,
 * 2 usage, config or internal error) and never calls `process.exit()`.
 */
export async function main(argv: string[], io?: ScanIo): Promise<void> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    // A crash (a module that fails to load, a bug) is exit 2, never 1, which means "findings".
    (io ?? { stderr: process.stderr }).stderr.write(
      `secret-hygiene: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  }
}

export { createProgram } from './program.js';
export { registerScanCommand, runScanCommand, type ScanIo } from './commands/scan.js';
