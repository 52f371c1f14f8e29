// The one way every bench measures: each side of a comparison runs in its own Node process, the sides
// take turns (A B A B ...) for several rounds after one unmeasured warm-up round (file cache, compile
// cache), and each side reports the median with its spread (min-max). Two clocks: wall time (what a
// user waits, swings with other load on a shared machine) and CPU time (user + system, measured inside
// the child by child-usage.mjs, which other load barely changes). Ratios are ratios of medians.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const usagePreload = fileURLToPath(new URL('./child-usage.mjs', import.meta.url));

/** Rounds per comparison: `npm run bench -- --rounds N`, else SECRET_HYGIENE_BENCH_ROUNDS, else `fallback`. */
export function benchRounds(fallback = 5) {
  const given = Number(process.env.SECRET_HYGIENE_BENCH_ROUNDS);
  return Number.isInteger(given) && given > 0 ? given : fallback;
}

/**
 * Runs `node [nodeArgs] <args>` once. Returns wall seconds (spawn to exit), the child's CPU seconds and
 * peak RSS in MiB (from inside the child), its exit status and output.
 * @throws when the child reports no usage (it crashed before exiting normally).
 */
export function runNode(args, { cwd, env, nodeArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sh-bench-usage-'));
  const usageFile = join(dir, 'usage.json');
  try {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', usagePreload, ...nodeArgs, ...args], {
      cwd,
      env: { ...process.env, ...env, SH_BENCH_USAGE_FILE: usageFile },
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    let usage;
    try {
      usage = JSON.parse(readFileSync(usageFile, 'utf8'));
    } catch {
      throw new Error(
        `bench: node ${args.join(' ')} ended without reporting its usage (status ${child.status}, signal ${child.signal}): ${String(child.stderr).slice(0, 500)}`,
      );
    }
    return {
      wall,
      cpu: usage.cpu,
      rssMiB: usage.maxRssKiB / 1024,
      status: child.status,
      stdout: child.stdout,
      stderr: child.stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median and range of a list of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/**
 * Runs every side `rounds` times, interleaved, after `warmup` unmeasured rounds. A side is
 * { name, args, cwd?, env?, nodeArgs?, check?(run) } where `check` throws when a run did not do the
 * work (wrong exit status, missing output), and optional `metrics(run)` returns extra numbers parsed
 * from the child's output (e.g. names/s measured inside it), each summarised like wall and CPU.
 * Returns { [side name]: { wall, cpu, rssMiB, metrics: { [metric]: stats }, last: run } }.
 */
export function compareSides(sides, { rounds = benchRounds(), warmup = 1, label = '' } = {}) {
  const samples = Object.fromEntries(sides.map((s) => [s.name, { wall: [], cpu: [], rssMiB: [], metrics: {} }]));
  const last = {};
  for (let round = -warmup; round < rounds; round++) {
    // Alternate which side goes first, so neither always runs right after the other's cache effects.
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const run = runNode(side.args, side);
      side.check?.(run);
      last[side.name] = run;
      if (round < 0) continue;
      const s = samples[side.name];
      s.wall.push(run.wall);
      s.cpu.push(run.cpu);
      s.rssMiB.push(run.rssMiB);
      for (const [key, value] of Object.entries(side.metrics?.(run) ?? {})) (s.metrics[key] ??= []).push(value);
    }
    if (label && round >= 0) process.stderr.write(`bench: ${label}: round ${round + 1}/${rounds}\n`);
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      {
        wall: stats(s.wall),
        cpu: stats(s.cpu),
        rssMiB: stats(s.rssMiB),
        metrics: Object.fromEntries(Object.entries(s.metrics).map(([k, v]) => [k, stats(v)])),
        last: last[name],
      },
    ]),
  );
}

/** A check for `compareSides`: the run exited with one of `statuses`. */
export function expectStatus(...statuses) {
  return (run) => {
    if (!statuses.includes(run.status))
      throw new Error(
        `bench: exit status ${run.status}, expected ${statuses.join(' or ')}: ${run.stderr.slice(0, 800)}`,
      );
  };
}

/**
 * One table row comparing a measure of two sides (stats from `compareSides`), ratio of medians.
 * `goal` is { max } (ours/baseline at most, for costs) or { min } (at least, for rates), or a string
 * (reported only). `unit` and `scale` format the values (e.g. 's', or 'MiB').
 */
export function ratioRow({ name, unit, ours, baseline, baselineName, goal }) {
  const ratio = ours.median / baseline.median;
  const met = typeof goal === 'object' ? (goal.max !== undefined ? ratio <= goal.max : ratio >= goal.min) : undefined;
  return {
    name,
    value: ours.median,
    spread: [ours.min, ours.max],
    unit,
    baseline: { name: baselineName, value: baseline.median, spread: [baseline.min, baseline.max] },
    ratio,
    goal: typeof goal === 'object' ? (goal.max !== undefined ? `<= ${goal.max}x` : `>= ${goal.min}x`) : (goal ?? ''),
    met,
    rounds: ours.n,
  };
}

/** A row for one side against an absolute limit (e.g. `--version` under 0.2 s). */
export function limitRow({ name, unit, ours, max, goal }) {
  return {
    name,
    value: ours.median,
    spread: [ours.min, ours.max],
    unit,
    goal: goal ?? `< ${max} ${unit}`,
    met: ours.median < max,
    rounds: ours.n,
  };
}
