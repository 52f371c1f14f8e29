// `secret-hygiene scan` next to `tsc --noEmit` (TypeScript's JavaScript compiler, the version the
// project uses) on the same project, each in its own process, interleaved (scripts/bench/measure.mjs):
// 1. a generated TypeScript project of 200,000+ lines (scripts/bench/generate-project.mjs);
// 2. a real project: this repository's own packages (scripts/bench/real-project.mjs);
// 3. another real repository, with `npm run bench -- --repo <path>` (SECRET_HYGIENE_BENCH_REPO; its
//    tsconfig.json, or SECRET_HYGIENE_BENCH_TSCONFIG relative to it; extra tsc options in
//    SECRET_HYGIENE_BENCH_TSC_ARGS, e.g. "--types node" when a `types` entry is not installed).
// Rows: wall time and CPU time (goal: at most tsc's), peak memory (at most 2x), and the CLI's own
// start-up for `--version` and `--help` (under 0.2 s).
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareSides, expectStatus, limitRow, ratioRow, runNode } from '../../../scripts/bench/measure.mjs';
import { generateProject } from '../../../scripts/bench/generate-project.mjs';
import { copyRepositoryPackages } from '../../../scripts/bench/real-project.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(repo, 'packages/cli/bin/secret-hygiene.js');
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const TARGET_LINES = 200_000;
const nodeArgs = ['--max-old-space-size=8192'];

export function compare(label, dir, tsconfig) {
  const output = join(tmpdir(), `sh-bench-${process.pid}.json`);
  const scanArgs = ['scan', dir, '--root', dir, '--tsconfig', tsconfig, '--format', 'json'];
  scanArgs.push('--fail-on', 'none', '--no-progress', '--output', output);
  const extra = (process.env.SECRET_HYGIENE_BENCH_TSC_ARGS ?? '').split(/\s+/).filter(Boolean);
  const tscArgs = [tsc, '--noEmit', '-p', tsconfig, ...extra];
  // tsc skips type-checking when the config itself has errors (e.g. a `types` entry that is not
  // installed): its time is then no baseline for a scan that does check types. One unmeasured run says.
  const probe = runNode([...tscArgs, '--extendedDiagnostics'], { cwd: dir, nodeArgs });
  if (!/Check time:/.test(probe.stdout)) {
    process.stderr.write(
      `bench: tsc did not type-check ${label} (configuration errors); pass SECRET_HYGIENE_BENCH_TSC_ARGS, e.g. "--types node"\n`,
    );
    label += ' (tsc did not type-check: not comparable)';
  }
  const before = process.env.SECRET_HYGIENE_BENCH_CLI_BEFORE;
  const scanSide = (name, bin) => ({ name, args: [bin, ...scanArgs], cwd: dir, nodeArgs, check: expectStatus(0) });
  const sides = compareSides(
    [
      scanSide('scan', cli),
      { name: 'tsc', args: tscArgs, cwd: dir, nodeArgs, check: expectStatus(0, 1, 2) },
      ...(before ? [scanSide('before', before)] : []),
    ],
    { label: `scan ${label}` },
  );
  rmSync(output, { force: true });
  const { scan, tsc: base } = sides;
  const row = (clock, baseline, baselineName, goal) =>
    ratioRow({
      name: `scan ${label}: ${clock === 'cpu' ? 'CPU' : clock === 'rssMiB' ? 'peak memory' : 'wall'}${baselineName === 'tsc --noEmit' ? '' : ', against the scan before'}`,
      unit: clock === 'rssMiB' ? 'MiB' : 's',
      ours: scan[clock],
      baseline: baseline[clock],
      baselineName,
      goal,
    });
  return [
    ...(sides.before
      ? ['wall', 'cpu'].map((clock) =>
          row(clock, sides.before, 'the build in SECRET_HYGIENE_BENCH_CLI_BEFORE', 'report only'),
        )
      : []),
    row('wall', base, 'tsc --noEmit', { max: 1 }),
    row('cpu', base, 'tsc --noEmit', { max: 1 }),
    row('rssMiB', base, 'tsc --noEmit', { max: 2 }),
  ];
}

function withTempDir(prefix, fn) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `secret-hygiene --version` and `--help`: start-up alone, next to `node -e ""` (Node's own start-up). */
function startup() {
  const sides = compareSides(
    [
      { name: '--version', args: [cli, '--version'], check: expectStatus(0) },
      { name: '--help', args: [cli, '--help'], check: expectStatus(0) },
      { name: 'node', args: ['-e', ''] },
    ],
    { label: 'CLI start-up', rounds: 10 },
  );
  return ['--version', '--help'].flatMap((flag) => [
    limitRow({ name: `secret-hygiene ${flag}: wall`, unit: 's', ours: sides[flag].wall, max: 0.2 }),
    {
      ...limitRow({ name: `secret-hygiene ${flag}: CPU`, unit: 's', ours: sides[flag].cpu, max: 0.2 }),
      baseline: {
        name: 'node -e "" (start-up alone)',
        value: sides.node.cpu.median,
        spread: [sides.node.cpu.min, sides.node.cpu.max],
      },
    },
  ]);
}

export async function run() {
  const rows = [...startup()];
  rows.push(
    ...withTempDir('sh-bench-project-', (dir) => {
      const { lines } = generateProject(dir, { lines: TARGET_LINES });
      // The generated tsconfig asks for @types/node: both tools resolve it from the repository.
      symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
      return compare(`generated ${Math.round(lines / 1000)}k lines`, dir, 'tsconfig.json');
    }),
  );
  rows.push(
    ...withTempDir('sh-bench-real-', (dir) => {
      const { lines } = copyRepositoryPackages(dir);
      return compare(`this repository's packages (${Math.round(lines / 1000)}k lines)`, dir, 'tsconfig.json');
    }),
  );
  const external = process.env.SECRET_HYGIENE_BENCH_REPO;
  if (external && existsSync(external)) {
    const tsconfig = process.env.SECRET_HYGIENE_BENCH_TSCONFIG ?? 'tsconfig.json';
    if (existsSync(join(external, tsconfig))) rows.push(...compare(basename(external), external, tsconfig));
    else process.stderr.write(`bench: ${join(external, tsconfig)} not found: set SECRET_HYGIENE_BENCH_TSCONFIG\n`);
  }
  return rows;
}
