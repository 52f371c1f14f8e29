import type * as ts from 'typescript';
import { defineCheck, type CheckContext, type TypeScript } from '../check.js';
import {
  accessPath,
  calleeName,
  constInitializer,
  enclosingFunctionOrFile,
  forEachDescendant,
  isFunctionLike,
  propertyNameText,
  resolveIdentifier,
  skipOuterExpressions,
} from '../ast/index.js';
import { type CipherApi } from '../catalogs/crypto-apis.js';
import {
  AEAD_CIPHER_FAMILIES,
  ARGON2_ACCEPTED,
  ARGON2_OPTION_NAMES,
  BROKEN_HASH_ALGORITHMS,
  BROKEN_HASH_FUNCTIONS,
  PBKDF2_MIN_ITERATIONS,
  SCRYPT_ACCEPTED,
  SCRYPT_DEFAULTS,
  SCRYPT_MIN_BLOCK_SIZE,
  SCRYPT_OPTION_NAMES,
  WEAK_CIPHER_PATTERN,
  type CostedApi,
} from '../catalogs/crypto-costs.js';
import { apiLocationOf } from '../nonce/api-location.js';
import { constString, objectLiteralOf, objectPropertyValue as propertyOf, staticNumber } from '../ast/values.js';
import { classifyName, splitWords, type ClassifierOptions, type SecretKind } from '../names/index.js';
import { isTestFile } from '../test-files.js';
import { inDevOrTestOnlyBranch } from '../context/branch.js';
import { cipherFamilyOf, findCipherApi, findCostedApi } from '../nonce/crypto-lookup.js';
import { accessorSecretName, stripCall } from '../flow/source-names.js';
import { createFlowContext, type FlowContext } from '../flow/context.js';
import { calledFunction } from '../flow/callees.js';
import { crossFunctionFlows, crossingText, type SinkRecognizer } from '../flow/summaries/index.js';

export interface NoWeakCryptoOptions {
  /** Smallest accepted RSA/DSA modulus in bits. */
  readonly minRsaModulusLength: number;
  /** Smallest accepted bcrypt cost (log2 rounds). */
  readonly minBcryptCost: number;
  /** Report fast hashes (any `createHash`) of passwords, not only MD5 and SHA-1. */
  readonly checkFastPasswordHash: boolean;
  /** Report `Math.random()` that produces tokens, keys, nonces, salts or passwords. */
  readonly checkMathRandom: boolean;
  /** Skip KDF cost and key size findings in test files, which lower them on purpose. */
  readonly ignoreCostInTestFiles: boolean;
}

type MessageId =
  | 'derivedIv'
  | 'ecbMode'
  | 'weakCipher'
  | 'weakHashForSecret'
  | 'fastPasswordHash'
  | 'pbkdf2Iterations'
  | 'pbkdf2WeakDigest'
  | 'scryptCost'
  | 'argon2Cost'
  | 'bcryptCost'
  | 'shortRsaKey'
  | 'mathRandomSecret'
  | 'missingAuthTag'
  | 'shortAuthTag';

/** Kinds a broken hash must not protect: anything that is itself a credential. */
const HASHED_SECRET_KINDS: ReadonlySet<SecretKind> = new Set([
  'password',
  'token',
  'api-key',
  'secret',
  'client-secret',
  'credential',
  'session',
  'otp',
  'signing-key',
  'private-key',
]);
/** Words of a generated value that must be unpredictable, besides secret names: nonces, salts, IVs. */
const UNPREDICTABLE_WORDS = new Set([
  'nonce',
  'salt',
  'iv',
  'otp',
  'secret',
  'token',
  'password',
  'passphrase',
  'key',
  'csrf',
]);
/**
 * Qualifiers that make a salt or nonce part of a name (`nameSalt` in `temp-${time}-${nameSalt}-index`,
 * `fileNonce`, `cacheBustSalt`): it keeps names apart, nobody gains by predicting it.
 */
const NAMING_QUALIFIERS = new Set([
  'name',
  'file',
  'filename',
  'path',
  'dir',
  'folder',
  'index',
  'table',
  'cache',
  'bust',
]);
/** Calls whose numeric arguments are cut points: a random one places characters, it makes none. */
const POSITION_METHODS = new Set(['slice', 'substring', 'substr', 'splice', 'insert', 'insertAt']);
/** `code` names a one-time secret next to one of these (`resetCode`, `verificationCode`, `inviteCode`). */
const ONE_TIME_CODE_QUALIFIERS = new Set([
  'reset',
  'verification',
  'verify',
  'confirmation',
  'confirm',
  'login',
  'auth',
  'invite',
  'magic',
  'recovery',
  'activation',
  'pairing',
  'mfa',
  // PKCE's `codeVerifier` (RFC 7636 asks for a CSPRNG): whoever predicts it redeems an intercepted code.
  'verifier',
]);
/** Words of a generator name that promise an unpredictable value (`generateToken`, `makeNonce`). */
const GENERATOR_VERBS = new Set(['generate', 'gen', 'make', 'create', 'new', 'random', 'issue', 'mint']);

const NODE = 'node:crypto';
/** Findings about work factors and key sizes, which tests lower on purpose. */
const COST_MESSAGES: ReadonlySet<string> = new Set<MessageId>([
  'pbkdf2Iterations',
  'scryptCost',
  'argon2Cost',
  'bcryptCost',
  'shortRsaKey',
]);

/**
 * The floors below which a cost or key size is weak by published guidance (OWASP: bcrypt cost 10;
 * NIST SP 800-57: RSA 2048 bits). A value at or above them that a raised option (`strict`'s 12 and
 * 3072) still reports is a stricter policy's finding, not a weakness: medium, so the same code is
 * never high in `strict` and absent from `recommended`.
 */
const BASELINE_BCRYPT_COST = 10;
const BASELINE_RSA_MODULUS_LENGTH = 2048;

/**
 * Flags weak cryptography: IV-less `createCipher`, ECB, DES/3DES/RC4/Blowfish, MD5/SHA-1 (and
 * fast hashes) over passwords and tokens, PBKDF2/scrypt/argon2/bcrypt below OWASP's minimums,
 * RSA keys under 2048 bits, `Math.random()` for secrets, and AEAD decryption without an auth tag.
 */
