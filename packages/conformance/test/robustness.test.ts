import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, reportFormats, runConformance, type ConformanceResult } from '../src/index.js';
import { fullCanary, storePath, useEmbeddedServer } from './helpers.js';

/** A redacted canary: 3 or 4 characters a side (30- and 32-character canaries). */
const r = 'shc-?…[a-zß2-7]{3,4}';
/** The built package, for runs in a plain Node process (`npm test` builds first). */
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const failedIds = (result: ConformanceResult): string[] =>
  result.checks.filter((c) => c.status === 'fail').map((c) => c.id);
const failuresOf = (result: ConformanceResult, id: string): string =>
  result.checks.find((c) => c.id === id)?.failures.join('\n') ?? '';

describe('the harness survives misbehaving stores', () => {
  const server = useEmbeddedServer();

  it('redacts a secret an adapter error echoes upper-cased, in base64, in hex or as a long prefix, in every report format', async () => {
    const result = await runConformance({
      adapter: storePath('broken-error-echoes-secret'),
      server: server(),
      checks: ['integrity'],
      seed: 3,
    });
    expect(failedIds(result)).toEqual(['integrity']);
    // Every form became the short redaction (3 characters a side for a 30-character canary).
    expect(failuresOf(result, 'integrity')).toMatch(
      new RegExp(`refused ${r} \\(base64 ${r}, starts ${r}, hex ${r}\\)`, 'u'),
    );
    for (const format of reportFormats) {
      const text = formatReport(result, format);
      expect(text).not.toMatch(fullCanary);
      expect(text).not.toMatch(/SHC-[A-Z2-7]{8}/);
      expect(text).not.toMatch(/shc-[a-z2-7]{8}/);
      expect(text).not.toMatch(/c2hjL[A-Za-z0-9+/]{8}/); // base64 of "shc-"
      expect(text).not.toMatch(/7368632d[0-9a-f]{16}/); // hex of "shc-"
    }
  });

  it('turns an unhandled rejection and a throwing timer of the store into failures of the running check, and still reports', async () => {
    const result = await runConformance({
      adapter: storePath('broken-escaping-errors'),
      server: server(),
      checks: ['deletion'],
      seed: 3,
    });
    expect(failedIds(result)).toEqual(['deletion']);
    expect(failuresOf(result, 'deletion')).toContain(
      'the store let an error escape (an unhandled promise rejection): Error: background flush failed',
    );
    expect(failuresOf(result, 'deletion')).toContain(
      'the store let an error escape (an uncaught exception (a throwing timer or event handler)): Error: cache refresh timer failed',
    );
    for (const format of reportFormats) expect(formatReport(result, format)).toContain('deletion');
  });

  it('does the same for a store given as a function (run in the harness process), in a process of its own with no other handlers', async () => {
    // Vitest's own handlers would report the escaped errors too, so the run goes in a plain Node
    // process on the built package: a store's stray rejection must not end it without a report.
    const script = `
      const { runConformance, formatReport } = await import(${JSON.stringify(dist)});
      const { default: factory } = await import(${JSON.stringify(storePath('broken-escaping-errors'))});
      const result = await runConformance({ adapter: factory, checks: ['deletion'], seed: 3 });
      process.stdout.write(formatReport(result, 'json'));
      process.exitCode = result.passed ? 0 : 1;`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).not.toMatch(/background flush failed|cache refresh timer failed/);
    expect(child.status).toBe(1);
    const result = JSON.parse(child.stdout) as ConformanceResult;
    expect(result.isolation).toBe('in-process');
    expect(failedIds(result)).toEqual(['deletion']);
    expect(failuresOf(result, 'deletion')).toContain(
      'the store let an error escape (an unhandled promise rejection): Error: background flush failed',
    );
    expect(failuresOf(result, 'deletion')).toContain(
      'the store let an error escape (an uncaught exception (a throwing timer or event handler)): Error: cache refresh timer failed',
    );
  });

  it('fails the check whose call ended the store process, and starts it again for the next check', async () => {
    const result = await runConformance({
      adapter: storePath('broken-exits-process'),
      server: server(),
      checks: ['deletion', 'restart'],
      seed: 3,
    });
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['deletion', 'fail'],
      ['restart', 'pass'],
    ]);
    expect(failuresOf(result, 'deletion')).toContain(
      'unexpected error: the adapter process exited (code 3) during adapter.delete()',
    );
  });

  it('names an adapter call that never finishes, and goes on', async () => {
    const result = await runConformance({
      adapter: storePath('broken-hanging-teardown'),
      server: server(),
      checks: ['deletion'],
      seed: 3,
      callTimeoutMs: 3_000,
    });
    expect(failedIds(result)).toEqual(['deletion']);
    expect(failuresOf(result, 'deletion')).toContain('adapter.teardown() did not finish within 3 s');
  });

  it('hears output printed after a check ended (a timer after teardown), searching all the store printed until its process finished', async () => {
    const result = await runConformance({
      adapter: storePath('broken-deferred-log'),
      server: server(),
      checks: ['no-plaintext-at-rest', 'deletion'],
      seed: 3,
    });
    expect(failedIds(result)).toEqual(['no-plaintext-at-rest']);
    expect(failuresOf(result, 'no-plaintext-at-rest')).toMatch(
      new RegExp(
        `^the store printed (a secret|2 secrets) to its stdout or stderr \\(found by the search of all it printed until teardown finished\\): ${r} \\(raw\\)`,
        'u',
      ),
    );
    // Without the check that owns the promise, the leak is a note on the check that made the secret.
    const alone = await runConformance({
      adapter: storePath('broken-deferred-log'),
      server: server(),
      checks: ['deletion'],
      seed: 3,
    });
    expect(failedIds(alone)).toEqual([]);
    expect(alone.checks[0]!.notes.join('\n')).toMatch(
      /the store printed a secret to its stdout or stderr .*; run no-plaintext-at-rest to fail on it/u,
    );
  });

  it('says which server and versions produced the result, and where the store ran', async () => {
    const result = await runConformance({
      adapter: storePath('reference'),
      server: server(),
      checks: ['deletion'],
      tool: 'secret-hygiene 9.9.9',
    });
    expect(result.server).toMatchObject({ kind: 'embedded', description: server().description });
    expect(result.server.postgresVersion).toMatch(/^\d+\.\d+/);
    expect(result.versions).toEqual({
      harness: expect.stringMatching(/^\d+\.\d+\.\d+/),
      tool: 'secret-hygiene 9.9.9',
      node: process.version,
    });
    expect(result.isolation).toBe('process');
    for (const format of reportFormats) {
      const text = formatReport(result, format);
      expect(text).toContain(result.server.postgresVersion);
      expect(text).toContain('9.9.9');
    }
  });
});

