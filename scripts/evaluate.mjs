#!/usr/bin/env node
// Real-code evaluation: re-scans local checkouts of the repositories in evaluation/repos/ with this
// tree's CLI and compares every finding with the hand-read ledger in evaluation/ledger/.
// Prints per rule: findings, true / false / debatable kept, new untriaged findings, precision, and
// every true finding the ledger holds that is no longer reported. See docs/evaluation.md.
//
//   node scripts/evaluate.mjs [--repos DIR] [--preset recommended|strict] [--only NAME] [--markdown] [--json FILE]
//                             [--list-new] [--list-false] [--cli another/bin/secret-hygiene.js]
//   node scripts/evaluate.mjs --ledger --markdown   the ledger's own table (what the triaged tool reported), no scan
//
// Checkouts live outside this repository (never commit other projects' code): DIR/<name> for each
// owner/name, at the commit the ledger names (default DIR: ../eval/repos beside this checkout, or
// $SECRET_HYGIENE_EVAL_REPOS).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Run as a command (not imported by a test). */
const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

const { values: args } = parseArgs({
  args: isMain ? process.argv.slice(2) : [],
  options: {
    repos: { type: 'string', default: process.env.SECRET_HYGIENE_EVAL_REPOS ?? resolve(repoRoot, '../eval/repos') },
    preset: { type: 'string', default: 'recommended' },
    only: { type: 'string', multiple: true },
    markdown: { type: 'boolean', default: false },
    json: { type: 'string' },
    'list-new': { type: 'boolean', default: false },
    'list-false': { type: 'boolean', default: false },
    cli: { type: 'string', default: join(repoRoot, 'packages/cli/bin/secret-hygiene.js') },
    ledger: { type: 'boolean', default: false },
  },
});
const cli = resolve(args.cli);
if (!['recommended', 'strict'].includes(args.preset))
  fail(`--preset must be recommended or strict, not ${args.preset}`);

/** @typedef {{repo: string, commit: string, kind: string, roots: string[], lines: number}} RepoRecord */
/** @typedef {{repo: string, commit: string, path: string, line: number, rule: string, verdict: 'true'|'false'|'debatable', class: string, reason: string}} LedgerRow */

/** @returns {RepoRecord[]} */
export function readRepos(dir = join(repoRoot, 'evaluation/repos')) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** @returns {LedgerRow[]} */
export function readLedger(dir = join(repoRoot, 'evaluation/ledger')) {
  const rows = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()) {
    const [header, ...lines] = readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const columns = header.split('\t');
    for (const line of lines) {
      const cells = line.split('\t');
      const row = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
      rows.push({ ...row, line: Number(row.line) });
    }
  }
  return rows;
}

const key = (repo, path, line, rule) => `${repo}\t${path}\t${line}\t${rule}`;

