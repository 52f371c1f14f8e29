import {
  formatMessage,
  runChecksOnFile,
  type CheckReport,
  type CheckRun,
  type FlowStep,
  type SharedSettings,
  type TypeScript,
} from '@secret-hygiene/checks';
import { crashReason } from '@secret-hygiene/checks/internal';
import { ts } from 'ts-morph';
import { draftFinding, splitLines, type DraftFinding } from '../findings.js';
import type { EnabledCheck } from '../stages/resolve-checks.js';
import type { FindingStep, ScanDiagnostic } from '../types.js';

export interface FileCheckInput {
  readonly sourceFile: ts.SourceFile;
  /** POSIX path relative to the root. */
  readonly file: string;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly settings: SharedSettings;
  readonly checks: readonly EnabledCheck[];
  /** Sees every report with its data (already redacted by the check) and 1-based line, e.g. for the inventory. */
  readonly observe?: (checkId: string, report: CheckReport, line: number) => void;
}

/**
 * Runs every enabled check over one source file in a single walk (the shared `runChecksOnFile`).
 * A check that throws is switched off for the rest of the file and reported as a diagnostic, so
 * one crash never stops the scan.
 */
export function runChecksOnSourceFile(input: FileCheckInput): {
  findings: DraftFinding[];
  diagnostics: ScanDiagnostic[];
} {
  const findings: DraftFinding[] = [];
  const diagnostics: ScanDiagnostic[] = [];
  const { sourceFile, file } = input;
  let lines: string[] | undefined;
  const runs: CheckRun[] = input.checks.map(({ check, severity, options }) => {
    const onReport = (report: CheckReport): void => {
      const node = report.node;
      // A check reports in the file it walks; a node from elsewhere is still located in its own file.
      const reportFile = node.getSourceFile?.() ?? sourceFile;
      if (reportFile !== sourceFile) return;
      const start = sourceFile.getLineAndCharacterOfPosition(report.range?.start ?? node.getStart(sourceFile));
      const end = sourceFile.getLineAndCharacterOfPosition(report.range?.end ?? node.getEnd());
      const template = check.meta.messages[report.messageId] ?? report.messageId;
      lines ??= splitLines(sourceFile.text);
      input.observe?.(check.id, report, start.line + 1);
      findings.push(
        draftFinding(
          {
            ruleId: check.id,
            file,
            severity,
            confidence: report.confidence ?? 'high',
            message: formatMessage(template, report.data),
            line: start.line + 1,
            column: start.character + 1,
            endLine: end.line + 1,
            endColumn: end.character + 1,
            ...(report.steps ? { steps: report.steps.map((step) => locateStep(step, sourceFile, file)) } : {}),
          },
          lines,
        ),
      );
    };
    // A check that throws (a stack overflow included) loses its findings for this file, which the
    // scan reports as skipped by that check; the other checks and files go on.
    const onCrash = (error: unknown): void =>
      void diagnostics.push({
        kind: 'check-crashed',
        ruleId: check.id,
        file,
        message: `${file}: skipped by ${check.id}, which could not finish it: ${crashReason(error)}`,
      });
    return { check, options, onReport, onCrash };
  });
  runChecksOnFile(
    {
      ts: ts as unknown as TypeScript,
      sourceFile: sourceFile as never,
      program: input.program as never,
      checker: input.checker as never,
      settings: input.settings,
      relativePath: file,
    },
    runs,
  );
  return { findings, diagnostics };
}

/**
 * A step of a finding's path, located in its own file (which may be another than the checked one),
 * with a path relative to the same root as the checked file's.
 */
function locateStep(step: FlowStep, checked: ts.SourceFile, checkedPath: string): FindingStep {
  const node = step.node as unknown as ts.Node;
  const file = node.getSourceFile();
  const start = file.getLineAndCharacterOfPosition(node.getStart(file));
  const end = file.getLineAndCharacterOfPosition(node.getEnd());
  const root = checked.fileName.slice(0, checked.fileName.length - checkedPath.length);
  const path =
    file === checked ? checkedPath : file.fileName.startsWith(root) ? file.fileName.slice(root.length) : file.fileName;
  return {
    file: path,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    message: step.message,
  };
}
