import { formatMessage, type SharedSettings } from '@secret-hygiene/checks';
import { basename } from 'node:path';
import { scannerMessages } from '../messages.js';
import type { FileFinding } from './types.js';
import { secretValueMessage, type ValueAllowance } from './secret-values.js';

/** `.env.example`, `.env.sample`, `.env.template`, `.env.dist` (placeholders) and dotenv-vault's encrypted `.env.vault`: meant to be committed. */
export function isEnvExample(name: string): boolean {
  return /\.(?:example|sample|template|dist|defaults?|vault)$/i.test(name);
}

/** One `KEY=value` assignment of a .env file. */
export interface EnvEntry {
  readonly name: string;
  readonly value: string;
  readonly line: number;
  /** 1-based column where the value starts. */
  readonly column: number;
  readonly endColumn: number;
}

const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*=\s*)(.*)$/;

/** Reads the assignments of a .env file: quotes removed, trailing ` # comments` dropped from bare values. */
export function parseEnv(lines: readonly string[]): EnvEntry[] {
  const entries: EnvEntry[] = [];
  lines.forEach((text, index) => {
    const match = ASSIGNMENT.exec(text);
    if (!match) return;
    const start = match[1]!.length + match[2]!.length + match[3]!.length;
    const rest = match[4]!;
    let value: string;
    let length: number;
    const quote = rest[0];
    if ((quote === '"' || quote === "'" || quote === '`') && rest.indexOf(quote, 1) > 0) {
      value = rest.slice(1, rest.indexOf(quote, 1));
      length = value.length + 2;
    } else {
      value = rest.replace(/\s+#.*$/, '').trimEnd();
      length = value.length;
    }
    entries.push({ name: match[2]!, value, line: index + 1, column: start + 1, endColumn: start + length + 1 });
  });
  return entries;
}

/**
 * A .env file tracked by git is a finding (unless it is an example), and so is every secret value
 * in it, examples included: an example must hold placeholders only.
 */
export function analyzeEnvFile(file: string, lines: readonly string[], tracked: boolean, settings: SharedSettings, allowed?: ValueAllowance): FileFinding[] {
  if (!tracked) return [];
  const findings: FileFinding[] = [];
  const name = basename(file);
  if (!isEnvExample(name)) {
    findings.push({ ruleId: 'no-tracked-env-file', line: 1, column: 1, endLine: 1, message: formatMessage(scannerMessages.trackedEnvFile, { file: name }) });
  }
  for (const entry of parseEnv(lines)) {
    const message = secretValueMessage(entry.name, entry.value, settings, allowed);
    if (message) findings.push({ ruleId: 'no-hardcoded-secret', line: entry.line, column: entry.column, endLine: entry.line, endColumn: entry.endColumn, message });
  }
  return findings;
}
