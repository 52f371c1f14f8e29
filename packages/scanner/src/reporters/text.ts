import type { Inventory } from '../inventory.js';
import type { Finding, ScanResult, Severity } from '../types.js';
import { noColors, type Colors, type Reporter } from './types.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Findings grouped by file, `line:column  severity  confidence  message  rule-id`, then a summary line. */
export const textReporter: Reporter = (result, options = {}) => {
  const c = options.colors ?? noColors;
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    out.push(c.underline(file));
    // One finding, one line: a message with a line break (a multi-line literal's preview) is folded.
    const rows = findings.map(
      (f) =>
        [
          `${f.line}:${f.column}`,
          f.severity,
          f.confidence,
          f.message.replace(/\s*[\r\n]+\s*/g, ' '),
          f.ruleId,
        ] as const,
    );
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    const sevWidth = Math.max(...rows.map((r) => r[1].length));
    const confidenceWidth = Math.max(...rows.map((r) => r[2].length));
    for (const [pos, severity, confidence, message, ruleId] of rows) {
      out.push(
        `  ${c.dim(pos.padEnd(posWidth))}  ${paint(c, severity, severity.padEnd(sevWidth))}  ${c.dim(confidence.padEnd(confidenceWidth))}  ${message}  ${c.dim(ruleId)}`,
      );
    }
    out.push('');
  }
  if (result.inventory) out.push(...inventoryLines(result.inventory, c), '');
  out.push(summaryLine(result, c));
  return `${out.join('\n')}\n`;
};

/** The inventory as three plain tables, for reviewers. */
export function inventoryLines(inventory: Inventory, c: Colors = noColors): string[] {
  const out: string[] = [c.bold(`Environment variables (${inventory.envVars.length})`)];
  for (const v of inventory.envVars) {
    const where = v.reads.map((r) => `${r.file}:${r.line}${r.validation ? ` (${r.validation})` : ''}`).join(', ');
    out.push(
      `  ${v.name.padEnd(28)} ${v.secret ? c.yellow('secret') : 'plain '}  ${v.validated ? c.green('validated') : c.red('unvalidated')}  ${c.dim(where)}`,
    );
  }
  out.push('', c.bold(`Credential columns (${inventory.credentialColumns.length})`));
  for (const col of inventory.credentialColumns) {
    const name = col.table ? `${col.table}.${col.column}` : col.column;
    const protection =
      col.protection === 'plaintext'
        ? c.red(col.protection)
        : col.protection === 'protected'
          ? c.green(col.protection)
          : col.protection;
    out.push(
      `  ${name.padEnd(36)} ${protection}  ${c.dim(`${col.file}:${col.line}  ${col.source === 'code' ? `${col.type}: ` : ''}${col.reason}`)}`,
    );
  }
  out.push('', c.bold(`Encryption call sites (${inventory.encryptionCalls.length})`));
  for (const call of inventory.encryptionCalls) {
    const origin =
      call.nonceOrigin === 'random-per-call'
        ? c.green(call.nonceOrigin)
        : call.nonceOrigin === 'parameter' || call.nonceOrigin === 'from-message'
          ? call.nonceOrigin
          : c.red(call.nonceOrigin);
    out.push(
      `  ${`${call.file}:${call.line}`.padEnd(36)} ${call.api} ${call.direction}${call.algorithm ? ` ${call.algorithm}` : ''}  nonce: ${origin}${call.nonceDetail ? c.dim(` (${call.nonceDetail})`) : ''}`,
    );
  }
  return out;
}

function paint(c: Colors, severity: Severity, text: string): string {
  return severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : c.blue(text);
}

/** One line: problems by severity, files scanned, what was left out and why. */
export function summaryLine(result: ScanResult, c: Colors = noColors): string {
  const s = result.summary;
  const scanned = Object.values(s.files).reduce((sum, n) => sum + n, 0);
  const extras = [
    s.suppressed > 0 ? `${s.suppressed} suppressed` : '',
    s.baselined > 0 ? `${s.baselined} in baseline` : '',
    s.unchanged > 0 ? `${s.unchanged} on unchanged lines` : '',
  ].filter(Boolean);
  const tail = `${plural(scanned, 'file')} scanned${skippedText(s)}${extras.length > 0 ? `; ${extras.join(', ')}` : ''}`;
  if (s.findings.total === 0) return `${c.green('✔ no problems')} (${tail})`;
  const counts = [
    plural(s.findings.error, 'error'),
    plural(s.findings.warning, 'warning'),
    ...(s.findings.note > 0 ? [plural(s.findings.note, 'note')] : []),
  ];
  return (
    c.bold(
      `${s.findings.error > 0 ? c.red('✖') : c.yellow('⚠')} ${plural(s.findings.total, 'problem')} (${counts.join(', ')})`,
    ) + ` (${tail})`
  );
}

/** `, 12 skipped (9 ignored, 2 minified, 1 too large)`, or nothing when no file was skipped. */
function skippedText(s: ScanResult['summary']): string {
  const reasons: [number, string][] = [
    [s.skipped.ignored, 'ignored'],
    [s.skipped.generated, 'generated'],
    [s.skipped.minified, 'minified'],
    [s.skipped.binary, 'binary'],
    [s.skipped.tooLarge, 'too large'],
  ];
  const total = reasons.reduce((sum, [n]) => sum + n, 0);
  if (total === 0) return '';
  return `, ${total} skipped (${reasons
    .filter(([n]) => n > 0)
    .map(([n, why]) => `${n} ${why}`)
    .join(', ')})`;
}
