import { accessSync, constants, existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { allChecks, formatMessage, type Check, type InputKind, type SharedSettings } from '@secret-hygiene/checks';
import { suppressionWithoutReason } from '@secret-hygiene/checks/internal';
import { ConfigError, ruleEntry, type ScanConfig } from './config.js';
import { discoverFiles, type Discovery } from './discover.js';
import { fingerprintFindings, type DraftFinding } from './findings.js';
import { changedLinesSince, trackedFiles, type ChangedLines } from './git.js';
import { InventoryCollector } from './inventory.js';
import { allRules } from './rules.js';
import { isProjectFile } from './program/projects.js';
import { analyzeProgram } from './stages/analyze-program.js';
import { analyzeTextFiles } from './stages/analyze-text.js';
import type { AnalyzedFile } from './stages/analyzed-file.js';
import type { ScanPhaseEvent } from './progress.js';
import { resolveChecks, type EnabledCheck } from './stages/resolve-checks.js';
import { applySuppressions } from './suppressions.js';
import type { Finding, ScanDiagnostic, ScanResult, ScanSummary, Severity } from './types.js';

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
  /** Called when a phase begins (files found, program being built), for progress output. */
  readonly onPhase?: (event: ScanPhaseEvent) => void;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/**
 * Scans a project: every enabled check on the inputs it declares (the TS/JS files of one program, so
 * checks follow the type checker across modules; Prisma, SQL, .env, JSON/YAML, TOML, .npmrc and key
 * files). Throws `ConfigError` for bad input (missing or unreadable path, bad config, bad git ref).
 */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const config = options.config ?? {};
  const root = resolve(options.root ?? process.cwd());
  const paths = scanPaths(options.paths, root);
  const settings: SharedSettings = config.settings ?? {};
  const checks = resolveChecks(config, options.checks ?? allChecks);
  const changed = options.changedSince === undefined ? undefined : safeChangedLines(root, options.changedSince);
  const discovery = discoverFiles({
    root,
    paths,
    ignore: [...(config.ignore ?? []), ...(options.ignore ?? [])],
    maxFileSize: options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  });
  const progress = progressCounter(discovery.files.length, options.onProgress);
  const skipped = Object.values(discovery.skipped).reduce((sum, n) => sum + n, 0);
  options.onPhase?.({ phase: 'discovered', files: discovery.files.length, skipped });
  const collector = options.inventory ? new InventoryCollector(settings, requiredEnvHelper(config)) : undefined;
  const diagnostics: ScanDiagnostic[] = discovery.unreadable.map((u) => ({
    kind: 'unreadable-file',
    file: u.file,
    message: `cannot read ${u.file}: ${u.message}`,
  }));

  const tsFiles = discovery.files.filter((f) => f.kind === 'typescript');
  const program =
    tsFiles.length > 0
      ? analyzeProgram({
          root,
          paths,
          files: tsFiles,
          tsconfig: options.tsconfig ?? config.tsconfig,
          projectFiles: discovery.files.filter(isProjectFile).map((f) => f.path),
          onPhase: options.onPhase,
          settings,
          checks,
          collector,
          progress,
        })
      : undefined;
  const text = analyzeTextFiles({
    files: discovery.files,
    settings,
    checks,
    tracked: trackedEnvFiles(root, discovery, diagnostics),
    collector,
    progress,
  });
  diagnostics.push(...(program?.diagnostics ?? []), ...text.diagnostics);

  const { drafts, suppressed } = suppress([...(program?.files ?? []), ...text.files], checks);
  const filtered = filterFindings(fingerprintFindings(drafts), options.baseline, changed);
  return {
    root,
    findings: filtered.findings,
    diagnostics: diagnostics.sort(compareDiagnostics),
    summary: summarize(discovery, filtered, suppressed, program?.programs ?? [], performance.now() - started),
    rules: allRules(checks.map((e) => e.check)),
    ...(collector ? { inventory: collector.result() } : {}),
  };
}

