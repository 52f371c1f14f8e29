import type * as ts from 'typescript';
import type { JsonSchema, SharedSettings, TypeScript } from '../check.js';
import type { ClassifierOptions } from '../names/index.js';

/** What the flow analyses need: the host's `ts`, an optional checker, and the knobs of the caller. */
export interface FlowContext {
  readonly ts: TypeScript;
  readonly checker: ts.TypeChecker | undefined;
  /** Passed to `classifyName` for every name the analysis looks at. */
  readonly classifier: ClassifierOptions;
  /** Sanitizer calls that break a flow (see `DEFAULT_SANITIZERS`). */
  readonly sanitizers: readonly string[];
  /** How many declarations (aliases, returned expressions) to follow from one expression. */
  readonly maxDepth: number;
  /** Memo of per-declaration results; shared by every query on this context. */
  readonly cache: WeakMap<ts.Node, unknown>;
  /**
   * Every function parameter is a source (reason `parameter`): how function summaries ask which
   * parameters reach a sink or the return value (see `./summaries`). Off for the checks themselves.
   */
  readonly parametersAsSources?: boolean;
}

/** Options of `createFlowContext`; every field has a default. */
export interface FlowOptions {
  readonly checker?: ts.TypeChecker | undefined;
  readonly settings?: SharedSettings;
  readonly sanitizers?: readonly string[];
  readonly maxDepth?: number;
}

/**
 * Calls that turn a secret into something safe to print. A plain entry matches the callee's last
 * name or any word of it (`redact`, `redactToken`, `maskedSecret`); a dotted entry matches the end
 * of the callee path (`bcrypt.hash`). `createHash(...).update(x).digest()` is covered because
 * methods that are not known to pass a string through never carry a secret.
 */
/**
 * The `sanitizers` option of a rule that follows values, as a schema fragment: `safeTo` says what a
 * sanitized result is safe for ("log", "store").
 */
export function sanitizersOptionSchema(safeTo: string, examples: string): JsonSchema {
  return {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
    description: `Calls whose result is safe to ${safeTo} (${examples}). A plain name matches the callee or a word of it, a dotted one the end of the callee path. Replaces the built-in list.`,
  };
}

export const DEFAULT_SANITIZERS: readonly string[] = [
  'redact',
  'mask',
  'hash',
  'sha256',
  'sha512',
  'hmac',
  'digest',
  'bcrypt.hash',
  'argon2.hash',
  'createHash',
  'createHmac',
  'scrypt',
  'scryptSync',
  'pbkdf2',
  'pbkdf2Sync',
  'fingerprint',
  'obfuscate',
  'scrub',
  'censor',
  'encrypt',
  // `omit(user, ['password'])`, `omitInternalApplicationSecret(app)`: the secret is taken out.
  'omit',
];

/** Builds a flow context from what a check has (`context.ts`, `context.checker`, `context.settings`). */
export function createFlowContext(t: TypeScript, options: FlowOptions = {}): FlowContext {
  const settings = options.settings ?? {};
  return {
    ts: t,
    checker: options.checker,
    classifier: {
      ...(settings.extraSecretWords ? { extraSecretWords: settings.extraSecretWords } : {}),
      ...(settings.ignoredNames ? { ignoredNames: settings.ignoredNames } : {}),
    },
    sanitizers: options.sanitizers ?? DEFAULT_SANITIZERS,
    maxDepth: options.maxDepth ?? 6,
    cache: new WeakMap(),
  };
}
