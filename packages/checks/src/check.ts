import type * as ts from 'typescript';
import type { FileKind, FileKindPatterns } from './context/file-kind.js';

/** The `typescript` namespace that produced the tree. Checks never import `typescript` themselves:
 * SyntaxKind numbers belong to one TypeScript build, and the host may load another. */
export type TypeScript = typeof ts;

/** A JSON schema fragment, as ESLint rule schemas use. */
export type JsonSchema = Record<string, unknown>;

/** One text replacement, in offsets of the source file's text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface CheckSuggestion<MessageId extends string = string> {
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly edits: readonly TextEdit[];
}

/**
 * How sure a check is that a finding is real, decided from its evidence, as CodeQL's `@precision`:
 * `high` when the value is seen to be secret (a known credential format, a value from a secret source,
 * a sink that is certainly an output); `medium` when a name or a likely pattern is the main evidence;
 * `low` for what is only plausible. `recommended` reports `high` only, `strict` everything.
 */
export type Confidence = 'high' | 'medium' | 'low';

/** Most confident first. */
export const confidenceLevels: readonly Confidence[] = ['high', 'medium', 'low'];

/** True when a finding of confidence `confidence` is reported at threshold `min`. */
export function meetsConfidence(confidence: Confidence, min: Confidence): boolean {
  return confidenceLevels.indexOf(confidence) <= confidenceLevels.indexOf(min);
}

/** One place on a finding's path, for hosts that show paths (the scanner's SARIF `codeFlows`). */
export interface FlowStep {
  /** Where the step is; may lie in another file than the one checked. */
  readonly node: ts.Node;
  /** What happens there, e.g. `apiKey is passed to logRequest()`; code text, never a value. */
  readonly message: string;
}

export interface CheckReport<MessageId extends string = string> {
  /** The node the finding points at; hosts turn it into a location. */
  readonly node: ts.Node;
  /**
   * A narrower span inside `node`, in offsets of the source file's text, for a finding smaller than
   * any node (a column name inside a SQL string). Hosts locate the finding here when it is given.
   */
  readonly range?: { readonly start: number; readonly end: number };
  readonly messageId: MessageId;
  /** Values for the message's `{{placeholders}}`. Never a full secret: pass it through `redact()`. */
  readonly data?: Readonly<Record<string, string | number>>;
  readonly suggestions?: readonly CheckSuggestion<MessageId>[];
  /** How sure the check is; `high` when omitted. */
  readonly confidence?: Confidence;
  /**
   * The finding is a live-looking credential in a known format: it leaks wherever the file lives, so
   * the file's kind (test, fixture, docs...) does not lower its confidence.
   */
  readonly liveCredential?: boolean;
  /** The path of a finding that crosses functions, from where the secret enters to the sink. */
  readonly steps?: readonly FlowStep[];
}

/** Settings every check shares (ESLint `settings['secret-hygiene']`, the scanner's config file). */
export interface SharedSettings {
  /** Extra words that make a name secret, e.g. `["pin", "passphrase"]`. */
  readonly extraSecretWords?: readonly string[];
  /** Words or whole names that never make a name secret, e.g. `["tokenizer"]`. */
  readonly ignoredNames?: readonly string[];
  /** Extra globs per file kind (`{ "test": ["qa/**"], "product": ["src/demo/**"] }`), over the defaults. */
  readonly fileKinds?: FileKindPatterns;
}

/** The file being checked, as the shared file classification sees it. */
export interface CheckedFile {
  /** The path relative to the project root, with `/` separators. */
  readonly path: string;
  readonly kind: FileKind;
}

export interface CheckContext<Options, MessageId extends string> {
  readonly ts: TypeScript;
  readonly sourceFile: ts.SourceFile;
  /** The program, when the host has type information. */
  readonly program: ts.Program | undefined;
  /** The type checker, when the host has type information; checks must work without it. */
  readonly checker: ts.TypeChecker | undefined;
  /** The check's options, already merged over `meta.defaultOptions`. */
  readonly options: Options;
  readonly settings: SharedSettings;
  /** What the file is for; outside `product` the host caps findings at `low` unless `liveCredential`. */
  readonly file: CheckedFile;
  report(report: CheckReport<MessageId>): void;
}

/**
 * What a check reads besides TypeScript. The host finds and reads the file; key-value formats it
 * also parses into entries (as it parses TypeScript into a tree), so a check never depends on a
 * parser. Prisma schemas and SQL are handed over as text: their readers are analysis (`text/prisma.ts`, `sql/`).
 */
export type TextInputKind = 'env' | 'config' | 'toml' | 'npmrc' | 'prisma' | 'sql' | 'private-key';

/** Every input a check can declare in `meta.inputs`. */
export type InputKind = 'typescript' | TextInputKind;

/** Text inputs the host parses into `entries`. */
export const KEY_VALUE_INPUTS: readonly TextInputKind[] = ['env', 'config', 'toml', 'npmrc'];