/** The scanned paths, absolute; each must exist and be readable, or the scan cannot say it is clean. */
function scanPaths(given: readonly string[] | undefined, root: string): string[] {
  const paths = (given && given.length > 0 ? given : [root]).map((p) => (isAbsolute(p) ? p : resolve(p)));
  for (const path of paths) {
    if (!existsSync(path)) throw new ConfigError(`path not found: ${path}`);
    try {
      accessSync(path, constants.R_OK);
    } catch {
      throw new ConfigError(`cannot read ${path}: permission denied`);
    }
  }
  return paths;
}

function progressCounter(total: number, onProgress: ScanOptions['onProgress']): (file: string) => void {
  let done = 0;
  return (file) => onProgress?.(++done, total, file);
}

function requiredEnvHelper(config: ScanConfig): string {
  return (ruleEntry(config, 'no-env-fallback').options?.['requiredEnvHelper'] as string | undefined) ?? 'requireEnv';
}

/** Which .env files git tracks; undefined (and a notice) outside a repository. */
function trackedEnvFiles(
  root: string,
  discovery: Discovery,
  diagnostics: ScanDiagnostic[],
): ReadonlySet<string> | undefined {
  if (!discovery.files.some((f) => f.kind === 'env')) return undefined;
  const tracked = trackedFiles(root);
  if (!tracked)
    diagnostics.push({ kind: 'notice', message: 'not a git repository: every .env file is treated as tracked' });
  return tracked;
}

/**
 * Stage 5: inline suppressions, the same way for every kind of file. A comment without a reason or
 * rule id suppresses nothing and is reported under `suppression-without-reason` when that rule is on.
 */
function suppress(
  files: readonly AnalyzedFile[],
  checks: readonly EnabledCheck[],
): { drafts: DraftFinding[]; suppressed: number } {
  const rule = checks.find((e) => e.check.id === suppressionWithoutReason.id);
  const messages = suppressionWithoutReason.meta.messages;
  const drafts: DraftFinding[] = [];
  let suppressed = 0;
  for (const { file, lines, drafts: found } of files) {
    const result = applySuppressions(file, lines, found, rule?.severity ?? 'off', (s) =>
      formatMessage(s.ruleIds.length === 0 ? messages.withoutRule : messages.withoutReason, {
        rules: s.ruleIds.join(', '),
      }),
    );
    suppressed += result.suppressed;
    drafts.push(...result.kept, ...result.problems);
  }
  return { drafts, suppressed };
}

interface Filtered {
  readonly findings: Finding[];
  readonly baselined: number;
  readonly unchanged: number;
}

/** Stage 7: the baseline and changed lines filter last, so fingerprints are computed over everything found. */
function filterFindings(
  fingerprinted: readonly Finding[],
  baseline: ReadonlySet<string> | undefined,
  changed: ChangedLines | undefined,
): Filtered {
  const afterBaseline = baseline ? fingerprinted.filter((f) => !baseline.has(f.fingerprint)) : [...fingerprinted];
  const findings = changed ? afterBaseline.filter((f) => isChanged(changed, f)) : afterBaseline;
  // `fingerprintFindings` returns findings sorted by `compareFindings`; filters keep that order.
  return {
    findings,
    baselined: fingerprinted.length - afterBaseline.length,
    unchanged: afterBaseline.length - findings.length,
  };
}

/** Stage 8: counts by input kind, skip reason and severity. */
function summarize(
  discovery: Discovery,
  filtered: Filtered,
  suppressed: number,
  programs: ScanSummary['programs'],
  durationMs: number,
): ScanSummary {
  const files = Object.fromEntries(
    INPUT_KINDS.map((kind) => [kind, discovery.files.filter((f) => f.kind === kind).length]),
  ) as Record<InputKind, number>;
  const count = (s: Severity) => filtered.findings.filter((f) => f.severity === s).length;
  return {
    files,
    skipped: { ...discovery.skipped },
    programs,
    findings: {
      error: count('error'),
      warning: count('warning'),
      note: count('note'),
      total: filtered.findings.length,
    },
    baselined: filtered.baselined,
    suppressed,
    unchanged: filtered.unchanged,
    durationMs: Math.round(durationMs),
  };
}

const INPUT_KINDS: readonly InputKind[] = [
  'typescript',
  'env',
  'config',
  'toml',
  'npmrc',
  'prisma',
  'sql',
  'private-key',
];

function compareDiagnostics(a: ScanDiagnostic, b: ScanDiagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message)
  );
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
