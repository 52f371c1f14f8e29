import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import {
  accessPath,
  calleeName,
  enclosingFunctionOrFile,
  forEachDescendant,
  isFunctionLike,
  propertyNameText,
  resolveIdentifier,
  skipOuterExpressions,
  type Declaration,
} from '../ast/index.js';
import { isSecretName, splitWords } from '../names/index.js';
import { redact } from '../literals/index.js';
import { objectPropertyValue } from '../ast/values.js';
import { apiLocationOf, classifyCryptoCall } from './api-location.js';
import { findDataKeyApi } from './crypto-lookup.js';
import { kdfSaltOfKey } from './derived-key.js';

/**
 * Where a nonce's value comes from, as far as the code shows:
 * - `random-per-call`: fresh random bytes each time the use runs (`randomBytes(12)` in the function).
 * - `constant`: the same bytes every time (literals, zero-filled buffers, `process.env` values).
 * - `module-level`: computed once per process and reused by every call (`const IV = randomBytes(12)` at top level).
 * - `instance-field`: computed once per object (`private iv = randomBytes(12)`) and reused by every method call.
 * - `outer-scope`: computed once per call of an outer function, reused by a loop or by a closure it returns.
 * - `derived-from-key`: computed from the key (`key.subarray(0, 12)`, a hash of the key): one nonce per key.
 * - `deterministic`: computed only from a stable identifier (`userId.padEnd(16, '0')`, a hash of
 *   `user.email`): the same for every message about that user or record.
 * - `time-or-counter`: a clock (`Date.now()`) or an in-memory counter (`n++`); see `source`.
 * - `from-message`: read from stored data or a message (`payload.subarray(0, 12)`), as decryption does.
 * - `parameter`: a function parameter: the caller decides; unknown here.
 * - `unknown`: anything else.
 */
export type NonceOriginKind =
  | 'random-per-call'
  | 'constant'
  | 'module-level'
  | 'instance-field'
  | 'outer-scope'
  | 'derived-from-key'
  | 'deterministic'
  | 'time-or-counter'
  | 'from-message'
  | 'parameter'
  | 'unknown';

/** The answer of {@link nonceOrigin}. */
export interface NonceOrigin {
  readonly kind: NonceOriginKind;
  /** The node that decided the kind: the literal, the random call, the once-computed declaration, the `Date.now()` call. */
  readonly node: ts.Node;
  /** Short source text for messages, e.g. `Buffer.alloc(12)`, `Date.now()`, `IV`. Never a long literal. */
  readonly detail: string;
  /** For `time-or-counter`: which of the two. */
  readonly source?: 'time' | 'counter';
  /** For `module-level`, `instance-field`, `outer-scope` and counters: the binding computed once. */
  readonly binding?: string;
}

/** What {@link nonceOrigin} needs from a check context (or from the scanner). */
export interface NonceOriginContext {
  readonly ts: TypeScript;
  readonly checker: ts.TypeChecker | undefined;
}

export interface NonceOriginOptions {
  /** The key the nonce is used with: a nonce computed from it is `derived-from-key`. */
  readonly key?: ts.Expression | undefined;
}

/** Precedence when several inputs make one value: any fresh randomness makes it fresh, any unknown input unknown. */
const PRECEDENCE: readonly NonceOriginKind[] = [
  'random-per-call',
  'parameter',
  'from-message',
  'unknown',
  'time-or-counter',
  'derived-from-key',
  'deterministic',
  'outer-scope',
  'instance-field',
  'module-level',
  'constant',
];

/** Kinds that stay what they are when computed once: a constant reused is still just a constant. */
const STABLE_WHEN_ONCE = new Set<NonceOriginKind>(['constant', 'derived-from-key', 'deterministic']);

const TYPED_ARRAYS = new Set([
  'Uint8Array',
  'Int8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
  'Int32Array',
  'BigUint64Array',
  'ArrayBuffer',
  'DataView',
]);
/** Calls whose result is made only of their arguments (and receiver), byte for byte or by formatting. */
const TRANSPARENT_FUNCTIONS = new Set([
  'String',
  'Number',
  'BigInt',
  'hexToBytes',
  'utf8ToBytes',
  'concatBytes',
  'bytesToHex',
  'bytesToUtf8',
  'numberToBytesBE',
  'copyBytes',
]);
const TRANSPARENT_STATICS = new Set([
  'Buffer.from',
  'Buffer.concat',
  'Buffer.copyBytesFrom',
  'Uint8Array.from',
  'Uint8Array.of',
  'Array.from',
  'Array.of',
  'JSON.stringify',
  'Math.floor',
  'Math.round',
  'Math.trunc',
]);
const TRANSPARENT_METHODS = new Set([
  'subarray',
  'slice',
  'toString',
  'padStart',
  'padEnd',
  'substring',
  'substr',
  'repeat',
  'toUpperCase',
  'toLowerCase',
  'concat',
  'split',
  'replace',
  'replaceAll',
  'trim',
  'encode',
  'digest',
  'update',
  'getTime',
  'valueOf',
  'toISOString',
  'toJSON',
  'toFixed',
  'fill',
  'at',
  'join',
  'buffer',
]);
const TIME_CALLS = new Set([
  'Date.now',
  'performance.now',
  'process.hrtime',
  'process.hrtime.bigint',
  'process.uptime',
]);
/** Methods that write into the buffer they are called on. */
const WRITING_METHODS =
  /^(?:set|fill|write(?:U?Int(?:8|16|32)(?:BE|LE)?|Big(?:U)?Int64(?:BE|LE)|(?:Float|Double)(?:BE|LE)|U?IntBE|U?IntLE)?)$/;
