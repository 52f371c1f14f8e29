import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allRules, reporters, scan } from '@secret-hygiene/scanner';
import { describe, expect, it } from 'vitest';
import { asKeys, atDefaultConfidence, readExpectations, type ExpectedFinding } from './support/expectations.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const leaky = `${repo}fixtures/leaky-app`;
const clean = `${repo}fixtures/clean-app`;

/** `expect:` comments plus the sidecar for formats without comments (JSON). */
function expectedFindings(app: string): Omit<ExpectedFinding, 'typed'>[] {
  const sidecar = `${app}/expected-extra-findings.json`;
  const extra = existsSync(sidecar)
    ? (JSON.parse(readFileSync(sidecar, 'utf8')) as { findings: Omit<ExpectedFinding, 'typed'>[] }).findings
    : [];
  // Only rules the registry has: fixtures may already carry plants for a check still being written.
  const known = new Set(allRules().map((r) => r.id));
  return [...readExpectations(app), ...extra].filter((f) => known.has(f.ruleId));
}

describe('scanner on the fixture apps', () => {
  it('finds exactly the problems planted in leaky-app, cross-module and non-TypeScript ones included', async () => {
    const result = await scan({ root: leaky });
    const { findings, expected } = atDefaultConfidence(result.findings, expectedFindings(leaky));
    expect(asKeys(findings)).toEqual(asKeys(expected));
    expect(result.diagnostics.filter((d) => d.kind !== 'notice')).toEqual([]);
  });

  it('finds nothing in clean-app', async () => {
    const result = await scan({ root: clean });
    expect(asKeys(result.findings)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.kind !== 'notice')).toEqual([]);
  });

  it('never prints a planted secret, in any format', async () => {
    const secrets = ['Pg5ecretPassw0rd', 'q7Hf2kLm9xPz4VbN8rTw3YcD', 'Xr8mQ2vLp9TzK4wN', 'Hk3vR8nQ2wLx7ZpT5mYc9BdF'];
    const result = await scan({ root: leaky });
    expect(result.findings.length).toBeGreaterThan(0);
    for (const reporter of Object.values(reporters)) {
      const out = reporter(result, { rules: allRules() });
      for (const secret of secrets) expect(out).not.toContain(secret);
    }
  });

  it('the built CLI exits 1 on leaky-app and 0 on clean-app', () => {
    const bin = `${repo}packages/cli/bin/secret-hygiene.js`;
    // Each app is its own project root: from this repository's root, fixtures/ is fixture code.
    const leakyRun = spawnSync(process.execPath, [bin, 'scan', 'fixtures/leaky-app', '--root', 'fixtures/leaky-app'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(leakyRun.status).toBe(1);
    expect(leakyRun.stdout).toContain('src/routes/auth.ts');
    const cleanRun = spawnSync(process.execPath, [bin, 'scan', 'fixtures/clean-app', '--root', 'fixtures/clean-app'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(cleanRun.status).toBe(0);
  });

  it('--changed-since keeps only findings on changed lines', async () => {
    // Against HEAD with no local edits to the fixture every tracked line is unchanged.
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'fixtures/leaky-app'], {
      cwd: repo,
      encoding: 'utf8',
    });
    const all = await scan({ root: leaky });
    const changed = await scan({ root: leaky, changedSince: 'HEAD' });
    if (dirty.trim() === '') expect(changed.findings).toEqual([]);
    expect(changed.findings.length + changed.summary.unchanged).toBe(all.findings.length);
  });
});