export const noWeakCrypto = defineCheck<NoWeakCryptoOptions, MessageId>({
  id: 'no-weak-crypto',
  meta: {
    type: 'problem',
    description: 'Disallow broken ciphers and modes, fast or weak password hashing, short keys and predictable secrets',
    messages: {
      derivedIv:
        '{{api}}() derives key and IV from the password with one round of MD5, so every message gets the same IV: use createCipheriv with a random IV (and a KDF for passwords).',
      ecbMode: "'{{algorithm}}' uses ECB mode, which encrypts equal blocks to equal ciphertext: use AES-256-GCM.",
      weakCipher: "'{{algorithm}}' is a broken or 64-bit-block cipher: use AES-256-GCM or ChaCha20-Poly1305.",
      weakHashForSecret:
        '{{algorithm}} over {{what}} is broken for this use: use HMAC-SHA-256 for tokens and argon2id, scrypt or bcrypt for passwords.',
      fastPasswordHash: '{{algorithm}} is a fast hash; passwords need a slow, salted one: argon2id, scrypt or bcrypt.',
      pbkdf2Iterations:
        'PBKDF2-HMAC-{{digest}} with {{iterations}} iterations is below the {{minimum}} OWASP recommends.',
      pbkdf2WeakDigest: "PBKDF2 with '{{digest}}' uses a broken hash: use sha256 with at least 600,000 iterations.",
      scryptCost:
        'scrypt with N={{N}}, r={{r}}, p={{p}} is below OWASP guidance (N=2^17, r=8, p=1 or equivalent); raise maxmem accordingly.',
      argon2Cost:
        'argon2 with memoryCost={{memory}} KiB and timeCost={{time}} is below OWASP guidance (19 MiB and 2 passes, or equivalent).',
      bcryptCost: 'bcrypt cost {{cost}} is below the minimum of {{minimum}}.',
      shortRsaKey: '{{type}} key of {{bits}} bits is too short: use at least {{minimum}} bits.',
      mathRandomSecret: "Math.random() is predictable; '{{name}}' needs crypto.randomBytes, randomInt or randomUUID.",
      missingAuthTag:
        "'{{algorithm}}' decryption never calls setAuthTag() on this decipher, so forged ciphertext is accepted.",
      shortAuthTag: 'An authentication tag of {{bytes}} bytes makes forgery feasible: use the full 16 bytes.',
    },
    schema: {
      type: 'object',
      properties: {
        minRsaModulusLength: {
          type: 'integer',
          minimum: 1024,
          description: 'Smallest accepted RSA/DSA modulus in bits.',
        },
        minBcryptCost: {
          type: 'integer',
          minimum: 4,
          maximum: 31,
          description: 'Smallest accepted bcrypt cost (log2 rounds).',
        },
        checkFastPasswordHash: {
          type: 'boolean',
          description: 'Report fast hashes (any createHash algorithm) of passwords, not only MD5 and SHA-1.',
        },
        checkMathRandom: {
          type: 'boolean',
          description: 'Report Math.random() that produces tokens, keys, nonces, salts or passwords.',
        },
        ignoreCostInTestFiles: {
          type: 'boolean',
          description:
            'Skip KDF cost and key size findings in test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `tests/`), which lower them on purpose.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      minRsaModulusLength: BASELINE_RSA_MODULUS_LENGTH,
      minBcryptCost: BASELINE_BCRYPT_COST,
      checkFastPasswordHash: true,
      checkMathRandom: true,
      ignoreCostInTestFiles: true,
    },
    strictOptions: { minRsaModulusLength: 3072, minBcryptCost: 12 },
    level: 'recommended',
  },
  create(hostContext) {
    const t = hostContext.ts;
    const classifier: ClassifierOptions = hostContext.settings;
    // Tests lower KDF costs and key sizes on purpose, to run fast.
    const relaxCosts =
      hostContext.options.ignoreCostInTestFiles &&
      isTestFile(hostContext.sourceFile.fileName, undefined, hostContext.program?.getCurrentDirectory());
    const context: Context = relaxCosts
      ? { ...hostContext, report: (r) => (COST_MESSAGES.has(r.messageId) ? undefined : hostContext.report(r)) }
      : hostContext;
    let flow: FlowContext | undefined;
    return {
      visit(node) {
        if (!t.isCallExpression(node)) return;
        const location = apiLocationOf(t, node.expression) ?? promisifiedLocation(t, node.expression);
        // `md5Hex(password)` whose body (in this file, or with a checker anywhere) hashes its parameter with MD5.
        flow ??= createFlowContext(t, { checker: context.checker, settings: context.settings });
        if (!location) {
          if (context.options.checkMathRandom) checkRandomHelperCall(context, flow, node, classifier);
          return checkHashHelper(context, flow, node);
        }
        const { module, path } = location;
        const api = findCipherApi(module, path);
        if (api) return checkCipher(context, node, api);
        const name = path.join('.');
        if (module === NODE) {
          if (name === 'createHash' || name === 'hash') return checkHash(context, node, classifier);
        }
        const costed = findCostedApi(module, path);
        if (costed) return checkCost(context, node, costed);
        if (module === NODE || module === 'global') {
          const subtle = subtleMethod(module, path);
          if (subtle === 'deriveBits' || subtle === 'deriveKey') return checkSubtleDerive(context, node);
          if (subtle === 'generateKey') return checkSubtleGenerateKey(context, node);
          if (subtle === 'digest') return checkSubtleDigest(context, node, classifier);
        }
        if (module === 'global' && name === 'Math.random') {
          if (context.options.checkMathRandom) checkMathRandom(context, node, classifier);
          return;
        }
        const brokenFn = BROKEN_HASH_FUNCTIONS.find((f) => f.module === module && f.path.join('.') === name);
        if (brokenFn) checkHashedValue(context, node, brokenFn.name, node.arguments[0], classifier);
        else checkHashHelper(context, flow, node);
      },
    };
  },
});

type Context = CheckContext<NoWeakCryptoOptions, MessageId>;

/**
 * Where a `promisify`d API comes from: `const pbkdf2Async = promisify(pbkdf2)` (or `util.promisify`)
 * -> `pbkdf2`'s location. The promise version takes the same arguments, less the callback.
 */
function promisifiedLocation(t: TypeScript, callee: ts.Expression): ReturnType<typeof apiLocationOf> {
  const id = skipOuterExpressions(t, callee);
  const init = t.isIdentifier(id) ? constInitializer(t, resolveIdentifier(t, id, undefined)) : undefined;
  const wrapped = init && skipOuterExpressions(t, init);
  if (!wrapped || !t.isCallExpression(wrapped) || wrapped.arguments.length !== 1) return undefined;
  const wrapper = apiLocationOf(t, wrapped.expression);
  if (!wrapper || !['node:util', 'util'].includes(wrapper.module) || wrapper.path.join('.') !== 'promisify')
    return undefined;
  return apiLocationOf(t, wrapped.arguments[0]!);
}

/** Hash algorithms as messages name them (`MD5`, `SHA-1`) that are broken whatever they protect. */
const BROKEN_HASH_DISPLAYS: ReadonlySet<string> = new Set([
  ...[...BROKEN_HASH_ALGORITHMS].map(displayHash),
  ...BROKEN_HASH_FUNCTIONS.map((f) => f.name),
]);

/**
 * Hashing as a summary sees it: `createHash(alg).update(x)`, `crypto.hash(alg, x)` and the broken
 * hash packages (`md5(x)`): the hashed values reach a sink named by the algorithm (`MD5`, `SHA-256`).
 */
const HASH_SINK: SinkRecognizer = {
  key: 'no-weak-crypto:hash',
  sinkOf(ctx, call) {
    const t = ctx.ts;
    const location = apiLocationOf(t, call.expression);
    if (!location) return undefined;
    const name = location.path.join('.');
    if (location.module === NODE && (name === 'createHash' || name === 'hash')) {
      const algorithm = call.arguments[0] && constString(t, call.arguments[0]);
      if (algorithm === undefined) return undefined;
      const values = call.arguments.length >= 2 ? [call.arguments[1]!] : updateArguments(t, call);
      return { display: displayHash(algorithm), values };
    }
    const broken = BROKEN_HASH_FUNCTIONS.find((f) => f.module === location.module && f.path.join('.') === name);
    return broken && call.arguments[0] ? { display: broken.name, values: [call.arguments[0]] } : undefined;
  },
};

/**
 * A credential handed to a helper that hashes it with a broken hash (`md5Hex(password)`, the helper
 * in another module), or a password to one with a fast hash. A helper whose own name says what it
 * hashes (`hashPassword(input)`) is reported in its body instead.
 */
function checkHashHelper(context: Context, flow: FlowContext, call: ts.CallExpression): void {
  const t = context.ts;
  for (const cross of crossFunctionFlows(flow, call, HASH_SINK)) {
    const kind = cross.flow.source.kind as SecretKind;
    if (!HASHED_SECRET_KINDS.has(kind)) continue;
    const helper = namedEnclosingFunction(t, cross.sinkNode);
    const hashes = (w: string) => {
      const c = classifyName(w, context.settings);
      return c.isSecret && c.kind !== undefined && HASHED_SECRET_KINDS.has(c.kind);
    };
    if (helper && splitWords(helper).some(hashes)) continue;
    const algorithm = crossingText(flow, cross, { sourceFile: context.sourceFile, path: context.file.path });
    if (BROKEN_HASH_DISPLAYS.has(cross.sink)) {
      context.report({
        node: cross.flow.at,
        messageId: 'weakHashForSecret',
        data: { algorithm, what: `'${cross.flow.source.name}'` },
      });
    } else if (kind === 'password' && context.options.checkFastPasswordHash) {
      context.report({ node: cross.flow.at, messageId: 'fastPasswordHash', data: { algorithm } });
    }
  }
}

function checkCipher(context: Context, call: ts.CallExpression, api: CipherApi): void {
  const t = context.ts;
  if (api.derivesIvFromPassword) {
    context.report({
      node: call.expression,
      messageId: 'derivedIv',
      data: { api: stripCall(api.locations[0]!.path.join('.')) },
    });
    return;
  }
  const slot = api.algorithm;
  let algorithm: string | undefined;
  let algorithmNode: ts.Node = call;
  if (slot.kind === 'fixed') {
    if (slot.family === 'ECB')
      context.report({ node: call.expression, messageId: 'ecbMode', data: { algorithm: api.id } });
    return;
  }
  const arg = call.arguments[slot.index];
  const value = arg && (slot.property ? propertyOf(t, arg, slot.property) : arg);
  if (value) {
    algorithm = constString(t, value);
    algorithmNode = value;
  }
  if (algorithm === undefined) return;
  if (WEAK_CIPHER_PATTERN.test(algorithm)) {
    context.report({ node: algorithmNode, messageId: 'weakCipher', data: { algorithm } });
    return;
  }
  const family = cipherFamilyOf(algorithm);
  if (family === 'ECB') {
    context.report({ node: algorithmNode, messageId: 'ecbMode', data: { algorithm } });
    return;
  }
  if (api.library === 'webcrypto') return checkSubtleTagLength(context, call);
  if (api.library !== 'node:crypto' || !family || !AEAD_CIPHER_FAMILIES.has(family)) return;
  // node:crypto AEAD: `{ authTagLength }` in the options argument.
  const options = call.arguments[3];
  const tagLength = options && propertyOf(t, options, 'authTagLength');
  const bytes = tagLength ? staticNumber(t, tagLength) : undefined;
  if (tagLength && bytes !== undefined && bytes < 16)
    context.report({ node: tagLength, messageId: 'shortAuthTag', data: { bytes } });
  if (api.direction === 'decrypt') checkAuthTagSet(context, call, algorithm);
}

/** A GCM/CCM/OCB decipher must get `setAuthTag` before `final()`; looks for it in the same function. */
function checkAuthTagSet(context: Context, call: ts.CallExpression, algorithm: string): void {
  const t = context.ts;
  let holder: ts.Node = call;
  while (
    holder.parent &&
    (t.isParenthesizedExpression(holder.parent) ||
      t.isAsExpression(holder.parent) ||
      t.isNonNullExpression(holder.parent))
  ) {
    holder = holder.parent;
  }
  const parent = holder.parent;
  if (parent && t.isPropertyAccessExpression(parent) && parent.expression === holder) {
    // `createDecipheriv(...).setAuthTag(tag)` chains are fine; `.update(...)` straight away is not.
    if (parent.name.text === 'setAuthTag') return checkTagArgument(context, parent.parent);
    context.report({ node: call, messageId: 'missingAuthTag', data: { algorithm } });
    return;
  }
  if (!parent || !t.isVariableDeclaration(parent) || !t.isIdentifier(parent.name)) return; // returned or passed on: the caller decides.
  const variable = parent.name.text;
  const scope = enclosingFunctionOrFile(t, call);
  let setsTag = false;
  let escapes = false;
  forEachDescendant(t, scope, (node) => {
    if (t.isIdentifier(node) && node.text === variable && node !== parent.name) {
      const use = node.parent;
      if (use && t.isPropertyAccessExpression(use) && use.expression === node) {
        if (use.name.text === 'setAuthTag') {
          setsTag = true;
          checkTagArgument(context, use.parent);
        }
      } else {
        escapes = true; // returned, passed to a helper, stored: someone else may set the tag.
      }
    }
    return setsTag || escapes ? 'stop' : undefined;
  });
  if (!setsTag && !escapes) context.report({ node: call, messageId: 'missingAuthTag', data: { algorithm } });
}

/** `setAuthTag(tag.subarray(0, 8))`: a tag cut shorter than 16 bytes. */
function checkTagArgument(context: Context, maybeCall: ts.Node | undefined): void {
  const t = context.ts;
  if (!maybeCall || !t.isCallExpression(maybeCall)) return;
  const tag = maybeCall.arguments[0];
  if (!tag) return;
  const bytes = slicedLength(t, tag);
  if (bytes !== undefined && bytes < 16) context.report({ node: tag, messageId: 'shortAuthTag', data: { bytes } });
}

/** The length of `x.subarray(a, b)` / `x.slice(a, b)` with static bounds, or of a const holding one. */
function slicedLength(t: TypeScript, node: ts.Expression): number | undefined {
  let expr = skipOuterExpressions(t, node);
  if (t.isIdentifier(expr)) {
    const init = constInitializer(t, resolveIdentifier(t, expr, undefined));
    if (!init) return undefined;
    expr = skipOuterExpressions(t, init);
  }
  if (!t.isCallExpression(expr) || !t.isPropertyAccessExpression(expr.expression)) return undefined;
  const method = expr.expression.name.text;
  if (method !== 'subarray' && method !== 'slice') return undefined;
  const [startArg, endArg] = expr.arguments;
  const start = startArg ? staticNumber(t, startArg) : 0;
  const end = endArg ? staticNumber(t, endArg) : undefined;
  if (start === undefined || end === undefined || start < 0 || end < 0) return undefined;
  return end - start;
}

function checkHash(context: Context, call: ts.CallExpression, classifier: ClassifierOptions): void {
  const t = context.ts;
  const algorithmArg = call.arguments[0];
  const algorithm = algorithmArg && constString(t, algorithmArg);
  if (algorithm === undefined) return;
  // `crypto.hash(alg, data)` takes the data directly; `createHash(alg)` gets it through `.update()`.
  const data = call.arguments.length >= 2 ? call.arguments[1] : undefined;
  checkHashedValue(
    context,
    call,
    displayHash(algorithm),
    data,
    classifier,
    BROKEN_HASH_ALGORITHMS.has(algorithm.toLowerCase()),
  );
}

/**
 * Reports a hash over a secret: the data is a secret-named value (directly, through `.update()`
 * on the chain or on the variable holding the hash), or the result is stored under a secret name
 * (`const passwordHash = md5(…)`, `const token = sha1(…)`).
 */
function checkHashedValue(
  context: Context,
  call: ts.CallExpression,
  algorithm: string,
  directData: ts.Expression | undefined,
  classifier: ClassifierOptions,
  broken = true,
): void {
  const t = context.ts;
  const inputs: ts.Expression[] = directData ? [directData] : updateArguments(t, call);
  let kind: SecretKind | undefined;
  let what: string | undefined;
  for (const input of inputs) {
    const named = secretNameOf(t, input, classifier);
    if (named) {
      kind = named.kind;
      what = named.name;
      break;
    }
  }
  // `'ewhk_' + md5(randomUUID())`: the hash only formats fresh random bytes as hex; the key is the
  // randomness, and no attacker chooses the input, so no collision or preimage weakness applies.
  if (!kind && inputs.length > 0 && inputs.every((input) => isFreshRandom(t, input))) return;
  if (!kind) {
    const target = resultName(t, call);
    const c = target ? classifyName(target, classifier) : undefined;
    if (c && c.kind && (c.isSecret || c.verdict === 'protected') && HASHED_SECRET_KINDS.has(c.kind)) {
      kind = c.kind;
      what = target;
    }
  }
  if (!kind && inputs.length > 0) {
    // `function hashPassword(input) { return md5(input) }`, `masterPasswordCheck(candidate)`: the function says what is hashed.
    const fnName = namedEnclosingFunction(t, call);
    const word =
      fnName &&
      splitWords(fnName).find((w) => {
        const c = classifyName(w, classifier);
        return c.isSecret && c.kind !== undefined && HASHED_SECRET_KINDS.has(c.kind);
      });
    if (word && inputs.some((input) => isParameterOf(t, input))) {
      kind = classifyName(word, classifier).kind;
      what = `the ${word} given to ${fnName}()`;
    }
  }
  if (!kind || !what || !HASHED_SECRET_KINDS.has(kind)) return;
  if (isRangeQueryDigest(t, call)) return;
  if (broken) {
    context.report({
      node: call,
      messageId: 'weakHashForSecret',
      data: { algorithm, what: what.startsWith('the ') ? what : `'${what}'` },
    });
  } else if (kind === 'password' && context.options.checkFastPasswordHash) {
    context.report({ node: call, messageId: 'fastPasswordHash', data: { algorithm } });
  }
}

/** Calls that return fresh cryptographically random bytes or ids. */
const CRYPTO_RANDOM_CALLS: ReadonlySet<string> = new Set([
  'randomBytes',
  'randomUUID',
  'getRandomValues',
  'uuid',
  'v4',
  'uuidv4',
  'nanoid',
]);

/** `randomUUID()`, `crypto.randomBytes(16).toString('hex')`, or a `const` holding one: fresh random input. */
function isFreshRandom(t: TypeScript, input: ts.Expression, depth = 0): boolean {
  let expr = skipOuterExpressions(t, input);
  if (t.isIdentifier(expr) && depth < 2) {
    const init = constInitializer(t, resolveIdentifier(t, expr, undefined));
    return init !== undefined && isFreshRandom(t, init, depth + 1);
  }
  // `.toString('hex')` of random bytes is the same randomness.
  while (
    t.isCallExpression(expr) &&
    t.isPropertyAccessExpression(expr.expression) &&
    expr.expression.name.text === 'toString' &&
    t.isCallExpression(skipOuterExpressions(t, expr.expression.expression))
  )
    expr = skipOuterExpressions(t, expr.expression.expression);
  if (!t.isCallExpression(expr)) return false;
  const name = calleeName(t, expr.expression);
  return name !== undefined && CRYPTO_RANDOM_CALLS.has(name);
}

/** The longest prefix a k-anonymity range query sends: HaveIBeenPwned's takes 5 hex characters of the SHA-1. */
const RANGE_PREFIX_MAX = 8;

/**
 * A digest kept in a `const` and read only as slices, one of them a short prefix
 * (`sha1.substring(0, 5)` for the range URL, `sha1.substring(5)` matched against the answer): the
 * k-anonymity protocol of breached-password APIs, which mandates the algorithm. Nothing is stored
 * or compared whole, so a slow password hash has nothing to protect here.
 */
function isRangeQueryDigest(t: TypeScript, call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (
    node.parent &&
    ((t.isPropertyAccessExpression(node.parent) && node.parent.expression === node) ||
      (t.isCallExpression(node.parent) && node.parent.expression === node) ||
      t.isParenthesizedExpression(node.parent) ||
      t.isAwaitExpression(node.parent))
  )
    node = node.parent;
  const decl = node.parent;
  if (!decl || !t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name) || !constInitializer(t, decl)) return false;
  const name = decl.name;
  let slices = 0;
  let prefix = false;
  let other = false;
  forEachDescendant(t, enclosingFunctionOrFile(t, decl), (n) => {
    if (other) return 'stop';
    if (!t.isIdentifier(n) || n === name || n.text !== name.text || resolveIdentifier(t, n, undefined) !== decl) return;
    const access = n.parent;
    const sliceCall = access?.parent;
    if (
      access &&
      t.isPropertyAccessExpression(access) &&
      access.expression === n &&
      ['slice', 'substring', 'substr'].includes(access.name.text) &&
      sliceCall &&
      t.isCallExpression(sliceCall) &&
      sliceCall.expression === access
    ) {
      slices++;
      const [start, end] = sliceCall.arguments;
      const from = start ? staticNumber(t, start) : undefined;
      const to = end ? staticNumber(t, end) : undefined;
      if (from === 0 && to !== undefined && to > 0 && to <= RANGE_PREFIX_MAX) prefix = true;
    } else {
      other = true;
    }
    return undefined;
  });
  return !other && prefix && slices > 0;
}

/** `createHash('md5').update(a).update(b)` and `const h = createHash('md5'); h.update(a)`: a, b. */
function updateArguments(t: TypeScript, call: ts.CallExpression): ts.Expression[] {
  const found: ts.Expression[] = [];
  let node: ts.Node = call;
  while (
    node.parent &&
    t.isPropertyAccessExpression(node.parent) &&
    node.parent.expression === node &&
    node.parent.parent &&
    t.isCallExpression(node.parent.parent)
  ) {
    if (node.parent.name.text === 'update' && node.parent.parent.arguments[0])
      found.push(node.parent.parent.arguments[0]);
    node = node.parent.parent;
  }
  const decl = node.parent;
  if (decl && t.isVariableDeclaration(decl) && t.isIdentifier(decl.name)) {
    const variable = decl.name.text;
    forEachDescendant(t, enclosingFunctionOrFile(t, call), (n) => {
      if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'update') {
        const receiver = skipOuterExpressions(t, n.expression.expression);
        if (t.isIdentifier(receiver) && receiver.text === variable && n.arguments[0]) found.push(n.arguments[0]);
      }
    });
  }
  return found;
}