/** Array methods whose callback runs once per element: a value from outside is reused by each run. */
const ITERATING_METHODS = new Set([
  'map',
  'forEach',
  'flatMap',
  'reduce',
  'reduceRight',
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
]);
const MAX_DEPTH = 12;

/**
 * Says where a nonce/IV expression's value comes from. Follows `const` bindings, destructuring,
 * module-level declarations, class fields, buffer writes (`randomFillSync(iv)`, `iv.writeUInt32BE(n)`),
 * wrappers (`Buffer.from`, `.subarray`, templates), local functions' return values and, with a type
 * checker, exported constants of other modules. It judges each binding against the place it is
 * read: a random value computed at module level and read inside a function is `module-level`.
 */
export function nonceOrigin(
  ctx: NonceOriginContext,
  expr: ts.Expression,
  options: NonceOriginOptions = {},
): NonceOrigin {
  return new Tracer(ctx, options.key).trace(expr, 0);
}

/**
 * True when `key` holds a fresh random key per call (`randomBytes(32)`, a KMS data key from
 * `generateDataKey`) or a key a salted KDF derives per call from a fresh salt (Firebase's scrypt
 * hash: AES-CTR with a zero IV under a per-password-and-salt key is a keyed function, not reuse): a
 * one-time key, under which even a fixed nonce never repeats. Unlike
 * {@link nonceOrigin}, a key-like name (`dataKey`, `key`) says nothing here.
 */
export function isFreshKeyPerCall(ctx: NonceOriginContext, key: ts.Expression): boolean {
  if (new Tracer(ctx, undefined, false).trace(key, 0).kind === 'random-per-call') return true;
  // A key a salted KDF derives in this call (`scrypt(password, salt)`) is as fresh as its salt:
  // a random salt, or one the caller hands in with the record it belongs to. A constant salt, or
  // one computed from a stable identifier (`userId`), gives the same key every time.
  const salt = kdfSaltOfKey(ctx.ts, key);
  return salt !== undefined && FRESH_SALTS.has(new Tracer(ctx, undefined, false).trace(salt, 0).kind);
}

/** Salt origins that make a KDF's key new per record or per call. */
const FRESH_SALTS: ReadonlySet<NonceOriginKind> = new Set(['random-per-call', 'parameter', 'from-message']);

class Tracer {
  private readonly t: TypeScript;
  private readonly active = new Set<ts.Node>();
  private readonly keyPath: string | undefined;
  private readonly keyDecl: Declaration | undefined;

  constructor(
    private readonly ctx: NonceOriginContext,
    key: ts.Expression | undefined,
    /** Whether a secret key name (`encryptionKey`) marks a value as key material. */
    private readonly keyNames = true,
  ) {
    this.t = ctx.ts;
    const path = key && accessPath(this.t, key);
    this.keyPath = path?.join('.');
    const keyExpr = key && skipOuterExpressions(this.t, key);
    this.keyDecl = keyExpr && this.t.isIdentifier(keyExpr) ? this.resolve(keyExpr) : undefined;
  }

  trace(node: ts.Expression, depth: number): NonceOrigin {
    const t = this.t;
    const expr = skipOuterExpressions(t, node);
    if (depth > MAX_DEPTH || this.active.has(expr)) return this.make('unknown', expr);
    this.active.add(expr);
    try {
      return this.traceExpression(expr, depth + 1);
    } finally {
      this.active.delete(expr);
    }
  }

  private traceExpression(expr: ts.Expression, depth: number): NonceOrigin {
    const t = this.t;
    if (
      t.isStringLiteralLike(expr) ||
      t.isNumericLiteral(expr) ||
      t.isBigIntLiteral(expr) ||
      expr.kind === t.SyntaxKind.TrueKeyword ||
      expr.kind === t.SyntaxKind.FalseKeyword ||
      expr.kind === t.SyntaxKind.NullKeyword
    ) {
      return this.make('constant', expr);
    }
    if (t.isPrefixUnaryExpression(expr) || t.isPostfixUnaryExpression(expr)) {
      return isIncrement(t, expr)
        ? this.make('time-or-counter', expr, { source: 'counter' })
        : this.trace(expr.operand, depth);
    }
    if (t.isArrayLiteralExpression(expr)) {
      return expr.elements.length === 0
        ? this.make('constant', expr)
        : this.combine(expr.elements.map((e) => this.trace(t.isSpreadElement(e) ? e.expression : e, depth)));
    }
    if (t.isTemplateExpression(expr))
      return this.combine([
        this.make('constant', expr),
        ...expr.templateSpans.map((s) => this.trace(s.expression, depth)),
      ]);
    if (t.isBinaryExpression(expr)) {
      if (expr.operatorToken.kind === t.SyntaxKind.CommaToken) return this.trace(expr.right, depth);
      return this.combine([this.trace(expr.left, depth), this.trace(expr.right, depth)]);
    }
    if (t.isConditionalExpression(expr))
      return this.combine([this.trace(expr.whenTrue, depth), this.trace(expr.whenFalse, depth)]);
    if (t.isAwaitExpression(expr) || t.isSpreadElement(expr)) return this.trace(expr.expression, depth);
    if (this.isKey(expr)) return this.make('derived-from-key', expr);
    if (t.isIdentifier(expr)) return this.traceIdentifier(expr, depth);
    if (t.isPropertyAccessExpression(expr) || t.isElementAccessExpression(expr)) return this.traceMember(expr, depth);
    if (t.isCallExpression(expr)) return this.traceCall(expr, depth);
    if (t.isNewExpression(expr)) return this.traceNew(expr, depth);
    return this.make('unknown', expr);
  }

