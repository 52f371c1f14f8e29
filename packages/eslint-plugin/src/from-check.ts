import type { Check, CheckReport, CheckRun, FileInput, SharedSettings, TypeScript } from '@secret-hygiene/checks';
import { docsUrl, runChecksOnFile } from '@secret-hygiene/checks';
import { crashReason, readSuppressions, suppressedLines } from '@secret-hygiene/checks/internal';
import type { ParserServices, TSESLint } from '@typescript-eslint/utils';
// The subpath, not the package root: the root loads all of typescript-eslint's utilities (~0.17 s)
// for the one function we call.
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

// The user's TypeScript, the one their parser loaded: through require it comes from require's cache
// at no cost, while an ESM `import` re-parses the 9 MB CommonJS module for its exports (0.4 s).
const ts = createRequire(import.meta.url)('typescript') as typeof TS;

export interface SecretHygieneDocs {
  requiresTypeChecking?: boolean;
}

const createRule = RuleCreator<SecretHygieneDocs>(docsUrl);

export type CheckRule = TSESLint.RuleModule<string, [Record<string, unknown>]>;

/**
 * Our rules enabled on one file, run together: ESLint creates every rule before it traverses, so
 * the first of ours to reach `Program:exit` walks the file once for all of them (one walk instead
 * of one per rule; each check still reports through its own rule's context).
 */
interface FileBatch {
  readonly input: FileInput;
  readonly runs: CheckRun[];
  done: boolean;
  /** Rule ids silenced per line by `secret-hygiene-ignore-next-line` comments; read once per file. */
  suppressed?: Map<number, Set<string>>;
}

// Keyed by the ESLint AST: a new parse (another file, a fix pass, another test case) starts a new batch.
const batches = new WeakMap<object, FileBatch>();

function batchFor(ast: object, makeInput: () => FileInput): FileBatch {
  let batch = batches.get(ast);
  if (!batch || batch.done) {
    batch = { input: makeInput(), runs: [], done: false };
    batches.set(ast, batch);
  }
  return batch;
}

/** The one adapter: a check from `@secret-hygiene/checks` becomes an ESLint rule. No detection here. */
export function ruleFromCheck(check: Check<any, string>): CheckRule {
  const { meta } = check;
  return createRule<[Record<string, unknown>], string>({
    name: check.id,
    meta: {
      type: meta.type,
      docs: {
        description: meta.description,
        requiresTypeChecking: meta.requiresTypeChecking ?? false,
      },
      messages: meta.messages,
      schema: [meta.schema as never],
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
      defaultOptions: [meta.defaultOptions],
    },
    defaultOptions: [meta.defaultOptions],
    create(context, [options]) {
      const sourceCode = context.sourceCode;
      const batch = batchFor(sourceCode.ast, () => {
        const services = sourceCode.parserServices as Partial<ParserServices> | undefined;
        const program = services?.program ?? undefined;
        // typescript-eslint's parser hands us its ts.SourceFile even without type information;
        // any other parser gets one parsed here, so the rule still does what syntax allows.
        const mapped = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast as never) as TS.Node | undefined;
        const sourceFile =
          mapped && ts.isSourceFile(mapped)
            ? mapped
            : ts.createSourceFile(
                context.filename,
                sourceCode.text,
                ts.ScriptTarget.Latest,
                true,
                scriptKindOf(context.filename),
              );
        const settings = (context.settings['secret-hygiene'] ?? {}) as SharedSettings;
        return {
          ts: ts as unknown as TypeScript,
          sourceFile,
          program,
          checker: program?.getTypeChecker(),
          settings,
          root: context.cwd,
        };
      });
      const sourceFile = batch.input.sourceFile;
      const toLoc = (start: number, end: number) => ({
        start: sourceCode.getLocFromIndex(start),
        end: sourceCode.getLocFromIndex(end),
      });
      const onReport = (report: CheckReport): void => {
        const start = report.range?.start ?? report.node.getStart(sourceFile);
        const end = report.range?.end ?? report.node.getEnd();
        const loc = toLoc(start, end);
        // The scanner's suppression comment works here too (ESLint's own directives ESLint applies).
        batch.suppressed ??= suppressedLines(readSuppressions(sourceCode.lines));
        if (batch.suppressed.get(loc.start.line)?.has(check.id)) return;
        context.report({
          loc,
          messageId: report.messageId,
          ...(report.data ? { data: report.data } : {}),
          ...(report.suggestions && report.suggestions.length > 0
            ? {
                suggest: report.suggestions.map((s) => ({
                  messageId: s.messageId,
                  ...(s.data ? { data: s.data } : {}),
                  fix: (fixer: TSESLint.RuleFixer) =>
                    s.edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.text)),
                })),
              }
            : {}),
        });
      };
      // A check that cannot finish the file (a stack overflow on generated code, a bug) loses its
      // findings here, and says so once on the file, rather than ending the whole lint run.
      const onCrash = (error: unknown): void =>
        context.report({
          loc: { line: 1, column: 0 },
          message: `${check.id} skipped this file: ${crashReason(error)}`,
        } as never);
      batch.runs.push({ check, options, onReport, onCrash });
      return {
        'Program:exit'() {
          if (batch.done) return;
          batch.done = true;
          runChecksOnFile(batch.input, batch.runs);
        },
      };
    },
  }) as CheckRule;
}

function scriptKindOf(filename: string): TS.ScriptKind {
  if (/\.tsx$/i.test(filename)) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/i.test(filename)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(filename)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