/** The name the outermost expression of a call chain is stored under (`const x = a().b().c()`). */
function resultName(t: TypeScript, call: ts.Expression): string | undefined {
  const held = resultHolder(t, call);
  return held && targetName(t, held.parent, held.node);
}

/**
 * `return Math.floor(100000 + Math.random() * 900000).toString()`: the value built from the call is
 * what its function returns (a `return`, or an arrow function's body).
 */
function isReturnedResult(t: TypeScript, call: ts.Expression): boolean {
  const held = resultHolder(t, call);
  if (!held) return false;
  return t.isReturnStatement(held.parent) || (t.isArrowFunction(held.parent) && held.parent.body === held.node);
}

/**
 * The outermost expression built from a call's value (through method chains, arithmetic, string
 * shaping and character-set picks) and the node that holds it; undefined when the value only indexes a list.
 */
function resultHolder(t: TypeScript, call: ts.Expression): { node: ts.Node; parent: ts.Node } | undefined {
  let node: ts.Node = call;
  for (;;) {
    const parent: ts.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (
      (t.isPropertyAccessExpression(parent) && parent.expression === node) ||
      (t.isCallExpression(parent) && parent.expression === node) ||
      t.isParenthesizedExpression(parent) ||
      t.isAsExpression(parent) ||
      t.isNonNullExpression(parent) ||
      t.isAwaitExpression(parent) ||
      t.isTemplateSpan(parent) ||
      t.isTemplateExpression(parent) ||
      (t.isBinaryExpression(parent) && isArithmetic(t, parent.operatorToken.kind)) ||
      (t.isCallExpression(parent) && isStringShaping(t, parent)) ||
      // `CHARS[Math.floor(Math.random() * n)]` builds a value from a character set; `keys[…]` or
      // `purposes[…]` only picks one of a list, and the pick is no secret (see `loopAccumulatorName`).
      (t.isElementAccessExpression(parent) &&
        parent.argumentExpression === node &&
        constString(t, parent.expression) !== undefined)
    ) {
      node = parent;
      continue;
    }
    if (t.isElementAccessExpression(parent) && parent.argumentExpression === node) return undefined;
    return { node, parent };
  }
}

