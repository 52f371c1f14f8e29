import { scannerVersion } from '@secret-hygiene/scanner';
import { Command } from 'commander';
import { registerConformanceCommand } from './commands/conformance.js';
import { registerScanCommand, type ScanIo } from './commands/scan.js';

/** The `secret-hygiene` command with every verb registered. */
export function createProgram(io: ScanIo = { stdout: process.stdout, stderr: process.stderr }): Command {
  const program = new Command('secret-hygiene')
    .description('Keeps secrets out of logs, plaintext columns, hard-coded defaults and nonce-reusing crypto')
    .version(scannerVersion)
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .exitOverride();
  registerScanCommand(program, io);
  registerConformanceCommand(program, io);
  return program;
}
