import type { Confidence, InputKind } from '@secret-hygiene/checks';
import type { RuleInfo } from './rules.js';

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
  /** How sure the check is (`high` in the default preset; `strict` adds `medium` and `low`). */
  readonly confidence: Confidence;
  readonly message: string;
  /** Stable across line moves: rule id, file, normalized flagged text and occurrence index, hashed. */
  readonly fingerprint: string;
  /** For a finding that crosses functions: its path from the secret to the sink (SARIF `codeFlows`). */
  readonly steps?: readonly FindingStep[];
}

/** One place on a finding's path, located like a finding. */
export interface FindingStep {
  /** POSIX path relative to the scan root. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** What happens there; code text, never a value. */
  readonly message: string;
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

export interface SkippedFiles {
  readonly ignored: number;
  readonly generated: number;
  readonly minified: number;
  readonly binary: number;
  readonly tooLarge: number;
}

/** What one TypeScript program was built from and what it checked. */
export interface ProgramSummary {
  /** The tsconfig, relative to the root; null: the default options. */
  readonly tsconfig: string | null;
  /** Source files in the program: the checked ones, what they import, declaration and lib files. */
  readonly files: number;
  /** Scanned files checked in this program (each scanned file is checked in exactly one). */
  readonly checked: number;
}

export interface ScanSummary {
  /** Files analysed, by input kind. */
  readonly files: Readonly<Record<InputKind, number>>;
  /** Files skipped, by reason: ignored (config, `--ignore`, .gitignore), generated, minified or bundled, binary, too large. */
  readonly skipped: SkippedFiles;
  /** The TypeScript programs, in the order built: one per tsconfig that owns a scanned file (none without TS/JS files). */
  readonly programs: readonly ProgramSummary[];
  readonly findings: {
    readonly error: number;
    readonly warning: number;
    readonly note: number;
    readonly total: number;
  };
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
  /** Every rule the scan could report (the enabled checks), for SARIF's rule table and the docs. */
  readonly rules: readonly RuleInfo[];
  readonly inventory?: import('./inventory.js').Inventory;
}