/** Operators whose result keeps the randomness (or secrecy) of an operand. */
function isArithmetic(t: TypeScript, kind: ts.SyntaxKind): boolean {
  const k = t.SyntaxKind;
  return [
    k.PlusToken,
    k.MinusToken,
    k.AsteriskToken,
    k.SlashToken,
    k.PercentToken,
    k.BarToken,
    k.CaretToken,
    k.AmpersandToken,
    k.LessThanLessThanToken,
    k.GreaterThanGreaterThanToken,
    k.GreaterThanGreaterThanGreaterThanToken,
  ].includes(kind);
}

/** `String(x)`, `Math.floor(x)`, `Buffer.from(x)`, `parseInt(x)`: they keep a value's origin. */
function isStringShaping(t: TypeScript, call: ts.CallExpression): boolean {
  const path = accessPath(t, call.expression)?.join('.');
  return (
    path === 'String' ||
    path === 'Math.floor' ||
    path === 'Math.round' ||
    path === 'Math.ceil' ||
    path === 'Math.trunc' ||
    path === 'Buffer.from' ||
    path === 'parseInt' ||
    path === 'Number'
  );
}

/** The name a value is given by its parent: variable, property, class field, assignment, return of a named function. */
function targetName(t: TypeScript, parent: ts.Node, value: ts.Node): string | undefined {
  if (
    (t.isVariableDeclaration(parent) ||
      t.isPropertyDeclaration(parent) ||
      t.isPropertyAssignment(parent) ||
      t.isParameter(parent)) &&
    parent.initializer === value
  ) {
    return propertyNameText(t, parent.name);
  }
  if (
    t.isBinaryExpression(parent) &&
    parent.operatorToken.kind === t.SyntaxKind.EqualsToken &&
    parent.right === value
  ) {
    return accessPath(t, parent.left)?.join('.');
  }
  if (t.isShorthandPropertyAssignment(parent)) return parent.name.text;
  return undefined;
}

