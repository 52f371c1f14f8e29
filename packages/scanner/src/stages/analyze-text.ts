import { readFileSync } from 'node:fs';
import {
  formatMessage,
  runChecksOnTextFile,
  type SharedSettings,
  type TextEntry,
  type TextFile,
  type TextInputKind,
} from '@secret-hygiene/checks';
import {
  KEY_VALUE_INPUTS,
  schemaCredentialColumns,
  supersededColumnDeclarations,
  type SchemaSource,
} from '@secret-hygiene/checks/internal';
import type { DiscoveredFile } from '../discover.js';
import { readConfigEntries } from '../files/config-file.js';
import { readEnvEntries } from '../files/env.js';
import { readNpmrcEntries } from '../files/npmrc.js';
import { readTomlEntries } from '../files/toml.js';
import type { ReadEntries } from '../files/types.js';
import { draftFinding, splitLines, type DraftFinding } from '../findings.js';
import type { InventoryCollector } from '../inventory.js';
import type { ScanDiagnostic } from '../types.js';
import type { AnalyzedFile } from './analyzed-file.js';
import type { EnabledCheck } from './resolve-checks.js';

export interface TextAnalysisInput {
  readonly files: readonly DiscoveredFile[];
  readonly settings: SharedSettings;
  readonly checks: readonly EnabledCheck[];
  /** Files git tracks, relative to the root; undefined outside a repository. */
  readonly tracked: ReadonlySet<string> | undefined;
  readonly collector: InventoryCollector | undefined;
  readonly progress: (file: string) => void;
}

/**
 * Stage 4: every file that is not TypeScript, read and (for key-value formats) parsed here, then
 * analysed by the checks whose `meta.inputs` name its kind, with the same options as in code.
 */
export function analyzeTextFiles(input: TextAnalysisInput): { files: AnalyzedFile[]; diagnostics: ScanDiagnostic[] } {
  const diagnostics: ScanDiagnostic[] = [];
  const analyzed: AnalyzedFile[] = [];
  const schemaSources: SchemaSource[] = [];
  for (const discovered of input.files) {
    if (discovered.kind === 'typescript') continue;
    const kind = discovered.kind;
    let text: string;
    try {
      text = readFileSync(discovered.path, 'utf8');
    } catch (error) {
      diagnostics.push({
        kind: 'unreadable-file',
        file: discovered.file,
        message: `cannot read ${discovered.file}: ${(error as Error).message}`,
      });
      continue;
    }
    const lines = splitLines(text);
    if (kind === 'prisma' || kind === 'sql') schemaSources.push({ path: discovered.file, kind, text });
    const read = KEY_VALUE_INPUTS.includes(kind) ? readEntries(kind, discovered.file, text, lines) : { entries: [] };
    if (read.error) {
      const { line, column, message } = read.error;
      diagnostics.push({
        kind: 'syntax-error',
        file: discovered.file,
        line,
        column,
        message: `${discovered.file}:${line}:${column}: ${message}`,
      });
    }
    const file: TextFile = {
      kind,
      path: discovered.file,
      text,
      lines,
      entries: read.entries,
      tracked: input.tracked ? input.tracked.has(discovered.file) : undefined,
    };
    const drafts: DraftFinding[] = [];
    runChecksOnTextFile(
      file,
      input.settings,
      input.checks.map(({ check, severity, options }) => ({
        check,
        options,
        onReport: (report) => {
          const template = check.meta.messages[report.messageId] ?? report.messageId;
          drafts.push(
            draftFinding(
              {
                ruleId: check.id,
                file: discovered.file,
                severity,
                confidence: report.confidence ?? 'high',
                message: formatMessage(template, report.data),
                line: report.line,
                column: report.column,
                ...(report.endLine !== undefined ? { endLine: report.endLine } : {}),
                ...(report.endColumn !== undefined ? { endColumn: report.endColumn } : {}),
              },
              lines,
            ),
          );
        },
      })),
    );
    if (input.collector && (kind === 'prisma' || kind === 'sql')) {
      for (const c of schemaCredentialColumns(kind, text, lines, input.settings)) {
        const protection = c.verdict.verdict as 'plaintext' | 'protected' | 'metadata';
        input.collector.columns.push({
          file: discovered.file,
          line: c.line,
          source: kind,
          table: c.table,
          column: c.column,
          type: c.type,
          protection,
          reason: c.verdict.reason,
        });
      }
    }
    analyzed.push({ file: discovered.file, lines, drafts });
    input.progress(discovered.file);
  }
  return { files: withoutSupersededColumns(analyzed, schemaSources), diagnostics };
}

/**
 * One finding per column, where the project says what the column is now: migrations replayed in
 * order, so a column a later migration drops or renames (or a schema file declares) is not reported
 * at its earlier declarations.
 */
function withoutSupersededColumns(files: AnalyzedFile[], sources: readonly SchemaSource[]): AnalyzedFile[] {
  if (sources.length < 2) return files;
  const superseded = supersededColumnDeclarations(sources);
  if (superseded.size === 0) return files;
  return files.map((f) => ({
    ...f,
    drafts: f.drafts.filter((d) => d.ruleId !== COLUMN_RULE || !superseded.has(`${d.file}:${d.line}:${d.column}`)),
  }));
}

const COLUMN_RULE = 'no-plaintext-credential-column';

/** The entries of a key-value file, by its kind; JSON files may carry comments and trailing commas. */
function readEntries(kind: TextInputKind, file: string, text: string, lines: readonly string[]): ReadEntries {
  switch (kind) {
    case 'env':
      return { entries: readEnvEntries(lines) };
    case 'npmrc':
      return { entries: readNpmrcEntries(lines) };
    case 'toml':
      return readTomlEntries(text, lines);
    case 'config':
      return readConfigEntries(text, file.endsWith('.json'));
    default:
      return { entries: [] as TextEntry[] };
  }
}
