import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { allChecks, formatMessage, mergeOptions, presetOptions, type Check, type SharedSettings } from '@secret-hygiene/checks';
import { ConfigError, ruleEntry, type ScanConfig } from './config.js';
import { discoverFiles, type DiscoveredFile, type InputKind } from './discover.js';
import { analyzeConfigFile } from './files/config-file.js';
import { analyzeEnvFile } from './files/env.js';
import { valueAllowance } from './files/secret-values.js';
import { analyzeSchemaFile, prismaCredentialColumns, sqlCredentialColumns } from './files/schema-files.js';
import { InventoryCollector } from './inventory.js';
import type { FileFinding } from './files/types.js';
import { compareFindings, draftFinding, fingerprintFindings, splitLines, type DraftFinding } from './findings.js';
import { changedLinesSince, trackedFiles, type ChangedLines } from './git.js';
import { buildProgram, findTsconfig } from './program/project.js';
import { runChecksOnSourceFile, type EnabledCheck } from './program/run-checks.js';
import { scannerMessages } from './messages.js';
import { allRules, ruleInfo } from './rules.js';
import { applySuppressions } from './suppressions.js';
import type { Finding, ScanDiagnostic, ScanResult, Severity } from './types.js';

/** What to scan and how. Everything is optional: `scan({})` scans the working directory. */
export interface ScanOptions {
  /** The directory every reported path is relative to. Default: the working directory. */
  readonly root?: string;
  /** Files or directories to scan, relative to the working directory. Default: the root. */
  readonly paths?: readonly string[];
  /** The loaded config (see `loadConfig`). */
  readonly config?: ScanConfig;
  /** tsconfig path; overrides the config's. */
  readonly tsconfig?: string;
  /** Globs to ignore, added to the config's. */
  readonly ignore?: readonly string[];
  /** Bytes; overrides the config's. Default 1 MiB. */
  readonly maxFileSize?: number;
  /** Fingerprints of accepted findings (see `readBaseline`); those findings are dropped. */
  readonly baseline?: ReadonlySet<string>;
  /** Keep only findings on lines changed since this git ref (untracked files count as changed). */
  readonly changedSince?: string;
  /** Also collect the inventory (env reads, credential columns, encryption call sites). */
  readonly inventory?: boolean;
  /** The checks to run. Default: the registry, `allChecks`. */
  readonly checks?: readonly Check<any, string>[];
  /** Called after each file is analysed, for progress output. */
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/**
 * Scans a project: every registered check over the TS/JS files of one program (so checks follow the
 * type checker across modules), plus Prisma schemas, SQL migrations, tracked .env files and JSON/YAML
 * config. Throws `ConfigError` for bad input (missing path, bad config, bad git ref).
 */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const config = options.config ?? {};
  const root = resolve(options.root ?? process.cwd());
  const paths = (options.paths && options.paths.length > 0 ? options.paths : [root]).map((p) => (isAbsolute(p) ? p : resolve(p)));
  for (const path of paths) {
    if (!existsSync(path)) throw new ConfigError(`path not found: ${path}`);
  }
  const settings: SharedSettings = config.settings ?? {};
  const checks = options.checks ?? allChecks;
  const rules = allRules(checks);
  const severityOf = (id: string): Severity | 'off' => ruleEntry(config, id).setting ?? ruleInfo(id, rules).defaultSeverity;
  const enabled: EnabledCheck[] = checks.flatMap((check) => {
    const severity = severityOf(check.id);
    if (severity === 'off') return [];
    const preset = presetOptions(check, config.preset ?? 'recommended');
    const userOptions = ruleEntry(config, check.id).options;
    const options = preset || userOptions ? { ...(preset ?? {}), ...(userOptions ?? {}) } : undefined;
    return [{ check, severity, options: options ? mergeOptions(check.meta.defaultOptions, options) : undefined }];
  });