  private traceIdentifier(id: ts.Identifier, depth: number): NonceOrigin {
    if (id.text === 'undefined') return this.make('constant', id);
    const decl = this.resolve(id);
    if (!decl) return this.make('unknown', id);
    if (this.t.isParameter(decl) || (this.t.isBindingElement(decl) && this.isInParameter(decl))) {
      return this.make(isStableIdentifierName(id.text) ? 'deterministic' : 'parameter', id);
    }
    if (this.t.isVariableDeclaration(decl) || this.t.isBindingElement(decl)) return this.traceBinding(decl, id, depth);
    return this.make('unknown', id);
  }

  /** A variable's value as read at `site`: initializer, writes, and how often it is computed per read. */
  private traceBinding(decl: ts.VariableDeclaration | ts.BindingElement, site: ts.Node, depth: number): NonceOrigin {
    const t = this.t;
    const name = t.isIdentifier(decl.name) ? decl.name.text : site.getText();
    const writes = this.writesTo(decl);
    if (writes.counters.length > 0)
      return this.make('time-or-counter', writes.counters[0]!, { source: 'counter', binding: name });
    const siteFunction = enclosingFunctionOrFile(t, site);
    if (writes.randomFills.some((fill) => enclosingFunctionOrFile(t, fill) === siteFunction)) {
      return this.make('random-per-call', writes.randomFills[0]!);
    }
    if (writes.randomFills.length > 0 && writes.randomFills.some((fill) => !isModuleLevelNode(t, fill)))
      return this.make('unknown', site);
    const initial = t.isVariableDeclaration(decl)
      ? decl.initializer
        ? this.trace(decl.initializer, depth)
        : writes.assigned.length > 0
          ? undefined
          : this.make('unknown', site)
      : this.traceBindingElement(decl, depth);
    const parts = [
      ...(initial ? [initial] : []),
      ...writes.assigned.map((value) => this.trace(value, depth)),
      ...writes.randomFills.map((fill) => this.make('random-per-call', fill)),
    ];
    const value = this.combine(parts.length > 0 ? parts : [this.make('unknown', site)]);
    // A variable written again at run time is not "computed once"; only a write-once binding is.
    if (writes.assigned.some((value) => !isModuleLevelNode(t, value)) || STABLE_WHEN_ONCE.has(value.kind)) return value;
    const once = this.computedOnce(decl, site);
    if (!once || !isOnceComputable(value.kind)) return value;
    return this.make(once, decl, { binding: name, detail: name });
  }

  /** `const { iv } = CONFIG`, `const [iv, body] = parts`: the owner's origin, read through the pattern. */
  private traceBindingElement(element: ts.BindingElement, depth: number): NonceOrigin {
    const t = this.t;
    let owner: ts.Node = element.parent.parent;
    while (t.isBindingElement(owner)) owner = owner.parent.parent;
    if (!t.isVariableDeclaration(owner) || !owner.initializer) return this.make('unknown', element);
    const init = skipOuterExpressions(t, owner.initializer);
    const key = element.propertyName
      ? propertyNameText(t, element.propertyName)
      : t.isIdentifier(element.name)
        ? element.name.text
        : undefined;
    if (t.isObjectLiteralExpression(init) && key !== undefined && element.parent.parent === owner) {
      const property = objectPropertyValue(t, init, key);
      if (property) return this.trace(property, depth);
    }
    return readFrom(this.trace(owner.initializer, depth), element, this);
  }

  private traceMember(expr: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): NonceOrigin {
    const t = this.t;
    const path = accessPath(t, expr);
    if (path && path.length === 3 && path[0] === 'process' && path[1] === 'env') return this.make('constant', expr);
    if (
      path &&
      path.length >= 2 &&
      path[0] === 'this' &&
      (t.isPropertyAccessExpression(expr) ? expr.expression.kind === t.SyntaxKind.ThisKeyword : false)
    ) {
      return this.traceThisField(expr as ts.PropertyAccessExpression, depth);
    }
    const baseExpr = skipOuterExpressions(t, expr.expression);
    const key = t.isPropertyAccessExpression(expr) ? expr.name.text : elementKey(t, expr);
    if (t.isIdentifier(baseExpr) && key !== undefined) {
      const decl = this.resolve(baseExpr);
      if (decl && t.isClassDeclaration(decl)) return this.traceStaticField(decl, key, expr, depth);
      const init =
        decl && t.isVariableDeclaration(decl) && decl.initializer
          ? skipOuterExpressions(t, decl.initializer)
          : undefined;
      if (init && t.isObjectLiteralExpression(init)) {
        const property = objectPropertyValue(t, init, key);
        if (property) {
          const value = this.trace(property, depth);
          const once = decl && t.isVariableDeclaration(decl) ? this.computedOnce(decl, expr) : undefined;
          return once && isOnceComputable(value.kind)
            ? this.make(once, property, { binding: `${baseExpr.text}.${key}`, detail: `${baseExpr.text}.${key}` })
            : value;
        }
      }
    }
    const fromChecker = this.fieldFromChecker(expr, depth);
    if (fromChecker) return fromChecker;
    const base = this.trace(expr.expression, depth);
    // A named property of a "key" is no key bytes: `key.iv` of a `{ key, iv, salt }` bundle.
    if (base.kind === 'derived-from-key' && t.isPropertyAccessExpression(expr)) return this.make('unknown', expr);
    // `user.id`, `record.email`: an identifier read from a parameter is the same for every message about it.
    if ((base.kind === 'parameter' || base.kind === 'from-message') && key !== undefined && isStableIdentifierName(key))
      return this.make('deterministic', expr);
    return readFrom(base, expr, this);
  }