/** A secret-named input: an identifier, a member, or an accessor call (`getApiKey()`), with its kind. */
function secretNameOf(
  t: TypeScript,
  node: ts.Expression,
  classifier: ClassifierOptions,
): { name: string; kind: SecretKind } | undefined {
  const expr = skipOuterExpressions(t, node);
  if (t.isCallExpression(expr)) {
    const last = accessPath(t, expr.expression)?.pop();
    const c = last ? accessorSecretName(last, { classifier }) : undefined;
    if (c?.kind) return { name: last!, kind: c.kind };
    // `String(password)`, `password.normalize()`, `Buffer.from(password)`: look through.
    const inner =
      expr.arguments[0] ?? (t.isPropertyAccessExpression(expr.expression) ? expr.expression.expression : undefined);
    return inner && (isStringShaping(t, expr) || t.isPropertyAccessExpression(expr.expression))
      ? secretNameOf(t, inner, classifier)
      : undefined;
  }
  if (t.isTemplateExpression(expr)) {
    for (const span of expr.templateSpans) {
      const hit = secretNameOf(t, span.expression, classifier);
      if (hit) return hit;
    }
    return undefined;
  }
  if (t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.PlusToken) {
    return secretNameOf(t, expr.left, classifier) ?? secretNameOf(t, expr.right, classifier);
  }
  const path = accessPath(t, expr);
  const last = path?.[path.length - 1];
  if (!last) return undefined;
  const c = classifyName(last, classifier);
  return c.isSecret && c.kind ? { name: path.join('.'), kind: c.kind } : undefined;
}

/** The cost check of a KDF, password hash or key generator from the `COSTED_APIS` catalog. */
function checkCost(context: Context, call: ts.CallExpression, api: CostedApi): void {
  const args = call.arguments;
  switch (api.kind) {
    case 'pbkdf2':
      return checkPbkdf2(context, args[api.iterationsIndex], args[api.digestIndex], undefined, args[0]);
    case 'scrypt':
      return checkScrypt(context, call, args[api.optionsIndex]);
    case 'argon2':
      return checkArgon2(context, args[api.optionsIndex], api.defaults);
    case 'bcrypt': {
      const costArg = args[api.costIndex];
      return costArg ? checkBcrypt(context, costArg) : undefined;
    }
    case 'key-pair':
      return checkKeyPair(context, args[api.typeIndex], args[api.optionsIndex], api.lengthProperty);
    case 'rsa-bits':
      return checkForgeRsa(context, args[api.bitsIndex], api.bitsProperty);
  }
}

/** PBKDF2 iterations against OWASP's minimum for the digest (the lowest minimum when the digest is unknown). */
function checkPbkdf2(
  context: Context,
  iterationsArg: ts.Expression | undefined,
  digestNode: ts.Expression | undefined,
  digestName?: string,
  input?: ts.Expression,
): void {
  const t = context.ts;
  // WebCrypto spells digests `SHA-256`; node spells them `sha256`.
  const digest = (digestName ?? (digestNode && constString(t, digestNode)))?.toLowerCase().replace(/-/g, '');
  if (digest && BROKEN_HASH_ALGORITHMS.has(digest) && digest !== 'sha1') {
    context.report({ node: digestNode!, messageId: 'pbkdf2WeakDigest', data: { digest } });
    return;
  }
  const iterations = iterationsArg ? staticNumber(t, iterationsArg) : undefined;
  if (iterations === undefined || !iterationsArg) return;
  const minimum = (digest && PBKDF2_MIN_ITERATIONS[digest]) || Math.min(...Object.values(PBKDF2_MIN_ITERATIONS));
  if (iterations >= minimum) return;
  context.report({
    node: iterationsArg,
    // The minimum is for user passwords; a key derived from a high-entropy server secret needs no work factor.
    confidence: input && isServerSecretInput(context, input, 0) ? 'medium' : 'high',
    messageId: 'pbkdf2Iterations',
    data: {
      digest: digest ? displayHash(digest) : 'SHA-512',
      iterations: iterations.toLocaleString('en-US'),
      minimum: minimum.toLocaleString('en-US'),
    },
  });
}

/** Calls that hash their arguments: a hash of a server secret is as little a user password as the secret. */
const HASHING_CALLS = new Set(['hash', 'digest', 'update', 'sha256', 'sha512', 'sha1', 'createHash', 'createHmac']);
const MAX_INPUT_DEPTH = 6;

/**
 * True when a KDF input is visibly not a user password: every value it can be, followed back in this
 * file, is an env read (`process.env.APP_SECRET || process.env.DATABASE_URL`), a hash of one
 * (`hash(process.env.APP_SECRET)`, `createHash('sha512').update(secret).digest()`), or a value named
 * for a server secret or key (`secret`, `masterKey`) and never for a password. Followed through
 * `const`s, same-file functions (`secret()`) and the same-file calls of a function whose parameter
 * it is (`getKey(secret, salt)` for `getKey = (password, salt) => pbkdf2Sync(password, …)`).
 */
function isServerSecretInput(context: Context, node: ts.Expression, depth: number): boolean {
  const t = context.ts;
  if (depth > MAX_INPUT_DEPTH) return false;
  const expr = skipOuterExpressions(t, node);
  if (
    t.isBinaryExpression(expr) &&
    [t.SyntaxKind.BarBarToken, t.SyntaxKind.QuestionQuestionToken].includes(expr.operatorToken.kind)
  ) {
    return isServerSecretInput(context, expr.left, depth + 1) && isServerSecretInput(context, expr.right, depth + 1);
  }
  const path = accessPath(t, expr);
  // An env secret (`APP_SECRET`), but not an operator's password (`VAULT_MASTER_PASSWORD`), which a person chose.
  if (path && path[0] === 'process' && path[1] === 'env' && path.length <= 3)
    return path.length === 3 && !isPasswordName(context, path[2]!);
  if (t.isCallExpression(expr)) {
    const callee = skipOuterExpressions(t, expr.expression);
    const method = t.isPropertyAccessExpression(callee)
      ? callee.name.text
      : t.isIdentifier(callee)
        ? callee.text
        : undefined;
    if (method && HASHING_CALLS.has(method)) {
      // `createHash('sha512').update(x).digest('hex')`: the data is in `update`; `hash(a, b)`: in the arguments.
      if (method === 'digest' && t.isPropertyAccessExpression(callee))
        return isServerSecretInput(context, callee.expression, depth + 1);
      if (method === 'createHash' || method === 'createHmac') return false;
      return expr.arguments.length > 0 && expr.arguments.every((a) => isServerSecretInput(context, a, depth + 1));
    }
    const fn = t.isIdentifier(callee) ? functionOf(t, resolveIdentifier(t, callee, context.checker)) : undefined;
    if (!fn || fn.getSourceFile() !== context.sourceFile) return false;
    const returned = returnedExpressions(t, fn);
    return returned.length > 0 && returned.every((r) => isServerSecretInput(context, r, depth + 1));
  }
  if (t.isIdentifier(expr)) {
    const decl = resolveIdentifier(t, expr, context.checker);
    if (decl && t.isVariableDeclaration(decl) && decl.initializer && constInitializer(t, decl)) {
      return isServerSecretInput(context, decl.initializer, depth + 1);
    }
    // A helper's parameter (`getKey(password, salt)`) is what its callers in this file pass, whatever it is called.
    if (decl && t.isParameter(decl)) {
      const calls = sameFileCallsOf(context, decl.parent);
      const index = decl.parent.parameters.indexOf(decl);
      if (calls.length > 0)
        return calls.every(
          (c) => c.arguments[index] !== undefined && isServerSecretInput(context, c.arguments[index]!, depth + 1),
        );
    }
  }
  // Nothing more to see: the name decides (`secret`, `appSecret`, `config.encryptionKey`; not `password`, `pin`).
  const last = path?.[path.length - 1];
  if (!last) return false;
  const kind = classifyName(last, context.settings);
  return kind.isSecret && !isPasswordName(context, last);
}

