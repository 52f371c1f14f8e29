import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as scanner from '@secret-hygiene/scanner';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { runCli, useTempProjects } from './support.js';

// Counts scans: several reports must come from one scan, not one scan each.
vi.mock('@secret-hygiene/scanner', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@secret-hygiene/scanner')>();
  return { ...actual, scan: vi.fn(actual.scan) };
});

vi.setConfig({ testTimeout: 60_000 });

const project = useTempProjects('sh-outputs-');
afterEach(() => {
  vi.mocked(scanner.scan).mockClear();
});

const SECRET = 'Zx9vQ2mL7kP4rT8wQ1nB';

function leaky(): string {
  return project({
    'config/app.json': JSON.stringify({ db: { password: SECRET } }, null, 2),
    'src/index.ts': 'export const port = 3000;\n',
  });
}

const run = runCli;

// Issue 11.8: the workflow ran the whole scan twice, once for SARIF and once for annotations.
describe('secret-hygiene scan: several reports from one scan (--format <name>[:<file>])', () => {
  it('writes SARIF and JSON to their files and annotations to stdout, from one scan', async () => {
    const root = leaky();
    const sarifFile = join(root, 'out.sarif');
    const jsonFile = join(root, 'out.json');
    const { stdout, code } = await run([
      'scan',
      root,
      '--root',
      root,
      '--format',
      `sarif:${sarifFile}`,
      '--format',
      'github',
      '-f',
      `json:${jsonFile}`,
    ]);
    expect(code).toBe(1);
    expect(scanner.scan).toHaveBeenCalledTimes(1);
    expect(stdout).toMatch(/^::error file=config\/app\.json,line=3,col=17,/);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    const json = JSON.parse(readFileSync(jsonFile, 'utf8'));
    // The same findings in each: the same fingerprints.
    expect(sarif.runs[0].results.map((r: any) => r.partialFingerprints['secretHygiene/v1'])).toEqual(
      json.findings.map((f: any) => f.fingerprint),
    );
    expect(json.findings).toHaveLength(1);
    for (const text of [stdout, readFileSync(sarifFile, 'utf8'), readFileSync(jsonFile, 'utf8')])
      expect(text).not.toContain(SECRET);
  });

  it('keeps the single form: --format sarif --output file', async () => {
    const root = leaky();
    const file = join(root, 'report.sarif');
    const { stdout, code } = await run(['scan', root, '--root', root, '--format', 'sarif', '--output', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0');
    // --output is the file of the one format named without one; the other goes where it says.
    const text = join(root, 'report.txt');
    const both = await run([
      'scan',
      root,
      '--root',
      root,
      '-f',
      'text',
      '-o',
      text,
      '-f',
      `json:${join(root, 'r.json')}`,
    ]);
    expect(both.code).toBe(1);
    expect(both.stdout).toBe('');
    expect(readFileSync(text, 'utf8')).toContain('1 problem');
    expect(scanner.scan).toHaveBeenCalledTimes(2);
  });

  it('colours text on a terminal only, never in a file', async () => {
    const root = leaky();
    const file = join(root, 'report.txt');
    const { stdout } = await run(['scan', root, '--root', root, '-f', 'text', '-f', `text:${file}`], true);
    expect(stdout).toContain('\x1b[');
    expect(readFileSync(file, 'utf8')).not.toContain('\x1b[');
    expect(readFileSync(file, 'utf8')).toContain('1 problem');
  });

  it.each([
    [['-f', 'text', '-f', 'github'], '--format text and --format github would all write to stdout'],
    [['-f', 'text', '-f', 'json', '-o', 'r.txt'], 'would all write to r.txt'],
    [['-f', 'sarif:a.sarif', '-o', 'r.txt'], '--output r.txt: every --format names its own file'],
    [['-f', 'sarif:same.out', '-f', 'json:same.out'], 'same.out: two reports would be written to the same file'],
    [
      ['-f', 'sarif:/no/such/dir/x.sarif', '-f', 'github'],
      '/no/such/dir/x.sarif: directory /no/such/dir does not exist',
    ],
  ])('refuses %j before scanning, in one line, exit 2', async (args, message) => {
    const root = leaky();
    const { stdout, stderr, code } = await run(['scan', root, '--root', root, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^secret-hygiene: error: /);
    expect(lines[0]).toContain(message);
    expect(scanner.scan).not.toHaveBeenCalled();
    expect(existsSync('same.out')).toBe(false);
  });

  it.each([
    [['-f', 'xml:r.xml'], 'unknown format "xml" (one of text, json, sarif, github)'],
    [['-f', 'sarif:'], 'no file after "sarif:"'],
  ])('a bad --format %j is a usage error', async (args, message) => {
    const root = leaky();
    const { stderr, code } = await run(['scan', root, '--root', root, ...args]);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toContain(message);
    expect(scanner.scan).not.toHaveBeenCalled();
  });
});