  /** `this.iv`: a class field or constructor assignment computed once per instance. */
  private traceThisField(expr: ts.PropertyAccessExpression, depth: number): NonceOrigin {
    const t = this.t;
    const cls = enclosingClass(t, expr);
    if (!cls) return this.make('unknown', expr);
    const name = expr.name.text;
    const values: NonceOrigin[] = [];
    let refreshed = false;
    let counter: ts.Node | undefined;
    for (const member of cls.members) {
      if (t.isPropertyDeclaration(member) && propertyNameText(t, member.name) === name && member.initializer) {
        const isStatic = member.modifiers?.some((m) => m.kind === t.SyntaxKind.StaticKeyword) ?? false;
        if (isStatic) return this.make('unknown', expr);
        values.push(this.trace(member.initializer, depth));
      }
    }
    const inConstructor = (node: ts.Node): boolean => {
      for (let at = node.parent; at && at !== cls; at = at.parent) if (t.isConstructorDeclaration(at)) return true;
      return false;
    };
    forEachDescendant(t, cls, (node) => {
      if (t.isClassLike(node)) return 'skip';
      if (isThisMember(t, node, name)) {
        const parent = node.parent;
        if (
          t.isBinaryExpression(parent) &&
          parent.left === node &&
          isAssignmentOperator(t, parent.operatorToken.kind)
        ) {
          if (parent.operatorToken.kind === t.SyntaxKind.EqualsToken) {
            if (inConstructor(node)) values.push(this.trace(parent.right, depth));
            else refreshed = true;
          } else counter ??= parent;
        } else if (
          (t.isPostfixUnaryExpression(parent) || t.isPrefixUnaryExpression(parent)) &&
          isIncrement(t, parent)
        ) {
          counter ??= parent;
        } else if (
          t.isPropertyAccessExpression(parent) &&
          parent.expression === node &&
          WRITING_METHODS.test(parent.name.text) &&
          t.isCallExpression(parent.parent)
        ) {
          refreshed = true;
        } else if (t.isCallExpression(parent) && parent.arguments[0] === node && this.isRandomFill(parent)) {
          refreshed = true;
        }
      }
    });
    if (counter) return this.make('time-or-counter', counter, { source: 'counter', binding: `this.${name}` });
    if (refreshed || values.length === 0) return this.make('unknown', expr);
    const value = this.combine(values);
    if (STABLE_WHEN_ONCE.has(value.kind) || !isOnceComputable(value.kind)) return value;
    const method = enclosingFunctionOrFile(t, expr);
    if (t.isConstructorDeclaration(method)) return value;
    return this.make('instance-field', expr, { binding: `this.${name}`, detail: `this.${name}` });
  }

  /** `Crypto.IV` where `class Crypto { static IV = ... }`: computed once when the class is defined. */
  private traceStaticField(cls: ts.ClassDeclaration, name: string, site: ts.Node, depth: number): NonceOrigin {
    const t = this.t;
    const field = cls.members.find(
      (m): m is ts.PropertyDeclaration =>
        t.isPropertyDeclaration(m) &&
        propertyNameText(t, m.name) === name &&
        (m.modifiers?.some((x) => x.kind === t.SyntaxKind.StaticKeyword) ?? false),
    );
    if (!field?.initializer) return this.make('unknown', site);
    const value = this.trace(field.initializer, depth);
    if (STABLE_WHEN_ONCE.has(value.kind) || !isOnceComputable(value.kind) || isModuleLevelNode(t, site)) return value;
    const label = `${cls.name?.text ?? 'class'}.${name}`;
    return this.make('module-level', field, { binding: label, detail: label });
  }

  /** With a checker: `obj.iv` / `Config.IV` whose symbol is a property declared with an initializer. */
  private fieldFromChecker(
    expr: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    depth: number,
  ): NonceOrigin | undefined {
    const t = this.t;
    const checker = this.ctx.checker;
    if (!checker || !t.isPropertyAccessExpression(expr)) return undefined;
    const symbol = checker.getSymbolAtLocation(expr.name);
    const decl = symbol?.valueDeclaration;
    if (!decl || decl.getSourceFile().isDeclarationFile) return undefined;
    // `ivs.IV` with `import * as ivs from './iv.js'`: an exported variable of another module.
    if (t.isVariableDeclaration(decl)) return this.traceBinding(decl, expr, depth);
    if ((t.isPropertyDeclaration(decl) || t.isPropertyAssignment(decl)) && decl.initializer) {
      const isStatic =
        t.isPropertyDeclaration(decl) && (decl.modifiers?.some((m) => m.kind === t.SyntaxKind.StaticKeyword) ?? false);
      const ownerObject = t.isPropertyAssignment(decl) ? decl.parent.parent : undefined;
      const moduleOnce =
        isStatic ||
        (ownerObject !== undefined && t.isVariableDeclaration(ownerObject) && isModuleLevelNode(t, ownerObject));
      if (!moduleOnce) return undefined;
      const value = this.trace(decl.initializer, depth);
      if (STABLE_WHEN_ONCE.has(value.kind) || !isOnceComputable(value.kind) || isModuleLevelNode(t, expr)) return value;
      return this.make('module-level', decl, { binding: expr.getText(), detail: expr.getText() });
    }
    return undefined;
  }

