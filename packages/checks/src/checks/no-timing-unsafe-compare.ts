import type * as ts from 'typescript';
import { defineCheck, type Confidence, type TypeScript } from '../check.js';
import {
  accessPath,
  bindingTargetName,
  calleeName,
  constInitializer,
  enclosingFunctionOrFile,
  forEachDescendant,
  isFunctionLike,
  propertyNameText,
  resolveIdentifier,
  skipOuterExpressions,
  staticString,
} from '../ast/index.js';
import { classifyName, PUBLIC_WORDS, splitWords, type ClassifierOptions } from '../names/index.js';
import { CREDENTIAL_HEADERS, REQUEST_RECEIVERS } from '../catalogs/sources.js';
import {
  createFlowContext,
  declarationOf,
  expandedPath,
  isCredentialName,
  PASS_THROUGH_METHODS,
  rootIdentifier,
  typeMayHoldSecret,
  valueSources,
  variableDeclarationOf,
  type FlowContext,
} from '../flow/index.js';
import { inDevOrTestOnlyBranch, runsInBrowser } from '../context/index.js';
import { calledFunction } from '../flow/callees.js';
import { callersOf } from '../flow/callers.js';
import { callerParameters } from '../flow/summaries/parameters.js';
import { sourceOfEnv, sourceOfNamedAccessor, sourceOfPath } from '../flow/sources.js';
import { accessorSecretName, isDecryptCallee, pathText, stripCall } from '../flow/source-names.js';

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
/**
 * Last words that keep a verifier a verifier (`signatureHeader`, `hmacHex`, `hmacHash`: an HMAC is a
 * keyed hash); any other last word makes it something else (`sigType`).
 */
const VERIFIER_FORM_WORDS = new Set([
  'hash',
  'digest',
  'header',
  'hex',
  'base64',
  'b64',
  'value',
  'bytes',
  'buf',
  'buffer',
  'string',
  'str',
  'param',
  'raw',
]);
/** Words of a protected form that is still a verifier when compared (`passwordHash`, `tokenDigest`). */
const COMPARED_PROTECTED_WORDS = new Set(['hash', 'hashed', 'digest']);
/** Words of a second copy typed by the same user (`password === passwordConfirmation`): no attacker timing. */
const CONFIRMATION_WORDS = new Set([
  'confirm',
  'confirmation',
  'confirmed',
  'repeat',
  'repeated',
  'retype',
  'again',
  'verify',
]);

/** Words of form fields that hold one of several passwords the user typed (`newPassword`, `currentPassword`). */
const FORM_VERSION_WORDS = new Set(['new', 'old', 'current', 'previous']);

/**
 * Last words of values that identify an account rather than authenticate it: `password === user`
 * or `password.includes(username)` is a password-policy check, and neither side is a credential the
 * attacker times against a stored one.
 */
