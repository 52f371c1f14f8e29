import type * as ts from 'typescript';
import { defineCheck, type TypeScript } from '../check.js';
import { accessPath, bindingTargetName, calleeName, constInitializer, enclosingFunctionOrFile, propertyNameText, resolveIdentifier, skipOuterExpressions } from '../ast/index.js';
import { classifyName, splitWords, type ClassifierOptions } from '../names/index.js';
import { accessorSecretName, pathText, sourceOfEnv, sourceOfNamedAccessor, sourceOfPath, stripCall } from '../catalogs/sources.js';
import { createFlowContext, PASS_THROUGH_METHODS, typeMayHoldSecret, type FlowContext } from '../flow/index.js';

export interface NoTimingUnsafeCompareOptions {
  /** A constant-time equality function in scope, e.g. `safeEqual`; used by the suggestion. */
  readonly safeCompareHelper: string;
  /** Also report `includes`/`indexOf` lookups of a secret in a list or string. */
  readonly checkLookups: boolean;
}

type MessageId = 'unsafeOperator' | 'unsafeMethod' | 'useHelper' | 'useTimingSafeEqual';

/**
 * Words that mark a value checked against a secret: message authentication codes and signatures.
 * Content hashes (`checksum`, `etag`) are deliberately absent: they are public. `mac` alone is
 * too often a MAC address or an algorithm list (`algorithms.mac`).
 */
const VERIFIER_WORDS = new Set(['signature', 'sig', 'hmac']);
/** Last words that keep a verifier a verifier (`signatureHeader`, `hmacHex`); any other last word makes it something else (`sigType`). */
const VERIFIER_FORM_WORDS = new Set(['header', 'hex', 'base64', 'b64', 'value', 'bytes', 'buf', 'buffer', 'string', 'str', 'param', 'raw']);
/** Words of a protected form that is still a verifier when compared (`passwordHash`, `tokenDigest`). */
const COMPARED_PROTECTED_WORDS = new Set(['hash', 'hashed', 'digest']);
/** Words of a second copy typed by the same user (`password === passwordConfirmation`): no attacker timing. */
const CONFIRMATION_WORDS = new Set(['confirm', 'confirmation', 'confirmed', 'repeat', 'repeated', 'retype', 'again', 'verify']);

/** Words of form fields that hold one of several passwords the user typed (`newPassword`, `currentPassword`). */
const FORM_VERSION_WORDS = new Set(['new', 'old', 'current', 'previous']);

/**
 * Last words of values that identify an account rather than authenticate it: `password === user`
 * or `password.includes(username)` is a password-policy check, and neither side is a credential the
 * attacker times against a stored one.
 */
const IDENTITY_WORDS = new Set(['user', 'username', 'login', 'email', 'mail', 'account', 'name', 'handle', 'uid', 'phone']);
/** Words of a collection name that holds keys (`validKeys`, `allowedKeys`): a lookup in it is a credential check. */
const KEY_COLLECTION_WORDS = new Set(['keys']);

const EQUALITY_OPERATORS = ['===', '!==', '==', '!='];
/** String and buffer methods that compare byte by byte and stop at the first difference. */
const COMPARING_METHODS = new Set(['startsWith', 'endsWith', 'localeCompare', 'equals', 'compare']);
const LOOKUP_METHODS = new Set(['includes', 'indexOf', 'lastIndexOf']);
const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);

/**
 * Flags secrets (tokens, API keys, signatures, HMACs, password hashes) compared with `===`, `!==`,
 * `==`, `!=`, `startsWith`, `endsWith`, `localeCompare`, `Buffer#equals`/`compare`, or looked up
 * with `includes`/`indexOf`: all return early at the first differing byte.
 */