  const changed: ChangedLines | undefined = options.changedSince === undefined ? undefined : safeChangedLines(root, options.changedSince);
  const discovery = discoverFiles({
    root,
    paths,
    ignore: [...(config.ignore ?? []), ...(options.ignore ?? [])],
    maxFileSize: options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  });
  const diagnostics: ScanDiagnostic[] = discovery.unreadable.map((u) => ({ kind: 'unreadable-file', file: u.file, message: `cannot read ${u.file}: ${u.message}` }));
  const drafts: DraftFinding[] = [];
  let suppressed = 0;
  const byKind = (kind: InputKind) => discovery.files.filter((f) => f.kind === kind);
  const total = discovery.files.length;
  let done = 0;
  const progress = (file: string) => options.onProgress?.(++done, total, file);

  // Suppressions and severities apply the same way to findings from every kind of file.
  const suppressionSeverity = severityOf('suppression-without-reason');
  const collect = (file: string, lines: readonly string[], fileDrafts: DraftFinding[]): void => {
    const result = applySuppressions(file, lines, fileDrafts, suppressionSeverity, (s) =>
      formatMessage(s.ruleIds.length === 0 ? scannerMessages.suppressionWithoutRule : scannerMessages.suppressionWithoutReason, { rules: s.ruleIds.join(', ') }),
    );
    suppressed += result.suppressed;
    drafts.push(...result.kept, ...result.problems);
  };
  const toDrafts = (file: string, lines: readonly string[], found: readonly FileFinding[]): DraftFinding[] =>
    found.flatMap((f) => {
      const severity = severityOf(f.ruleId);
      return severity === 'off' ? [] : [draftFinding({ ...f, file, severity }, lines)];
    });

  const allowed = valueAllowance(enabled.find((e) => e.check.id === 'no-hardcoded-secret')?.options ?? ruleEntry(config, 'no-hardcoded-secret').options);
  const collector = options.inventory
    ? new InventoryCollector(settings, (ruleEntry(config, 'no-env-fallback').options?.['requiredEnvHelper'] as string | undefined) ?? 'requireEnv')
    : undefined;

  // TypeScript and JavaScript: one program, every check, one walk per file.
  const tsFiles = byKind('typescript');
  if (tsFiles.length > 0) {
    const given = options.tsconfig ?? config.tsconfig;
    const tsconfig = findTsconfig(root, paths, given);
    if (given && tsconfig && !existsSync(tsconfig)) throw new ConfigError(`tsconfig not found: ${given}`);
    let built;
    try {
      built = buildProgram({ root, files: tsFiles.map((f) => f.path), tsconfig });
    } catch (error) {
      // A tsconfig that cannot be read: an error when the user named it, else scan with the default program.
      if (given) throw new ConfigError(`cannot use tsconfig ${given}: ${(error as Error).message}`);
      diagnostics.push({ kind: 'config', message: `cannot use ${tsconfig}: ${(error as Error).message}; scanning with the default program` });
      built = buildProgram({ root, files: tsFiles.map((f) => f.path), tsconfig: undefined });
    }
    const failed = new Set(built.failed.map((f) => f.path));
    for (const f of built.failed) diagnostics.push({ kind: 'unreadable-file', file: relativeOf(tsFiles, f.path), message: `cannot read ${relativeOf(tsFiles, f.path)}: ${f.message}` });
    for (const input of tsFiles) {
      if (failed.has(input.path)) continue;
      const sourceFile = built.program.getSourceFile(input.path) ?? built.project.getSourceFile(input.path)?.compilerNode;
      if (!sourceFile) {
        diagnostics.push({ kind: 'unreadable-file', file: input.file, message: `cannot read ${input.file}: not part of the program` });
        continue;
      }
      const syntax = built.program.getSyntacticDiagnostics(sourceFile);
      if (syntax.length > 0) {
        const first = syntax[0]!;
        const pos = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
        const text = typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText;
        diagnostics.push({ kind: 'syntax-error', file: input.file, line: pos.line + 1, column: pos.character + 1, message: `${input.file}:${pos.line + 1}:${pos.character + 1}: ${text}` });
      }
      const checksForFile = collector ? [...enabled, { check: collector.checkFor(input.file), severity: 'note' as const }] : enabled;
      const result = runChecksOnSourceFile({
        sourceFile,
        file: input.file,
        program: built.program,
        checker: built.checker,
        settings,
        checks: checksForFile,
        ...(collector ? { observe: (checkId, report, line) => collector.observeReport(input.file, checkId, report, line) } : {}),
      });
      diagnostics.push(...result.diagnostics);
      collect(input.file, splitLines(sourceFile.text), result.findings);
      progress(input.file);
    }
  }

