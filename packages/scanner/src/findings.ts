import { createHash } from 'node:crypto';
import type { Confidence } from '@secret-hygiene/checks';
import type { Finding, FindingStep, Severity } from './types.js';

/** A finding before fingerprinting: carries the flagged text the fingerprint is made from. */
export interface DraftFinding extends Omit<Finding, 'fingerprint'> {
  /** The text of the flagged line(s); hashed, never printed. */
  readonly snippet: string;
}

/** Builds a draft from 1-based positions, taking the flagged lines from the file's lines. */
export function draftFinding(
  fields: {
    ruleId: string;
    file: string;
    severity: Severity;
    confidence?: Confidence;
    message: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    steps?: readonly FindingStep[];
  },
  lines: readonly string[],
): DraftFinding {
  const endLine = fields.endLine ?? fields.line;
  const endColumn = fields.endColumn ?? (lines[endLine - 1]?.length ?? 0) + 1;
  return {
    ...fields,
    confidence: fields.confidence ?? 'high',
    endLine,
    endColumn,
    snippet: snippetOf(lines, fields.line, fields.column, endLine, endColumn),
  };
}

/** Flagged lines up to this many characters are fingerprinted whole (as they always were). */
const WHOLE_SNIPPET_LIMIT = 4000;
/** On longer lines, the characters of context taken either side of the flagged text, and the most of it taken. */
const SNIPPET_WINDOW = 200;

/**
 * The text a fingerprint is made from: the flagged lines (the first five of a long multi-line
 * finding, such as a whole object literal), whole while they are short, as in ordinary code. On a
 * longer line (minified, bundled, generated code) it is the flagged text, at most 200 characters of
 * it, with 200 characters either side: so a finding costs the same whatever its line's length, and
 * fingerprinting a file costs linear time (whole lines made a one-line bundle quadratic).
 */
function snippetOf(lines: readonly string[], line: number, column: number, endLine: number, endColumn: number): string {
  const last = Math.min(endLine, line + 4);
  let length = 0;
  for (let i = line - 1; i < last; i++) length += (lines[i]?.length ?? 0) + 1;
  if (length <= WHOLE_SNIPPET_LIMIT + 1) return lines.slice(line - 1, last).join('\n');
  const text = lines[line - 1] ?? '';
  const flaggedEnd = Math.min(endLine === line ? endColumn - 1 : text.length, column - 1 + SNIPPET_WINDOW);
  return text.slice(Math.max(0, column - 1 - SNIPPET_WINDOW), Math.min(text.length, flaggedEnd + SNIPPET_WINDOW));
}

/** Splits text into lines the way editors count them. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Sort order of every output: file, line, column, rule id, message. */
export function compareFindings(a: Omit<Finding, 'fingerprint'>, b: Omit<Finding, 'fingerprint'>): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * Fingerprints that survive lines moving: a hash of rule id, file, the flagged text with whitespace
 * normalized, and how many identical (rule, file, text) findings came before it. Line numbers are
 * left out, so inserting code above a finding keeps its fingerprint.
 */
export function fingerprintFindings(drafts: readonly DraftFinding[]): Finding[] {
  const sorted = [...drafts].sort(compareFindings);
  const seen = new Map<string, number>();
  return sorted.map(({ snippet, ...finding }) => {
    const normalized = snippet.replace(/\s+/g, ' ').trim();
    const key = `${finding.ruleId}\0${finding.file}\0${normalized}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
    return { ...finding, fingerprint };
  });
}
