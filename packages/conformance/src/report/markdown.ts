import type { ConformanceResult } from '../conformance-check.js';
import { provenance } from './provenance.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown: a summary table and a section per failing check (for pull-request comments and job summaries). */
export function formatMarkdown(result: ConformanceResult): string {
  const failed = result.checks.filter((c) => c.status === 'fail');
  const unproven = result.checks.filter((c) => c.status === 'not-proven');
  const verdict = [
    failed.length > 0 ? `${failed.length} of ${result.checks.length} checks failed` : 'passed',
    ...(unproven.length > 0 ? [`${unproven.length} not proven`] : []),
  ].join(', ');
  const badge = { pass: '✅ pass', fail: '❌ fail', 'not-proven': '⚠️ not proven' } as const;
  const lines = [
    `## secret-hygiene conformance: ${verdict}`,
    '',
    `Adapter \`${cell(result.adapter)}\`, seed ${result.seed}. Server: ${cell(provenance(result))}.`,
    '',
    '| Status | Check | Promise | Time |',
    '| --- | --- | --- | ---: |',
    ...result.checks.map((c) => `| ${badge[c.status]} | \`${c.id}\` | ${cell(c.promise)} | ${c.durationMs} ms |`),
  ];
  for (const check of result.checks) {
    if (check.failures.length === 0 && check.notes.length === 0) continue;
    lines.push('', `### \`${check.id}\``, '');
    for (const failure of check.failures) lines.push(`- ❌ ${cell(failure)}`);
    for (const note of check.notes) lines.push(`- ℹ️ ${cell(note)}`);
  }
  return `${lines.join('\n')}\n`;
}
