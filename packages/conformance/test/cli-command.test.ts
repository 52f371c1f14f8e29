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

const flags = (extra: Partial<ConformanceFlags>): ConformanceFlags => ({ adapter: storePath('reference'), format: 'table', progress: false, ...extra });

describe('secret-hygiene conformance (command)', () => {
  it('exits 2 for usage errors before starting any server', async () => {
    for (const bad of [{ checks: 'no-such-check' }, { seed: 'x' }, { format: 'html' }, { db: 'sqlite' }, { adapter: 'does/not/exist.mjs' }]) {
      const { io: streams, err } = io();
      expect(await runConformanceCommand(flags(bad), streams, {})).toBe(2);
      expect(err.join('')).toMatch(/^secret-hygiene conformance: /);
    }
  });

  it('exits 2 with the password masked when DATABASE_URL cannot be reached', async () => {
    const { io: streams, err } = io();
    // made-up credentials: the test proves they are masked
    const code = await runConformanceCommand(flags({ checks: 'deletion' }), streams, { DATABASE_URL: 'postgres://app:never-print@127.0.0.1:1/app' });
    expect(code).toBe(2);
    expect(err.join('')).toContain('could not connect to DATABASE_URL postgres://app:***@127.0.0.1:1/app');
    expect(err.join('')).not.toContain('never-print');
  });

  it('exits 1 when a check fails and 0 when all pass, with reports that never hold a full canary', async () => {
    const failing = io();
    const code = await runConformanceCommand(flags({ adapter: storePath('broken-inlined-sql'), checks: 'no-plaintext-at-rest', format: 'json', seed: '5' }), failing.io, {});
    expect(code).toBe(1);
    const report = JSON.parse(failing.out.join('')) as { seed: number; checks: Array<{ id: string; status: string; failures: string[] }> };
    expect(report.seed).toBe(5);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['no-plaintext-at-rest', 'fail']]);
    expect(report.checks[0]!.failures.join()).toContain('server statement log');
    expect(failing.out.join('')).not.toMatch(fullCanary);

    const passing = io();
    const output = join(mkdtempSync(join(tmpdir(), 'sh-report-')), 'conformance.xml');
    expect(await runConformanceCommand(flags({ checks: 'deletion,restart', format: 'junit', output }), passing.io, {})).toBe(0);
    expect(passing.out).toEqual([]);
    expect(readFileSync(output, 'utf8')).toContain('<testcase classname="conformance" name="restart"');
    rmSync(dirname(output), { recursive: true, force: true });
  });

  it('--db docker without a Docker engine is a setup error', async () => {
    await expect(startDocker()).rejects.toThrow(/no Docker engine answers|needs the optional dependency/);
  });
});
