// Scan cost of a one-line bundle next to the same code split into lines, measured in the same run:
// a 1 MB one-line file must not cost more than 3x its split twin (fingerprints and every per-finding
// step linear in the file, whatever the line length). The scan skips minified files by default, so
// this runs the stages after discovery (program, checks, suppressions, fingerprints) on each file,
// each side in its own process, interleaved rounds, CPU time (scripts/bench/measure.mjs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRounds, compareSides, expectStatus, ratioRow } from '../../../scripts/bench/measure.mjs';
import { allChecks } from '@secret-hygiene/checks';
import { analyzeProgram } from '../dist/stages/analyze-program.js';
import { resolveChecks } from '../dist/stages/resolve-checks.js';
import { fingerprintFindings } from '../dist/findings.js';
import { applySuppressions } from '../dist/suppressions.js';

const TARGET_BYTES = 1_000_000;

/** Bundle-like statements, about one finding in three. */
function statements() {
  const out = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const s =
      i % 3 === 0
        ? `logger.info("login", user${i}.password);`
        : i % 3 === 1
          ? `var cfg${i}={timeout:${i},retries:3,name:"service-${i}"};`
          : `function f${i}(a,b){return a+b*${i}}`;
    out.push(s);
    bytes += s.length + 1;
  }
  return out;
}

/** CPU seconds for the post-discovery stages on one file, and how many findings they produced. */
function scanFile(dir, name, text) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const checks = resolveChecks({}, allChecks);
  const started = process.cpuUsage();
  const analysis = analyzeProgram({
    root: dir,
    paths: [path],
    files: [{ path, file: name, kind: 'typescript' }],
    tsconfig: undefined,
    settings: {},
    checks,
    collector: undefined,
    progress: () => undefined,
  });
  const drafts = analysis.files.flatMap((f) => applySuppressions(f.file, f.lines, f.drafts, 'off', () => '').kept);
  const findings = fingerprintFindings(drafts);
  const { user, system } = process.cpuUsage(started);
  return { seconds: (user + system) / 1e6, findings: findings.length };
}

/** One side in this process (`node long-line.bench.mjs --side split|bundle`): JSON on stdout. */
function measureSide(side) {
  const dir = mkdtempSync(join(tmpdir(), 'sh-bench-long-line-'));
  try {
    const code = statements();
    scanFile(dir, 'warm-up.js', code.slice(0, 300).join('\n')); // loads and compiles the checks first: not counted
    return side === 'bundle' ? scanFile(dir, 'bundle.js', code.join(' ')) : scanFile(dir, 'split.js', code.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--side') process.stdout.write(JSON.stringify(measureSide(process.argv[3])));

export async function run() {
  const self = fileURLToPath(import.meta.url);
  const side = (name) => ({
    name,
    args: [self, '--side', name],
    check: expectStatus(0),
    metrics: (r) => JSON.parse(r.stdout),
  });
  const sides = compareSides([side('bundle'), side('split')], { label: 'long line', rounds: benchRounds(3) });
  const found = (name) => sides[name].metrics.findings.median;
  if (found('bundle') !== found('split'))
    process.stderr.write(
      `bench: the one-line file gave ${found('bundle')} findings, the split one ${found('split')}\n`,
    );
  return [
    ratioRow({
      name: `scan a 1 MB one-line file (${found('bundle')} findings): CPU of the stages`,
      unit: 's',
      ours: sides.bundle.metrics.seconds,
      baseline: sides.split.metrics.seconds,
      baselineName: 'the same code split into lines',
      goal: { max: 3 },
    }),
  ];
}
