// `npm run bench`: runs every package's benchmarks and prints one table.
// A benchmark is `packages/<pkg>/bench/*.bench.mjs` exporting `async function run()` that returns rows
// { name, value, unit, baseline?: { name, value }, ratio?, goal? } measured in the same run.
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const only = process.argv.slice(2);
const rows = [];
for (const pkg of (await readdir(root + 'packages')).sort()) {
  if (only.length > 0 && !only.includes(pkg)) continue;
  const dir = `${root}packages/${pkg}/bench/`;
  if (!existsSync(dir)) continue;
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.bench.mjs')).sort()) {
    process.stderr.write(`bench: ${pkg}/${file}\n`);
    const mod = await import(pathToFileURL(dir + file).href);
    for (const row of await mod.run()) rows.push({ pkg, ...row });
  }
}
const fmt = (n) =>
  typeof n === 'number' ? (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2)) : String(n ?? '');
const table = rows.map((r) => [
  r.pkg,
  r.name,
  `${fmt(r.value)} ${r.unit}`,
  r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}` : '',
  r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
  r.goal ?? '',
]);
const head = ['package', 'benchmark', 'result', 'baseline (same run)', 'ratio', 'goal'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
