import { draftFinding, type DraftFinding } from './findings.js';
import type { Severity } from './types.js';

/** One `secret-hygiene-ignore-next-line <rule-id>[, <rule-id>] -- <reason>` comment. */
export interface Suppression {
  /** 1-based line of the comment; it suppresses findings starting on the next line. */
  readonly line: number;
  readonly column: number;
  readonly ruleIds: readonly string[];
  /** Empty when the comment gives none; such a comment suppresses nothing. */
  readonly reason: string;
}

/**
 * The directive after any comment marker (`//`, `/*`, `#`, `--`), as the first thing on its line:
 * so the same text inside a string literal (a test, a code generator) is not a directive.
 */
const DIRECTIVE = /^(\s*)(?:\/\/|\/\*|#|--)\s*secret-hygiene-ignore-next-line\b([^\n]*)/;

/** Reads the suppression comments of a file's lines. */
export function readSuppressions(lines: readonly string[]): Suppression[] {
  const found: Suppression[] = [];
  lines.forEach((text, index) => {
    if (!text.includes('secret-hygiene-ignore-next-line')) return;
    const match = DIRECTIVE.exec(text);
    if (!match) return;
    const body = match[2]!.replace(/\*\/\s*$/, '');
    const separator = body.indexOf(' --');
    const idsText = separator === -1 ? body : body.slice(0, separator);
    const reason = separator === -1 ? '' : body.slice(separator + 3).trim();
    const ruleIds = idsText.split(/[\s,]+/).filter(Boolean);
    found.push({ line: index + 1, column: match[1]!.length + 1, ruleIds, reason });
  });
  return found;
}

/**
 * Drops findings suppressed by a comment with a reason on the line above; a comment without a
 * reason (or without a rule id) suppresses nothing and is itself reported as `suppression-without-reason`.
 */
export function applySuppressions(
  file: string,
  lines: readonly string[],
  findings: readonly DraftFinding[],
  severity: Severity | 'off',
  message: (s: Suppression) => string,
): { kept: DraftFinding[]; suppressed: number; problems: DraftFinding[] } {
  const suppressions = readSuppressions(lines);
  if (suppressions.length === 0) return { kept: [...findings], suppressed: 0, problems: [] };
  const problems: DraftFinding[] = [];
  const active = new Map<number, Set<string>>();
  for (const s of suppressions) {
    if (s.reason === '' || s.ruleIds.length === 0) {
      if (severity !== 'off') {
        problems.push(draftFinding({ ruleId: 'suppression-without-reason', file, severity, message: message(s), line: s.line, column: s.column }, lines));
      }
      continue;
    }
    active.set(s.line + 1, new Set(s.ruleIds));
  }
  const kept = findings.filter((f) => !active.get(f.line)?.has(f.ruleId));
  return { kept, suppressed: findings.length - kept.length, problems };
}