function scanRepo(record, checkout) {
  const scratch = mkdtempSync(join(tmpdir(), 'sh-eval-'));
  try {
    const config = join(scratch, 'config.json');
    writeFileSync(config, JSON.stringify({ preset: args.preset }));
    const findings = [];
    for (const root of record.roots ?? ['.']) {
      const out = join(scratch, 'out.json');
      const run = spawnSync(
        process.execPath,
        [
          cli,
          'scan',
          root,
          '--root',
          '.',
          '--config',
          config,
          '--format',
          'json',
          '--output',
          out,
          '--fail-on',
          'none',
          '--no-progress',
        ],
        { cwd: checkout, encoding: 'utf8', maxBuffer: 1 << 28 },
      );
      if (run.status !== 0 || !existsSync(out))
        fail(
          `scan of ${record.repo} (${root}) exited ${run.status}: ${(run.stderr ?? '').split('\n').slice(-5).join(' ')}`,
        );
      findings.push(...JSON.parse(readFileSync(out, 'utf8')).findings);
    }
    return findings;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function fail(message) {
  console.error(`evaluate: ${message}`);
  process.exit(2);
}

const STRICTNESS = { false: 0, debatable: 1, true: 2 };

/**
 * The verdict for the findings of one rule on one line. Where the ledger holds several rows there
 * (the triaged tool reported several values), a row's optional `subject` column names its value, and
 * the rows whose subject a finding's message names decide; otherwise all of them. Among those, the
 * least favourable verdict counts (false before debatable before true), never the row that happens to be last.
 */
export function verdictOf(rows, messages = []) {
  if (!rows || rows.length === 0) return undefined;
  if (rows.length === 1) return rows[0];
  const named = rows.filter(
    (row) =>
      row.subject &&
      messages.some((m) => new RegExp(`(^|[^\\w$])${row.subject.replace(/[$]/g, '\\$')}([^\\w$]|$)`).test(m)),
  );
  const candidates = named.length > 0 ? named : rows;
  return [...candidates].sort((a, b) => STRICTNESS[a.verdict] - STRICTNESS[b.verdict])[0];
}

function main() {
  const repos = readRepos().filter(
    (r) => !args.only || args.only.some((n) => r.repo === n || r.repo.endsWith(`/${n}`)),
  );
  const ledger = readLedger();
  /** Ledger rows by finding key; a line can hold several (one per value the triaged tool reported there). */
  const verdicts = new Map();
  for (const row of ledger) {
    const k = key(row.repo, row.path, row.line, row.rule);
    verdicts.set(k, [...(verdicts.get(k) ?? []), row]);
  }
  /** @type {Map<string, {findings: number, true: number, false: number, debatable: number, untriaged: number, ledgerTrue: number}>} */
  const byRule = new Map();
  const stat = (rule) => {
    if (!byRule.has(rule))
      byRule.set(rule, { findings: 0, true: 0, false: 0, debatable: 0, untriaged: 0, ledgerTrue: 0 });
    return byRule.get(rule);
  };
  const lost = [];
  const untriaged = [];
  const kept = [];
  const libraries = [];
  for (const record of repos) {
    const checkout = join(args.repos, record.repo.split('/')[1]);
    if (!args.ledger && !existsSync(checkout))
      fail(`no checkout of ${record.repo} at ${checkout} (fetch it at ${record.commit}; see docs/evaluation.md)`);
    const head = args.ledger
      ? record.commit
      : spawnSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
    if (head !== record.commit)
      console.error(`evaluate: ${record.repo} is at ${head.slice(0, 12)}, the ledger at ${record.commit.slice(0, 12)}`);
    let findings;
    if (args.ledger) {
      findings = ledger
        .filter((r) => r.repo === record.repo)
        .map((r) => ({ file: r.path, line: r.line, ruleId: r.rule, message: '' }));
    } else {
      process.stderr.write(`evaluate: scanning ${record.repo}...\n`);
      findings = scanRepo(record, checkout);
    }
    const seen = new Set();
    const messages = new Map();
    for (const f of findings) {
      const k = key(record.repo, f.file, f.line, f.ruleId);
      messages.set(k, [...(messages.get(k) ?? []), f.message ?? '']);
    }
    for (const f of findings) {
      const k = key(record.repo, f.file, f.line, f.ruleId);
      if (seen.has(k)) continue; // two findings of one rule on one line are one verdict
      seen.add(k);
      const s = stat(f.ruleId);
      s.findings++;
      const row = verdictOf(verdicts.get(k), messages.get(k));
      if (row) {
        s[row.verdict]++;
        kept.push({
          repo: record.repo,
          file: f.file,
          line: f.line,
          rule: f.ruleId,
          confidence: f.confidence,
          verdict: row.verdict,
          class: row.class,
          reason: row.reason,
        });
      } else {
        s.untriaged++;
        untriaged.push(`${record.repo} ${f.file}:${f.line} ${f.ruleId} ${f.message}`);
      }
    }
    const trueKeys = new Set();
    for (const row of ledger.filter((r) => r.repo === record.repo && r.verdict === 'true')) {
      const k = key(row.repo, row.path, row.line, row.rule);
      if (trueKeys.has(k)) continue;
      trueKeys.add(k);
      stat(row.rule).ledgerTrue++;
      if (!seen.has(key(row.repo, row.path, row.line, row.rule)))
        lost.push(`${row.repo} ${row.path}:${row.line} ${row.rule} (${row.reason})`);
    }
    if (record.kind === 'library') libraries.push({ repo: record.repo, lines: record.lines, findings: seen.size });
  }
  const rules = [...byRule.keys()].sort();
  const total = { findings: 0, true: 0, false: 0, debatable: 0, untriaged: 0, ledgerTrue: 0 };
  for (const s of byRule.values()) for (const k of Object.keys(total)) total[k] += s[k];
  const precision = (s) => (s.true + s.false === 0 ? '-' : (s.true / (s.true + s.false)).toFixed(2));
  const header = ['rule', 'findings', 'true', 'false', 'debatable', 'untriaged', 'precision', 'true kept'];
  const rowOf = (name, s) => [
    name,
    s.findings,
    s.true,
    s.false,
    s.debatable,
    s.untriaged,
    precision(s),
    `${s.true}/${s.ledgerTrue}`,
  ];
  const table = [...rules.map((r) => rowOf(r, byRule.get(r))), rowOf('all', total)];
  const lines = (l) => `${(l.findings / (l.lines / 10_000)).toFixed(2)}`;
  if (args.markdown) {
    console.log(`| ${header.join(' | ')} |\n| ${header.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const row of table) console.log(`| ${row.join(' | ')} |`);
    for (const l of libraries) console.log(`\n${l.repo}: ${l.findings} findings, ${lines(l)} per 10,000 lines`);
  } else {
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
    const fmt = (r) =>
      r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
    console.log(`preset ${args.preset}, ${repos.length} repositories`);
    console.log(fmt(header));
    for (const row of table) console.log(fmt(row));
    for (const l of libraries) console.log(`library ${l.repo}: ${l.findings} findings, ${lines(l)} per 10,000 lines`);
  }
  console.log(
    lost.length === 0
      ? '\nevery true finding of the ledger is still reported'
      : `\nlost true findings (${lost.length}):\n  ${lost.join('\n  ')}`,
  );
  const keptFalse = kept.filter((k) => k.verdict === 'false');
  if (args['list-false'] && keptFalse.length > 0) {
    console.log(
      `\nfalse findings still reported (${keptFalse.length}):\n  ${keptFalse.map((k) => `${k.repo} ${k.file}:${k.line} ${k.rule} [${k.class}] ${k.reason}`).join('\n  ')}`,
    );
  }
  if (args['list-new'] && untriaged.length > 0)
    console.log(`\nuntriaged (${untriaged.length}):\n  ${untriaged.join('\n  ')}`);
  if (args.json)
    writeFileSync(
      args.json,
      JSON.stringify(
        { preset: args.preset, byRule: Object.fromEntries(byRule), total, lost, untriaged, libraries, kept },
        null,
        2,
      ),
    );
}

if (isMain) main();
