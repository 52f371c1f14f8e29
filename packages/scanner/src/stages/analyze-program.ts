import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { SharedSettings } from '@secret-hygiene/checks';
import { ts } from 'ts-morph';
import { ConfigError } from '../config.js';
import type { DiscoveredFile } from '../discover.js';
import { splitLines } from '../findings.js';
import type { InventoryCollector } from '../inventory.js';
import { buildProgram, findTsconfig, ProgramStackOverflowError, type BuiltProgram } from '../program/project.js';
import { planPrograms, type ProgramPlan } from '../program/projects.js';
import { runChecksOnSourceFile } from '../program/run-checks.js';
import { SharedDeclarationFiles } from '../program/shared-source-files.js';
import type { ScanPhaseEvent } from '../progress.js';
import type { ProgramSummary, ScanDiagnostic } from '../types.js';
import type { AnalyzedFile } from './analyzed-file.js';
import type { EnabledCheck } from './resolve-checks.js';

export interface ProgramAnalysis {
  readonly files: AnalyzedFile[];
  readonly diagnostics: ScanDiagnostic[];
  /** What each program was built from, in the order built, for the summary. */
  readonly programs: ProgramSummary[];
}

export interface ProgramAnalysisInput {
  readonly root: string;
  readonly paths: readonly string[];
  readonly files: readonly DiscoveredFile[];
  /** The tsconfig the user named (flag or config), relative to the root. */
  readonly tsconfig: string | undefined;
  /** Project files discovery found (`tsconfig.json`, `jsconfig.json`), absolute; used when no tsconfig is named. */
  readonly projectFiles?: readonly string[];
  readonly settings: SharedSettings;
  readonly checks: readonly EnabledCheck[];
  readonly collector: InventoryCollector | undefined;
  readonly progress: (file: string) => void;
  /** Called as each program starts being built. */
  readonly onPhase?: (event: ScanPhaseEvent) => void;
}

/**
 * Stage 3: the TypeScript and JavaScript files, each checked once, in the program of the tsconfig
 * it compiles with (so checks follow the type checker across modules, through the project's own
 * `paths`, `jsx` and module options), every check in one walk per file. Programs are built one at a
 * time and dropped before the next, so memory peaks at the largest; declaration files are parsed
 * once for all. Says what each program was built from, and when one may lack types: a tsconfig that
 * cannot be read or extends what is missing or circular, no installed dependencies.
 */
export function analyzeProgram(input: ProgramAnalysisInput): ProgramAnalysis {
  const { root } = input;
  const diagnostics: ScanDiagnostic[] = [];
  const analyzed: AnalyzedFile[] = [];
  const programs: ProgramSummary[] = [];
  const plans = programPlans(input, diagnostics);
  const declarationFiles = new SharedDeclarationFiles();
  const missingFor = new Set<string>();
  plans.forEach((plan, index) => {
    input.onPhase?.({
      phase: 'building-program',
      files: plan.files.length,
      program: {
        index: index + 1,
        count: plans.length,
        tsconfig: plan.tsconfig ? relativeTo(root, plan.tsconfig) : null,
      },
    });
    const { built, tsconfig } = buildPlanned(plan, input, diagnostics, declarationFiles);
    const missing = missingDependencies(tsconfig ? dirname(tsconfig) : root, root);
    if (missing) missingFor.add(missing);
    analyzed.push(...checkFiles(plan.files, built, input, diagnostics));
    programs.push({
      tsconfig: tsconfig ? relativeTo(root, tsconfig) : null,
      files: built.program.getSourceFiles().length,
      checked: plan.files.length,
    });
  });
  // One notice for the scan, however many programs lack their dependencies.
  const [missing, ...others] = missingFor;
  if (missing)
    diagnostics.push({
      kind: 'notice',
      message: `${missing}${others.length > 0 ? ` and ${others.length} more` : ''}: install the project's dependencies before scanning, or type-dependent findings may be missing`,
    });
  return { files: analyzed, diagnostics, programs };
}

/**
 * The programs to build: the named tsconfig's over every file, or, with none named, one per
 * tsconfig that owns a scanned file (see `planPrograms`).
 */
function programPlans(input: ProgramAnalysisInput, diagnostics: ScanDiagnostic[]): ProgramPlan[] {
  const { root, files } = input;
  if (input.tsconfig) {
    const tsconfig = findTsconfig(root, input.paths, input.tsconfig)!;
    if (!existsSync(tsconfig)) throw new ConfigError(`tsconfig not found: ${input.tsconfig}`);
    return [{ tsconfig, config: undefined, files: [...files] }];
  }
  const { plans, unreadable } = planPrograms({
    root,
    paths: input.paths,
    files,
    projectFiles: input.projectFiles ?? [],
    primary: findTsconfig(root, input.paths),
  });
  for (const { tsconfig, message } of unreadable)
    diagnostics.push({
      kind: 'config',
      file: relativeTo(root, tsconfig),
      message: `cannot use ${relativeTo(root, tsconfig)}: ${message.replace(/\.$/, '')}; its files are scanned with the default program`,
    });
  return plans;
}