  private traceCall(call: ts.CallExpression, depth: number): NonceOrigin {
    const t = this.t;
    const crypto = classifyCryptoCall(t, call);
    if (crypto?.kind === 'random' || this.isDataKeyGeneration(call)) return this.make('random-per-call', call);
    if (crypto?.kind === 'deterministic')
      return this.combine([this.make('constant', call), ...call.arguments.map((a) => this.trace(a, depth))]);
    const location = apiLocationOf(t, call.expression);
    const dotted = location?.module === 'global' ? location.path.join('.') : undefined;
    if (dotted && TIME_CALLS.has(dotted)) return this.make('time-or-counter', call, { source: 'time' });
    if (dotted === 'Buffer.alloc' || dotted === 'Buffer.allocUnsafe' || dotted === 'Buffer.allocUnsafeSlow') {
      if (dotted !== 'Buffer.alloc') return this.make('unknown', call);
      const fill = call.arguments[1];
      return fill ? this.combine([this.make('constant', call), this.trace(fill, depth)]) : this.make('constant', call);
    }
    if (dotted && (TRANSPARENT_STATICS.has(dotted) || TRANSPARENT_FUNCTIONS.has(dotted)))
      return this.traceArguments(call, depth);
    if (location && location.module.startsWith('@noble/') && TRANSPARENT_FUNCTIONS.has(location.path.join('.')))
      return this.traceArguments(call, depth);
    const callee = skipOuterExpressions(t, call.expression);
    if (t.isPropertyAccessExpression(callee) && TRANSPARENT_METHODS.has(callee.name.text)) {
      const receiver = this.trace(callee.expression, depth);
      return readFrom(this.combine([receiver, ...call.arguments.map((a) => this.trace(a, depth))]), call, this);
    }
    const returned = this.returnsOf(call, depth);
    return returned ?? this.make('unknown', call);
  }

  /** `kms.generateDataKey(...)` (`.promise()`), `client.send(new GenerateDataKeyCommand(...))`: a fresh data key per call. */
  private isDataKeyGeneration(call: ts.CallExpression): boolean {
    const t = this.t;
    let target = call;
    const callee = skipOuterExpressions(t, call.expression);
    if (t.isPropertyAccessExpression(callee) && callee.name.text === 'promise' && call.arguments.length === 0) {
      const inner = skipOuterExpressions(t, callee.expression);
      if (t.isCallExpression(inner)) target = inner;
    }
    const name = calleeName(t, target.expression);
    if (name !== undefined && findDataKeyApi('method', name)) return true;
    const command = target.arguments[0] && skipOuterExpressions(t, target.arguments[0]);
    if (name !== 'send' || !command || !t.isNewExpression(command)) return false;
    const commandName = calleeName(t, command.expression);
    return commandName !== undefined && findDataKeyApi('command', commandName) !== undefined;
  }

  private traceArguments(call: ts.CallExpression, depth: number): NonceOrigin {
    return call.arguments.length === 0
      ? this.make('constant', call)
      : this.combine(call.arguments.map((a) => this.trace(a, depth)));
  }

  private traceNew(expr: ts.NewExpression, depth: number): NonceOrigin {
    const t = this.t;
    const name = calleeName(t, expr.expression);
    if (name === 'Date')
      return expr.arguments && expr.arguments.length > 0
        ? this.traceArguments(expr as unknown as ts.CallExpression, depth)
        : this.make('time-or-counter', expr, { source: 'time' });
    if (name === 'TextEncoder') return this.make('constant', expr);
    if (name && (TYPED_ARRAYS.has(name) || name === 'Buffer')) {
      const args = expr.arguments ?? [];
      // `new Uint8Array(12)` is zero-filled; `new Uint8Array([..])` and `new Uint8Array(other)` copy their input.
      return args.length === 0
        ? this.make('constant', expr)
        : this.combine([this.make('constant', expr), ...args.map((a) => this.trace(a, depth))]);
    }
    return this.make('unknown', expr);
  }

  /** A call of a function written in this program: the origins of what it returns, judged inside it. */
  private returnsOf(call: ts.CallExpression, depth: number): NonceOrigin | undefined {
    const t = this.t;
    const callee = skipOuterExpressions(t, call.expression);
    let fn: ts.Node | undefined;
    if (t.isPropertyAccessExpression(callee) && callee.expression.kind === t.SyntaxKind.ThisKeyword) {
      // `this.nextIv()`: a method of the enclosing class.
      const name = callee.name.text;
      fn = enclosingClass(t, callee)?.members.find(
        (m) => t.isMethodDeclaration(m) && propertyNameText(t, m.name) === name,
      );
      if (fn && t.isMethodDeclaration(fn)) return fn.body ? this.returnedBy(fn.body, depth) : undefined;
      return undefined;
    }
    if (!t.isIdentifier(callee)) return undefined;
    const decl = this.resolve(callee);
    fn = decl;
    if (decl && t.isVariableDeclaration(decl) && decl.initializer) fn = skipOuterExpressions(t, decl.initializer);
    if (!fn || !(t.isFunctionDeclaration(fn) || t.isArrowFunction(fn) || t.isFunctionExpression(fn)) || !fn.body)
      return undefined;
    if (fn.getSourceFile().isDeclarationFile) return undefined;
    if (t.isExpression(fn.body)) return this.trace(fn.body, depth);
    return this.returnedBy(fn.body, depth);
  }

