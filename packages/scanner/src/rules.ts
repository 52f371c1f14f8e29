import { allChecks, checksById, docsUrl, type Check } from '@secret-hygiene/checks';
import type { Severity } from './types.js';

/** What SARIF, the docs and the reporters need to know about a rule id. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  /** Where the rule is explained. */
  readonly helpUri: string;
  readonly defaultSeverity: Severity;
  /** `check`: a check from `@secret-hygiene/checks`; `scanner`: a finding about a non-TypeScript file or the scan itself. */
  readonly origin: 'check' | 'scanner';
}

/** The docs page of a scanner-only rule: a section of docs/scanner.md. */
export function scannerDocsUrl(id: string): string {
  return `https://github.com/secret-hygiene/secret-hygiene/blob/main/docs/scanner.md#${id}`;
}

/**
 * Rules the scanner reports on inputs that are not TypeScript. When a check with the same id exists
 * (the same problem on another syntax, e.g. a plaintext credential column in Prisma or SQL), the
 * check's own metadata wins, so each id has one description everywhere.
 */
const scannerRules: readonly Omit<RuleInfo, 'origin' | 'helpUri'>[] = [
  { id: 'no-plaintext-credential-column', description: 'Disallow database columns that store credentials in plaintext', defaultSeverity: 'error' },
  { id: 'no-tracked-env-file', description: 'Disallow .env files tracked by git, except examples holding placeholders', defaultSeverity: 'error' },
  { id: 'no-hardcoded-secret', description: 'Disallow secrets written into configuration and .env files', defaultSeverity: 'error' },
  { id: 'suppression-without-reason', description: 'Require a reason on every inline suppression comment', defaultSeverity: 'warning' },
];

/** The default severity of a check: problems are errors, suggestions and strict-only checks warnings. */
export function checkSeverity(check: Check<any, string>): Severity {
  return check.meta.type === 'problem' && check.meta.level !== 'strict' ? 'error' : 'warning';
}

/** Every rule the scanner can report, sorted by id: the checks' registry plus the scanner's own. */
export function allRules(checks: readonly Check<any, string>[] = allChecks): RuleInfo[] {
  const byId = new Map<string, RuleInfo>();
  for (const check of checks) {
    byId.set(check.id, { id: check.id, description: check.meta.description, helpUri: docsUrl(check.id), defaultSeverity: checkSeverity(check), origin: 'check' });
  }
  for (const rule of scannerRules) {
    if (!byId.has(rule.id)) byId.set(rule.id, { ...rule, helpUri: scannerDocsUrl(rule.id), origin: 'scanner' });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The metadata of one rule id, or a generic entry for an id nothing registered (never thrown away). */
export function ruleInfo(id: string, rules: readonly RuleInfo[] = allRules()): RuleInfo {
  return (
    rules.find((r) => r.id === id) ?? {
      id,
      description: checksById.get(id)?.meta.description ?? id,
      helpUri: scannerDocsUrl(id),
      defaultSeverity: 'error',
      origin: 'scanner',
    }
  );
}
