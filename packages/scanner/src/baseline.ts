import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError } from './config.js';
import type { Finding } from './types.js';

/** The baseline file: accepted findings, by fingerprint. Rule id and file are kept for reviewers. */
export interface BaselineFile {
  readonly version: 1;
  readonly findings: readonly { readonly ruleId: string; readonly file: string; readonly fingerprint: string }[];
}

/** Reads a baseline's fingerprints. Throws `ConfigError` when the file is missing or malformed. */
export function readBaseline(path: string): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `baseline ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found (create it with --update-baseline)' : (error as Error).message}`,
    );
  }
  const findings = (parsed as Partial<BaselineFile> | null)?.findings;
  if (
    (parsed as Partial<BaselineFile> | null)?.version !== 1 ||
    !Array.isArray(findings) ||
    !findings.every((f) => typeof f?.fingerprint === 'string')
  ) {
    throw new ConfigError(
      `baseline ${path}: not a secret-hygiene baseline (expected {"version":1,"findings":[{"fingerprint":...}]})`,
    );
  }
  return new Set(findings.map((f) => f.fingerprint));
}

/** The baseline accepting these findings, sorted, one entry per finding. */
export function createBaseline(findings: readonly Finding[]): BaselineFile {
  return {
    version: 1,
    findings: findings
      .map((f) => ({ ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint }))
      .sort((a, b) =>
        a.file < b.file
          ? -1
          : a.file > b.file
            ? 1
            : a.fingerprint < b.fingerprint
              ? -1
              : a.fingerprint > b.fingerprint
                ? 1
                : 0,
      ),
  };
}

/** Writes the baseline for these findings. */
export function writeBaseline(path: string, findings: readonly Finding[]): void {
  writeFileSync(path, `${JSON.stringify(createBaseline(findings), null, 2)}\n`);
}