  private returnedBy(body: ts.Block, depth: number): NonceOrigin | undefined {
    const t = this.t;
    const returned: ts.Expression[] = [];
    forEachDescendant(t, body, (node) => {
      if (isFunctionLike(t, node)) return 'skip';
      if (t.isReturnStatement(node) && node.expression) returned.push(node.expression);
    });
    return returned.length > 0 ? this.combine(returned.map((r) => this.trace(r, depth))) : undefined;
  }

  /** Writes to a variable anywhere in its scope: reassignments, counters, random fills, buffer writes. */
  private writesTo(decl: ts.VariableDeclaration | ts.BindingElement): {
    assigned: ts.Expression[];
    counters: ts.Node[];
    randomFills: ts.CallExpression[];
  } {
    const t = this.t;
    const result = {
      assigned: [] as ts.Expression[],
      counters: [] as ts.Node[],
      randomFills: [] as ts.CallExpression[],
    };
    if (!t.isIdentifier(decl.name)) return result;
    const name = decl.name.text;
    const scope = declarationScope(t, decl);
    forEachDescendant(t, scope, (node) => {
      if (t.isIdentifier(node) && node.text === name && node !== decl.name && this.resolveLexically(node) === decl) {
        this.classifyWrite(node, result);
      }
    });
    return result;
  }

  private classifyWrite(
    ref: ts.Identifier,
    into: { assigned: ts.Expression[]; counters: ts.Node[]; randomFills: ts.CallExpression[] },
  ): void {
    const t = this.t;
    let target: ts.Node = ref;
    while (t.isParenthesizedExpression(target.parent) || t.isNonNullExpression(target.parent)) target = target.parent;
    const parent = target.parent;
    if (t.isBinaryExpression(parent) && parent.left === target && isAssignmentOperator(t, parent.operatorToken.kind)) {
      if (parent.operatorToken.kind === t.SyntaxKind.EqualsToken) into.assigned.push(parent.right);
      else into.counters.push(parent);
      return;
    }
    if ((t.isPostfixUnaryExpression(parent) || t.isPrefixUnaryExpression(parent)) && isIncrement(t, parent)) {
      into.counters.push(parent);
      return;
    }
    if (t.isCallExpression(parent) && parent.arguments[0] === target && this.isRandomFill(parent)) {
      into.randomFills.push(parent);
      return;
    }
    // `iv.writeUInt32BE(value)`, `iv.set(bytes)`, `iv.fill(x)`: the written values join the buffer's origin.
    if (
      t.isPropertyAccessExpression(parent) &&
      parent.expression === target &&
      WRITING_METHODS.test(parent.name.text)
    ) {
      const call = parent.parent;
      if (t.isCallExpression(call) && call.expression === parent && call.arguments[0])
        into.assigned.push(call.arguments[0]);
      return;
    }
    // `source.copy(iv)`: the source's bytes land in the buffer.
    if (
      t.isCallExpression(parent) &&
      parent.arguments[0] === target &&
      t.isPropertyAccessExpression(parent.expression) &&
      parent.expression.name.text === 'copy'
    ) {
      into.assigned.push(parent.expression.expression);
      return;
    }
    // `iv[0] = x`, `iv[i]++`
    if (t.isElementAccessExpression(parent) && parent.expression === target) {
      const outer = parent.parent;
      if (t.isBinaryExpression(outer) && outer.left === parent && isAssignmentOperator(t, outer.operatorToken.kind))
        into.assigned.push(outer.right);
      else if ((t.isPostfixUnaryExpression(outer) || t.isPrefixUnaryExpression(outer)) && isIncrement(t, outer))
        into.counters.push(outer);
    }
  }

  private isRandomFill(call: ts.CallExpression): boolean {
    const crypto = classifyCryptoCall(this.t, call);
    return crypto?.kind === 'random' && crypto.api.behaviour !== 'returns';
  }

  /**
   * How often a write-once binding is computed compared to the read at `site`: `module-level` when
   * it is computed at load time and read in a function, `outer-scope` when a loop or an array
   * callback around the read (but inside the binding's scope) repeats the read. Undefined otherwise.
   */
  private computedOnce(
    decl: ts.VariableDeclaration | ts.BindingElement,
    site: ts.Node,
  ): 'module-level' | 'outer-scope' | undefined {
    const t = this.t;
    // Declared inside the loop body (or iteration callback) that repeats the encryption: evaluated
    // afresh on every iteration. Only repetition between the declaration and the use counts.
    const declScope = enclosingFunctionOrFile(t, decl);
    if (repeatsBetween(t, decl, declScope) && !repeatsBetween(t, site, commonAncestor(decl, site))) return undefined;
    if (t.isSourceFile(declScope)) {
      if (isModuleLevelNode(t, site))
        return declScope === site.getSourceFile() && repeatsBetween(t, site, declScope) ? 'module-level' : undefined;
      // A script's `main()` called once at load reads the value once too.
      const outer = outermostFunction(t, site);
      if (outer && runsOncePerLoad(t, outer) && !repeatsBetween(t, site, outer)) return undefined;
      return 'module-level';
    }
    return repeatsBetween(t, site, declScope) ? 'outer-scope' : undefined;
  }

  private isKey(expr: ts.Expression): boolean {
    const t = this.t;
    if (this.keyPath !== undefined) {
      const path = accessPath(t, expr);
      if (path && path.join('.') === this.keyPath) return true;
    }
    if (this.keyDecl && t.isIdentifier(expr) && this.resolve(expr) === this.keyDecl) return true;
    const name = t.isIdentifier(expr) ? expr.text : t.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
    if (!name || !this.keyNames) return false;
    // A secret-named key (`encryptionKey`, `masterKey`), not any secret: a nonce hashed from a
    // token being encrypted is deterministic per message, not one per key.
    const words = splitWords(name);
    return words[words.length - 1] === 'key' && (words.length === 1 || isSecretName(name));
  }