/** One setting of a key-value file, located in it (1-based lines and columns, UTF-16 units). */
export interface TextEntry {
  /** The innermost key (`password` for `db.password`); the name checks judge. */
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A file that is not TypeScript, as a check sees it. */
export interface TextFile {
  readonly kind: TextInputKind;
  /** The path relative to the project root, with `/` separators. */
  readonly path: string;
  readonly text: string;
  /** `text` split into lines the way editors count them. */
  readonly lines: readonly string[];
  /** The settings of a key-value file (`KEY_VALUE_INPUTS`); empty for the other kinds. */
  readonly entries: readonly TextEntry[];
  /** Whether git tracks the file; undefined when the host cannot tell (not a repository). */
  readonly tracked: boolean | undefined;
}

/** A finding in a text file, located by line and column (1-based) instead of a node. */
export interface TextReport<MessageId extends string = string> {
  readonly messageId: MessageId;
  /** Values for the message's `{{placeholders}}`. Never a full secret: pass it through `redact()`. */
  readonly data?: Readonly<Record<string, string | number>>;
  readonly line: number;
  readonly column: number;
  /** Default: the report's line. */
  readonly endLine?: number;
  /** Default: the end of the last line. */
  readonly endColumn?: number;
  /** How sure the check is; `high` when omitted. */
  readonly confidence?: Confidence;
  /** A live-looking credential in a known format: the file's kind does not lower its confidence. */
  readonly liveCredential?: boolean;
}

export interface TextContext<Options, MessageId extends string> {
  readonly file: TextFile;
  /** What the file is for; outside `product` the host caps findings at `low` unless `liveCredential`. */
  readonly fileKind: FileKind;
  /** The check's options, already merged over `meta.defaultOptions`. */
  readonly options: Options;
  readonly settings: SharedSettings;
  report(report: TextReport<MessageId>): void;
}

export interface CheckVisitor {
  /** Called for every node of the file, parents before children. */
  visit?(node: ts.Node): void;
  /** Called once after the whole file was visited. */
  end?(): void;
}

export type CheckLevel = 'recommended' | 'recommended-type-checked' | 'strict';

export interface CheckMeta<Options, MessageId extends string> {
  readonly type: 'problem' | 'suggestion';
  /** One sentence, no trailing period. */
  readonly description: string;
  readonly messages: Readonly<Record<MessageId, string>>;
  /** The options object's JSON schema (`additionalProperties: false`, a description per option). */
  readonly schema: JsonSchema;
  readonly defaultOptions: Options;
  /** The lowest config that turns the check on. */
  readonly level: CheckLevel;
  /** Options that `strict` sets over the defaults. */
  readonly strictOptions?: Partial<Options>;
  readonly hasSuggestions?: boolean;
  /** True when the check finds nothing without type information. */
  readonly requiresTypeChecking?: boolean;
  /** `file`: runs in every host. `program`: needs a whole program, so only the scanner runs it. */
  readonly scope?: 'file' | 'program';
  /**
   * What the check reads; default `['typescript']`. A check that reads other inputs analyses them in
   * `analyzeText`; one that does not read TypeScript is hosted by the scanner only.
   */
  readonly inputs?: readonly InputKind[];
  /**
   * How grave a true finding is, 0.0-10.0 as CVSS scores (GitHub code scanning shows 9.0+ Critical,
   * 7.0+ High, 4.0+ Medium). Default: 7.5 for problems, 4.0 for suggestions.
   */
  readonly securitySeverity?: number;
}

export interface Check<Options = Record<string, unknown>, MessageId extends string = string> {
  /** kebab-case id, shared by check, rule, docs page and tests. */
  readonly id: string;
  readonly meta: CheckMeta<Options, MessageId>;
  create(context: CheckContext<Options, MessageId>): CheckVisitor;
  /** Analyses one file of a kind `meta.inputs` names other than TypeScript. */
  analyzeText?(context: TextContext<Options, MessageId>): void;
}

/** The option every check has: the lowest confidence it reports. Added by `defineCheck`. */
export interface ConfidenceOption {
  readonly minConfidence?: Confidence;
}

const minConfidenceSchema: JsonSchema = {
  enum: [...confidenceLevels],
  description:
    'The lowest confidence reported: `high` (default) reports only findings backed by strong evidence, `low` reports everything.',
};

/**
 * Defines a check, keeping its option and message types, and gives it the option every check shares
 * (`minConfidence`, default `high`) in its schema and defaults, so that no check declares it itself.
 */
export function defineCheck<Options, MessageId extends string>(
  check: Check<Options, MessageId>,
): Check<Options, MessageId> {
  const schema = check.meta.schema;
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  return {
    ...check,
    meta: {
      ...check.meta,
      schema: { ...schema, properties: { ...properties, minConfidence: minConfidenceSchema } },
      defaultOptions: { minConfidence: 'high', ...check.meta.defaultOptions } as Options,
    },
  };
}

export type Preset = 'recommended' | 'strict';

/**
 * The options a preset runs a check with, over its defaults: `strict` reports every confidence and
 * applies the check's own `strictOptions`. Both hosts' strict configs come from here.
 */
export function presetOptions(check: Check<any, string>, preset: Preset): Record<string, unknown> | undefined {
  if (preset !== 'strict') return undefined;
  return { ...(check.meta.strictOptions as Record<string, unknown> | undefined), minConfidence: 'low' };
}

/** Fills `{{name}}` placeholders the way ESLint does. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}