  // Files that are not TypeScript.
  const tracked = byKind('env').length > 0 ? trackedFiles(root) : undefined;
  if (byKind('env').length > 0 && !tracked) {
    diagnostics.push({ kind: 'notice', message: 'not a git repository: every .env file is treated as tracked' });
  }
  for (const input of discovery.files) {
    if (input.kind === 'typescript') continue;
    let text: string;
    try {
      text = readFileSync(input.path, 'utf8');
    } catch (error) {
      diagnostics.push({ kind: 'unreadable-file', file: input.file, message: `cannot read ${input.file}: ${(error as Error).message}` });
      continue;
    }
    const lines = splitLines(text);
    let found: FileFinding[] = [];
    if (input.kind === 'env') {
      found = analyzeEnvFile(input.file, lines, tracked ? tracked.has(input.file) : true, settings, allowed);
    } else if (input.kind === 'config') {
      const result = analyzeConfigFile(text, settings, input.file.endsWith('.json'), allowed);
      if (result.error) diagnostics.push({ kind: 'syntax-error', file: input.file, line: result.error.line, column: result.error.column, message: `${input.file}:${result.error.line}:${result.error.column}: ${result.error.message}` });
      found = result.findings;
    } else {
      const kind = input.kind as 'prisma' | 'sql';
      found = analyzeSchemaFile(kind, text, lines, settings);
      if (collector) {
        const columns = kind === 'prisma' ? prismaCredentialColumns(lines, settings) : sqlCredentialColumns(text, settings);
        for (const c of columns) {
          const protection = c.verdict.verdict as 'plaintext' | 'protected' | 'metadata';
          collector.columns.push({ file: input.file, line: c.line, source: kind, table: c.table, column: c.column, type: c.type, protection, reason: c.verdict.reason });
        }
      }
    }
    collect(input.file, lines, toDrafts(input.file, lines, found));
    progress(input.file);
  }

  // Baseline and changed lines filter last, so fingerprints are computed over everything found.
  let findings: Finding[] = fingerprintFindings(drafts);
  let baselined = 0;
  if (options.baseline) {
    const before = findings.length;
    findings = findings.filter((f) => !options.baseline!.has(f.fingerprint));
    baselined = before - findings.length;
  }
  let unchanged = 0;
  if (changed) {
    const before = findings.length;
    findings = findings.filter((f) => isChanged(changed, f));
    unchanged = before - findings.length;
  }
  findings.sort(compareFindings);
  diagnostics.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    root,
    findings,
    diagnostics,
    summary: {
      files: {
        typescript: tsFiles.length,
        prisma: byKind('prisma').length,
        sql: byKind('sql').length,
        env: byKind('env').length,
        config: byKind('config').length,
      },
      skipped: { ...discovery.skipped },
      findings: { error: count('error'), warning: count('warning'), note: count('note'), total: findings.length },
      baselined,
      suppressed,
      unchanged,
      durationMs: Math.round(performance.now() - started),
    },
    ...(collector ? { inventory: collector.result() } : {}),
  };
}

function relativeOf(files: readonly DiscoveredFile[], path: string): string {
  return files.find((f) => f.path === path)?.file ?? path;
}

function safeChangedLines(root: string, ref: string): ChangedLines {
  try {
    return changedLinesSince(root, ref);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function isChanged(changed: ChangedLines, finding: Finding): boolean {
  const lines = changed.get(finding.file);
  if (lines === undefined) return false;
  if (lines === 'all') return true;
  for (let line = finding.line; line <= finding.endLine; line++) if (lines.has(line)) return true;
  return false;
}
