// Scan cost of a one-line bundle next to the same code split into lines, measured in the same run:
// a 1 MB one-line file must not cost more than 3x its split twin (fingerprints and every per-finding
// step linear in the file, whatever the line length). The scan skips minified files by default, so
// this runs the stages after discovery (program, checks, suppressions, fingerprints) on each file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Seconds for the post-discovery stages on one file, and how many findings they produced. */
function scanFile(dir, name, text) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const checks = resolveChecks({}, allChecks);
  const started = process.hrtime.bigint();
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
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, findings: findings.length };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'sh-bench-long-line-'));
  try {
    const code = statements();
    scanFile(dir, 'warm-up.js', code.slice(0, 300).join('\n')); // loads and compiles the checks first: not counted
    const split = scanFile(dir, 'split.js', code.join('\n'));
    const oneLine = scanFile(dir, 'bundle.js', code.join(' '));
    if (oneLine.findings !== split.findings)
      process.stderr.write(
        `bench: the one-line file gave ${oneLine.findings} findings, the split one ${split.findings}\n`,
      );
    return [
      {
        name: `scan a 1 MB one-line file (${oneLine.findings} findings)`,
        value: oneLine.seconds,
        unit: 's',
        baseline: { name: 'the same code split into lines', value: split.seconds },
        ratio: oneLine.seconds / split.seconds,
        goal: '<= 3x',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
