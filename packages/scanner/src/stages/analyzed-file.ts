import type { DraftFinding } from '../findings.js';

/** One file after analysis: its findings before suppression, and its lines (suppressions and fingerprints read them). */
export interface AnalyzedFile {
  /** POSIX path relative to the root. */
  readonly file: string;
  readonly lines: readonly string[];
  readonly drafts: readonly DraftFinding[];
}