const IDENTITY_WORDS = new Set([
  'user',
  'username',
  'login',
  'email',
  'mail',
  'account',
  'name',
  'handle',
  'uid',
  'phone',
]);
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
      useTimingSafeEqual:
        'Compare with {{helper}}(Buffer.from(…), Buffer.from(…)); it throws when the lengths differ, so check lengths first.',
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
      const name = comparedSecret(t, expr, context.checker, classifier) ?? returnedSecret(flow, expr);
      return name !== undefined && mayHoldSecretValue(flow, expr) ? name : undefined;
    };

    return {
      visit(node) {
        if (t.isBinaryExpression(node)) {
          const operator = node.operatorToken.getText(sourceFile);
          if (!EQUALITY_OPERATORS.includes(operator)) return;
          const left = secretOperand(node.left);
          const right = secretOperand(node.right);
          const secret =
            left ?? right ?? hashedCredential(t, node, classifier) ?? presentedKey(flow, node.left, node.right);
          if (!secret) return;
          const other = left ? node.right : node.left;
          if (isPresenceOrShapeOperand(t, other) || (!(left && right) && !mayHoldSecretValue(flow, other))) return;
          // `password === user`: a policy check against an account identifier, not a credential check.
          if (!(left && right) && isIdentityOperand(t, other)) return;
          // `const secret = left ?? right; secret === left` asks which alternative was taken.
          if (
            isAlternativeOf(t, left ? node.left : node.right, other, context.checker) ||
            isAlternativeOf(t, other, left ? node.left : node.right, context.checker)
          )
            return;
          // `password !== verify`, `password !== passwordConfirmation`: a second copy from the same user.
          if (
            isConfirmationPair(
              secret,
              right && left ? (secret === left ? right : left) : (accessPath(t, other)?.join('.') ?? ''),
            )
          )
            return;
          // `secret === DEFAULT_SECRET`, `password !== defaults.password`, `err.code === Codes.wrongCredentials`: a public value.
          if (isPublicPart(flow, left ? node.right : node.left) || (!(left && right) && isConstantValue(flow, other)))
            return;
          // `req.body.privateKey === publicKey`: the server's side is public by design, nothing to learn by timing.
          if (!(left && right) && isPublicByDesign(t, other, classifier)) return;
          // `decoded.toString('base64url') !== secret` after `decoded = Buffer.from(secret, …)`: a canonical-encoding check.
          if (isDerivedFrom(flow, node.left, node.right) || isDerivedFrom(flow, node.right, node.left)) return;
          // `if (key.trim() !== org.licenseKey) updates.licenseKey = key.trim()`: an update saving a changed value.
          if (isChangeDetection(t, node)) return;
          const confidence = comparisonConfidence(flow, node, node.left, node.right);
          if (!confidence) return;
          const negate = operator.startsWith('!');
          context.report({
            node,
            messageId: 'unsafeOperator',
            data: { name: secret, operator },
            suggestions: compareSuggestions(node.left, node.right, negate, node),
            confidence,
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
          const confidence = first && second ? comparisonConfidence(flow, node, first, second) : undefined;
          if (secret && confidence)
            context.report({
              node,
              messageId: 'unsafeMethod',
              data: { name: secret, method: 'Buffer.compare' },
              confidence,
            });
          return;
        }
        if (!receiver || !first) return;
        if (COMPARING_METHODS.has(method)) {
          if (isPresenceOrShapeOperand(t, first)) return; // `auth.startsWith('Bearer ')` checks a format, not a secret.
          // `token.startsWith(prefix)` tests a public part: a prefix test leaks the secret only when the tested part is secret.
          const prefixTest = method === 'startsWith' || method === 'endsWith';
          if (prefixTest && (isPublicPart(flow, first) || isFormatTemplate(first))) return;
          // `bcrypt.compare(password, hash)` is the safe way: for `compare`, only a secret receiver counts.
          const secret = secretOperand(receiver) ?? (method === 'compare' ? undefined : secretOperand(first));
          if (!secret) return;
          if (!prefixTest && isPublicPart(flow, first)) return;
          const confidence = comparisonConfidence(flow, node, receiver, first);
          if (!confidence) return;
          context.report({
            node,
            messageId: 'unsafeMethod',
            data: { name: secret, method },
            suggestions: method === 'equals' ? compareSuggestions(receiver, first, false, node) : [],
            confidence,
          });
          return;
        }
        if (options.checkLookups && LOOKUP_METHODS.has(method)) {
          if (isPresenceOrShapeOperand(t, first)) return;
          // `header.indexOf(token)` is a substring search; `validKeys.includes(apiKey)` a credential lookup.
          if (!isSecretCollection(receiver)) return;
          const secret = secretOperand(first);
          const confidence = secret ? comparisonConfidence(flow, node, receiver, first) : undefined;
          if (secret && confidence)
            context.report({ node, messageId: 'unsafeMethod', data: { name: secret, method }, confidence });
        }
      },
    };

    /** `` `${collection.slug} API-Key ` ``: a template whose interpolations carry no secret is a format. */
    function isFormatTemplate(node: ts.Expression): boolean {
      const expr = skipOuterExpressions(t, node);
      return (
        t.isTemplateExpression(expr) &&
        expr.templateSpans.every(
          (span) => !secretOperand(span.expression) && originsOf(flow, span.expression).size === 0,
        )
      );
    }

    /**
     * A haystack that holds secrets: a secret itself (`ctx.get('x-api-key').indexOf(secret)` scans
     * one secret for another), named as secrets (`apiKeys`, `validTokens`) or as keys (`validKeys`,
     * `allowedKeys`), or an array literal of secrets. Any other string is a substring search.
     */
    function isSecretCollection(haystack: ts.Expression): boolean {
      const expr = skipOuterExpressions(t, haystack);
      if (secretOperand(expr) !== undefined) return true;
      if (isStringTyped(flow, expr)) return false;
      if (t.isArrayLiteralExpression(expr))
        return expr.elements.some((e) => !t.isSpreadElement(e) && secretOperand(e) !== undefined);
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
        return [
          { messageId: 'useHelper' as const, data: { helper }, edits: edit(`${not}${helper}(${aText}, ${bText})`) },
        ];
      }
      if (timingSafeEqualName) {
        const helper = timingSafeEqualName;
        return [
          {
            messageId: 'useTimingSafeEqual' as const,
            data: { helper },
            edits: edit(`${not}${helper}(Buffer.from(${aText}), Buffer.from(${bText}))`),
          },
        ];
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
function comparedSecret(
  t: TypeScript,
  node: ts.Expression,
  checker: ts.TypeChecker | undefined,
  classifier: ClassifierOptions,
): string | undefined {
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
    if (path.join('.') === 'Buffer.from()' && expr.arguments[0])
      return comparedSecret(t, expr.arguments[0], checker, classifier);
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
    return (
      (flow.checker.getTypeAtLocation(expr).flags & (flow.ts.TypeFlags.NumberLike | flow.ts.TypeFlags.BigIntLike)) === 0
    );
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
    return (
      members.every((m) => (m.flags & (F.StringLike | F.Undefined | F.Null)) !== 0) &&
      members.some((m) => (m.flags & F.StringLike) !== 0)
    );
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
function isAlternativeOf(
  t: TypeScript,
  value: ts.Expression,
  other: ts.Expression,
  checker: ts.TypeChecker | undefined,
): boolean {
  const expr = skipOuterExpressions(t, value);
  const otherExpr = skipOuterExpressions(t, other);
  if (!t.isIdentifier(expr) || !t.isIdentifier(otherExpr)) return false;
  const init = constInitializer(t, resolveIdentifier(t, expr, checker));
  if (!init) return false;
  const alternatives: ts.Expression[] = [];
  const collect = (e: ts.Expression): void => {
    const x = skipOuterExpressions(t, e);
    if (
      t.isBinaryExpression(x) &&
      [t.SyntaxKind.QuestionQuestionToken, t.SyntaxKind.BarBarToken].includes(x.operatorToken.kind)
    ) {
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
function updatedSecret(
  t: TypeScript,
  expr: ts.CallExpression,
  checker: ts.TypeChecker | undefined,
  classifier: ClassifierOptions,
): string | undefined {
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
  if (
    t.isStringLiteralLike(expr) ||
    t.isNumericLiteral(expr) ||
    t.isBigIntLiteral(expr) ||
    t.isRegularExpressionLiteral(expr)
  )
    return true;
  const kind = expr.kind;
  if (kind === t.SyntaxKind.NullKeyword || kind === t.SyntaxKind.TrueKeyword || kind === t.SyntaxKind.FalseKeyword)
    return true;
  if (t.isIdentifier(expr) && (expr.text === 'undefined' || expr.text === 'NaN')) return true;
  if (t.isVoidExpression(expr) || t.isTypeOfExpression(expr)) return true;
  if (t.isPrefixUnaryExpression(expr)) return isPresenceOrShapeOperand(t, expr.operand);
  if (t.isPropertyAccessExpression(expr) && (expr.name.text === 'length' || expr.name.text === 'byteLength'))
    return true;
  const path = t.isPropertyAccessExpression(expr) ? accessPath(t, expr) : undefined;
  if (path && isEnumLikeMember(path)) return true;
  return false;
}

/**
 * `AUTH_METHODS.USERNAME_PASSWORD`, `TokenType.Refresh`, `AST_NODE_TYPES.TSPropertySignature`: a member
 * of a constant table or enum, not a value (a capital after a capital too: an acronym leads the name).
 */
function isEnumLikeMember(path: readonly string[]): boolean {
  if (path.length < 2) return false;
  const owner = path[path.length - 2]!;
  const member = path[path.length - 1]!;
  return /^[A-Z]/.test(owner) && /^[A-Z][A-Za-z0-9_]*$/.test(member);
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
      const hit = bindings.elements.find(
        (el) => (el.propertyName ?? el.name).text === 'timingSafeEqual' && !el.isTypeOnly,
      );
      if (hit) return hit.name.text;
    }
    if (bindings && t.isNamespaceImport(bindings)) return `${bindings.name.text}.timingSafeEqual`;
    if (clause.name) return `${clause.name.text}.timingSafeEqual`;
  }
  return undefined;
}

/**
 * Where a compared value comes from, as far as the code shows: `presented` when the requester sent
 * it (a request header, cookie, body, query or params field, the requester's own session), `expected`
 * when the server holds it (an env secret, configuration, a computed MAC or signature, a secret
 * fetched by an accessor or decrypted), `stored` for a MAC the server computes over a value it
 * decrypted itself (re-deriving a stored index). A timing leak needs a presented value on one side
 * and a secret on the other: the attacker varies the first and times the comparison.
 */
type Origin = 'presented' | 'expected' | 'stored';

/** Segments of a request path under which the requester's input lives (`req.body.token`, `ctx.request.query.key`). */
const REQUEST_INPUT_SEGMENTS = new Set([
  'headers',
  'cookies',
  'signedCookies',
  'body',
  'query',
  'params',
  'session',
  'request',
  'raw',
]);
/** Segments of a path that reads server configuration (`req.config.masterKey`, `this.options.secret`). */
const CONFIG_SEGMENTS = new Set(['config', 'configuration', 'options', 'opts', 'settings', 'conf', 'cfg', 'secrets']);
/** Calls that read a cookie of the current request (`getCookie(c, 'csrf')`, `ctx.getSignedCookie(name, secret)`). */
const COOKIE_READERS = new Set(['getCookie', 'getSignedCookie', 'getChunkedCookie', 'getSessionCookie']);
/** Words of a helper that hashes or signs what it is given (`createHash(key, data)`, `signPayload`). */
const KEYED_HASH_WORDS: ReadonlySet<string> = new Set(['hash', 'hmac', 'sign', 'digest']);

/** Calls whose result is a MAC or signature the server computes (`createHmac(…).digest()`, `hmac.sign(key, data)`). */
const MAC_CALLS = /^(createHmac|createHMAC|hmac|sign|digest)$/;
/** Words of a value that protects a form or a redirect rather than authenticating (CSRF tokens, OAuth state). */
const REQUEST_BINDING_WORDS = new Set(['csrf', 'xsrf', 'state']);
/** Words of a value that is public by design: a prefix or scheme tested before the secret part, a default. */
const PUBLIC_PART_WORDS = new Set(['prefix', 'suffix', 'scheme', 'identifier', 'default', 'defaults']);
/** Array methods whose callback matches list entries in memory (`sessions.filter((s) => s.token !== token)`). */
const LIST_CALLBACK_METHODS = new Set([
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'filter',
  'some',
  'every',
  'map',
  'forEach',
  'flatMap',
]);
const MAX_ORIGIN_DEPTH = 10;

/** The origins the code shows for a compared value: followed through aliases, destructuring, object literals, templates and `||`/`??`. */
function originsOf(flow: FlowContext, node: ts.Expression, depth = 0, seen = new Set<ts.Node>()): Set<Origin> {
  const t = flow.ts;
  const out = new Set<Origin>();
  const expr = skipOuterExpressions(t, node);
  if (depth > MAX_ORIGIN_DEPTH || seen.has(expr)) return out;
  seen.add(expr);
  const add = (origins: Set<Origin>) => origins.forEach((o) => out.add(o));
  const recurse = (e: ts.Expression) => add(originsOf(flow, e, depth + 1, seen));
  if (t.isAwaitExpression(expr)) return originsOf(flow, expr.expression, depth + 1, seen);
  if (t.isTemplateExpression(expr)) {
    expr.templateSpans.forEach((s) => recurse(s.expression));
    return out;
  }
  if (t.isBinaryExpression(expr)) {
    const k = expr.operatorToken.kind;
    if (k === t.SyntaxKind.BarBarToken || k === t.SyntaxKind.QuestionQuestionToken || k === t.SyntaxKind.PlusToken) {
      recurse(expr.left);
      recurse(expr.right);
    } else if (k === t.SyntaxKind.AmpersandAmpersandToken) recurse(expr.right);
    return out;
  }
  if (t.isConditionalExpression(expr)) {
    recurse(expr.whenTrue);
    recurse(expr.whenFalse);
    return out;
  }
  const env = sourceOfEnv(t, expr, flow.checker, { classifier: flow.classifier });
  if (env && env.kind !== 'environment') return new Set(['expected']);
  if (t.isCallExpression(expr))
    return callOrigins(flow, expr, recurse, out, (e) => originsOf(flow, e, depth + 1, seen));
  const path = expandedPath(flow, expr) ?? accessPath(t, expr);
  if (path && path.length > 0) {
    // `channels.find((c) => c.token === token)`: `c` is an element of the list, not a request context.
    const fromPath = isListElement(flow, expr) ? undefined : pathOrigin(path, expr);
    if (fromPath) return new Set([fromPath]);
  }
  // `request[key]` in a function handed the request: a field the requester chose.
  if (t.isElementAccessExpression(expr) && isRequestRoot(accessPath(t, expr.expression))) return new Set(['presented']);
  // `codes[0]`: an element comes from where its collection came from.
  if (t.isElementAccessExpression(expr)) return originsOf(flow, expr.expression, depth + 1, seen);
  // An identifier: its initializer, the expression its binding destructures, or the object literal it is a member of.
  if (t.isIdentifier(expr)) {
    const decl = variableDeclarationOf(flow, expr);
    if (decl && t.isVariableDeclaration(decl) && decl.initializer) recurse(decl.initializer);
    else if (decl && t.isBindingElement(decl)) {
      const owner = decl.parent.parent;
      const source = t.isVariableDeclaration(owner) || t.isParameter(owner) ? owner.initializer : undefined;
      if (source) recurse(source);
    }
    return out;
  }
  // `(await cookies()).get(name)?.value`: the content of what the call returned.
  if (
    t.isPropertyAccessExpression(expr) &&
    expr.name.text === 'value' &&
    t.isCallExpression(skipOuterExpressions(t, expr.expression))
  )
    return originsOf(flow, expr.expression, depth + 1, seen);
  if (t.isPropertyAccessExpression(expr) && t.isIdentifier(skipOuterExpressions(t, expr.expression))) {
    const decl = variableDeclarationOf(flow, skipOuterExpressions(t, expr.expression) as ts.Identifier);
    const init =
      decl && t.isVariableDeclaration(decl) && decl.initializer ? skipOuterExpressions(t, decl.initializer) : undefined;
    if (init && t.isObjectLiteralExpression(init)) {
      for (const prop of init.properties) {
        if (t.isPropertyAssignment(prop) && propertyNameText(t, prop.name) === expr.name.text)
          recurse(prop.initializer);
        else if (t.isShorthandPropertyAssignment(prop) && prop.name.text === expr.name.text) recurse(prop.name);
      }
    } else if (init) recurse(init);
  } else if (t.isPropertyAccessExpression(expr)) {
    // `session.session.token`: a field of a value comes from where the value came from.
    const root = rootIdentifier(flow, expr);
    if (root) recurse(root);
  }
  return out;
}

function callOrigins(
  flow: FlowContext,
  call: ts.CallExpression,
  recurse: (e: ts.Expression) => void,
  out: Set<Origin>,
  originsAt: (e: ts.Expression) => Set<Origin>,
): Set<Origin> {
  const t = flow.ts;
  const callee = skipOuterExpressions(t, call.expression);
  const method = calleeName(t, callee);
  const receiver = t.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  const path = accessPath(t, call)?.map(stripCall) ?? [];
  const receiverPath = receiver ? (expandedPath(flow, receiver) ?? accessPath(t, receiver)) : undefined;
  if (method && COOKIE_READERS.has(method)) return new Set(['presented']);
  // `(await cookies()).get(name)` (Next.js), `searchParams.get('secret')`, `formData.get('token')`: request input.
  if (
    method === 'get' &&
    receiver &&
    (isCookieStoreCall(t, receiver) || receiverPath?.some((s) => REQUEST_INPUT_OBJECTS.has(stripCall(s))))
  )
    return new Set(['presented']);
  // `decodeCookieCache(ctx, cookie)`, `JSON.parse(raw)`: decoding keeps who presented the value.
  if (method && splitWords(method).some((w) => DECODE_WORDS.has(w))) {
    call.arguments.forEach((a) => recurse(a));
    return out;
  }
  // `req.get('X-Api-Key')`, `ctx.cookies.get(name)`, `req.headers.get('authorization')`
  if (
    receiverPath &&
    isRequestRoot(receiverPath) &&
    (method === 'get' || method === 'header' || method === 'getHeader')
  )
    return new Set(['presented']);
  if (receiverPath && receiverPath[receiverPath.length - 1] === 'cookies' && method === 'get')
    return new Set(['presented']);
  // `configService.get('JWT_SECRET')`, `validKeyPairs.get('masterKey')`: a named secret the server holds.
  const named = sourceOfNamedAccessor(t, call, { classifier: flow.classifier });
  const key = call.arguments[0] && staticString(t, call.arguments[0]);
  if (
    named &&
    (receiverPath?.some((s) => s === 'headers' || s === 'header') || (key !== undefined && isHeaderName(key)))
  )
    return new Set(['presented']);
  if (named || (method === 'get' && call.arguments[0] && isSecretLiteral(t, call.arguments[0], flow.classifier)))
    return new Set(['expected']);
  // `token.trim()`, `cookie.split('!')`, `signature.toString('hex')`, `Buffer.from(sig)`: the same value.
  if (receiver && method && (PASS_THROUGH_METHODS.includes(method) || PASS_THROUGH_SPLIT.has(method))) {
    recurse(receiver);
    return out;
  }
  if (path.join('.') === 'Buffer.from' && call.arguments[0]) {
    recurse(call.arguments[0]);
    return out;
  }
  if (path.some((segment) => MAC_CALLS.test(segment)) || (method !== undefined && isVerifierName(method))) {
    return macOverDecrypted(flow, call) ? new Set(['stored']) : new Set(['expected']);
  }
  if (method && isDecryptCallee(path)) return new Set(['expected']);
  // `createHash(process.env.API_KEY, subscriberId)`, `hmac(decryptApiKey(key), data)`: a hash keyed with a
  // secret the server holds is a MAC it computes, whatever the helper is called.
  if (
    method &&
    splitWords(method).some((w) => KEYED_HASH_WORDS.has(w)) &&
    call.arguments.some((a) => originsAt(a).has('expected'))
  )
    return new Set(['expected']);
  // `getTokenFromCookie(ctx)` whose body returns `ctx.cookies.get(name)`: what the requester presented,
  // whatever the accessor's name says; a body out of sight is judged by the name's source (`…FromCookie`).
  const fn = calledFunction(flow, callee);
  if (fn?.body) {
    const returned = new Set<Origin>();
    returnExpressions(t, fn).forEach((r) => originsAt(r).forEach((o) => returned.add(o)));
    if (returned.has('presented') && !returned.has('expected')) return returned;
  }
  if (method && isReadFromRequestName(method)) return new Set(['presented']);
  // `getBackupCodes({ user })`: a secret fetched for the server to check against; a cookie read by its accessor is the caller's own.
  const accessed = method ? accessorSecretName(method, { classifier: flow.classifier }) : undefined;
  if (accessed && accessed.kind !== 'cookie') return new Set(['expected']);
  // `loadConfigValue()` whose body (here, or with a checker in any module) returns an env secret or a decrypted value.
  if (returnedSecret(flow, call)) return new Set(['expected']);
  return out;
}

/** A value named as public by design (`publicKey`, `wallet.publicKey`, `publishableKey`): no secret to leak. */
function isPublicByDesign(t: TypeScript, node: ts.Expression, classifier: ClassifierOptions): boolean {
  const path = accessPath(t, skipOuterExpressions(t, node));
  const last = path?.[path.length - 1];
  if (!last || last.endsWith('()')) return false;
  const c = classifyName(last, classifier);
  return c.verdict === 'none' && c.matched.some((w) => PUBLIC_WORDS.has(w));
}

/** What a function returns: its expression body, or the expressions of its own `return` statements. */
function returnExpressions(t: TypeScript, fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  if (!fn.body) return [];
  if (!t.isBlock(fn.body)) return [fn.body as ts.Expression];
  const out: ts.Expression[] = [];
  forEachDescendant(t, fn.body, (node) => {
    if (isFunctionLike(t, node) || t.isClassLike(node)) return 'skip';
    if (t.isReturnStatement(node) && node.expression) out.push(node.expression);
  });
  return out;
}

/** Where a request carries what its sender chose. */
const REQUEST_PART_WORDS = new Set([
  'cookie',
  'cookies',
  'header',
  'headers',
  'request',
  'req',
  'query',
  'body',
  'params',
]);

/** `getTokenFromCookie`, `readKeyFromHeaders`: an accessor whose name says it reads the request. */
function isReadFromRequestName(name: string): boolean {
  const words = splitWords(name);
  const from = words.indexOf('from');
  return from > 0 && words.slice(from + 1).some((w) => REQUEST_PART_WORDS.has(w));
}

/**
 * A call of a function seen to return a secret (an env secret, a decrypted value), through its
 * declaration in this file or, with a checker, in any module: the call's text, e.g. `loadConfigValue()`.
 */
function returnedSecret(flow: FlowContext, node: ts.Expression): string | undefined {
  const t = flow.ts;
  const expr = skipOuterExpressions(t, node);
  if (!t.isCallExpression(expr)) return undefined;
  const returned = valueSources(flow, expr).find((f) => f.source.reason === 'returns-secret' && f.source.node === expr);
  return returned?.source.name;
}

/** Objects of a request whose `.get(name)` returns what the requester sent. */
const REQUEST_INPUT_OBJECTS = new Set([
  'searchParams',
  'query',
  'params',
  'formData',
  'body',
  'nextUrl',
  'cookies',
  'headers',
]);
/** Words of calls that decode a value without changing who presented it. */
const DECODE_WORDS = new Set(['decode', 'parse', 'deserialize', 'unsign']);

/** `cookies()` or `await cookies()`: the Next.js cookie store of the current request. */
function isCookieStoreCall(t: TypeScript, node: ts.Expression): boolean {
  let expr = skipOuterExpressions(t, node);
  if (t.isAwaitExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
  return t.isCallExpression(expr) && calleeName(t, expr.expression) === 'cookies';
}

/**
 * `hmac({ key, raw: tryDecrypt(stored) })`: a MAC over a value the server decrypted itself, as a
 * secret rotation re-derives a stored index; no requester input reaches it.
 */
function macOverDecrypted(flow: FlowContext, call: ts.CallExpression): boolean {
  const t = flow.ts;
  const inputs: ts.Expression[] = [];
  for (const arg of call.arguments) {
    const expr = skipOuterExpressions(t, arg);
    if (t.isObjectLiteralExpression(expr))
      expr.properties.forEach((p) =>
        t.isPropertyAssignment(p)
          ? inputs.push(p.initializer)
          : t.isShorthandPropertyAssignment(p)
            ? inputs.push(p.name)
            : undefined,
      );
    else inputs.push(expr);
  }
  return inputs.some((input) => {
    const origin = skipOuterExpressions(t, input);
    const init = t.isIdentifier(origin) ? constInitializer(t, variableDeclarationOf(flow, origin)) : origin;
    const value = init && skipOuterExpressions(t, init);
    return (
      value !== undefined &&
      t.isCallExpression(value) &&
      splitWords(calleeName(t, value.expression) ?? '').includes('decrypt')
    );
  });
}

/** Methods that cut a value into its parts: the parts come from where the whole came from. */
const PASS_THROUGH_SPLIT = new Set(['slice', 'substring', 'substr', 'at']);

function isSecretLiteral(t: TypeScript, node: ts.Expression, classifier: ClassifierOptions): boolean {
  const text = staticString(t, node);
  return text !== undefined && classifyName(text, classifier).isSecret;
}

/** `authorization`, `x-api-key`: a name spelled as an HTTP header. */
function isHeaderName(key: string): boolean {
  return CREDENTIAL_HEADERS.includes(key.toLowerCase()) || /^x-/i.test(key);
}

/**
 * `info.maintenanceKey === req.config.maintenanceKey` where `info.maintenanceKey` was read from a
 * request header: a `key` alone names no secret, but a key the requester presents, checked against
 * one in the server's configuration, is an access key. Its display name, when both sides end in `key`.
 */
function presentedKey(flow: FlowContext, a: ts.Expression, b: ts.Expression): string | undefined {
  const t = flow.ts;
  if (![a, b].every((o) => lastWords(t, o).at(-1) === 'key')) return undefined;
  const oa = originsOf(flow, a);
  const ob = originsOf(flow, b);
  const pair = (oa.has('presented') && ob.has('expected')) || (oa.has('expected') && ob.has('presented'));
  if (!pair || oa.size !== 1 || ob.size !== 1) return undefined;
  const path = accessPath(t, skipOuterExpressions(t, a));
  return path ? pathText(path) : undefined;
}

/** `req`, `request`, `ctx`… at the root of a path. */
function isRequestRoot(path: readonly string[] | undefined): boolean {
  return path !== undefined && path.length > 0 && REQUEST_RECEIVERS.includes(path[0]!);
}

/** What a member path shows by itself: a request input (`req.body.token`, `request.masterKey`), or configuration (`req.config.masterKey`). */
function pathOrigin(path: readonly string[], node: ts.Node): Origin | undefined {
  const segments = path.map(stripCall);
  if (sourceOfPath(segments, node)) return 'presented';
  const inner = segments.slice(1, -1);
  if (segments.length > 1 && inner.some((s) => CONFIG_SEGMENTS.has(s))) return 'expected';
  if (isRequestRoot(segments) && (segments.length === 2 || inner.some((s) => REQUEST_INPUT_SEGMENTS.has(s))))
    return 'presented';
  return undefined;
}

/** The value's last name names a credential without doubt (`body.clientSecret`, `token`; not `sessionId`, `key`). */
function isCredentialNamed(flow: FlowContext, node: ts.Expression): boolean {
  const path = accessPath(flow.ts, skipOuterExpressions(flow.ts, node));
  const last = path?.[path.length - 1];
  return last !== undefined && !last.endsWith('()') && isCredentialName(classifyName(last, flow.classifier));
}

/** The value's root is a parameter of a callback that matches list entries (`list.find((c) => …)`). */
function isListElement(flow: FlowContext, node: ts.Expression): boolean {
  const t = flow.ts;
  const root = rootIdentifier(flow, node);
  const decl = root ? declarationOf(flow, root) : undefined;
  if (!decl || !t.isParameter(decl)) return false;
  const fn = decl.parent;
  if (!t.isArrowFunction(fn) && !t.isFunctionExpression(fn)) return false;
  const call = fn.parent;
  const method = call && t.isCallExpression(call) ? calleeName(t, call.expression) : undefined;
  return method !== undefined && LIST_CALLBACK_METHODS.has(method);
}

/** `ctx.context.session.session.token`: read off the requester's current session. */
function mentionsSession(t: TypeScript, node: ts.Expression): boolean {
  return accessPath(t, skipOuterExpressions(t, node))?.includes('session') ?? false;
}

/** The words of the last segment of a value's path (`csrfCookieToken` -> csrf, cookie, token). */
function lastWords(t: TypeScript, node: ts.Expression): string[] {
  const path = accessPath(t, skipOuterExpressions(t, node))?.map(stripCall);
  const last = path?.[path.length - 1];
  return last ? splitWords(last) : [];
}

/** Any segment of the value's path says it is public: a prefix, a scheme, a default (`opts.prefix.clientSecret`, `DEFAULT_SECRET`). */
function isPublicPart(flow: FlowContext, node: ts.Expression): boolean {
  const t = flow.ts;
  const expr = skipOuterExpressions(t, node);
  const path = expandedPath(flow, expr) ?? accessPath(t, expr);
  if (path?.some((segment) => splitWords(stripCall(segment)).some((w) => PUBLIC_PART_WORDS.has(w)))) return true;
  return isConstantValue(flow, expr) || isSentinelName(t, expr);
}

/** Words by which a constant's name says it marks an absent value rather than holding one. */
const SENTINEL_WORDS: ReadonlySet<string> = new Set(['sentinel', 'marker', 'nonexistent', 'missing', 'unset']);
/** Word pairs that say the same: `API_KEY_NON_EXISTENT`, `TOKEN_NOT_FOUND`, `SECRET_NOT_SET`. */
const SENTINEL_PAIRS = /(?:^|_)(?:NON_EXISTENT|NOT_FOUND|NOT_SET|DOES_NOT_EXIST)(?:_|$)/;

/**
 * `redisApiKey === API_KEY_NON_EXISTENT`: a constant-case name that says it marks an absent value
 * (a negative-cache entry, a "not set" marker) holds a fixed marker, not a secret, wherever it is
 * declared (an import the host cannot resolve included); comparing with it tells the value apart
 * from the marker, nothing secret.
 */
function isSentinelName(t: TypeScript, expr: ts.Expression): boolean {
  const path = accessPath(t, expr);
  const last = path?.[path.length - 1];
  if (!last || !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(last)) return false;
  return SENTINEL_PAIRS.test(last) || splitWords(last).some((w) => SENTINEL_WORDS.has(w.toLowerCase()));
}

/** A value the code shows to be constant: a `const` bound to a literal, or a member of a `const` object literal with a literal value. */
function isConstantValue(flow: FlowContext, node: ts.Expression, depth = 0): boolean {
  const t = flow.ts;
  const expr = skipOuterExpressions(t, node);
  if (depth > 3) return false;
  if (staticString(t, expr) !== undefined || t.isNumericLiteral(expr)) return true;
  if (t.isIdentifier(expr)) {
    const init = constInitializer(t, variableDeclarationOf(flow, expr));
    if (init === undefined) return isStringLiteralTyped(flow, expr);
    return isConstantValue(flow, init, depth + 1);
  }
  if (t.isPropertyAccessExpression(expr) && t.isIdentifier(skipOuterExpressions(t, expr.expression))) {
    const init = constInitializer(
      t,
      variableDeclarationOf(flow, skipOuterExpressions(t, expr.expression) as ts.Identifier),
    );
    const obj = init && skipOuterExpressions(t, init);
    if (!obj || !t.isObjectLiteralExpression(obj)) return false;
    const prop = obj.properties.find(
      (p) => t.isPropertyAssignment(p) && propertyNameText(t, p.name) === expr.name.text,
    );
    return prop !== undefined && t.isPropertyAssignment(prop) && isConstantValue(flow, prop.initializer, depth + 1);
  }
  return false;
}

/**
 * With a checker, a name whose type is one string literal (`declare const X: "api-key-non-existent"`
 * in a built package's `.d.ts`): a constant whose initializer the program does not show.
 */
function isStringLiteralTyped(flow: FlowContext, expr: ts.Identifier): boolean {
  if (!flow.checker) return false;
  try {
    return flow.checker.getTypeAtLocation(expr).isStringLiteral();
  } catch {
    return false;
  }
}

/**
 * `decoded.toString('base64url') !== secret` after `const decoded = Buffer.from(secret, …)`: one
 * side is computed from the other (a canonical-encoding check), so nothing secret is learned.
 */
function isDerivedFrom(flow: FlowContext, value: ts.Expression, other: ts.Expression): boolean {
  const t = flow.ts;
  const otherExpr = skipOuterExpressions(t, other);
  if (!t.isIdentifier(otherExpr)) return false;
  const root = rootIdentifier(flow, value);
  if (!root || root.text === otherExpr.text) return false;
  const init = constInitializer(t, variableDeclarationOf(flow, root));
  if (!init) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isIdentifier(n) && n.text === otherExpr.text) found = true;
    else t.forEachChild(n, visit);
  };
  visit(init);
  return found;
}

/**
 * The comparison sits in a callback that matches list entries in memory (`list.filter((s) => s.token
 * !== token)`) and one operand is read off the entry: bookkeeping over rows the server already holds.
 */
function isListEntryMatch(t: TypeScript, node: ts.Node, operands: readonly ts.Expression[]): boolean {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !isFunctionLike(t, fn)) fn = fn.parent;
  if (!fn || !(t.isArrowFunction(fn) || t.isFunctionExpression(fn))) return false;
  const call = fn.parent;
  if (!call || !t.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  const method = calleeName(t, call.expression);
  if (!method || !LIST_CALLBACK_METHODS.has(method)) return false;
  const params = new Set<string>();
  for (const p of fn.parameters) {
    if (t.isIdentifier(p.name)) params.add(p.name.text);
    else
      p.name.elements.forEach((e) => {
        if (t.isBindingElement(e) && t.isIdentifier(e.name)) params.add(e.name.text);
      });
  }
  return operands.some((o) => {
    const path = accessPath(t, skipOuterExpressions(t, o));
    return path !== undefined && params.has(path[0]!);
  });
}

/**
 * How sure a reported comparison is, from the origins of its operands: `high` when the code shows
 * a presented value or an expected secret on one side and the two sides are not of one origin;
 * `medium` when only names say so, for CSRF and OAuth-state values, for list bookkeeping over
 * entries the server holds, and in code that runs only in development or tests. `undefined` when
 * the evidence shows there is nothing to leak: both sides presented by the requester, or both
 * held by the server.
 */
function comparisonConfidence(
  flow: FlowContext,
  node: ts.Node,
  a: ts.Expression,
  b: ts.Expression,
): Confidence | undefined {
  const t = flow.ts;
  // In the browser nobody but the page's own user can time the comparison: no remote oracle (low).
  if (runsInBrowser(t, node)) return 'low';
  const oa = originsOf(flow, a);
  const ob = originsOf(flow, b);
  const only = (o: Set<Origin>, origin: Origin) => o.size === 1 && o.has(origin);
  if (only(oa, 'presented') && only(ob, 'presented')) {
    // A token kept in the requester's server-side session (a synchronizer CSRF token) is not the requester's to read: medium, not dropped.
    return [a, b].some((o) => mentionsSession(t, o)) ? 'medium' : undefined;
  }
  if (only(oa, 'expected') && only(ob, 'expected')) return undefined;
  // Only names on either side: high when one of them is a parameter that the requester fills (its
  // callers pass request input, a framework decorator or a handler's `input` says so), unless the
  // other side is a record looked up by that very value.
  // Only where a name says "credential" without doubt (`clientSecret`, `token`; not `sessionId`).
  const byCaller =
    oa.size === 0 && ob.size === 0 && [a, b].some((o) => isCredentialNamed(flow, o))
      ? presentedParameterSide(flow, a, b)
      : undefined;
  const held = byCaller === a ? b : a;
  if (
    oa.size === 0 &&
    ob.size === 0 &&
    (!byCaller ||
      lookedUpBy(flow, held, byCaller) ||
      verifiedBefore(flow, node, byCaller) ||
      isVerifiedClaim(flow, held) ||
      isPlainDigest(flow, held, 0))
  )
    return 'medium';
  const presented = oa.has('presented') || ob.has('presented');
  if (!presented && (oa.has('stored') || ob.has('stored'))) return 'medium';
  if ([a, b].some((o) => lastWords(t, o).some((w) => REQUEST_BINDING_WORDS.has(w)))) return 'medium';
  // The requester's own session is no input to match other entries by (`sessions.filter((s) => s.token !== req.session.token)`).
  const sentNow = !byCaller && [a, b].some((o) => originsOf(flow, o).has('presented') && !mentionsSession(t, o));
  if (!sentNow && isListEntryMatch(t, node, [a, b])) return 'medium';
  if (inDevOrTestOnlyBranch(t, node)) return 'medium';
  // `tenantCookie`: named for being a cookie, not for holding a credential; only a server-held secret on the other side says it is one.
  const cookieNamed = [a, b].some((o) => {
    const w = lastWords(t, o);
    return w.length > 0 && classifyName(w.join('_'), flow.classifier).kind === 'cookie';
  });
  if (cookieNamed && !oa.has('expected') && !ob.has('expected')) return 'medium';
  return 'high';
}

/** Decorators that bind a handler parameter to a part of the request (NestJS, routing-controllers, tsoa). */
const REQUEST_PARAMETER_DECORATORS: ReadonlySet<string> = new Set([
  'Body',
  'Query',
  'Param',
  'Params',
  'Headers',
  'Header',
  'Req',
  'Request',
  'Cookies',
  'Cookie',
  'BodyParam',
  'QueryParam',
  'QueryParams',
  'HeaderParam',
  'HeaderParams',
  'CookieParam',
  'CookieParams',
  'Path',
]);
/** Parameter names of a controller method that hold a part of the request (`deleteConnections(body)`). */
const REQUEST_PART_PARAMETERS: ReadonlySet<string> = new Set(['body', 'query', 'params', 'headers', 'cookies']);
/** Class names that say their methods serve requests. */
const CONTROLLER_CLASS = /(?:Controller|Handler|Resource)$/;
/** How many callers deep `presentedParameter` follows a parameter (`controller -> service -> helper`). */
const MAX_CALLER_DEPTH = 3;

/** A parameter, and the fields read off it on the way to the compared value (`body.client_secret`: `['client_secret']`). */
interface ParameterPath {
  readonly parameter: ts.ParameterDeclaration;
  readonly path: readonly string[];
}

/**
 * The operand of `a`/`b` that is a parameter the requester fills, when the other is not: compared
 * values that the code shows no origin for (see `originsOf`), followed back to a parameter of their
 * function. Two such parameters (both sides sent by the requester) or none: undefined.
 */
function presentedParameterSide(flow: FlowContext, a: ts.Expression, b: ts.Expression): ts.Expression | undefined {
  const [pa, pb] = [a, b].map((o) => {
    const behind = parameterBehind(flow, o, 0);
    return behind !== undefined && isPresentedParameter(flow, behind, 0);
  });
  return pa === pb ? undefined : pa ? a : b;
}

/**
 * The parameter a value is read from in its function: directly, through `const`s, destructuring
 * (`({ input: { token } })`), member reads (`body.clientSecret`), `?:`, `||`/`??`, `await` and
 * text-keeping methods (`token.trim()`).
 */
function parameterBehind(flow: FlowContext, node: ts.Expression, depth: number): ParameterPath | undefined {
  const t = flow.ts;
  const expr = skipOuterExpressions(t, node);
  if (depth > MAX_ORIGIN_DEPTH) return undefined;
  const next = (e: ts.Expression) => parameterBehind(flow, e, depth + 1);
  if (t.isAwaitExpression(expr)) return next(expr.expression);
  if (t.isConditionalExpression(expr)) return next(expr.whenTrue) ?? next(expr.whenFalse);
  if (
    t.isBinaryExpression(expr) &&
    (expr.operatorToken.kind === t.SyntaxKind.BarBarToken ||
      expr.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken)
  )
    return next(expr.left) ?? next(expr.right);
  if (t.isCallExpression(expr)) {
    const callee = skipOuterExpressions(t, expr.expression);
    const method = calleeName(t, callee);
    return t.isPropertyAccessExpression(callee) && method && PASS_THROUGH_METHODS.includes(method)
      ? next(callee.expression)
      : undefined;
  }
  if (t.isPropertyAccessExpression(expr)) {
    const inner = next(expr.expression);
    return inner && { parameter: inner.parameter, path: [...inner.path, expr.name.text] };
  }
  if (!t.isIdentifier(expr)) return undefined;
  const decl = declarationOf(flow, expr);
  if (!decl) return undefined;
  if (t.isParameter(decl)) return { parameter: decl, path: [] };
  if (t.isVariableDeclaration(decl)) {
    const init = constInitializer(t, decl);
    return init ? next(init) : undefined;
  }
  if (!t.isBindingElement(decl)) return undefined;
  // `{ input: { 'hub.verify_token': token } }`: the keys from the pattern's root down to the binding;
  // a rest element (`{ name, ...clientInfo }`) holds the other fields under their own keys.
  const keys: string[] = [];
  let element: ts.Node = decl;
  while (t.isBindingElement(element)) {
    if (!t.isObjectBindingPattern(element.parent)) return undefined;
    const key = element.dotDotDotToken
      ? ''
      : element.propertyName
        ? propertyNameText(t, element.propertyName)
        : t.isIdentifier(element.name)
          ? element.name.text
          : undefined;
    if (key === undefined) return undefined;
    if (key !== '') keys.unshift(key);
    element = element.parent.parent;
  }
  if (t.isParameter(element)) return { parameter: element, path: keys };
  if (t.isVariableDeclaration(element) && element.initializer) {
    const inner = next(element.initializer);
    return inner && { parameter: inner.parameter, path: [...inner.path, ...keys] };
  }
  return undefined;
}

/**
 * The requester fills the parameter: a decorator binds it to the request (`@Query('token')`,
 * `@Body()`), it is a procedure's `input` (`({ input }) => …` of tRPC and oRPC), it is named as a
 * part of the request (`body`, `query`, `headers`) in a method of a controller, or the calls of its
 * function (in the whole program with a checker, in its file without) pass request input for it,
 * directly or through their own parameters.
 */
function isPresentedParameter(flow: FlowContext, given: ParameterPath, depth: number): boolean {
  const t = flow.ts;
  const { parameter, path } = given;
  const decorators = t.canHaveDecorators(parameter) ? (t.getDecorators(parameter) ?? []) : [];
  if (
    decorators.some((d) => {
      const expr = skipOuterExpressions(t, d.expression);
      const name = calleeName(t, t.isCallExpression(expr) ? expr.expression : expr);
      return name !== undefined && REQUEST_PARAMETER_DECORATORS.has(name);
    })
  )
    return true;
  const fn = parameter.parent;
  const name = t.isIdentifier(parameter.name) ? parameter.name.text : undefined;
  if (path[0] === 'input' && fn.parameters[0] === parameter) return true;
  if (name !== undefined && REQUEST_PART_PARAMETERS.has(name) && t.isMethodDeclaration(fn)) {
    const cls = fn.parent;
    const className = t.isClassLike(cls) && cls.name ? cls.name.text : undefined;
    if (className !== undefined && CONTROLLER_CLASS.test(className)) return true;
  }
  if (depth >= MAX_CALLER_DEPTH || !isFunctionLike(t, fn) || parameter.dotDotDotToken) return false;
  const index = callerParameters(t, fn).indexOf(parameter);
  if (index < 0) return false;
  return callersOf(flow, fn).some((call) => {
    if (call.arguments.slice(0, index + 1).some((arg) => t.isSpreadElement(arg))) return false;
    const arg = call.arguments[index];
    // A token whose signature the caller (or its passport-jwt strategy) checked first cannot be varied byte by byte.
    if (!arg || verifiedBefore(flow, call, arg) || inJwtStrategy(t, call)) return false;
    return passesPresented(flow, arg, path, depth);
  });
}

/**
 * The call sits in a passport-jwt strategy (`super({ jwtFromRequest, secretOrKey })` in its class's
 * constructor): its `validate` runs only after the strategy verified the token's signature.
 */
function inJwtStrategy(t: TypeScript, call: ts.Node): boolean {
  let cls: ts.Node | undefined = call.parent;
  while (cls && !t.isClassLike(cls)) cls = cls.parent;
  if (!cls) return false;
  const ctor = (cls as ts.ClassLikeDeclaration).members.find((m) => t.isConstructorDeclaration(m));
  if (!ctor) return false;
  return forEachDescendant(t, ctor, (node) => {
    if (!t.isCallExpression(node) || node.expression.kind !== t.SyntaxKind.SuperKeyword) return undefined;
    return node.arguments.some((arg) => {
      const object = skipOuterExpressions(t, arg);
      return (
        t.isObjectLiteralExpression(object) &&
        object.properties.some((p) => p.name !== undefined && propertyNameText(t, p.name) === 'jwtFromRequest')
      );
    })
      ? 'stop'
      : undefined;
  });
}

/** What a caller passes for a parameter is request input, at the fields `path` read off it. */
function passesPresented(flow: FlowContext, arg: ts.Expression, path: readonly string[], depth: number): boolean {
  const t = flow.ts;
  const expr = skipOuterExpressions(t, arg);
  // `verify({ token: req.query.token })`, `remove({ ...body, strategy })`: the field the callee reads.
  if (t.isObjectLiteralExpression(expr) && path.length > 0) {
    return expr.properties.some((p) => {
      if (t.isSpreadAssignment(p)) return passesPresented(flow, p.expression, path, depth);
      if (propertyNameText(t, p.name) !== path[0]) return false;
      const value = t.isPropertyAssignment(p) ? p.initializer : t.isShorthandPropertyAssignment(p) ? p.name : undefined;
      return value !== undefined && passesPresented(flow, value, path.slice(1), depth);
    });
  }
  if (originsOf(flow, expr).has('presented')) return !mentionsSession(t, expr);
  const behind = parameterBehind(flow, expr, 0);
  return (
    behind !== undefined &&
    isPresentedParameter(flow, { parameter: behind.parameter, path: [...behind.path, ...path] }, depth + 1)
  );
}

/**
 * `const row = await db.find({ where: { token } }); row.token === token`: the record was looked up by
 * the presented value itself, so the comparison only re-checks what the query matched.
 */
function lookedUpBy(flow: FlowContext, record: ts.Expression, presented: ts.Expression): boolean {
  const t = flow.ts;
  const root = rootIdentifier(flow, record);
  // The presented value as written (`token`, `body.clientSecret`): the lookup must use that very value.
  const value = skipOuterExpressions(t, presented)
    .getText()
    .replace(/\s+|\?/g, '');
  if (!root || value === root.text) return false;
  const isValue = (node: ts.Node) =>
    (t.isIdentifier(node) || t.isPropertyAccessExpression(node)) && node.getText().replace(/\s+|\?/g, '') === value;
  const decl = variableDeclarationOf(flow, root);
  let init = decl && t.isVariableDeclaration(decl) ? decl.initializer : undefined;
  while (
    init &&
    (t.isAwaitExpression(skipOuterExpressions(t, init)) || t.isCallExpression(skipOuterExpressions(t, init)))
  ) {
    const expr = skipOuterExpressions(t, init);
    if (t.isAwaitExpression(expr)) {
      init = expr.expression;
      continue;
    }
    const call = expr as ts.CallExpression;
    const mentions = call.arguments.some(
      (arg) => isValue(arg) || forEachDescendant(t, arg, (node) => (isValue(node) ? 'stop' : undefined)),
    );
    if (mentions) return true;
    // `db.select().from(t).where(eq(t.token, token))`: the chain before the last call.
    const callee = skipOuterExpressions(t, call.expression);
    init = t.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  }
  return false;
}

/** Words of a call that checks a token's signature (`jwt.verify(token)`, `verifyEmailChangeJwt(token)`). */
const SIGNATURE_CHECK_WORDS: ReadonlySet<string> = new Set(['verify']);

/**
 * `verifyEmailChangeJwt(token)` earlier in the comparison's function, with the presented value: its
 * signature was checked first, so the requester cannot vary it byte by byte (a revocation check
 * against the stored copy follows).
 */
function verifiedBefore(flow: FlowContext, comparison: ts.Node, presented: ts.Expression): boolean {
  const t = flow.ts;
  const root = rootIdentifier(flow, presented);
  if (!root) return false;
  return forEachDescendant(t, enclosingFunctionOrFile(t, comparison), (node) => {
    if (node.pos >= comparison.pos) return 'skip';
    if (!t.isCallExpression(node)) return undefined;
    const name = calleeName(t, node.expression);
    if (!name || !splitWords(name).some((w) => SIGNATURE_CHECK_WORDS.has(w))) return undefined;
    return node.arguments.some((arg) => {
      const expr = skipOuterExpressions(t, arg);
      return t.isIdentifier(expr) && expr.text === root.text;
    })
      ? 'stop'
      : undefined;
  });
}

/**
 * `payload.secret` after `const payload = await jwtService.verifyAsync(refreshToken)`: a claim of a
 * token the requester sent and the server verified, so both sides come from the requester.
 */
function isVerifiedClaim(flow: FlowContext, held: ts.Expression): boolean {
  const t = flow.ts;
  const root = rootIdentifier(flow, held);
  const decl = root ? variableDeclarationOf(flow, root) : undefined;
  let init = decl && t.isVariableDeclaration(decl) ? decl.initializer : undefined;
  while (init && (t.isAwaitExpression(skipOuterExpressions(t, init)) || isCatchCall(t, init)))
    init = t.isAwaitExpression(skipOuterExpressions(t, init))
      ? (skipOuterExpressions(t, init) as ts.AwaitExpression).expression
      : ((skipOuterExpressions(t, init) as ts.CallExpression).expression as ts.PropertyAccessExpression).expression;
  const call = init && skipOuterExpressions(t, init);
  if (!call || !t.isCallExpression(call)) return false;
  const name = calleeName(t, call.expression);
  return name !== undefined && splitWords(name).some((w) => SIGNATURE_CHECK_WORDS.has(w));
}

/** `promise.catch(…)`, `promise.then(…)`: the promise's own value (or a failure). */
function isCatchCall(t: TypeScript, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, node);
  return (
    t.isCallExpression(expr) && t.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'catch'
  );
}

/**
 * An unkeyed digest of data that names no secret (`createHash('sha256').update(`${type}:${messageId}`)`),
 * here or returned by a project function the code shows: anyone can compute it from what it is made
 * of, so a presented value compared with it learns nothing secret.
 */
function isPlainDigest(flow: FlowContext, node: ts.Expression, depth: number): boolean {
  const t = flow.ts;
  let expr = skipOuterExpressions(t, node);
  if (depth > 2) return false;
  if (t.isIdentifier(expr)) {
    const init = constInitializer(t, variableDeclarationOf(flow, expr));
    if (!init) return false;
    expr = skipOuterExpressions(t, init);
  }
  if (!t.isCallExpression(expr)) return false;
  const path = accessPath(t, expr)?.map(stripCall) ?? [];
  if (
    path.includes('createHash') &&
    path.includes('digest') &&
    !path.some((s) => /^(?:createHmac|hmac|sign)$/i.test(s))
  )
    return updatedSecret(t, expr, flow.checker, flow.classifier) === undefined;
  const fn = calledFunction(flow, expr.expression);
  const returned = fn ? returnExpressions(t, fn) : [];
  return returned.length === 1 && isPlainDigest(flow, returned[0]!, depth + 1);
}

/**
 * `if (licenseKey.trim() !== org.licenseKey) { updates.licenseKey = licenseKey.trim(); … }`: an
 * inequality that decides whether an update saves the new value, which its branch then assigns;
 * change detection by a caller allowed to set the value, not a check of a credential.
 */
function isChangeDetection(t: TypeScript, node: ts.BinaryExpression): boolean {
  const k = node.operatorToken.kind;
  if (k !== t.SyntaxKind.ExclamationEqualsEqualsToken && k !== t.SyntaxKind.ExclamationEqualsToken) return false;
  let at: ts.Node = node;
  while (
    t.isParenthesizedExpression(at.parent) ||
    (t.isBinaryExpression(at.parent) && at.parent.operatorToken.kind === t.SyntaxKind.AmpersandAmpersandToken)
  )
    at = at.parent;
  const statement = at.parent;
  if (!t.isIfStatement(statement) || statement.expression !== at) return false;
  const texts = new Set([node.left, node.right].map((o) => compactText(skipOuterExpressions(t, o))));
  return forEachDescendant(t, statement.thenStatement, (n) => {
    if (isFunctionLike(t, n)) return 'skip';
    return t.isBinaryExpression(n) &&
      n.operatorToken.kind === t.SyntaxKind.EqualsToken &&
      texts.has(compactText(skipOuterExpressions(t, n.right)))
      ? 'stop'
      : undefined;
  });
}

const compactText = (node: ts.Node): string => node.getText().replace(/\s+/g, '');