  private isInParameter(element: ts.BindingElement): boolean {
    let node: ts.Node = element;
    while (this.t.isBindingElement(node) || this.t.isObjectBindingPattern(node) || this.t.isArrayBindingPattern(node))
      node = node.parent;
    return this.t.isParameter(node);
  }

  private resolve(id: ts.Identifier): Declaration | undefined {
    const decl = resolveIdentifier(this.t, id, this.ctx.checker);
    if (decl && decl.getSourceFile().isDeclarationFile) return undefined;
    return decl;
  }

  private resolveLexically(id: ts.Identifier): Declaration | undefined {
    return resolveIdentifier(this.t, id, undefined);
  }

  make(
    kind: NonceOriginKind,
    node: ts.Node,
    extra: { source?: 'time' | 'counter'; binding?: string; detail?: string } = {},
  ): NonceOrigin {
    const origin: NonceOrigin = { kind, node, detail: extra.detail ?? shortText(node) };
    return {
      ...origin,
      ...(extra.source ? { source: extra.source } : {}),
      ...(extra.binding ? { binding: extra.binding } : {}),
    };
  }

  combine(parts: readonly NonceOrigin[]): NonceOrigin {
    let best = parts[0]!;
    for (const part of parts) if (PRECEDENCE.indexOf(part.kind) < PRECEDENCE.indexOf(best.kind)) best = part;
    return best;
  }
}

/** Reading part of a value (`x.iv`, `x.subarray(0, 12)`) keeps its origin; read from a parameter, it is message data. */
function readFrom(base: NonceOrigin, node: ts.Node, tracer: Tracer): NonceOrigin {
  if (base.kind === 'parameter' || base.kind === 'from-message') return tracer.make('from-message', node);
  return base;
}

/** Words naming a thing that is fresh per message or random by design: not a stable identifier. */
const PER_MESSAGE_WORDS = new Set([
  'message',
  'msg',
  'request',
  'req',
  'trace',
  'span',
  'correlation',
  'nonce',
  'iv',
  'random',
  'salt',
  'uuid',
  'event',
  'idempotency',
]);
/** Last words of names that identify a stable thing (a user, a record, a file). */
const IDENTIFIER_WORDS = new Set(['id', 'name', 'email', 'username', 'login', 'handle', 'slug']);

/**
 * True for names of stable identifiers (`userId`, `user_email`, `tenantName`, `id`): a nonce made
 * only of one repeats for every message about the same thing. Not `messageId`, `requestId`, `nonceId`.
 */
function isStableIdentifierName(name: string): boolean {
  const words = splitWords(name);
  const last = words[words.length - 1];
  return last !== undefined && IDENTIFIER_WORDS.has(last) && !words.some((w) => PER_MESSAGE_WORDS.has(w));
}

function isOnceComputable(kind: NonceOriginKind): boolean {
  return kind === 'random-per-call' || kind === 'unknown' || kind === 'time-or-counter';
}

function isModuleLevelNode(t: TypeScript, node: ts.Node): boolean {
  return t.isSourceFile(enclosingFunctionOrFile(t, node));
}

/**
 * True when something between `site` and `scope` runs the read many times per evaluation of the
 * scope: a loop body, an array-iteration callback, or a function that is returned or stored.
 */
function repeatsBetween(t: TypeScript, site: ts.Node, scope: ts.Node): boolean {
  let child: ts.Node = site;
  let current = site.parent;
  while (current && current !== scope) {
    if (isLoopBody(t, current, child)) return true;
    if (isFunctionLike(t, current) && runsRepeatedly(t, current)) return true;
    child = current;
    current = current.parent;
  }
  return false;
}

/** The innermost node that contains both `a` and `b`. */
function commonAncestor(a: ts.Node, b: ts.Node): ts.Node {
  const ancestorsOfA = new Set<ts.Node>();
  for (let current: ts.Node | undefined = a; current; current = current.parent) ancestorsOfA.add(current);
  for (let current: ts.Node | undefined = b; current; current = current.parent)
    if (ancestorsOfA.has(current)) return current;
  return b.getSourceFile();
}

/** The function directly below the source file that contains `node`. */
function outermostFunction(t: TypeScript, node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  let found: ts.FunctionLikeDeclaration | undefined;
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionLike(t, current)) found = current;
  }
  return found;
}

/**
 * True for a module's own entry function that runs once when the module loads: a top-level IIFE,
 * or a function that is not exported and whose only reference is one call at module level outside loops.
 */