function isPasswordName(context: Context, name: string): boolean {
  const kind = classifyName(name, context.settings);
  return kind.isSecret && kind.kind === 'password';
}

/** The function a declaration names: a function declaration, or a variable whose initializer is a function. */
function functionOf(t: TypeScript, decl: ts.Node | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!decl) return undefined;
  if (isFunctionLike(t, decl)) return decl;
  if (t.isVariableDeclaration(decl) && decl.initializer) {
    const init = skipOuterExpressions(t, decl.initializer);
    if (isFunctionLike(t, init)) return init;
  }
  return undefined;
}

/** What a function returns: its `return` expressions (not those of nested functions), or an arrow's expression body. */
function returnedExpressions(t: TypeScript, fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  if (!fn.body) return [];
  if (!t.isBlock(fn.body)) return [fn.body as ts.Expression];
  const found: ts.Expression[] = [];
  forEachDescendant(t, fn.body, (node) => {
    if (node !== fn.body && isFunctionLike(t, node)) return 'skip';
    if (t.isReturnStatement(node) && node.expression) found.push(node.expression);
    return undefined;
  });
  return found;
}

/** The calls in this file of a named function (`function getKey` or `const getKey = (…) => …`). */
function sameFileCallsOf(context: Context, fn: ts.SignatureDeclaration): ts.CallExpression[] {
  const t = context.ts;
  const nameNode = t.isFunctionDeclaration(fn)
    ? fn.name
    : t.isVariableDeclaration(fn.parent)
      ? fn.parent.name
      : undefined;
  if (!nameNode || !t.isIdentifier(nameNode) || fn.getSourceFile() !== context.sourceFile) return [];
  const calls: ts.CallExpression[] = [];
  forEachDescendant(t, context.sourceFile, (node) => {
    if (t.isCallExpression(node) && t.isIdentifier(node.expression) && node.expression.text === nameNode.text) {
      const decl = resolveIdentifier(t, node.expression, context.checker);
      if (decl && functionOf(t, decl) === fn) calls.push(node);
    }
    return undefined;
  });
  return calls;
}

function checkScrypt(context: Context, call: ts.CallExpression, options: ts.Expression | undefined): void {
  const t = context.ts;
  const objectOptions = options && objectLiteralOf(t, options);
  if (options && !objectOptions && !isFunctionLike(t, skipOuterExpressions(t, options))) return; // options built elsewhere
  const read = (...names: string[]): number | undefined => {
    for (const n of names) {
      const v = objectOptions && propertyOf(t, objectOptions, n);
      if (v) return staticNumber(t, v) ?? Number.NaN;
    }
    return undefined;
  };
  const N = read(...SCRYPT_OPTION_NAMES.N) ?? SCRYPT_DEFAULTS.N;
  const r = read(...SCRYPT_OPTION_NAMES.r) ?? SCRYPT_DEFAULTS.r;
  const p = read(...SCRYPT_OPTION_NAMES.p) ?? SCRYPT_DEFAULTS.p;
  if ([N, r, p].some(Number.isNaN)) return;
  if (r >= SCRYPT_MIN_BLOCK_SIZE && SCRYPT_ACCEPTED.some((row) => N >= row.N && p >= row.p)) return;
  context.report({
    node: objectOptions ?? call.expression,
    messageId: 'scryptCost',
    data: { N, r, p },
    // The minimum is for passwords; a random token or API key (`scrypt(token, salt, 64)`) needs no work factor.
    confidence: isRandomCredentialInput(context, call.arguments[0]) ? 'medium' : 'high',
  });
}

/**
 * An input named as a token, API key or secret, not a password: random, so fast to hash safely. A
 * name that ends in `key` or `token` counts too, though the classifier leaves a bare `key` alone
 * (`compareKeys(storedKey, suppliedKey)` verifying what `scryptSync(apiKey, salt, 64)` stored).
 */
function isRandomCredentialInput(context: Context, input: ts.Expression | undefined): boolean {
  const named = input && secretNameOf(context.ts, input, context.settings);
  if (named) return named.kind !== 'password';
  const expr = input && skipOuterExpressions(context.ts, input);
  const name = expr && (context.ts.isIdentifier(expr) ? expr.text : calleeName(context.ts, expr));
  const words = name ? splitWords(name) : [];
  return (
    words.length > 0 &&
    RANDOM_CREDENTIAL_WORDS.has(words[words.length - 1]!) &&
    !words.some((w) => classifyName(w, context.settings).kind === 'password')
  );
}

/** Last words of an input name for a random credential, not a password (`suppliedKey`, `rawToken`). */
const RANDOM_CREDENTIAL_WORDS: ReadonlySet<string> = new Set(['key', 'token']);

function checkArgon2(
  context: Context,
  optionsArg: ts.Expression | undefined,
  defaults: { readonly m: number; readonly t: number },
): void {
  const t = context.ts;
  const options = optionsArg && objectLiteralOf(t, optionsArg);
  if (!options) return; // defaults are above the minimum
  const m = numberProperty(t, options, ARGON2_OPTION_NAMES.m) ?? defaults.m;
  const time = numberProperty(t, options, ARGON2_OPTION_NAMES.t) ?? defaults.t;
  if (Number.isNaN(m) || Number.isNaN(time)) return;
  if (ARGON2_ACCEPTED.some((row) => m >= row.m && time >= row.t)) return;
  context.report({ node: options, messageId: 'argon2Cost', data: { memory: m, time } });
}

function checkBcrypt(context: Context, costArg: ts.Expression): void {
  const cost = staticNumber(context.ts, costArg);
  if (cost === undefined || cost >= context.options.minBcryptCost) return;
  context.report({
    node: costArg,
    messageId: 'bcryptCost',
    data: { cost, minimum: context.options.minBcryptCost },
    confidence: cost >= BASELINE_BCRYPT_COST ? 'medium' : 'high',
  });
}

function checkKeyPair(
  context: Context,
  typeArg: ts.Expression | undefined,
  optionsArg: ts.Expression | undefined,
  lengthProperty: string,
): void {
  const t = context.ts;
  const type = typeArg && constString(t, typeArg);
  if (!type || !/^(rsa|rsa-pss|dsa)$/i.test(type) || !optionsArg) return;
  const options = objectLiteralOf(t, optionsArg);
  const lengthNode = options && propertyOf(t, options, lengthProperty);
  reportShortModulus(context, lengthNode, type.toUpperCase());
}

function checkSubtleGenerateKey(context: Context, call: ts.CallExpression): void {
  const t = context.ts;
  const params = call.arguments[0] && objectLiteralOf(t, call.arguments[0]);
  const name = params && propertyOf(t, params, 'name');
  const algorithm = name && constString(t, name);
  if (!algorithm || !/^RSA/i.test(algorithm)) return;
  reportShortModulus(context, propertyOf(t, params, 'modulusLength'), algorithm);
}

function checkForgeRsa(context: Context, bitsArg: ts.Expression | undefined, bitsProperty: string): void {
  const t = context.ts;
  if (!bitsArg) return;
  const options = objectLiteralOf(t, bitsArg);
  reportShortModulus(context, options ? propertyOf(t, options, bitsProperty) : bitsArg, 'RSA');
}

