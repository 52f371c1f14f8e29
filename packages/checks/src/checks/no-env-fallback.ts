import type * as ts from 'typescript';
import { defineCheck, type Confidence, type TextEdit, type TypeScript } from '../check.js';
import {
  bindingTargetName,
  constInitializer,
  outermostWrapper,
  propertyNameText,
  resolveIdentifier,
  skipOuterExpressions,
  staticString,
} from '../ast/index.js';
import { objectPropertyValue, staticNumber } from '../ast/values.js';
import { classifyName, splitWords } from '../names/index.js';
import { detectSecretLiteral, formatEvidence, urlCredentials } from '../literals/index.js';
import {
  envDefaultSite,
  envSchemaDefaults,
  envSpreadDefaults,
  type EnvDefaultForm,
  type EnvDefaultSite,
} from '../flow/env-reads.js';
import { helperImportEdits } from '../fix/helper-import.js';
import { importedFrom } from '../flow/aliases.js';
import { isPublicByDesign } from '../literals/public-values.js';

export interface NoEnvFallbackOptions {
  /** Flag defaults for every environment variable, not only secret-named ones. */
  readonly checkAllVariables: boolean;
  /** The function the suggestion calls instead of the default, e.g. `requireEnv('JWT_SECRET')`. */
  readonly requiredEnvHelper: string;
  /** Variables whose defaults are never flagged, by exact name (`NODE_ENV`, `PORT`). */
  readonly allowedVariables: readonly string[];
}

type MessageId = 'envFallback' | 'useRequiredEnv';

/** A fallback value known without running the code. */
interface ConstantFallback {
  /** How the message describes it: "an empty string", "a hard-coded string"... Never the value. */
  readonly description: string;
  /** The string value, for the secret-format detector. */
  readonly text?: string;
}

/** How the message names each form of default. */
const FORM_TEXT: Readonly<Record<EnvDefaultForm, string>> = {
  '??': '`??`',
  '||': '`||`',
  '??=': '`??=`',
  '||=': '`||=`',
  conditional: 'a conditional',
  destructuring: 'a destructuring default',
  'guarded-assignment': 'an assignment when unset',
  'schema-default': 'an env-schema default',
  'getter-default': "a config getter's default",
  'helper-default': 'the default of the helper that reads it',
  'spread-default': 'a default the environment is spread over',
};