export const noTimingUnsafeCompare = defineCheck<NoTimingUnsafeCompareOptions, MessageId>({
  id: 'no-timing-unsafe-compare',
  meta: {
    type: 'problem',
    description: 'Disallow comparing secrets with operators or methods that are not constant-time',
    messages: {
      unsafeOperator:
        "'{{name}}' is compared with {{operator}}, which stops at the first differing character: compare secrets in constant time (crypto.timingSafeEqual on equal-length buffers).",
      unsafeMethod:
        "'{{name}}' is compared with {{method}}(), which stops at the first differing character: compare secrets in constant time (crypto.timingSafeEqual on equal-length buffers).",
      useHelper: 'Compare with {{helper}}(…).',
      useTimingSafeEqual: 'Compare with {{helper}}(Buffer.from(…), Buffer.from(…)); it throws when the lengths differ, so check lengths first.',
    },
    schema: {
      type: 'object',
      properties: {
        safeCompareHelper: {
          type: 'string',
          description: 'A constant-time equality function in scope (e.g. `safeEqual`), offered as a suggestion.',
        },
        checkLookups: {
          type: 'boolean',
          description: 'Also report `includes`/`indexOf` lookups of a secret (`validKeys.includes(apiKey)`).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { safeCompareHelper: '', checkLookups: true },
    level: 'recommended',
    hasSuggestions: true,
  },
  create(context) {
    const t = context.ts;
    const { sourceFile, options } = context;
    const classifier: ClassifierOptions = context.settings;
    const timingSafeEqualName = options.safeCompareHelper ? undefined : importedTimingSafeEqual(t, sourceFile);
    const flow = createFlowContext(t, { checker: context.checker, settings: context.settings });
    /** A secret compared by name whose type can hold one: strings, bytes, `any`, not an AST node or a number. */
    const secretOperand = (expr: ts.Expression) => {
      const name = comparedSecret(t, expr, context.checker, classifier);
      return name !== undefined && mayHoldSecretValue(flow, expr) ? name : undefined;
    };

    return {
      visit(node) {
        if (t.isBinaryExpression(node)) {
          const operator = node.operatorToken.getText(sourceFile);
          if (!EQUALITY_OPERATORS.includes(operator)) return;
          const left = secretOperand(node.left);
          const right = secretOperand(node.right);
          const secret = left ?? right ?? hashedCredential(t, node, classifier);
          if (!secret) return;
          const other = left ? node.right : node.left;
          if (isPresenceOrShapeOperand(t, other) || (!(left && right) && !mayHoldSecretValue(flow, other))) return;
          // `password === user`: a policy check against an account identifier, not a credential check.
          if (!(left && right) && isIdentityOperand(t, other)) return;
          // `const secret = left ?? right; secret === left` asks which alternative was taken.
          if (isAlternativeOf(t, left ? node.left : node.right, other, context.checker) || isAlternativeOf(t, other, left ? node.left : node.right, context.checker)) return;
          // `password !== verify`, `password !== passwordConfirmation`: a second copy from the same user.
          if (isConfirmationPair(secret, right && left ? (secret === left ? right : left) : (accessPath(t, other)?.join('.') ?? ''))) return;
          const negate = operator.startsWith('!');
          context.report({
            node,
            messageId: 'unsafeOperator',
            data: { name: secret, operator },
            suggestions: compareSuggestions(node.left, node.right, negate, node),
          });
          return;
        }
        if (!t.isCallExpression(node)) return;
        const method = calleeName(t, node.expression);
        if (!method) return;
        const callee = skipOuterExpressions(t, node.expression);
        const receiver = t.isPropertyAccessExpression(callee) ? callee.expression : undefined;
        const [first, second] = node.arguments;
        if (method === 'compare' && receiver && accessPath(t, receiver)?.join('.') === 'Buffer') {
          // Buffer.compare(a, b)
          const secret = (first && secretOperand(first)) ?? (second && secretOperand(second));
          if (secret && first && second) context.report({ node, messageId: 'unsafeMethod', data: { name: secret, method: 'Buffer.compare' } });
          return;
        }
        if (!receiver || !first) return;
        if (COMPARING_METHODS.has(method)) {
          if (isPresenceOrShapeOperand(t, first)) return; // `auth.startsWith('Bearer ')` checks a format, not a secret.
          // `bcrypt.compare(password, hash)` is the safe way: for `compare`, only a secret receiver counts.
          const secret = secretOperand(receiver) ?? (method === 'compare' ? undefined : secretOperand(first));
          if (!secret) return;
          context.report({
            node,
            messageId: 'unsafeMethod',
            data: { name: secret, method },
            suggestions: method === 'equals' ? compareSuggestions(receiver, first, false, node) : [],
          });
          return;
        }
        if (options.checkLookups && LOOKUP_METHODS.has(method)) {
          if (isPresenceOrShapeOperand(t, first)) return;
          // `header.indexOf(token)` is a substring search; `validKeys.includes(apiKey)` a credential lookup.
          if (!isSecretCollection(receiver)) return;
          const secret = secretOperand(first);
          if (secret) context.report({ node, messageId: 'unsafeMethod', data: { name: secret, method } });
        }
      },
    };

    /**
     * A haystack that holds secrets: a secret itself (`ctx.get('x-api-key').indexOf(secret)` scans
     * one secret for another), named as secrets (`apiKeys`, `validTokens`) or as keys (`validKeys`,
     * `allowedKeys`), or an array literal of secrets. Any other string is a substring search.
     */
    function isSecretCollection(haystack: ts.Expression): boolean {
      const expr = skipOuterExpressions(t, haystack);
      if (secretOperand(expr) !== undefined) return true;
      if (isStringTyped(flow, expr)) return false;
      if (t.isArrayLiteralExpression(expr)) return expr.elements.some((e) => !t.isSpreadElement(e) && secretOperand(e) !== undefined);
      const path = accessPath(t, expr);
      const last = path?.[path.length - 1];
      if (!last || last.endsWith('()')) return false;
      return classifyName(last, classifier).isSecret || splitWords(last).some((w) => KEY_COLLECTION_WORDS.has(w));
    }

    function compareSuggestions(a: ts.Expression, b: ts.Expression, negate: boolean, whole: ts.Node) {
      const aText = a.getText(sourceFile);
      const bText = b.getText(sourceFile);
      const not = negate ? '!' : '';
      const edit = (text: string) => [{ start: whole.getStart(sourceFile), end: whole.getEnd(), text }];
      if (options.safeCompareHelper) {
        const helper = options.safeCompareHelper;
        return [{ messageId: 'useHelper' as const, data: { helper }, edits: edit(`${not}${helper}(${aText}, ${bText})`) }];
      }
      if (timingSafeEqualName) {
        const helper = timingSafeEqualName;
        return [{ messageId: 'useTimingSafeEqual' as const, data: { helper }, edits: edit(`${not}${helper}(Buffer.from(${aText}), Buffer.from(${bText}))`) }];
      }
      return [];
    }
  },
});

/**
 * The display name of a compared value when it is a secret or a verifier of one: a secret name
 * (`token`, `req.headers['x-api-key']`, `process.env.API_KEY`, `getApiKey()`), a signature or MAC
 * (`signature`, `expectedHmac`, `createHmac(…).digest()`), or a hash of a secret (`passwordHash`).
 */
function comparedSecret(t: TypeScript, node: ts.Expression, checker: ts.TypeChecker | undefined, classifier: ClassifierOptions): string | undefined {
  const expr = skipOuterExpressions(t, node);
  if (t.isCallExpression(expr)) {
    const named = sourceOfNamedAccessor(t, expr, { classifier });
    if (named) return named.name;
    const path = accessPath(t, expr);
    if (!path) return undefined;
    const segments = path.map(stripCall);
    const last = segments[segments.length - 1];
    const callee = skipOuterExpressions(t, expr.expression);
    // `signature.toString('hex')`, `token.trim()`: the same value in another form.
    if (last && PASS_THROUGH_METHODS.includes(last) && t.isPropertyAccessExpression(callee)) {
      return comparedSecret(t, callee.expression, checker, classifier);
    }
    // `Buffer.from(sig)`: the same bytes.
    if (path.join('.') === 'Buffer.from()' && expr.arguments[0]) return comparedSecret(t, expr.arguments[0], checker, classifier);
    // `createHash('md5').update(MASTER_PASSWORD).digest('hex')`: a hash of a secret verifies it.
    if (last === 'digest') {
      const hashed = updatedSecret(t, expr, checker, classifier);
      if (hashed) return pathText(path);
    }
    // `computeSignature(body)`, `createHmac(...).update(body).digest('hex')`
    if (last && isVerifierName(last)) return pathText(path);
    if (last === 'digest' && segments.some((s) => /^createHmac$|^hmac$/i.test(s))) return pathText(path);
    return last && accessorSecretName(last, { classifier }) ? pathText(path) : undefined;
  }
  const env = sourceOfEnv(t, expr, checker, { classifier });
  if (env && env.reason === 'env' && env.kind !== 'environment') return env.name;
  const path = accessPath(t, expr);
  if (!path || path.length === 0 || isEnumLikeMember(path)) return undefined;
  const request = sourceOfPath(path, expr, { classifier });
  if (request && request.reason === 'header' && request.kind !== 'request headers') return request.name;
  const last = stripCall(path[path.length - 1]!);
  if (path[path.length - 1]!.endsWith('()')) return undefined;
  const c = classifyName(last, classifier);
  const words = splitWords(last);
  if (c.isSecret) return pathText(path);
  if (c.verdict === 'protected' && words.some((w) => COMPARED_PROTECTED_WORDS.has(w))) return pathText(path);
  if (isVerifierName(last)) return pathText(path);
  return undefined;
}

/**
 * `createHash('sha256').update(presented).digest('hex') === storedHash` in a function about a
 * credential (`hashedApiKey`, `verifyToken`): the stored hash of an API key or token is its
 * verifier. The name of the stored side, when a hash word (`hash`, `digest`) is its last word and the
 * enclosing function's name names a secret; file checksums in other functions stay unreported.
 */
function hashedCredential(t: TypeScript, node: ts.BinaryExpression, classifier: ClassifierOptions): string | undefined {
  const pairs: [ts.Expression, ts.Expression][] = [
    [node.left, node.right],
    [node.right, node.left],
  ];
  for (const [digestSide, storedSide] of pairs) {
    const digestPath = accessPath(t, skipOuterExpressions(t, digestSide))?.map(stripCall);
    if (!digestPath || digestPath[digestPath.length - 1] !== 'digest' || !digestPath.includes('createHash')) continue;
    const storedPath = accessPath(t, skipOuterExpressions(t, storedSide));
    const stored = storedPath?.[storedPath.length - 1];
    if (!stored || stored.endsWith('()')) continue;
    const words = splitWords(stored);
    if (!COMPARED_PROTECTED_WORDS.has(words[words.length - 1] ?? '')) continue;
    const fnName = enclosingFunctionName(t, node);
    if (fnName && classifyName(fnName, classifier).kind !== undefined) return pathText(storedPath);
  }
  return undefined;
}

/** The name of the function around a node: declared, or the variable or property it is assigned to. */
function enclosingFunctionName(t: TypeScript, node: ts.Node): string | undefined {
  const fn = enclosingFunctionOrFile(t, node);
  if (t.isSourceFile(fn)) return undefined;
  if (fn.name) return propertyNameText(t, fn.name);
  return bindingTargetName(t, fn.parent);
}

/**
 * With a checker, whether a value's type can hold secret text or bytes (`typeMayHoldSecret`, and
 * not a number: a count or an index compared is not a credential). Without one: true.
 */
function mayHoldSecretValue(flow: FlowContext, expr: ts.Expression): boolean {
  if (!flow.checker) return true;
  if (!typeMayHoldSecret(flow, expr)) return false;
  try {
    return (flow.checker.getTypeAtLocation(expr).flags & (flow.ts.TypeFlags.NumberLike | flow.ts.TypeFlags.BigIntLike)) === 0;
  } catch {
    return true;
  }
}

/** With a checker, true when the value is only ever a string (a haystack searched for a substring). */
function isStringTyped(flow: FlowContext, expr: ts.Expression): boolean {
  if (!flow.checker) return false;
  try {
    const type = flow.checker.getTypeAtLocation(expr);
    const F = flow.ts.TypeFlags;
    const members = type.isUnion() ? type.types : [type];
    return members.every((m) => (m.flags & (F.StringLike | F.Undefined | F.Null)) !== 0) && members.some((m) => (m.flags & F.StringLike) !== 0);
  } catch {
    return false;
  }
}

/** `user`, `username`, `req.body.email`, `account.name.toLowerCase()`: a value that identifies an account. */
function isIdentityOperand(t: TypeScript, node: ts.Expression): boolean {
  const path = accessPath(t, skipOuterExpressions(t, node));
  if (!path) return false;
  const segments = path.map(stripCall);
  while (segments.length > 1 && PASS_THROUGH_METHODS.includes(segments[segments.length - 1]!)) segments.pop();
  const words = splitWords(segments[segments.length - 1]!);
  return words.length > 0 && IDENTITY_WORDS.has(words[words.length - 1]!);
}

/**
 * `const secret = left ?? right; secret === left`: `value` is a const whose initializer picks
 * among alternatives (`??`, `||`, `?:`) one of which is `other`. The comparison tells which one
 * was taken, not the secret's content.
 */
function isAlternativeOf(t: TypeScript, value: ts.Expression, other: ts.Expression, checker: ts.TypeChecker | undefined): boolean {
  const expr = skipOuterExpressions(t, value);
  const otherExpr = skipOuterExpressions(t, other);
  if (!t.isIdentifier(expr) || !t.isIdentifier(otherExpr)) return false;
  const init = constInitializer(t, resolveIdentifier(t, expr, checker));
  if (!init) return false;
  const alternatives: ts.Expression[] = [];
  const collect = (e: ts.Expression): void => {
    const x = skipOuterExpressions(t, e);
    if (t.isBinaryExpression(x) && [t.SyntaxKind.QuestionQuestionToken, t.SyntaxKind.BarBarToken].includes(x.operatorToken.kind)) {
      collect(x.left);
      collect(x.right);
    } else if (t.isConditionalExpression(x)) {
      collect(x.whenTrue);
      collect(x.whenFalse);
    } else alternatives.push(x);
  };
  collect(init);
  return alternatives.length > 1 && alternatives.some((a) => t.isIdentifier(a) && a.text === otherExpr.text);
}

/** The secret fed to `.update()` somewhere down a hash chain ending in `expr`. */
function updatedSecret(t: TypeScript, expr: ts.CallExpression, checker: ts.TypeChecker | undefined, classifier: ClassifierOptions): string | undefined {
  let current: ts.Expression = expr;
  while (t.isCallExpression(current) && t.isPropertyAccessExpression(current.expression)) {
    const arg = current.arguments[0];
    if (current.expression.name.text === 'update' && arg) {
      const secret = comparedSecret(t, arg, checker, classifier);
      if (secret) return secret;
    }
    current = skipOuterExpressions(t, current.expression.expression);
  }
  return undefined;
}

/** `signature`, `expectedHmac`, `signatureHeader`, `computeSignature`; not `sigType` or `signatureAlgorithm`. */
function isVerifierName(name: string): boolean {
  const words = splitWords(name);
  const at = words.findIndex((w) => VERIFIER_WORDS.has(w));
  return at >= 0 && words.slice(at + 1).every((w) => VERIFIER_FORM_WORDS.has(w));
}

/**
 * Operands that make a comparison a presence, type or shape check, or a comparison with a
 * constant: `undefined`, `null`, `''`, any literal, `typeof x`, `x.length`, numbers, booleans.
 * A literal compared with a secret is a hard-coded credential, which no-hardcoded-secret reports.
 */
function isPresenceOrShapeOperand(t: TypeScript, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, node);
  if (t.isStringLiteralLike(expr) || t.isNumericLiteral(expr) || t.isBigIntLiteral(expr) || t.isRegularExpressionLiteral(expr)) return true;
  const kind = expr.kind;
  if (kind === t.SyntaxKind.NullKeyword || kind === t.SyntaxKind.TrueKeyword || kind === t.SyntaxKind.FalseKeyword) return true;
  if (t.isIdentifier(expr) && (expr.text === 'undefined' || expr.text === 'NaN')) return true;
  if (t.isVoidExpression(expr) || t.isTypeOfExpression(expr)) return true;
  if (t.isPrefixUnaryExpression(expr)) return isPresenceOrShapeOperand(t, expr.operand);
  if (t.isPropertyAccessExpression(expr) && (expr.name.text === 'length' || expr.name.text === 'byteLength')) return true;
  const path = t.isPropertyAccessExpression(expr) ? accessPath(t, expr) : undefined;
  if (path && isEnumLikeMember(path)) return true;
  return false;
}

/** `AUTH_METHODS.USERNAME_PASSWORD`, `TokenType.Refresh`: a member of a constant table or enum, not a value. */
function isEnumLikeMember(path: readonly string[]): boolean {
  if (path.length < 2) return false;
  const owner = path[path.length - 2]!;
  const member = path[path.length - 1]!;
  return /^[A-Z]/.test(owner) && (/^[A-Z][A-Z0-9_]*$/.test(member) || /^[A-Z][a-z]/.test(member));
}

/**
 * `password === passwordConfirmation`, `newPassword === currentPassword`: two values typed by the
 * same user in one form. A version word on both sides is needed (`oldPassword !== user.password`
 * compares with the stored value).
 */
function isConfirmationPair(a: string, b: string): boolean {
  const words = (s: string) => splitWords(s.split('.').pop() ?? s);
  if ([a, b].some((s) => words(s).some((w) => CONFIRMATION_WORDS.has(w)))) return true;
  return [a, b].every((s) => words(s).some((w) => FORM_VERSION_WORDS.has(w)));
}

/** The local name of `timingSafeEqual` when the file imports it, or of `crypto.timingSafeEqual`. */
function importedTimingSafeEqual(t: TypeScript, sourceFile: ts.SourceFile): string | undefined {
  for (const statement of sourceFile.statements) {
    if (!t.isImportDeclaration(statement) || !t.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!CRYPTO_MODULES.has(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    if (bindings && t.isNamedImports(bindings)) {
      const hit = bindings.elements.find((el) => (el.propertyName ?? el.name).text === 'timingSafeEqual' && !el.isTypeOnly);
      if (hit) return hit.name.text;
    }
    if (bindings && t.isNamespaceImport(bindings)) return `${bindings.name.text}.timingSafeEqual`;
    if (clause.name) return `${clause.name.text}.timingSafeEqual`;
  }
  return undefined;
}