function reportShortModulus(context: Context, lengthNode: ts.Expression | undefined, type: string): void {
  const bits = lengthNode && staticNumber(context.ts, lengthNode);
  if (bits === undefined || !lengthNode || bits >= context.options.minRsaModulusLength) return;
  context.report({
    node: lengthNode,
    messageId: 'shortRsaKey',
    data: { type, bits, minimum: context.options.minRsaModulusLength },
    confidence: bits >= BASELINE_RSA_MODULUS_LENGTH ? 'medium' : 'high',
  });
}

function checkSubtleDerive(context: Context, call: ts.CallExpression): void {
  const t = context.ts;
  const params = call.arguments[0] && objectLiteralOf(t, call.arguments[0]);
  const name = params && propertyOf(t, params, 'name');
  if (!name || constString(t, name)?.toUpperCase() !== 'PBKDF2') return;
  const hash = propertyOf(t, params, 'hash');
  const hashObject = hash && objectLiteralOf(t, hash);
  const hashName = hash && (constString(t, hash) ?? (hashObject && constStringProperty(t, hashObject, 'name')));
  checkPbkdf2(context, propertyOf(t, params, 'iterations'), hash, hashName);
}

/** `crypto.subtle.digest('SHA-256', encoder.encode(password))`: a hash over a secret. */
function checkSubtleDigest(context: Context, call: ts.CallExpression, classifier: ClassifierOptions): void {
  const t = context.ts;
  const [algorithmArg, data] = call.arguments;
  if (!algorithmArg || !data) return;
  const algorithm =
    constString(t, algorithmArg) ??
    (objectLiteralOf(t, algorithmArg) && constStringProperty(t, objectLiteralOf(t, algorithmArg)!, 'name'));
  if (!algorithm) return;
  const normalized = algorithm.toLowerCase().replace(/-/g, '');
  checkHashedValue(context, call, displayHash(normalized), data, classifier, BROKEN_HASH_ALGORITHMS.has(normalized));
}

function checkSubtleTagLength(context: Context, call: ts.CallExpression): void {
  const t = context.ts;
  const params = call.arguments[0] && objectLiteralOf(t, call.arguments[0]);
  const tagLength = params && propertyOf(t, params, 'tagLength');
  const bits = tagLength && staticNumber(t, tagLength);
  if (bits !== undefined && tagLength && bits < 128)
    context.report({ node: tagLength, messageId: 'shortAuthTag', data: { bytes: bits / 8 } });
}

/**
 * `Math.random()` whose value ends up under a name that must be unpredictable (`token`, `otp`,
 * `nonce`, `salt`, `apiKey`), or inside a function whose name promises such a value
 * (`generateToken`, `makeNonce`, `randomPassword`).
 */
function checkMathRandom(context: Context, call: ts.CallExpression, classifier: ClassifierOptions): void {
  const t = context.ts;
  // A simulation's or a test's made-up value (`if (isSimulation) setApiToken('sim_' + Math.random()…)`) stands for no real one.
  const confidence = inDevOrTestOnlyBranch(t, call) ? 'medium' : undefined;
  const target = resultName(t, call) ?? loopAccumulatorName(t, call);
  if (target && needsUnpredictability(target, classifier) && (!isBareKey(target) || keyReachesCrypto(t, call))) {
    context.report({ node: call, messageId: 'mathRandomSecret', data: { name: target }, confidence });
    return;
  }
  if (target && isBareKey(target)) return;
  if (isOnlyAPosition(t, call)) return;
  const fnName = namedEnclosingFunction(t, call);
  // `const generateKey = () => \`key-${Math.random()…}\`` for form rows: a bare key again, judged by its callers.
  if (fnName && isKeyMaker(fnName) && !callersPassToCrypto(context, call)) return;
  // `function resetCode() { return …Math.random()… }`: the function's name names what it returns.
  if (
    fnName &&
    (isGeneratorOfSecret(fnName, classifier) ||
      (isReturnedResult(t, call) && needsUnpredictability(fnName, classifier, RETURN_NAME_IGNORED)))
  )
    context.report({ node: call, messageId: 'mathRandomSecret', data: { name: fnName }, confidence });
}

/** `key` alone (`{ key: Date.now() + Math.random() }`, `item.key = …`): far more often a React, notification or map key than a cipher's. */
function isBareKey(target: string): boolean {
  return target.split('.').pop() === 'key';
}

/** Words of a function that makes a bare key (`generateKey`, `makeUniqueKey`, `newKey`): verbs and adjectives only. */
const KEY_MAKER_WORDS: ReadonlySet<string> = new Set([
  'generate',
  'gen',
  'make',
  'create',
  'new',
  'next',
  'get',
  'build',
  'random',
  'unique',
  'uid',
]);

/** A function named for a bare key and nothing else: `generateKey`, `makeUniqueKey` (not `generateApiKey`). */
function isKeyMaker(name: string): boolean {
  const words = splitWords(name);
  return (
    words.length >= 2 && words[words.length - 1] === 'key' && words.slice(0, -1).every((w) => KEY_MAKER_WORDS.has(w))
  );
}

/**
 * A same-file call of the function around `call` whose result is an argument of a keyed crypto call
 * (`createCipheriv(alg, generateKey(), iv)`) or held by a variable that is (`const key = generateKey()`).
 */
function callersPassToCrypto(context: Context, call: ts.CallExpression): boolean {
  const t = context.ts;
  const fn = enclosingFunctionOrFile(t, call);
  if (t.isSourceFile(fn)) return false;
  return sameFileCallsOf(context, fn).some((caller) => {
    const holder = skipOuterExpressions(t, caller).parent;
    if (holder && t.isCallExpression(holder) && KEYED_CALL.test(calleeName(t, holder.expression) ?? '')) return true;
    return keyReachesCrypto(t, caller);
  });
}

/** Crypto calls that take a key (`createCipheriv(alg, key, iv)`, `createHmac('sha256', key)`, `subtle.importKey('raw', key, …)`). */
const KEYED_CALL = /cipher|hmac|encrypt|decrypt|sign|importKey|deriveKey|secretbox|seal/i;

/** `const key = …Math.random()…` handed to a crypto call in the same function: a cipher key after all. */
function keyReachesCrypto(t: TypeScript, call: ts.CallExpression): boolean {
  const decl = resultHolder(t, call)?.parent;
  if (!decl || !t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name)) return false;
  const name = decl.name.text;
  return (
    forEachDescendant(t, enclosingFunctionOrFile(t, decl), (node) =>
      t.isCallExpression(node) &&
      KEYED_CALL.test(calleeName(t, node.expression) ?? '') &&
      node.arguments.some(
        (a) =>
          t.isIdentifier(skipOuterExpressions(t, a)) && (skipOuterExpressions(t, a) as ts.Identifier).text === name,
      )
        ? 'stop'
        : undefined,
    ) === true
  );
}

/**
 * `const insertAt = Math.floor(Math.random() * password.length)` used only as a cut point
 * (`password.slice(0, insertAt) + c + password.slice(insertAt)`): it decides where a character goes,
 * not which one, so a generator whose characters come from a CSPRNG stays as strong.
 */
function isOnlyAPosition(t: TypeScript, call: ts.CallExpression): boolean {
  const held = resultHolder(t, call);
  const decl = held?.parent;
  if (!decl || !t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name)) return false;
  const name = decl.name;
  let uses = 0;
  const elsewhere = forEachDescendant(t, enclosingFunctionOrFile(t, decl), (node) => {
    if (!t.isIdentifier(node) || node.text !== name.text || node === name) return undefined;
    const parent = node.parent;
    if (t.isPropertyAccessExpression(parent) && parent.name === node) return undefined;
    uses++;
    const cut =
      t.isCallExpression(parent) &&
      parent.arguments.includes(node) &&
      POSITION_METHODS.has(calleeName(t, parent.expression) ?? '');
    return cut ? undefined : 'stop';
  });
  return uses > 0 && !elsewhere;
}

