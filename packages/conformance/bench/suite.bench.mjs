// The whole conformance suite against the reference store, as a user runs it: a fresh process per
// run that starts its own embedded server and store process. Goal (issue 15): under 3 s wall on an
// idle machine. The machine is shared, so CPU time is reported beside wall time: this process's own
// (`process.cpuUsage()`) and that of its reaped child processes (the PostgreSQL server with every
// backend, the store process), read from /proc at the end of the run. Medians of ROUNDS runs.
// `node packages/conformance/bench/suite.bench.mjs [rounds]` runs it alone and prints every run.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROUNDS = Number(process.env.SECRET_HYGIENE_BENCH_ROUNDS ?? 5);
const here = fileURLToPath(import.meta.url);
const referencePath = fileURLToPath(new URL('../../../fixtures/stores/reference/index.mjs', import.meta.url));
const TICKS = 100; // USER_HZ on Linux

/** One run in this process: prints { wall, own, children } in seconds. */
async function child() {
  const t0 = process.hrtime.bigint();
  const { runConformance } = await import('../dist/index.js');
  const result = await runConformance({ adapter: referencePath, seed: 1 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!result.passed) throw new Error(`the reference store failed: ${JSON.stringify(result.checks)}`);
  const { user, system } = process.cpuUsage();
  // cutime and cstime: CPU of children this process reaped (the postmaster includes its backends).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const children = (Number(fields[13]) + Number(fields[14])) / TICKS;
  const checks = Object.fromEntries(result.checks.map((c) => [c.id, c.durationMs]));
  process.stdout.write(JSON.stringify({ wall, own: (user + system) / 1e6, children, checks }));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => [Math.min(...values), Math.max(...values)];

/** Runs the suite ROUNDS times, each in a process of its own; one row each for wall and CPU time. */
export async function run(rounds = ROUNDS) {
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    // The process's start (node, the harness's imports) is part of what a user waits for.
    const t0 = process.hrtime.bigint();
    const { stdout } = await promisify(execFile)(process.execPath, [here, '--child'], { maxBuffer: 1 << 20 });
    const measured = JSON.parse(stdout);
    runs.push({ ...measured, wall: Number(process.hrtime.bigint() - t0) / 1e9 });
  }
  const walls = runs.map((r) => r.wall);
  const cpus = runs.map((r) => r.own + r.children);
  return {
    runs,
    rows: [
      {
        name: `conformance suite, reference store, all checks, wall time (process start to exit)`,
        value: median(walls),
        spread: spread(walls),
        unit: 's',
        goal: '< 3 s on an idle machine',
        met: median(walls) < 3,
        rounds,
      },
      {
        name: `conformance suite, CPU time (harness ${median(runs.map((r) => r.own)).toFixed(2)} s + server and store process ${median(runs.map((r) => r.children)).toFixed(2)} s)`,
        value: median(cpus),
        spread: spread(cpus),
        unit: 'CPU-s',
        goal: 'report only',
        rounds,
      },
    ],
  };
}

if (process.argv.includes('--child')) {
  await child();
} else if (process.argv[1] === here) {
  const { runs, rows } = await run(Number(process.argv[2] ?? ROUNDS));
  for (const r of runs)
    console.log(
      `wall ${r.wall.toFixed(2)} s, harness ${r.own.toFixed(2)} CPU-s, children ${r.children.toFixed(2)} CPU-s`,
    );
  for (const row of rows)
    console.log(
      `${row.name}: median ${row.value.toFixed(2)} ${row.unit} (${row.spread.map((n) => n.toFixed(2)).join('-')})`,
    );
}
