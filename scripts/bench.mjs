// `npm run bench [-- [--rounds N] [--repo <path>] [package...]]`: runs every package's benchmarks and
// prints one table. A benchmark is `packages/<pkg>/bench/*.bench.mjs` exporting `async function run()`
// that returns rows { name, value, unit, spread?: [min, max], baseline?: { name, value, spread? },
// ratio?, goal?, met?, rounds? }, both sides measured in the same run (scripts/bench/measure.mjs: each
// side in its own process, interleaved rounds, medians). `--repo` adds a real repository to the
// benches that take one (SECRET_HYGIENE_BENCH_REPO); `--rounds` sets the rounds per comparison.
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values: options, positionals: only } = parseArgs({
  options: { rounds: { type: 'string' }, repo: { type: 'string' } },
  allowPositionals: true,
});
if (options.rounds !== undefined) {
  if (!/^[1-9][0-9]*$/.test(options.rounds)) throw new Error(`bench: --rounds must be a positive integer`);
  process.env.SECRET_HYGIENE_BENCH_ROUNDS = options.rounds;
}
if (options.repo !== undefined) {
  if (!existsSync(options.repo)) throw new Error(`bench: --repo ${options.repo} does not exist`);
  process.env.SECRET_HYGIENE_BENCH_REPO = resolve(options.repo);
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const loadBefore = load();
const rows = [];
const failed = [];
for (const pkg of (await readdir(root + 'packages')).sort()) {
  if (only.length > 0 && !only.includes(pkg)) continue;
  const dir = `${root}packages/${pkg}/bench/`;
  if (!existsSync(dir)) continue;
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.bench.mjs')).sort()) {
    process.stderr.write(`bench: ${pkg}/${file}\n`);
    try {
      const mod = await import(pathToFileURL(dir + file).href);
      for (const row of await mod.run()) rows.push({ pkg, ...row });
    } catch (error) {
      // One broken bench must not cost the others' numbers: say so, go on, exit 1 at the end.
      failed.push(`${pkg}/${file}: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  }
}
const fmt = (n) =>
  typeof n === 'number' ? (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2)) : String(n ?? '');
const measured = (value, spread, unit) =>
  `${fmt(value)} ${unit}${spread ? ` (${fmt(spread[0])}-${fmt(spread[1])})` : ''}`;
const table = rows.map((r) => [
  r.pkg,
  r.name,
  measured(r.value, r.spread, r.unit),
  r.baseline ? `${r.baseline.name}: ${measured(r.baseline.value, r.baseline.spread, r.unit)}` : '',
  r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
  r.goal ?? '',
  r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
  r.rounds === undefined ? '' : String(r.rounds),
]);
const head = ['package', 'benchmark', 'median (min-max)', 'baseline (same run)', 'ratio', 'goal', '', 'rounds'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
console.log(`\nload average (1, 5, 15 min): ${loadBefore} at the start, ${load()} at the end; 2 cores shared`);
for (const line of failed) console.log(`FAILED ${line}`);
if (failed.length > 0) process.exitCode = 1;