function runsOncePerLoad(t: TypeScript, fn: ts.FunctionLikeDeclaration): boolean {
  let outer: ts.Node = fn;
  while (t.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  if (t.isCallExpression(outer.parent) && outer.parent.expression === outer) {
    return isModuleLevelNode(t, outer.parent) && !repeatsBetween(t, outer.parent, fn.getSourceFile());
  }
  const holder = t.isFunctionDeclaration(fn) ? fn : t.isVariableDeclaration(fn.parent) ? fn.parent : undefined;
  const name = holder?.name && t.isIdentifier(holder.name) ? holder.name.text : undefined;
  if (!holder || !name || isExported(t, holder)) return false;
  const references: ts.Identifier[] = [];
  forEachDescendant(t, fn.getSourceFile(), (node) => {
    if (t.isIdentifier(node) && node.text === name && node !== holder.name) references.push(node);
  });
  const [only] = references;
  return (
    references.length === 1 &&
    only !== undefined &&
    t.isCallExpression(only.parent) &&
    only.parent.expression === only &&
    isModuleLevelNode(t, only) &&
    !repeatsBetween(t, only, fn.getSourceFile())
  );
}

function isExported(t: TypeScript, holder: ts.FunctionDeclaration | ts.VariableDeclaration): boolean {
  const statement = t.isVariableDeclaration(holder) ? holder.parent.parent : holder;
  const modifiers = t.canHaveModifiers(statement) ? t.getModifiers(statement) : undefined;
  return (
    modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword || m.kind === t.SyntaxKind.DefaultKeyword) ?? false
  );
}

/** True for a loop statement or an array-iteration callback (`items.map(fn)`): what is inside runs once per round. */
export function isRepeatingScope(t: TypeScript, node: ts.Node): boolean {
  if (
    t.isForStatement(node) ||
    t.isForOfStatement(node) ||
    t.isForInStatement(node) ||
    t.isWhileStatement(node) ||
    t.isDoStatement(node)
  )
    return true;
  return isFunctionLike(t, node) && isIterationCallback(t, node);
}

function isIterationCallback(t: TypeScript, fn: ts.FunctionLikeDeclaration): boolean {
  const parent = fn.parent;
  if (!t.isCallExpression(parent) || !parent.arguments.includes(fn as ts.Expression)) return false;
  const name = calleeName(t, parent.expression);
  return name !== undefined && ITERATING_METHODS.has(name);
}

function isLoopBody(t: TypeScript, loop: ts.Node, child: ts.Node): boolean {
  if (t.isForStatement(loop)) return child === loop.statement || child === loop.incrementor || child === loop.condition;
  if (t.isForOfStatement(loop) || t.isForInStatement(loop) || t.isWhileStatement(loop)) return child === loop.statement;
  if (t.isDoStatement(loop)) return child === loop.statement;
  return false;
}

/** A nested function that runs many times: an array-iteration callback, or one returned/stored for later calls. */
function runsRepeatedly(t: TypeScript, fn: ts.FunctionLikeDeclaration): boolean {
  const parent = fn.parent;
  if (t.isCallExpression(parent) && parent.arguments.includes(fn as ts.Expression)) return isIterationCallback(t, fn);
  if (t.isReturnStatement(parent) || (t.isArrowFunction(parent) && parent.body === fn)) return true;
  if (t.isPropertyAssignment(parent) || t.isMethodDeclaration(fn)) return true;
  return false;
}

function declarationScope(t: TypeScript, decl: ts.Node): ts.Node {
  let current: ts.Node | undefined = decl.parent;
  while (current) {
    if (t.isVariableDeclarationList(current) && current.flags & (t.NodeFlags.Let | t.NodeFlags.Const)) {
      // block-scoped: the nearest block, function body or file
      let block: ts.Node | undefined = current.parent;
      while (
        block &&
        !(
          t.isBlock(block) ||
          t.isSourceFile(block) ||
          t.isModuleBlock(block) ||
          t.isCaseBlock(block) ||
          isFunctionLike(t, block) ||
          t.isForStatement(block) ||
          t.isForOfStatement(block) ||
          t.isForInStatement(block)
        )
      ) {
        block = block.parent;
      }
      return block ?? decl.getSourceFile();
    }
    if (isFunctionLike(t, current) || t.isSourceFile(current)) return current;
    current = current.parent;
  }
  return decl.getSourceFile();
}

function enclosingClass(t: TypeScript, node: ts.Node): ts.ClassLikeDeclaration | undefined {
  let current: ts.Node | undefined = node.parent;
  while (current) {
    if (t.isClassLike(current)) return current;
    if (t.isFunctionDeclaration(current) || t.isFunctionExpression(current)) return undefined;
    current = current.parent;
  }
  return undefined;
}

function isThisMember(t: TypeScript, node: ts.Node, name: string): node is ts.PropertyAccessExpression {
  return (
    t.isPropertyAccessExpression(node) && node.expression.kind === t.SyntaxKind.ThisKeyword && node.name.text === name
  );
}

function isAssignmentOperator(t: TypeScript, kind: ts.SyntaxKind): boolean {
  return kind >= t.SyntaxKind.FirstAssignment && kind <= t.SyntaxKind.LastAssignment;
}

function isIncrement(t: TypeScript, node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): boolean {
  return node.operator === t.SyntaxKind.PlusPlusToken || node.operator === t.SyntaxKind.MinusMinusToken;
}

function elementKey(t: TypeScript, expr: ts.ElementAccessExpression | ts.PropertyAccessExpression): string | undefined {
  if (!t.isElementAccessExpression(expr)) return undefined;
  const arg = skipOuterExpressions(t, expr.argumentExpression);
  return t.isStringLiteralLike(arg) || t.isNumericLiteral(arg) ? arg.text : undefined;
}

/** Source text short enough for a message, string contents redacted: a "nonce" may well be a key. */
function shortText(node: ts.Node): string {
  const text = node
    .getText()
    .replace(/\s+/g, ' ')
    .replace(
      /(['"`])((?:\\.|(?!\1).)*)\1/g,
      (_whole, quote: string, body: string) => `${quote}${body.length > 6 ? redact(body) : body}${quote}`,
    );
  return text.length <= 48 ? text : `${text.slice(0, 45)}...`;
}
