import type * as ts from 'typescript';
import { accessPath, calleeName, propertyNameText, skipOuterExpressions, staticString } from '../ast/index.js';
import { type ArgumentSlot } from '../catalogs/crypto-apis.js';
import { ENV_REQUIRING_WORDS, ENV_VALIDATING_CALLS } from '../catalogs/env.js';
import { defineCheck, type Check, type CheckReport, type SharedSettings, type TypeScript } from '../check.js';
import { directEnvRead, envBindingRead, envObjectRuntime } from '../flow/env-reads.js';
import { classifyName, splitWords } from '../names/index.js';
import { classifyCryptoCall, nonceOrigin } from '../nonce/index.js';
import { cipherFamilyOf } from '../nonce/crypto-lookup.js';

/**
 * The inventory: an observer beside the checks, on the same catalogs and recognisers (env reads from
 * `flow/env-reads.ts`, cipher calls from `catalogs/crypto-apis.ts`, credential columns from the
 * reports of `no-plaintext-credential-column`). It reports nothing; a host (the scanner) runs it as
 * one more visitor in the same walk and asks for `result()`.
 */

/** How a read of an environment variable is checked before use. */
export type EnvValidation = 'required-helper' | 'schema' | 'throws';

export interface EnvVarInventory {
  readonly name: string;
  /** The names classifier says the variable holds a secret. */
  readonly secret: boolean;
  /** At least one read is checked: through a required-env helper, a schema, or a throw when missing. */
  readonly validated: boolean;
  readonly reads: readonly {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly validation?: EnvValidation;
  }[];
}

export interface CredentialColumnInventory {
  readonly file: string;
  readonly line: number;
  readonly source: 'prisma' | 'sql' | 'code';
  readonly table: string;
  readonly column: string;
  readonly type: string;
  /** `plaintext`: stored as given; `protected`: hashed or encrypted; `metadata`: about a credential, not one. */
  readonly protection: 'plaintext' | 'protected' | 'metadata';
  readonly reason: string;
}

export interface EncryptionCallInventory {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Catalog id, e.g. `node:createCipheriv`. */
  readonly api: string;
  readonly direction: 'encrypt' | 'decrypt' | 'both';
  /** The mode or AEAD, when the algorithm is a literal the catalog knows. */
  readonly algorithm?: string;
  /** Where the nonce/IV comes from (`random-per-call`, `module-level`, `constant`...), or `none` for APIs without one. */
  readonly nonceOrigin: string;
  /** Short code text of what decided the origin; never a value. */
  readonly nonceDetail?: string;
}

/** What a security reviewer wants listed: env reads, credential columns, encryption call sites. */
export interface Inventory {
  readonly envVars: readonly EnvVarInventory[];
  readonly credentialColumns: readonly CredentialColumnInventory[];
  readonly encryptionCalls: readonly EncryptionCallInventory[];
}

const REQUIRING_WORDS = new Set(ENV_REQUIRING_WORDS);
const SCHEMA_PARSE_METHODS = new Set(ENV_VALIDATING_CALLS);

/** Collects inventory entries while the checks walk: one more visitor in the same walk, not a second walk. */
export class InventoryCollector {
  private readonly reads = new Map<
    string,
    { file: string; line: number; column: number; validation?: EnvValidation }[]
  >();
  private readonly schemaNames = new Set<string>();
  readonly columns: CredentialColumnInventory[] = [];
  readonly calls: EncryptionCallInventory[] = [];

  constructor(
    private readonly settings: SharedSettings,
    private readonly requiredEnvHelper = 'requireEnv',
  ) {}

  /** A pseudo-check for `runChecksOnFile` that records env reads and encryption calls of one file. */
  checkFor(file: string): Check<Record<string, never>, never> {
    return defineCheck<Record<string, never>, never>({
      id: 'inventory',
      meta: {
        type: 'suggestion',
        description: 'Inventory collector',
        messages: {},
        schema: {},
        defaultOptions: {},
        level: 'recommended',
      },
      create: (context) => {
        const t = context.ts;
        const sf = context.sourceFile;
        const where = (node: ts.Node) => {
          const pos = sf.getLineAndCharacterOfPosition(node.getStart(sf));
          return { file, line: pos.line + 1, column: pos.character + 1 };
        };
        return {
          visit: (node) => {
            if (t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) {
              // `process.env.X` inside `process.env.X.trim()` is the read; the outer access is not.
              const read = directEnvRead(t, node, context.checker);
              if (read)
                this.addRead(read.name, {
                  ...where(node),
                  ...optional(envValidation(t, node, this.requiredEnvHelper)),
                });
            } else if (t.isCallExpression(node)) {
              const read = directEnvRead(t, node, context.checker);
              if (read)
                this.addRead(read.name, {
                  ...where(node),
                  ...optional(envValidation(t, node, this.requiredEnvHelper)),
                });
              this.visitCall(t, node, context.checker, where);
            } else if (t.isBindingElement(node)) {
              const read = envBindingRead(t, node, context.checker);
              if (read) this.addRead(read.name, where(node));
            }
          },
        };
      },
    });
  }

