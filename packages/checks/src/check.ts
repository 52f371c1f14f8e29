import type * as ts from 'typescript';

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
}

/** Settings every check shares (ESLint `settings['secret-hygiene']`, the scanner's config file). */
export interface SharedSettings {
  /** Extra words that make a name secret, e.g. `["pin", "passphrase"]`. */
  readonly extraSecretWords?: readonly string[];
  /** Words or whole names that never make a name secret, e.g. `["tokenizer"]`. */
  readonly ignoredNames?: readonly string[];
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
  report(report: CheckReport<MessageId>): void;
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
}

export interface Check<Options = Record<string, unknown>, MessageId extends string = string> {
  /** kebab-case id, shared by check, rule, docs page and tests. */
  readonly id: string;
  readonly meta: CheckMeta<Options, MessageId>;
  create(context: CheckContext<Options, MessageId>): CheckVisitor;
}

/** The option every check has: the lowest confidence it reports. Added by `defineCheck`. */
export interface ConfidenceOption {
  readonly minConfidence?: Confidence;
}

const minConfidenceSchema: JsonSchema = {
  enum: [...confidenceLevels],
  description: 'The lowest confidence reported: `high` (default) reports only findings backed by strong evidence, `low` reports everything.',
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
