/** How much a finding matters; `note` never fails a scan unless `--fail-on note`. */
export type Severity = 'error' | 'warning' | 'note';

/** A rule setting in the config file: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** One problem found. Every text in it is already redacted: no full secret ever appears. */
export interface Finding {
  readonly ruleId: string;
  /** POSIX path relative to the scan root. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly message: string;
  /** Stable across line moves: rule id, file, normalized flagged text and occurrence index, hashed. */
  readonly fingerprint: string;
}

/** Something the scan could not do fully: a syntax error, an unreadable file, a crashed check. */
export interface ScanDiagnostic {
  readonly kind: 'syntax-error' | 'unreadable-file' | 'check-crashed' | 'config' | 'notice';
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The check that crashed, for `check-crashed`. */
  readonly ruleId?: string;
}

export interface ScanSummary {
  /** Files analysed, by kind. */
  readonly files: { readonly typescript: number; readonly prisma: number; readonly sql: number; readonly env: number; readonly config: number };
  /** Files skipped, by reason. */
  readonly skipped: { readonly binary: number; readonly tooLarge: number; readonly generated: number; readonly ignored: number };
  readonly findings: { readonly error: number; readonly warning: number; readonly note: number; readonly total: number };
  /** Findings dropped because the baseline accepts them. */
  readonly baselined: number;
  /** Findings dropped by inline suppressions that carry a reason. */
  readonly suppressed: number;
  /** Findings dropped because `--changed-since` showed their lines unchanged. */
  readonly unchanged: number;
  readonly durationMs: number;
}

/** The full outcome of a scan; reporters turn it into text, JSON, SARIF or annotations. */
export interface ScanResult {
  /** Absolute path every `file` is relative to. */
  readonly root: string;
  /** Sorted by file, line, column, rule id. */
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly ScanDiagnostic[];
  readonly summary: ScanSummary;
  readonly inventory?: import('./inventory.js').Inventory;
}
