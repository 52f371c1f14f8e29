import { Command } from 'commander';
import { registerConformanceCommand } from './commands/conformance.js';
import { registerScanCommand, type ScanIo } from './commands/scan.js';
import { cliVersion } from './version.js';

/**
 * The `secret-hygiene` command with every verb registered. Registering loads nothing heavy: each
 * command imports the scanner (ts-morph, TypeScript) or the conformance harness (pg, PostgreSQL)
 * when it runs, so `--version` and `--help` stay fast.
 */
export function createProgram(io: ScanIo = { stdout: process.stdout, stderr: process.stderr }): Command {
  const program = new Command('secret-hygiene')
    .description('Keeps secrets out of logs, plaintext columns, hard-coded defaults and nonce-reusing crypto')
    .version(cliVersion)
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .exitOverride();
  registerScanCommand(program, io);
  registerConformanceCommand(program, io);
  // A usage error is one line, then where the usage is (not the whole help).
  for (const command of [program, ...program.commands]) {
    const name = command === program ? program.name() : `${program.name()} ${command.name()}`;
    command.showHelpAfterError(`Run "${name} --help" for usage.`);
  }
  return program;
}
