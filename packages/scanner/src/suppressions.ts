import { eslintDisabled, readSuppressions, suppressedLines, type Suppression } from '@secret-hygiene/checks/internal';
import { draftFinding, type DraftFinding } from './findings.js';
import type { Severity } from './types.js';

export { readSuppressions, type Suppression } from '@secret-hygiene/checks/internal';

/** Files ESLint lints, where its `eslint-disable` directives mean something. */
const ESLINT_FILES = /\.[cm]?[jt]sx?$/i;

/**
 * Drops findings suppressed by a comment with a reason on the line above; a comment without a
 * reason (or without a rule id) suppresses nothing and is itself reported as `suppression-without-reason`.
 * In JavaScript and TypeScript files, ESLint's `eslint-disable` directives for `secret-hygiene/<rule>`
 * silence findings too, as they do in the plugin.
 */
export function applySuppressions(
  file: string,
  lines: readonly string[],
  findings: readonly DraftFinding[],
  severity: Severity | 'off',
  message: (s: Suppression) => string,
): { kept: DraftFinding[]; suppressed: number; problems: DraftFinding[] } {
  const suppressions = readSuppressions(lines);
  const disabledByEslint = ESLINT_FILES.test(file) ? eslintDisabled(lines.join('\n')) : undefined;
  if (suppressions.length === 0 && !disabledByEslint) return { kept: [...findings], suppressed: 0, problems: [] };
  const problems: DraftFinding[] = [];
  for (const s of suppressions) {
    if ((s.reason === '' || s.ruleIds.length === 0) && severity !== 'off') {
      problems.push(
        draftFinding(
          { ruleId: 'suppression-without-reason', file, severity, message: message(s), line: s.line, column: s.column },
          lines,
        ),
      );
    }
  }
  const active = suppressedLines(suppressions);
  const kept = findings.filter(
    (f) => !active.get(f.line)?.has(f.ruleId) && !disabledByEslint?.(f.ruleId, f.line, f.column),
  );
  return { kept, suppressed: findings.length - kept.length, problems };
}
