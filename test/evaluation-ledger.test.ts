// The real-code ledger (evaluation/ledger/*.tsv) and how scripts/evaluate.mjs reads a verdict from it.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without declarations
import { readLedger, readRepos, verdictOf } from '../scripts/evaluate.mjs';

type Row = {
  repo: string;
  commit: string;
  path: string;
  line: number;
  rule: string;
  verdict: string;
  subject?: string;
};

const row = (verdict: string, subject?: string): Row => ({
  repo: 'o/r',
  commit: 'c',
  path: 'src/a.ts',
  line: 1,
  rule: 'no-secret-logging',
  verdict,
  ...(subject === undefined ? {} : { subject }),
});

describe('verdictOf', () => {
  it('is the one row where there is one', () => {
    expect(verdictOf([row('true')], ['x'])?.verdict).toBe('true');
    expect(verdictOf(undefined, [])).toBeUndefined();
  });

  it('takes the least favourable of several rows on one line, not the last', () => {
    expect(verdictOf([row('true'), row('false'), row('debatable')], ['m'])?.verdict).toBe('false');
    expect(verdictOf([row('true'), row('debatable')], ['m'])?.verdict).toBe('debatable');
  });

  it('lets the rows whose subject the message names decide', () => {
    const rows = [row('debatable', 'token'), row('false', 'shareToken')];
    expect(verdictOf(rows, ['token (token) reaches log.'])?.verdict).toBe('debatable');
    expect(verdictOf(rows, ['shareToken (token) reaches log.'])?.verdict).toBe('false');
    // A subject is a whole name: `token` is not named by `shareToken` alone.
    expect(verdictOf([row('true', 'token'), row('false', 'other')], ['shareToken reaches log'])?.verdict).toBe('false');
  });
});

describe('the ledger', () => {
  const repos = new Map<string, { commit: string }>(
    (readRepos() as { repo: string; commit: string }[]).map((r) => [r.repo, r]),
  );
  const rows = readLedger() as Row[];

  it('holds verdicts on repositories at the commits evaluation/repos pins', () => {
    expect(rows.length).toBeGreaterThan(900);
    for (const r of rows) {
      expect(['true', 'false', 'debatable'], `${r.repo} ${r.path}:${r.line}`).toContain(r.verdict);
      expect(repos.get(r.repo)?.commit, `${r.repo} ${r.path}:${r.line}`).toBe(r.commit);
      expect(Number.isInteger(r.line) && r.line > 0, `${r.repo} ${r.path}:${r.line}`).toBe(true);
    }
  });
});
