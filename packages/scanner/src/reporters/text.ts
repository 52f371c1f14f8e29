import type { Finding, ScanResult, Severity } from '../types.js';
import { noColors, type Colors, type Reporter } from './types.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Findings grouped by file, `line:column  severity  message  rule-id`, then a summary line. */
export const textReporter: Reporter = (result, options) => {
  const c = options.colors ?? noColors;
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    out.push(c.underline(file));
    const rows = findings.map((f) => [`${f.line}:${f.column}`, f.severity, f.message, f.ruleId] as const);
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    const sevWidth = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, severity, message, ruleId] of rows) {
      out.push(`  ${c.dim(pos.padEnd(posWidth))}  ${paint(c, severity, severity.padEnd(sevWidth))}  ${message}  ${c.dim(ruleId)}`);
    }
    out.push('');
  }
  out.push(summaryLine(result, c));
  return `${out.join('\n')}\n`;
};

function paint(c: Colors, severity: Severity, text: string): string {
  return severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : c.blue(text);
}

/** One line: problems by severity, files scanned, what was left out and why. */
export function summaryLine(result: ScanResult, c: Colors = noColors): string {
  const s = result.summary;
  const scanned = s.files.typescript + s.files.prisma + s.files.sql + s.files.env + s.files.config;
  const extras = [
    s.suppressed > 0 ? `${s.suppressed} suppressed` : '',
    s.baselined > 0 ? `${s.baselined} in baseline` : '',
    s.unchanged > 0 ? `${s.unchanged} on unchanged lines` : '',
  ].filter(Boolean);
  const skipped = s.skipped.binary + s.skipped.tooLarge + s.skipped.generated + s.skipped.ignored;
  const tail = `${plural(scanned, 'file')} scanned${skipped > 0 ? `, ${skipped} skipped` : ''}${extras.length > 0 ? `; ${extras.join(', ')}` : ''}`;
  if (s.findings.total === 0) return `${c.green('✔ no problems')} (${tail})`;
  const counts = [plural(s.findings.error, 'error'), plural(s.findings.warning, 'warning'), ...(s.findings.note > 0 ? [plural(s.findings.note, 'note')] : [])];
  return c.bold(`${s.findings.error > 0 ? c.red('✖') : c.yellow('⚠')} ${plural(s.findings.total, 'problem')} (${counts.join(', ')})`) + ` (${tail})`;
}