  /**
   * Columns declared in code (Drizzle, TypeORM, Mongoose, SQL strings...) come from the reports of
   * `no-plaintext-credential-column` itself, so the inventory and the check never disagree.
   */
  observeReport(file: string, checkId: string, report: CheckReport, line: number): void {
    // Only declarations name a column with its ORM; a write site (`plaintextPasswordWrite`) is not one.
    if (checkId !== 'no-plaintext-credential-column' || report.data?.['orm'] === undefined) return;
    const qualified = String(report.data?.['column'] ?? '');
    const dot = qualified.lastIndexOf('.');
    this.columns.push({
      file,
      line,
      source: 'code',
      table: dot === -1 ? '' : qualified.slice(0, dot),
      column: dot === -1 ? qualified : qualified.slice(dot + 1),
      type: String(report.data?.['orm'] ?? ''),
      protection: 'plaintext',
      reason: report.data?.['kind'] ? `stores ${String(report.data['kind'])}` : 'stores a password',
    });
  }

  private addRead(
    name: string,
    read: { file: string; line: number; column: number; validation?: EnvValidation },
  ): void {
    const list = this.reads.get(name) ?? [];
    list.push(read);
    this.reads.set(name, list);
  }

  private visitCall(
    t: TypeScript,
    call: ts.CallExpression,
    checker: ts.TypeChecker | undefined,
    where: (n: ts.Node) => { file: string; line: number; column: number },
  ): void {
    // `schema.parse(process.env)`, `cleanEnv(process.env, {...})`: the schema's keys are validated names.
    const method = calleeName(t, call.expression);
    if (
      method &&
      SCHEMA_PARSE_METHODS.has(method) &&
      call.arguments.some((a) => envObjectRuntime(t, a, checker) !== undefined)
    ) {
      for (const arg of call.arguments) collectKeys(t, arg, this.schemaNames);
      const receiver = t.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
      if (receiver) collectSchemaKeys(t, receiver, checker, this.schemaNames);
    }
    // `requireEnv('JWT_SECRET')`: the helper reads the variable by name and throws when it is unset.
    const first = call.arguments[0];
    const helperName = method ?? calleeName(t, call.expression);
    if (
      helperName &&
      first &&
      splitWords(helperName).includes('env') &&
      isRequiringHelper(helperName, this.requiredEnvHelper)
    ) {
      const name = staticString(t, first);
      if (name !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        this.addRead(name, { ...where(call), validation: 'required-helper' });
    }
    const crypto = classifyCryptoCall(t, call);
    if (crypto?.kind !== 'cipher') return;
    const api = crypto.api;
    const algorithmArg = api.algorithm.kind === 'argument' ? slotValue(t, call, api.algorithm) : undefined;
    const algorithmName = algorithmArg && staticString(t, algorithmArg);
    const family =
      api.algorithm.kind === 'fixed' ? api.algorithm.family : algorithmName ? cipherFamilyOf(algorithmName) : undefined;
    let origin = 'none';
    let detail: string | undefined;
    if (api.nonce?.kind === 'argument') {
      const nonce = slotValue(t, call, api.nonce);
      if (nonce) {
        const found = nonceOrigin({ ts: t, checker }, nonce, { key: slotValue(t, call, api.key) });
        origin = found.kind;
        detail = found.detail;
      } else origin = 'unknown';
    } else if (api.nonce?.kind === 'method') origin = 'set-later';
    else if (api.derivesIvFromPassword) origin = 'derived-from-key';
    this.calls.push({
      ...where(call),
      api: api.id,
      direction: api.direction,
      ...(family ? { algorithm: family } : algorithmName ? { algorithm: algorithmName } : {}),
      nonceOrigin: origin,
      ...(detail ? { nonceDetail: detail.length > 60 ? `${detail.slice(0, 57)}...` : detail } : {}),
    });
  }

  /** The collected inventory, sorted. */
  result(): Inventory {
    const envVars = [...this.reads.entries()]
      .map(([name, reads]) => {
        const schema = this.schemaNames.has(name);
        const sorted = reads
          .map((r) => (schema && !r.validation ? { ...r, validation: 'schema' as const } : r))
          .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
        return {
          name,
          secret: classifyName(name, this.settings).isSecret,
          validated: schema || sorted.some((r) => r.validation),
          reads: sorted,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    const byPlace = <T extends { file: string; line: number }>(a: T, b: T) =>
      a.file.localeCompare(b.file) || a.line - b.line;
    return {
      envVars,
      credentialColumns: [...this.columns].sort(byPlace),
      encryptionCalls: [...this.calls].sort(byPlace),
    };
  }
}

function optional<T>(value: T | undefined): { validation?: T } {
  return value === undefined ? {} : { validation: value };
}

/** The value in an argument slot: the argument, or a property of an object-literal argument. */
function slotValue(t: TypeScript, call: ts.CallExpression, slot: ArgumentSlot): ts.Expression | undefined {
  const arg = call.arguments[slot.index];
  if (!arg || !slot.property) return arg;
  const object = skipOuterExpressions(t, arg);
  if (!t.isObjectLiteralExpression(object)) return undefined;
  for (const p of object.properties) {
    if (propertyNameText(t, p.name) !== slot.property) continue;
    if (t.isPropertyAssignment(p)) return p.initializer;
    if (t.isShorthandPropertyAssignment(p)) return p.name;
  }
  return undefined;
}

/**
 * How this read is checked where it happens: passed straight to a requiring helper
 * (`requireEnv('X')` reads by name, `required(process.env.X)`), or guarded by `if (!read) throw`.
 */
function envValidation(t: TypeScript, read: ts.Node, helper: string): EnvValidation | undefined {
  let node: ts.Node = read;
  while (
    node.parent &&
    (t.isParenthesizedExpression(node.parent) || t.isAsExpression(node.parent) || t.isNonNullExpression(node.parent))
  )
    node = node.parent;
  const direct = node.parent;
  // `prod ? process.env.A : process.env.B` and `process.env.A ?? process.env.B` hand the read on to one variable.
  let value: ts.Node = node;
  while (
    value.parent &&
    ((t.isConditionalExpression(value.parent) && value.parent.condition !== value) ||
      t.isParenthesizedExpression(value.parent) ||
      (t.isBinaryExpression(value.parent) &&
        (value.parent.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken ||
          value.parent.operatorToken.kind === t.SyntaxKind.BarBarToken) &&
        !isThrowingCall(t, value.parent.right)))
  ) {
    value = value.parent;
  }
  const parent = direct;
  if (parent && t.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const name = calleeName(t, parent.expression);
    if (name && isRequiringHelper(name, helper)) return 'required-helper';
  }
  // `if (!process.env.X) throw ...`, also through `const x = process.env.X; if (!x) throw`.
  const guarded = (target: string, scope: ts.Node | undefined): boolean => {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (t.isIfStatement(n) && n.expression.getText().includes(target) && containsThrow(t, n.thenStatement))
        found = true;
      else t.forEachChild(n, visit);
    };
    if (scope) visit(scope);
    return found;
  };
  const text = read.getText();
  const block = enclosingBlock(t, read);
  if (guarded(text, block)) return 'throws';
  const holder = value.parent;
  if (
    holder &&
    t.isVariableDeclaration(holder) &&
    t.isIdentifier(holder.name) &&
    guarded(holder.name.text, enclosingBlock(t, holder))
  )
    return 'throws';
  if (
    parent &&
    t.isBinaryExpression(parent) &&
    (parent.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken ||
      parent.operatorToken.kind === t.SyntaxKind.BarBarToken) &&
    isThrowingCall(t, parent.right)
  ) {
    return 'throws';
  }
  return undefined;
}

/** `fail('X is required')`, `throwMissing('X')`: a call whose name says it throws. */
function isThrowingCall(t: TypeScript, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, node);
  const name = t.isCallExpression(expr) ? calleeName(t, expr.expression) : undefined;
  return name !== undefined && /^(?:throw|fail|missing|panic)/i.test(name);
}

function isRequiringHelper(name: string, helper: string): boolean {
  return name === helper || splitWords(name).some((w) => REQUIRING_WORDS.has(w));
}

function containsThrow(t: TypeScript, node: ts.Node): boolean {
  if (t.isThrowStatement(node)) return true;
  if (
    t.isExpressionStatement(node) &&
    t.isCallExpression(node.expression) &&
    accessPath(t, node.expression.expression)?.join('.') === 'process.exit'
  )
    return true;
  return t.forEachChild(node, (c) => (containsThrow(t, c) ? true : undefined)) ?? false;
}

function enclosingBlock(t: TypeScript, node: ts.Node): ts.Node | undefined {
  let current = node.parent;
  while (current && !t.isBlock(current) && !t.isSourceFile(current)) current = current.parent;
  return current;
}

/** Property keys of object literals inside an expression: the variable names a schema declares. */
function collectKeys(t: TypeScript, node: ts.Node, out: Set<string>): void {
  if (t.isObjectLiteralExpression(node)) {
    for (const p of node.properties) {
      const key = propertyNameText(t, p.name);
      if (key) out.add(key);
    }
  }
  t.forEachChild(node, (c) => collectKeys(t, c, out));
}

/** The keys of the schema a `schema.parse(process.env)` receiver names, following a `const schema = z.object({...})`. */
function collectSchemaKeys(
  t: TypeScript,
  receiver: ts.Expression,
  checker: ts.TypeChecker | undefined,
  out: Set<string>,
): void {
  const expr = skipOuterExpressions(t, receiver);
  if (t.isIdentifier(expr)) {
    const symbol = checker?.getSymbolAtLocation(expr);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (decl && t.isVariableDeclaration(decl) && decl.initializer) collectKeys(t, decl.initializer, out);
    else {
      // Without a checker: the same file's top-level `const <name> = ...`.
      const sf = expr.getSourceFile();
      for (const statement of sf.statements) {
        if (!t.isVariableStatement(statement)) continue;
        for (const d of statement.declarationList.declarations)
          if (t.isIdentifier(d.name) && d.name.text === expr.text && d.initializer) collectKeys(t, d.initializer, out);
      }
    }
  } else collectKeys(t, expr, out);
}
