import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One planted problem: `// expect: <rule-id>` (or `# expect:`, `-- expect:`) ending a fixture line. */
export interface ExpectedFinding {
  /** POSIX path relative to the app's root. */
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  /** Planted as `expect-typed:`: only found with type information (it crosses modules). */
  readonly typed: boolean;
  /** Planted as `expect-strict:` (or `expect-typed-strict:`): reported below high confidence, so only `strict` must show it. */
  readonly strict?: boolean;
}

// A line may carry several labels: `// expect: no-weak-crypto // expect-strict: no-timing-unsafe-compare`.
const EXPECT =
  /(?:\/\/|#|--)\s*expect(-typed)?(-strict)?:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)(?=\s*(?:(?:\/\/|#|--)\s*expect|$))/g;

/** Reads the expectations planted in every text file below `root` (node_modules excluded). */
export function readExpectations(root: string, accept: (file: string) => boolean = () => true): ExpectedFinding[] {
  const found: ExpectedFinding[] = [];
  for (const path of listFiles(root)) {
    const file = relative(root, path).split(sep).join('/');
    if (!accept(file)) continue;
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .forEach((text, index) => {
        for (const match of text.matchAll(EXPECT)) {
          const typed = match[1] !== undefined;
          const strict = match[2] !== undefined;
          for (const ruleId of match[3]!.split(','))
            found.push({ file, line: index + 1, ruleId: ruleId.trim(), typed, strict });
        }
      });
  }
  return sortFindings(found);
}

/**
 * What a default (high-confidence) run must report: the expectations without `expect-strict:` ones,
 * and the findings without those on strict-only lines (a default run may or may not show them).
 */
export function atDefaultConfidence<F extends Omit<ExpectedFinding, 'typed'>, E extends Omit<ExpectedFinding, 'typed'>>(
  findings: readonly F[],
  expected: readonly E[],
): { findings: F[]; expected: E[] } {
  const strictOnly = new Set(expected.filter((e) => e.strict).map((e) => `${e.file}:${e.line} ${e.ruleId}`));
  return {
    findings: findings.filter((f) => !strictOnly.has(`${f.file}:${f.line} ${f.ruleId}`)),
    expected: expected.filter((e) => !e.strict),
  };
}

/** Findings as comparable `file:line ruleId` strings, sorted, for exact-set assertions. */
export function asKeys(findings: readonly Omit<ExpectedFinding, 'typed'>[]): string[] {
  return sortFindings(findings).map((f) => `${f.file}:${f.line} ${f.ruleId}`);
}

function sortFindings<T extends Omit<ExpectedFinding, 'typed'>>(findings: T[]): T[] {
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listFiles(path));
    else if (stat.isFile()) out.push(path);
  }
  return out;
}