const bin = fileURLToPath(new URL('../../cli/bin/secret-hygiene.js', import.meta.url));

describe.skipIf(!existsSync(fileURLToPath(new URL('../../cli/dist/index.js', import.meta.url))))(
  'the built CLI on SIGINT and SIGTERM',
  () => {
    for (const [signal, code] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const) {
      it(`exits ${code} on ${signal} with one line, after stopping the server`, async () => {
        // A store whose teardown hangs keeps the run busy until the signal arrives.
        const child = spawn(
          process.execPath,
          [bin, 'conformance', '--adapter', storePath('broken-hanging-teardown'), '--checks', 'deletion,restart'],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let stderr = '';
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        const running = new Promise<void>((resolve) => {
          child.stderr.on('data', (chunk: Buffer) => {
            stderr += chunk.toString();
            if (stderr.includes('conformance: using ')) resolve();
          });
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
        await running;
        const before = stderr.length;
        child.kill(signal);
        expect(await exited).toBe(code);
        const after = stderr.slice(before).trim().split('\n');
        expect(after).toEqual([`conformance: ${signal} received, stopping PostgreSQL and removing temporary files`]);
        expect(stdout).toBe('');
        const port = /127\.0\.0\.1:(\d+)/.exec(stderr)?.[1];
        expect(port).toBeDefined();
      });
    }
  },
);