export const noEnvFallback = defineCheck<NoEnvFallbackOptions, MessageId>({
  id: 'no-env-fallback',
  meta: {
    type: 'problem',
    description: 'Disallow hard-coded defaults for environment variables that hold secrets',
    messages: {
      envFallback:
        "Environment variable '{{name}}' falls back to {{fallback}} ({{form}}): a deployment that forgets to set it runs with a value anyone can read in the source. Fail at start-up instead.",
      useRequiredEnv: "Replace with {{call}}, which throws when '{{name}}' is unset.",
    },
    schema: {
      type: 'object',
      properties: {
        checkAllVariables: {
          type: 'boolean',
          description:
            'Flag defaults for every environment variable, not only those whose name says they hold a secret.',
        },
        requiredEnvHelper: {
          type: 'string',
          minLength: 1,
          description:
            "The function the suggestion calls instead of the default, with the variable's name as its argument.",
        },
        allowedVariables: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          description: 'Variables whose defaults are never flagged, by exact name.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { checkAllVariables: false, requiredEnvHelper: 'requireEnv', allowedVariables: [] },
    level: 'recommended',
    strictOptions: { checkAllVariables: true },
    hasSuggestions: true,
  },
  create(context) {
    const t = context.ts;
    const { checker, options, settings } = context;
    const allowed = new Set(options.allowedVariables);

    const constantFallback = (node: ts.Expression, seen = new Set<ts.Node>()): ConstantFallback | undefined => {
      const expr = skipOuterExpressions(t, node);
      const text = staticString(t, expr);
      if (text !== undefined) return { description: text === '' ? 'an empty string' : 'a hard-coded string', text };
      if (t.isBigIntLiteral(expr) || staticNumber(t, expr) !== undefined) return { description: 'a hard-coded number' };
      // `'0'.repeat(64)`: a key of zeros, known without running the code.
      const repeated = repeatedString(t, expr);
      if (repeated !== undefined) return { description: 'a hard-coded string', text: repeated };
      if (expr.kind === t.SyntaxKind.TrueKeyword || expr.kind === t.SyntaxKind.FalseKeyword)
        return { description: 'a hard-coded boolean' };
      // A named constant: `DEV_SECRET`, or `defaults.jwtSecret` of a `const` object literal.
      let inner: ts.Expression | undefined;
      if (t.isIdentifier(expr) && expr.text !== 'undefined') {
        const decl = resolveIdentifier(t, expr, checker);
        inner = decl && t.isVariableDeclaration(decl) ? constInitializer(t, decl) : undefined;
      } else if (t.isPropertyAccessExpression(expr)) {
        inner = objectPropertyValue(t, expr.expression, expr.name.text);
      }
      if (!inner || seen.has(inner)) return undefined;
      seen.add(inner);
      const value = constantFallback(inner, seen);
      return (
        value && {
          description: `the constant '${expr.getText(context.sourceFile)}'`,
          ...(value.text !== undefined ? { text: value.text } : {}),
        }
      );
    };

    /** Reports a default site when its default is a constant and the variable is worth flagging. */
    const check = (site: EnvDefaultSite): void => {
      const fallback = constantFallback(site.fallback);
      if (!fallback) return;
      // `POSTHOG_API_KEY || 'phc_…'`: a key its issuer publishes to every client hard-codes nothing secret.
      if (fallback.text !== undefined && isPublicByDesign(fallback.text)) return;
      // `const KEY = process.env.KEY || 'dev'; if (prod && KEY === 'dev') throw …`: a sentinel the program refuses.
      if (fallback.text !== undefined && isRefusedSentinel(t, site.node, fallback.text)) return;
      const names = site.reads.map((r) => r.name);
      if (names.some((n) => allowed.has(n))) return;
      const worth = isWorthFlagging(names, targetName(t, site.node), fallback);
      if (!options.checkAllVariables && !worth) return;
      const name = names.join("' or '");
      const suggestions = [];
      // Offered only when the helper resolves there, or can be imported from the module that exports it.
      const imports =
        names.length === 1 && site.replaced
          ? helperImportEdits(context, site.replaced, options.requiredEnvHelper)
          : undefined;
      if (site.replaced && imports) {
        const call = `${options.requiredEnvHelper}('${names[0]!.replace(/['\\]/g, '\\$&')}')`;
        const edit: TextEdit = {
          start: site.replaced.getStart(context.sourceFile),
          end: site.replaced.getEnd(),
          text: call,
        };
        suggestions.push({ messageId: 'useRequiredEnv' as const, data: { call, name }, edits: [edit, ...imports] });
      }
      const data = { name, fallback: fallback.description, form: FORM_TEXT[site.form] };
      const format = fallback.text === undefined ? undefined : detectSecretLiteral(fallback.text);
      const live = format !== undefined && formatEvidence(format, fallback.text!).live;
      const confidence: Confidence = !worth
        ? 'low'
        : isSplitIntoList(t, site.node)
          ? 'high'
          : format === undefined && (isOutboundHeaderValue(t, site.node) || isSdkClientKey(t, site.node, names))
            ? 'medium'
            : fallbackConfidence(fallback);
      context.report({
        node: site.node,
        messageId: 'envFallback',
        data,
        suggestions,
        confidence,
        ...(live ? { liveCredential: true } : {}),
      });
    };

    const isWorthFlagging = (
      names: readonly string[],
      target: string | undefined,
      fallback: ConstantFallback,
    ): boolean => {
      if (fallback.text !== undefined && detectSecretLiteral(fallback.text) !== undefined) return true;
      // `SKIP_ACCESS_TOKENS: z.enum(['true', 'false']).default('false')`: a switch, whatever it is named after.
      if (fallback.text !== undefined && BOOLEAN_WORDS.test(fallback.text.trim())) return false;
      const kinds = [...names, ...(target === undefined ? [] : [target])]
        .map((n) => classifyName(n, settings))
        .filter((c) => c.isSecret)
        .map((c) => c.kind);
      if (kinds.length === 0) return false;
      // A connection string is secret for the password in it: a default address without one
      // (`redis://localhost:6379`) hard-codes no credential.
      return !kinds.every((kind) => kind === 'connection-string') || !isPasswordlessUrl(fallback.text);
    };

    return {
      visit(node) {
        const site = envDefaultSite(t, node, checker);
        if (site) check(site);
        if (t.isCallExpression(node)) for (const schemaSite of envSchemaDefaults(t, node, checker)) check(schemaSite);
        if (t.isObjectLiteralExpression(node) || t.isCallExpression(node))
          for (const spreadSite of envSpreadDefaults(t, node, checker)) check(spreadSite);
      },
    };
  },
});

/** Longest repetition worked out: a key is at most a few hundred characters. */
const MAX_REPEATED_LENGTH = 4096;

/** The value of `'0'.repeat(64)`: a static string repeated a static number of times. */
function repeatedString(t: TypeScript, expr: ts.Expression): string | undefined {
  if (!t.isCallExpression(expr) || !t.isPropertyAccessExpression(expr.expression)) return undefined;
  if (expr.expression.name.text !== 'repeat' || expr.arguments.length !== 1) return undefined;
  const text = staticString(t, skipOuterExpressions(t, expr.expression.expression));
  const count = staticNumber(t, expr.arguments[0]!);
  if (text === undefined || count === undefined || !Number.isInteger(count) || count < 0) return undefined;
  return text.length * count <= MAX_REPEATED_LENGTH ? text.repeat(count) : undefined;
}

/** The name the defaulted value is stored under: `const jwtSecret = ...`, `{ dbPassword: ... }`, a parameter. */
function targetName(t: TypeScript, node: ts.Node): string | undefined {
  if (t.isBindingElement(node)) return bindingTargetName(t, node);
  const current = outermostWrapper(t, node);
  return current.parent ? bindingTargetName(t, current.parent) : undefined;
}

/**
 * How sure a default is a problem. A string a deployment would run with (`'dev-secret'`, a constant
 * such as `DEFAULT_SECRET`) is a known secret in production: high. An empty string, a number or a
 * boolean is medium: an empty key mostly fails closed (libraries refuse an empty secret, an outbound
 * call is rejected), and the real-code ledger found no true empty fallback; strict still reports it.
 */
function fallbackConfidence(fallback: ConstantFallback): Confidence {
  if (fallback.text === undefined || fallback.text.trim() === '') return 'medium';
  return 'high';
}

/** Defaults that make a variable a switch, not a secret. */
const BOOLEAN_WORDS = /^(true|false|yes|no|on|off|enabled|disabled)$/i;

/**
 * `headers: { 'X-API-Key': process.env.API_KEY || 'unset' }`: a credential this program presents to
 * another service. The receiver checks it against its own secret, so a known default fails closed
 * there (a confusing failure, not a way in); a default that verifies what others present (a signing
 * key, a compare) is the way in, and stays high.
 */
function isOutboundHeaderValue(t: TypeScript, node: ts.Node): boolean {
  let current: ts.Node = node;
  while (
    current.parent &&
    (t.isParenthesizedExpression(current.parent) ||
      t.isAsExpression(current.parent) ||
      t.isNonNullExpression(current.parent) ||
      t.isTemplateSpan(current.parent) ||
      t.isTemplateExpression(current.parent) ||
      (t.isBinaryExpression(current.parent) && current.parent.operatorToken.kind === t.SyntaxKind.PlusToken))
  ) {
    current = current.parent;
  }
  const property = current.parent;
  if (!property || !t.isPropertyAssignment(property) || property.initializer !== current) return false;
  const headers = property.parent.parent;
  return (
    (t.isPropertyAssignment(headers) && propertyNameText(t, headers.name)?.toLowerCase() === 'headers') ||
    (t.isNewExpression(headers) && t.isIdentifier(headers.expression) && headers.expression.text === 'Headers')
  );
}

/**
 * Words of a key that verifies, signs or encrypts what this program receives or keeps, or of a password
 * of a server it runs with: a known default there is a way in, whoever the key is handed to.
 */
const VERIFYING_KEY_WORDS = new Set([
  'jwt',
  'session',
  'cookie',
  'sign',
  'signing',
  'signature',
  'encrypt',
  'encryption',
  'cipher',
  'webhook',
  'private',
  'verify',
  'verification',
  'hmac',
  'password',
  'passphrase',
  'salt',
  'pepper',
  'master',
  'csrf',
  'admin',
  'root',
]);

/**
 * `new Resend(process.env.RESEND_API_KEY || 're_123')`, `new OpenAI({ apiKey: env.OPENAI_API_KEY ?? 'sk-' })`:
 * the API key a client of another service (a class imported from a package) presents there. Like a
 * header value, a known default fails closed at the provider. Not when the variable or the option is a
 * key that verifies, signs or encrypts (`new JwtStrategy({ secretOrKey })` checks tokens others send;
 * `new Pool({ password })` is a server's password).
 */
function isSdkClientKey(t: TypeScript, node: ts.Node, names: readonly string[]): boolean {
  const current = outermostWrapper(t, node);
  const keys: string[] = [];
  let argument: ts.Node = current;
  if (t.isPropertyAssignment(current.parent) && current.parent.initializer === current) {
    keys.push(propertyNameText(t, current.parent.name) ?? '');
    argument = current.parent.parent;
  }
  const construction = argument.parent;
  if (!construction || !t.isNewExpression(construction) || !construction.arguments?.includes(argument as ts.Expression))
    return false;
  const callee = skipOuterExpressions(t, construction.expression);
  const classId = t.isIdentifier(callee)
    ? callee
    : t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression)
      ? callee.expression
      : undefined;
  const module = classId && importedFrom({ ts: t }, classId);
  // A package, not a module of this program (`./client`, `@/lib/client`, `~/auth`, `#internal`).
  if (module === undefined || /^(?:[./#]|[@~]\/)/.test(module)) return false;
  return ![...names, ...keys].some((name) => splitWords(name).some((word) => VERIFYING_KEY_WORDS.has(word)));
}

/**
 * The default is a sentinel the program refuses: the `const` it initializes is compared with that very
 * text in a later `if` of the same block whose branch throws or exits
 * (`const ENCRYPTION_KEY = process.env.ENCRYPTION_KEY || 'dev'; if (prod && ENCRYPTION_KEY === 'dev') throw …`).
 * A deployment that forgets the variable fails at start-up, which is what the rule asks for.
 */
function isRefusedSentinel(t: TypeScript, node: ts.Node, text: string): boolean {
  const declaration = outermostWrapper(t, node).parent;
  if (!declaration || !t.isVariableDeclaration(declaration) || !t.isIdentifier(declaration.name)) return false;
  const list = declaration.parent;
  if (!t.isVariableDeclarationList(list) || !(list.flags & t.NodeFlags.Const)) return false;
  const statement = list.parent;
  const block = statement.parent;
  if (!block || !(t.isBlock(block) || t.isSourceFile(block))) return false;
  const name = declaration.name.text;
  const later = block.statements.slice(block.statements.indexOf(statement as ts.Statement) + 1);
  return later.some(
    (s) => t.isIfStatement(s) && comparesWith(t, s.expression, name, text) && stopsHere(t, s.thenStatement),
  );
}

/** `name === 'text'` (or `==`, either side) somewhere in a condition's `&&`/`||` operands. */
function comparesWith(t: TypeScript, condition: ts.Expression, name: string, text: string): boolean {
  const expr = skipOuterExpressions(t, condition);
  if (!t.isBinaryExpression(expr)) return false;
  const op = expr.operatorToken.kind;
  if (op === t.SyntaxKind.AmpersandAmpersandToken || op === t.SyntaxKind.BarBarToken)
    return comparesWith(t, expr.left, name, text) || comparesWith(t, expr.right, name, text);
  if (op !== t.SyntaxKind.EqualsEqualsEqualsToken && op !== t.SyntaxKind.EqualsEqualsToken) return false;
  const left = skipOuterExpressions(t, expr.left);
  const right = skipOuterExpressions(t, expr.right);
  const is = (a: ts.Expression, b: ts.Expression) =>
    t.isIdentifier(a) && a.text === name && staticString(t, b) === text;
  return is(left, right) || is(right, left);
}

/** A branch that throws or exits the process (`throw new Error(…)`, `process.exit(1)`), not only in a nested branch. */
function stopsHere(t: TypeScript, branch: ts.Statement): boolean {
  const statements = t.isBlock(branch) ? branch.statements : [branch];
  return statements.some((s) => {
    if (t.isThrowStatement(s)) return true;
    const call = t.isExpressionStatement(s) ? skipOuterExpressions(t, s.expression) : undefined;
    return call !== undefined && t.isCallExpression(call) && call.expression.getText() === 'process.exit';
  });
}

/**
 * `(process.env.API_KEYS ?? '').split(',')`: an empty default becomes `['']`, a list that accepts the
 * empty key, so it fails open rather than closed.
 */
function isSplitIntoList(t: TypeScript, node: ts.Node): boolean {
  const current = outermostWrapper(t, node);
  const access = current.parent;
  return (
    !!access &&
    t.isPropertyAccessExpression(access) &&
    access.expression === current &&
    access.name.text === 'split' &&
    t.isCallExpression(access.parent)
  );
}

/** A URL (`scheme://host…`, or a `file:`/`sqlite:` path) that carries no password, neither as user info nor as a query parameter. */
function isPasswordlessUrl(text: string | undefined): boolean {
  if (text === undefined) return false;
  if (/^(?:file|sqlite3?):(?!\/\/[^/]*@)/i.test(text.trim())) return true;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim())) return false;
  if (urlCredentials(text)?.password) return false;
  return !/[?&;](?:password|passwd|pwd|pass|secret|token|auth|key)[a-z_]*=[^&;]/i.test(text);
}