/**
 * `const clientSecret = 'pcs_' + makeId(48)`: a helper (in this file, or with a checker anywhere) whose
 * result is built from `Math.random()`, called where its result is stored under a name that must be
 * unpredictable. The helper's own name says nothing (`makeId`, `randomString`), so its callers say what
 * it makes; a helper named for a secret (`generateToken`) is reported in its body instead.
 */
function checkRandomHelperCall(
  context: Context,
  flow: FlowContext,
  call: ts.CallExpression,
  classifier: ClassifierOptions,
): void {
  const t = context.ts;
  const target = resultName(t, call);
  if (!target || !needsUnpredictability(target, classifier)) return;
  const fn = calledFunction(flow, call.expression);
  if (!fn?.body || !returnsMathRandom(t, fn)) return;
  const helper = functionName(t, fn);
  if (
    helper &&
    (isGeneratorOfSecret(helper, classifier) || needsUnpredictability(helper, classifier, RETURN_NAME_IGNORED))
  )
    return;
  context.report({ node: call, messageId: 'mathRandomSecret', data: { name: target } });
}

const returnsMathRandomOf = new WeakMap<ts.FunctionLikeDeclaration, boolean>();

/**
 * The function returns a value built from `Math.random()`: `return Math.random().toString(36)`, or an
 * accumulator it returns (`text += chars.charAt(Math.floor(Math.random() * n))`, then `return text`).
 */
function returnsMathRandom(t: TypeScript, fn: ts.FunctionLikeDeclaration): boolean {
  const cached = returnsMathRandomOf.get(fn);
  if (cached !== undefined) return cached;
  const body = fn.body!;
  let found = false;
  forEachDescendant(t, body, (node) => {
    if (!t.isCallExpression(node)) return undefined;
    const location = apiLocationOf(t, node.expression);
    if (location?.module !== 'global' || location.path.join('.') !== 'Math.random') return undefined;
    if (enclosingFunctionOrFile(t, node) === fn && isReturnedResult(t, node)) found = true;
    const accumulator = loopAccumulatorName(t, node);
    if (accumulator && returnsName(t, fn, accumulator)) found = true;
    return found ? 'stop' : undefined;
  });
  returnsMathRandomOf.set(fn, found);
  return found;
}

/** `return text` (or an arrow function's body `text`) in the function itself, not in a nested one. */
function returnsName(t: TypeScript, fn: ts.FunctionLikeDeclaration, name: string): boolean {
  const body = fn.body!;
  if (!t.isBlock(body)) return accessPath(t, body)?.join('.') === name;
  return (
    forEachDescendant(t, body, (node) => {
      if (isFunctionLike(t, node)) return 'skip';
      return t.isReturnStatement(node) && node.expression && accessPath(t, node.expression)?.join('.') === name
        ? 'stop'
        : undefined;
    }) === true
  );
}

/** The name of the nearest named function around a node, looking through anonymous callbacks (`Array.from({ length }, () => …)`). */
function namedEnclosingFunction(t: TypeScript, node: ts.Node): string | undefined {
  let fn = enclosingFunctionOrFile(t, node);
  for (let hops = 0; hops < 4 && !t.isSourceFile(fn); hops++) {
    const name = functionName(t, fn);
    if (name) return name;
    fn = enclosingFunctionOrFile(t, fn);
  }
  return undefined;
}

/** True when the expression reads a parameter of its enclosing function (directly or through `String(x)`, `x.trim()`). */
function isParameterOf(t: TypeScript, node: ts.Expression): boolean {
  let expr = skipOuterExpressions(t, node);
  while (t.isCallExpression(expr) || t.isPropertyAccessExpression(expr)) {
    if (t.isCallExpression(expr)) {
      const inner =
        expr.arguments[0] ?? (t.isPropertyAccessExpression(expr.expression) ? expr.expression.expression : undefined);
      if (!inner) return false;
      expr = skipOuterExpressions(
        t,
        t.isPropertyAccessExpression(expr.expression) && !expr.arguments[0] ? expr.expression.expression : inner,
      );
    } else {
      expr = skipOuterExpressions(t, expr.expression);
    }
  }
  if (t.isBinaryExpression(expr)) return isParameterOf(t, expr.left) || isParameterOf(t, expr.right);
  if (!t.isIdentifier(expr)) return false;
  const decl = resolveIdentifier(t, expr, undefined);
  return decl !== undefined && t.isParameter(decl);
}

/** `result += chars[Math.floor(Math.random() * n)]` / `.charAt(...)`: the accumulator's name. */
function loopAccumulatorName(t: TypeScript, call: ts.Expression): string | undefined {
  let node: ts.Node = call;
  while (node.parent && !t.isStatement(node.parent) && !isFunctionLike(t, node.parent)) {
    const parent = node.parent;
    if (
      t.isBinaryExpression(parent) &&
      parent.operatorToken.kind === t.SyntaxKind.PlusEqualsToken &&
      parent.right === node
    ) {
      return accessPath(t, parent.left)?.join('.');
    }
    node = parent;
  }
  return undefined;
}

function needsUnpredictability(
  name: string,
  classifier: ClassifierOptions,
  ignored: ReadonlySet<string> = new Set(),
): boolean {
  const c = classifyName(name, classifier);
  if (c.isSecret) return true;
  if (c.verdict === 'metadata') return false;
  const words = splitWords(name.split('.').pop() ?? name);
  if (words.includes('code') && words.some((w) => ONE_TIME_CODE_QUALIFIERS.has(w))) return true;
  if (words.length > 1 && words.some((w) => NAMING_QUALIFIERS.has(w))) return false;
  // A qualified key the classifier did not call secret names a cache, sort or lookup key
  // (`renderCacheKey`, `idempotencyKey`, `storageKey`); `encryptionKey`, `apiKey` are secret by name.
  return words.some((w) => UNPREDICTABLE_WORDS.has(w) && !ignored.has(w) && !(w === 'key' && words.length > 1));
}

/** A function named `uiKey()` or `rowKey()` returns a React or cache key: `key` alone names no secret there. */
const RETURN_NAME_IGNORED: ReadonlySet<string> = new Set(['key']);

function isGeneratorOfSecret(name: string, classifier: ClassifierOptions): boolean {
  const words = splitWords(name);
  if (!words.some((w) => GENERATOR_VERBS.has(w))) return false;
  return needsUnpredictability(words.filter((w) => !GENERATOR_VERBS.has(w)).join('_'), classifier);
}

function functionName(t: TypeScript, fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && (t.isIdentifier(fn.name) || t.isStringLiteral(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (parent && (t.isVariableDeclaration(parent) || t.isPropertyAssignment(parent) || t.isPropertyDeclaration(parent)))
    return propertyNameText(t, parent.name);
  // `exports.otp = () => …`, `module.exports.generateToken = function () { … }`.
  if (parent && t.isBinaryExpression(parent) && parent.operatorToken.kind === t.SyntaxKind.EqualsToken)
    return accessPath(t, parent.left)?.pop();
  return undefined;
}

function subtleMethod(module: string, path: readonly string[]): string | undefined {
  const joined = path.join('.');
  const prefixes = module === 'global' ? ['crypto.subtle.'] : ['subtle.', 'webcrypto.subtle.'];
  const prefix = prefixes.find((p) => joined.startsWith(p));
  return prefix ? joined.slice(prefix.length) : undefined;
}

/** `md5` -> `MD5`, `sha1` -> `SHA-1`, `sha256` -> `SHA-256`. */
function displayHash(algorithm: string): string {
  const a = algorithm.toLowerCase().replace(/^rsa-/, '');
  const m = /^sha-?(\d+)$/.exec(a);
  return m ? `SHA-${m[1]}` : a.toUpperCase();
}

function numberProperty(t: TypeScript, object: ts.ObjectLiteralExpression, name: string): number | undefined {
  const value = propertyOf(t, object, name);
  return value ? (staticNumber(t, value) ?? Number.NaN) : undefined;
}

function constStringProperty(t: TypeScript, object: ts.ObjectLiteralExpression, name: string): string | undefined {
  const value = propertyOf(t, object, name);
  return value && constString(t, value);
}