/** Builds a plan's program; a tsconfig that fails falls back to the default program unless the user named it. */
function buildPlanned(
  plan: ProgramPlan,
  input: ProgramAnalysisInput,
  diagnostics: ScanDiagnostic[],
  declarationFiles: SharedDeclarationFiles,
): { built: BuiltProgram; tsconfig: string | undefined } {
  const { root } = input;
  const files = plan.files.map((f) => f.path);
  const { tsconfig } = plan;
  if (tsconfig) {
    const problem = tsconfigProblem(tsconfig);
    if (problem)
      diagnostics.push({
        kind: 'config',
        file: relativeTo(root, tsconfig),
        message: `${relativeTo(root, tsconfig)}: ${problem}; the program is built without what it names, so type-dependent findings may be missing`,
      });
  }
  try {
    const config = plan.config;
    return {
      built: buildProgram({ root, files, tsconfig, ...(config ? { config } : {}), declarationFiles }),
      tsconfig,
    };
  } catch (error) {
    // TypeScript out of stack: a larger stack is the fix, not another program.
    if (error instanceof ProgramStackOverflowError || !tsconfig) throw error;
    // A tsconfig that cannot be read: an error when the user named it, else scan with the default program.
    if (input.tsconfig) throw new ConfigError(`cannot use tsconfig ${input.tsconfig}: ${(error as Error).message}`);
    diagnostics.push({
      kind: 'config',
      message: `cannot use ${tsconfig}: ${(error as Error).message}; scanning with the default program`,
    });
    return { built: buildProgram({ root, files, tsconfig: undefined, declarationFiles }), tsconfig: undefined };
  }
}

/** Runs the checks on the files a program owns, in the order given; says which it could not read or parse. */
function checkFiles(
  files: readonly DiscoveredFile[],
  built: BuiltProgram,
  input: ProgramAnalysisInput,
  diagnostics: ScanDiagnostic[],
): AnalyzedFile[] {
  const analyzed: AnalyzedFile[] = [];
  const failed = new Set(built.failed.map((f) => f.path));
  const relativeOf = (path: string) => files.find((f) => f.path === path)?.file ?? path;
  for (const f of built.failed)
    diagnostics.push({
      kind: 'unreadable-file',
      file: relativeOf(f.path),
      message: `cannot read ${relativeOf(f.path)}: ${f.message}`,
    });
  for (const input_ of files) {
    if (failed.has(input_.path)) continue;
    const sourceFile = built.program.getSourceFile(input_.path);
    if (!sourceFile) {
      diagnostics.push({
        kind: 'unreadable-file',
        file: input_.file,
        message: `cannot read ${input_.file}: not part of the program`,
      });
      continue;
    }
    const syntax = built.program.getSyntacticDiagnostics(sourceFile);
    if (syntax.length > 0) {
      const first = syntax[0]!;
      const pos = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
      const text = ts.flattenDiagnosticMessageText(first.messageText, '\n').split('\n')[0]!;
      diagnostics.push({
        kind: 'syntax-error',
        file: input_.file,
        line: pos.line + 1,
        column: pos.character + 1,
        message: `${input_.file}:${pos.line + 1}:${pos.character + 1}: ${text}`,
      });
    }
    const collector = input.collector;
    const checks = collector
      ? [...input.checks, { check: collector.checkFor(input_.file), severity: 'note' as const, options: {} }]
      : input.checks;
    const result = runChecksOnSourceFile({
      sourceFile,
      file: input_.file,
      program: built.program,
      checker: built.checker,
      settings: input.settings,
      checks,
      ...(collector
        ? { observe: (checkId, report, line) => collector.observeReport(input_.file, checkId, report, line) }
        : {}),
    });
    diagnostics.push(...result.diagnostics);
    analyzed.push({ file: input_.file, lines: splitLines(sourceFile.text), drafts: result.findings });
    input.progress(input_.file);
  }
  return analyzed;
}

/** A POSIX path relative to the root, or the absolute path for the root itself. */
function relativeTo(root: string, path: string): string {
  return relative(root, path).split('\\').join('/') || path;
}

/** Why a tsconfig is not used as written: an `extends` that is missing or circular, or another read error. */
export function tsconfigProblem(path: string): string | undefined {
  const errors: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    // The files are listed once, when the program is built: here the options alone are read.
    readDirectory: () => [],
    onUnRecoverableConfigFileDiagnostic: (d) => errors.push(d),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(path, {}, host);
  // "No inputs were found" (18003) is not a problem here: the scanner adds the files it scans.
  const problems = [...errors, ...(parsed?.errors ?? [])].filter((d) => d.code !== 18003);
  const first = problems[0];
  return first ? ts.flattenDiagnosticMessageText(first.messageText, ' ') : undefined;
}

/**
 * Why the project's dependencies look uninstalled, or undefined: the nearest package.json (from the
 * program's directory up to the root) declares dependencies, and no `node_modules` exists from there up.
 */
export function missingDependencies(from: string, root: string): string | undefined {
  let dir = from;
  let manifest: string | undefined;
  for (;;) {
    if (!manifest && existsSync(join(dir, 'package.json'))) manifest = join(dir, 'package.json');
    if (existsSync(join(dir, 'node_modules'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (!manifest) return undefined;
  let declared = 0;
  try {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies'])
      declared += Object.keys((pkg[field] as object | undefined) ?? {}).length;
  } catch {
    return undefined;
  }
  return declared > 0
    ? `no node_modules for ${relative(root, manifest).split('\\').join('/') || manifest} (${declared} declared dependencies)`
    : undefined;
}
