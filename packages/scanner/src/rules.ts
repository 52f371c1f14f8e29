import { allChecks, docsUrl, type Check, type Confidence } from '@secret-hygiene/checks';
import type { Severity } from './types.js';

/** What SARIF, the docs and the reporters need to know about a rule: read from the check registry only. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  /** Where the rule is explained. */
  readonly helpUri: string;
  readonly defaultSeverity: Severity;
  /** The best confidence the rule reports (SARIF `precision`). */
  readonly precision: Confidence;
  /** GitHub code scanning's 0.0-10.0 score: 9.0 and above shows Critical, 7.0 High, 4.0 Medium. */
  readonly securitySeverity: number;
}

/** The default severity of a check: problems are errors, suggestions and strict-only checks warnings. */
export function checkSeverity(check: Check<any, string>): Severity {
  return check.meta.type === 'problem' && check.meta.level !== 'strict' ? 'error' : 'warning';
}

/** The check's own score, else High for problems and Medium for the rest. */
export function checkSecuritySeverity(check: Check<any, string>): number {
  return check.meta.securitySeverity ?? (check.meta.type === 'problem' ? 7.5 : 4.0);
}

/** The rule of one check. */
export function ruleOf(check: Check<any, string>): RuleInfo {
  return {
    id: check.id,
    description: check.meta.description,
    helpUri: docsUrl(check.id),
    defaultSeverity: checkSeverity(check),
    precision: 'high',
    securitySeverity: checkSecuritySeverity(check),
  };
}

/** Every rule the scanner can report, sorted by id: one per check of the registry. */
export function allRules(checks: readonly Check<any, string>[] = allChecks): RuleInfo[] {
  return checks.map(ruleOf).sort((a, b) => a.id.localeCompare(b.id));
}
