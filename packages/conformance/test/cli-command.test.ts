import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformanceCommand, type ConformanceFlags } from '../../cli/src/commands/conformance.js';
import { startDocker } from '../src/index.js';
import { fullCanary, storePath } from './helpers.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
  };
}

const flags = (extra: Partial<ConformanceFlags>): ConformanceFlags => ({
  adapter: storePath('reference'),
  format: 'table',
  progress: false,
  ...extra,
});

describe('secret-hygiene conformance (command)', () => {
  it('exits 2 for usage errors before starting any server', async () => {
    for (const bad of [
      { checks: 'no-such-check' },
      { seed: 'x' },
      { format: 'pdf' },
      { db: 'sqlite' },
      { adapter: 'does/not/exist.mjs' },
    ]) {
      const { io: streams, err } = io();
      expect(await runConformanceCommand(flags(bad), streams, {})).toBe(2);
      expect(err.join('')).toMatch(/^secret-hygiene conformance: /);
    }
  });

  it('uses DATABASE_URL only when asked to (--database-url-env), with the password masked when it cannot be reached', async () => {
    const { io: streams, err } = io();
    // made-up credentials: the test proves they are masked
    const env = { DATABASE_URL: 'postgres://app:never-print@127.0.0.1:1/app' };
    const code = await runConformanceCommand(
      flags({ checks: 'deletion', databaseUrlEnv: 'DATABASE_URL' }),
      streams,
      env,
    );
    expect(code).toBe(2);
    expect(err.join('')).toContain('could not connect to the database URL postgres://app:***@127.0.0.1:1/app');
    expect(err.join('')).not.toContain('never-print');
    const unset = io();
    expect(
      await runConformanceCommand(flags({ checks: 'deletion', databaseUrlEnv: 'NO_SUCH_VARIABLE' }), unset.io, env),
    ).toBe(2);
    expect(unset.err.join('')).toBe(
      'secret-hygiene conformance: --database-url-env NO_SUCH_VARIABLE: the environment variable is not set\n',
    );
  });

  it('never prints the password of a malformed --database-url', async () => {
    // made-up credentials: the test proves they are never printed
    for (const url of [
      'postgres://app:pw-one@host:notaport/db',
      'postgres:/app:pw-two@host/db',
      'app:pw-three@host/db',
      'postgresql//app:pw-four@host',
      'postgres://app:pw five@',
      // Parsed by node-postgres itself (a bad escape, a certificate file it reads), an unescaped @
      // in the password, a password in the query: nothing listens on port 1.
      'postgres://app:pw-six@127.0.0.1:1/d%b',
      'postgres://app:pw-seven@127.0.0.1:1/db?sslcert=/nonexistent/cert.pem',
      'postgres://app:pw@eight@127.0.0.1:1/db',
      'postgres://app:pw-nine@127.0.0.1:1/db?password=pw-ten',
    ]) {
      const { io: streams, err } = io();
      expect(await runConformanceCommand(flags({ checks: 'deletion', databaseUrl: url }), streams, {})).toBe(2);
      expect(err.join('')).toMatch(
        /^secret-hygiene conformance: (the|could not connect to the) database URL [^\n]*\n$/,
      );
      expect(err.join('')).not.toMatch(/pw[- @](one|two|three|four|five|six|seven|eight|nine|ten)/);
    }
  });

  it('does not use DATABASE_URL from the environment silently: the embedded server runs, and one line says so', async () => {
    const { io: streams, err, out } = io();
    // made-up credentials: this server does not exist; were it used, the run would fail to connect
    const code = await runConformanceCommand(
      { ...flags({ checks: 'deletion', format: 'json' }), progress: true },
      streams,
      { DATABASE_URL: 'postgres://app:unused@127.0.0.1:1/app' },
    );
    expect(code).toBe(0);
    expect(err.join('')).toContain(
      'conformance: DATABASE_URL is set but not used (pass --database-url-env DATABASE_URL to use that server)',
    );
    expect(err.join('')).not.toContain('unused');
    expect((JSON.parse(out.join('')) as { server: { kind: string } }).server.kind).toBe('embedded');
  });

  it('exits 1 when a check fails and 0 when all pass, with reports that never hold a full canary', async () => {
    const failing = io();
    const code = await runConformanceCommand(
      flags({ adapter: storePath('broken-inlined-sql'), checks: 'no-plaintext-at-rest', format: 'json', seed: '5' }),
      failing.io,
      {},
    );
    expect(code).toBe(1);
    const report = JSON.parse(failing.out.join('')) as {
      seed: number;
      checks: Array<{ id: string; status: string; failures: string[] }>;
    };
    expect(report.seed).toBe(5);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['no-plaintext-at-rest', 'fail']]);
    expect(report.checks[0]!.failures.join()).toContain('server statement log');
    expect(failing.out.join('')).not.toMatch(fullCanary);

    const passing = io();
    const output = join(mkdtempSync(join(tmpdir(), 'sh-report-')), 'conformance.xml');
    expect(
      await runConformanceCommand(flags({ checks: 'deletion,restart', format: 'junit', output }), passing.io, {}),
    ).toBe(0);
    expect(passing.out).toEqual([]);
    expect(readFileSync(output, 'utf8')).toContain('<testcase classname="conformance" name="restart"');
    rmSync(dirname(output), { recursive: true, force: true });
  });

  it('--db docker without a Docker engine is a setup error', async () => {
    await expect(startDocker()).rejects.toThrow(/no Docker engine answers|needs the optional dependency/);
  });
});
