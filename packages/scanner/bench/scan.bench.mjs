// Scanner speed and memory next to `tsc --noEmit` on the same project, measured in the same run.
// 1. A generated TypeScript project of 200,000+ lines (scripts/bench/generate-project.mjs, shared with
//    the lint bench), written to a temp dir and removed afterwards.
// 2. A real repository, when SECRET_HYGIENE_BENCH_REPO points at a checkout (skipped otherwise).
// Each tool runs as a child process; wall time and peak RSS come from `/usr/bin/time -v` when
// present, else from a small wrapper reading `process.resourceUsage().maxRSS` of the child.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from '../../../scripts/bench/generate-project.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(repo, 'packages/cli/bin/secret-hygiene.js');
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const TARGET_LINES = 200_000;

/** Runs a command; returns wall seconds and peak RSS in MiB. */
function measure(args, cwd) {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const started = process.hrtime.bigint();
  if (timeBin) {
    const child = spawnSync(timeBin, ['-v', process.execPath, '--max-old-space-size=8192', ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
    return { seconds, rssMiB: rss, status: child.status, stdout: child.stdout };
  }
  const wrapper = `const { spawnSync } = require('node:child_process'); const r = spawnSync(process.execPath, ${JSON.stringify(args)}, { cwd: ${JSON.stringify(cwd)}, stdio: 'ignore' }); process.stdout.write(JSON.stringify({ status: r.status, maxRSS: process.resourceUsage().maxRSS }));`;
  const child = spawnSync(process.execPath, ['-e', wrapper], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const parsed = JSON.parse(child.stdout);
  return { seconds, rssMiB: parsed.maxRSS / 1024, status: parsed.status };
}

function compare(label, dir, tsconfigArgs) {
  const scan = measure(
    [
      cli,
      'scan',
      dir,
      '--root',
      dir,
      '--format',
      'json',
      '--fail-on',
      'none',
      '--no-progress',
      '--output',
      join(tmpdir(), `sh-bench-${process.pid}.json`),
    ],
    dir,
  );
  const extra = (process.env.SECRET_HYGIENE_BENCH_TSC_ARGS ?? '').split(/\s+/).filter(Boolean);
  const tscRun = measure([tsc, '--noEmit', '--extendedDiagnostics', ...tsconfigArgs, ...extra], dir);
  // tsc skips type-checking when the config itself has errors (e.g. a `types` entry that is not
  // installed): its time is then no baseline for a scan that does check types.
  if (tscRun.stdout !== undefined && !/Check time:/.test(tscRun.stdout)) {
    process.stderr.write(
      `bench: tsc did not type-check ${label} (configuration errors); pass SECRET_HYGIENE_BENCH_TSC_ARGS, e.g. "--types node"\n`,
    );
    label += ' (tsc did not type-check: not comparable)';
  }
  return [
    {
      name: `scan ${label}: time`,
      value: scan.seconds,
      unit: 's',
      baseline: { name: 'tsc --noEmit', value: tscRun.seconds },
      ratio: scan.seconds / tscRun.seconds,
      goal: '<= 1.5x',
    },
    {
      name: `scan ${label}: peak memory`,
      value: scan.rssMiB,
      unit: 'MiB',
      baseline: { name: 'tsc --noEmit', value: tscRun.rssMiB },
      ratio: scan.rssMiB / tscRun.rssMiB,
      goal: '<= 2x',
    },
  ];
}

export async function run() {
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'sh-bench-project-'));
  try {
    const { lines } = generateProject(dir, { lines: TARGET_LINES });
    // The generated tsconfig asks for @types/node: both tools resolve it from the repository.
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
    rows.push(...compare(`generated ${Math.round(lines / 1000)}k lines`, dir, ['-p', 'tsconfig.json']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const external = process.env.SECRET_HYGIENE_BENCH_REPO;
  if (external && existsSync(external)) {
    const hasTsconfig = existsSync(join(external, 'tsconfig.json'));
    rows.push(
      ...compare(basename(external), external, hasTsconfig ? ['-p', 'tsconfig.json'] : ['--allowJs', '--skipLibCheck']),
    );
  } else {
    process.stderr.write('bench: SECRET_HYGIENE_BENCH_REPO not set: the real-repository row is skipped\n');
  }
  return rows;
}
