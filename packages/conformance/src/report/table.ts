import pc from 'picocolors';
import type { ConformanceResult } from '../conformance-check.js';
import { provenance } from './provenance.js';

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Use colour (only on a TTY; the CLI decides). */
  color?: boolean;
}

/** A terminal table: one row per check, then the broken promises and notes under it. */
export function formatTable(result: ConformanceResult, options: TableOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const label = { pass: 'pass', fail: 'FAIL', 'not-proven': 'not proven' } as const;
  const paint = { pass: c.green, fail: (s: string) => c.red(c.bold(s)), 'not-proven': c.yellow } as const;
  const rows = result.checks.map((check) => [
    paint[check.status](label[check.status]),
    check.id,
    `${check.durationMs} ms`,
    check.status === 'fail' ? `${check.failures.length} problem(s)` : '',
  ]);
  const plain = result.checks.map((check) => [label[check.status], check.id, `${check.durationMs} ms`]);
  const widths = [10, Math.max(5, ...plain.map((r) => r[1]!.length)), Math.max(4, ...plain.map((r) => r[2]!.length))];
  const lines: string[] = [];
  lines.push(c.bold(`secret-hygiene conformance: ${result.adapter}`));
  lines.push(c.dim(`${provenance(result)}; seed ${result.seed}`));
  lines.push('');
  lines.push(
    c.dim(`${'status'.padEnd(widths[0]! + 2)}${'check'.padEnd(widths[1]! + 2)}${'time'.padStart(widths[2]!)}`),
  );
  rows.forEach((row, i) => {
    const p = plain[i]!;
    lines.push(
      `${row[0]}${' '.repeat(widths[0]! + 2 - p[0]!.length)}${row[1]!.padEnd(widths[1]! + 2)}${row[2]!.padStart(widths[2]!)}  ${c.red(row[3]!)}`.trimEnd(),
    );
  });
  for (const check of result.checks) {
    if (check.failures.length === 0 && check.notes.length === 0) continue;
    lines.push('');
    lines.push(
      check.status === 'pass' ? c.bold(check.id) : paint[check.status](c.bold(`${check.id}: ${check.promise}`)),
    );
    for (const failure of check.failures) lines.push(`  ${c.red('✗')} ${failure}`);
    for (const note of check.notes) lines.push(`  ${c.dim(`note: ${note}`)}`);
  }
  const failed = result.checks.filter((r) => r.status === 'fail').length;
  const unproven = result.checks.filter((r) => r.status === 'not-proven').length;
  lines.push('');
  lines.push(
    failed === 0 && unproven > 0
      ? c.yellow(c.bold(`${result.checks.length - unproven} checks passed, ${unproven} not proven`)) +
          c.dim(` in ${(result.durationMs / 1000).toFixed(1)} s`)
      : failed === 0
        ? c.green(c.bold(`all ${result.checks.length} checks passed`)) +
          c.dim(` in ${(result.durationMs / 1000).toFixed(1)} s`)
        : c.red(
            c.bold(
              `${failed} of ${result.checks.length} checks failed${unproven > 0 ? `, ${unproven} not proven` : ''}`,
            ),
          ) + c.dim(` in ${(result.durationMs / 1000).toFixed(1)} s`),
  );
  return `${lines.join('\n')}\n`;
}
