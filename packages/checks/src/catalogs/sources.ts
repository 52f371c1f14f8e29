import type * as ts from 'typescript';
import type { TypeScript } from '../check.js';
import { accessPath, calleeName, skipOuterExpressions, staticString } from '../ast/index.js';
import { directEnvRead, envObjectRuntime } from './env.js';
import { classifyName, splitWords, type ClassifierOptions, type NameClassification } from '../names/index.js';

/**
 * The catalog of secret sources: where a secret value enters a program. Data first, then the
 * small matchers that read it. The flow module (`../flow`) follows values from these sources
 * through aliases and expressions; this file only answers "is this very expression a source".
 */

/** Why an expression is a source. */
export type SourceReason =
  /** Its name (identifier, property, object key, env var, accessor call) classifies as secret. */
  | 'name'
  /** `process.env.X` with a secret name, or the whole of `process.env`. */
  | 'env'
  /** An authorization-like request header, or the whole request header bag. */
  | 'header'
  /** Request cookies. */
  | 'cookie'
  /** The result of a decrypt-like call. */
  | 'decrypt'
  /** The result of `.reveal()` on the crypto core's `Secret`. */
  | 'reveal'
  /** A function whose declaration returns a secret. */
  | 'returns-secret';

/** A place where a secret value enters. */
export interface SecretSource {
  /** The expression (or binding, or property) that is the source; may lie in another file. */
  readonly node: ts.Node;
  /** A short display name for messages, e.g. `req.headers.authorization`; code text, never a value. */
  readonly name: string;
  /** What kind of secret, for messages: a `SecretKind` from the classifier or a source-specific kind. */
  readonly kind: string;
  readonly reason: SourceReason;
}

/** Request objects whose `.headers`, `.cookies` and `.get(...)` carry client credentials. */
export const REQUEST_RECEIVERS: readonly string[] = ['req', 'request', 'ctx', 'context', 'c', 'event', 'incoming', 'incomingMessage'];

/** Header names that always carry a credential (lower-case); other headers go through the classifier. */
export const CREDENTIAL_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
];

/** Request properties that hold cookies as a whole. */
export const COOKIE_PROPERTIES: readonly string[] = ['cookies', 'signedCookies'];

/** Methods that read one named header or config value: `req.get('Authorization')`, `headers.get(...)`. */
export const NAMED_VALUE_ACCESSORS: readonly string[] = ['get', 'header', 'getHeader', 'getOrThrow', 'getString', 'require'];

/**
 * Decrypt-like calls whose results are plaintext secrets. A plain entry matches the callee's last
 * name or a leading word of it (`decrypt`, `decryptField`); a dotted entry matches the end of the
 * callee's path (`secretbox.open`).
 */
export const DECRYPT_CALLS: readonly string[] = ['decrypt', 'privateDecrypt', 'publicDecrypt', 'unseal', 'secretbox.open', 'box.open', 'decipher.update', 'decipher.final'];

/** Factories of decipher objects: `update()`/`final()` on what they return yields plaintext. */
export const DECIPHER_FACTORIES: readonly string[] = ['createDecipheriv', 'createDecipher'];

/** The method of the crypto core's `Secret` that returns the plaintext. */
export const SECRET_REVEAL_METHOD = 'reveal';
/** The method of the crypto core's `Secret` that hands the plaintext to a callback. */
export const SECRET_USE_METHOD = 'use';
/** The class name of the crypto core's secret wrapper; it prints as `[REDACTED]`. */
export const SECRET_CLASS_NAME = 'Secret';

/**
 * Leading verbs of functions that hand out what the rest of their name says: `getApiKey()`,
 * `loadDbPassword()`. `validatePassword()` or `hashPassword()` do not qualify.
 */
export const ACCESSOR_VERBS: readonly string[] = ['get', 'load', 'read', 'fetch', 'resolve', 'retrieve', 'obtain', 'reveal', 'unwrap', 'lookup', 'find', 'require'];

/** Options the source matchers need. */
export interface SourceMatchOptions {
  readonly classifier?: ClassifierOptions;
}

const lower = (list: readonly string[]) => new Set(list.map((s) => s.toLowerCase()));
const CREDENTIAL_HEADER_SET = lower(CREDENTIAL_HEADERS);
const REQUEST_SET = new Set(REQUEST_RECEIVERS);

/** Display text of an access path: `["req","headers","x-api-key"]` -> `req.headers['x-api-key']`. */
export function pathText(path: readonly string[]): string {
  return path
    .map((seg, i) => (i === 0 ? seg : /^[A-Za-z_$][\w$]*(\(\))?$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`))
    .join('');
}

/** Matches a catalog entry (plain or dotted) against a callee path. */
export function matchesCallEntry(entry: string, path: readonly string[]): boolean {
  const parts = entry.split('.');
  if (parts.length > path.length) return false;
  const tail = path.slice(path.length - parts.length).map(stripCall);
  return parts.every((p, i) => p.toLowerCase() === tail[i]?.toLowerCase());
}

/** `getLogger()` -> `getLogger`: access paths mark call results with `()`. */
export function stripCall(segment: string): string {
  return segment.endsWith('()') ? segment.slice(0, -2) : segment;
}

/** True when a header name carries a credential: the fixed list, or a secret-classified name. */
export function isCredentialHeader(header: string, options: SourceMatchOptions = {}): NameClassification | undefined {
  const h = header.toLowerCase();
  if (CREDENTIAL_HEADER_SET.has(h)) {
    const kind = h.includes('cookie') ? 'cookie' : h.includes('authorization') ? 'authorization' : classifyName(h, options.classifier).kind ?? 'token';
    return { verdict: 'secret', isSecret: true, kind, words: splitWords(h), matched: [h], reason: `"${h}" carries a credential` };
  }
  const c = classifyName(h, options.classifier);
  return c.isSecret ? c : undefined;
}

function isRequestBase(path: readonly string[]): boolean {
  // `req.headers`, `ctx.request.headers`, `c.req.headers`, `event.headers`, `this.request.headers`.
  const base = path[path.length - 1];
  return base !== undefined && REQUEST_SET.has(base);
}

/**
 * The request-borne source an access path denotes on its own: `req.headers.authorization`,
 * `req.headers` (the whole bag carries the credential headers), `req.cookies`, `req.signedCookies.sid`.
 */
export function sourceOfPath(path: readonly string[], node: ts.Node, options: SourceMatchOptions = {}): SecretSource | undefined {
  const name = pathText(path);
  const headersAt = path.lastIndexOf('headers');
  if (headersAt > 0 && isRequestBase(path.slice(0, headersAt))) {
    if (headersAt === path.length - 1) return { node, name, kind: 'request headers', reason: 'header' };
    if (headersAt === path.length - 2) {
      const c = isCredentialHeader(path[headersAt + 1]!, options);
      if (c) return { node, name, kind: c.kind ?? 'authorization', reason: 'header' };
    }
    return undefined;
  }
  for (const cookies of COOKIE_PROPERTIES) {
    const at = path.lastIndexOf(cookies);
    if (at > 0 && (at === path.length - 1 || at === path.length - 2) && isRequestBase(path.slice(0, at))) {
      return { node, name, kind: 'cookie', reason: 'cookie' };
    }
  }
  return undefined;
}

/**
 * A call that reads one named credential: `req.get('Authorization')`, `req.header('x-api-key')`,
 * `headers.get('authorization')`, `config.get('JWT_SECRET')`.
 */
export function sourceOfNamedAccessor(t: TypeScript, call: ts.CallExpression, options: SourceMatchOptions = {}): SecretSource | undefined {
  const method = calleeName(t, call.expression);
  if (!method || !NAMED_VALUE_ACCESSORS.includes(method) || !t.isPropertyAccessExpression(skipOuterExpressions(t, call.expression))) return undefined;
  const first = call.arguments[0];
  const key = first && staticString(t, first);
  if (key === undefined) return undefined;
  const c = isCredentialHeader(key, options);
  if (!c) return undefined;
  const receiver = accessPath(t, (skipOuterExpressions(t, call.expression) as ts.PropertyAccessExpression).expression);
  const name = `${receiver ? pathText(receiver) : '…'}.${method}(${JSON.stringify(key)})`;
  return { node: call, name, kind: c.kind ?? 'secret', reason: 'name' };
}

/**
 * An environment read that holds a secret: `process.env.API_KEY`, `process.env['DB_PASSWORD']`,
 * `import.meta.env.VITE_TOKEN`, `Deno.env.get('X')` (the env catalog finds the read; the
 * classifier judges the variable's name), or the whole environment object (`process.env`).
 */
export function sourceOfEnv(
  t: TypeScript,
  expr: ts.Expression,
  checker: ts.TypeChecker | undefined,
  options: SourceMatchOptions = {},
): SecretSource | undefined {
  const read = directEnvRead(t, expr, checker);
  if (read) {
    const c = classifyName(read.name, options.classifier);
    return c.isSecret ? { node: expr, name: shortText(expr), kind: c.kind ?? 'secret', reason: 'env' } : undefined;
  }
  if (envObjectRuntime(t, expr, checker)) return { node: expr, name: shortText(expr), kind: 'environment', reason: 'env' };
  return undefined;
}

/** The source text of a node for messages, cut to one short line. */
export function shortText(node: ts.Node, max = 60): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** True when a callee path names a decrypt-like function (see `DECRYPT_CALLS`). */
export function isDecryptCallee(path: readonly string[]): boolean {
  const last = stripCall(path[path.length - 1] ?? '');
  const firstWord = splitWords(last)[0];
  return DECRYPT_CALLS.some((entry) =>
    entry.includes('.') ? matchesCallEntry(entry, path) : entry.toLowerCase() === last.toLowerCase() || firstWord === entry.toLowerCase(),
  );
}

/**
 * A function or method name that promises a secret: an accessor verb followed by a secret name
 * (`getApiKey`, `loadDbPassword`, `readClientSecret`). Returns the classification of the rest.
 */
export function accessorSecretName(name: string, options: SourceMatchOptions = {}): NameClassification | undefined {
  const words = splitWords(name);
  if (words.length < 2 || !ACCESSOR_VERBS.includes(words[0]!)) return undefined;
  const c = classifyName(name, options.classifier);
  return c.isSecret ? c : undefined;
}

/** True when a type is the crypto core's `Secret` (a class named `Secret` with a `reveal` member). */
export function isSecretWrapperType(t: TypeScript, type: ts.Type): boolean {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol?.getName() === SECRET_CLASS_NAME && type.getProperty(SECRET_REVEAL_METHOD)) return true;
  if (type.isUnion()) {
    // `Secret | undefined` is still safe to print; a union with anything else is not.
    const rest = type.types.filter((m) => !(m.flags & (t.TypeFlags.Undefined | t.TypeFlags.Null)));
    return rest.length > 0 && rest.every((m) => isSecretWrapperType(t, m));
  }
  return false;
}

/**
 * True when a type contains the crypto core's `Secret` somewhere in its own properties (one level):
 * for checks that care where `Secret` objects go (a column of type `Secret` is serialized, not
 * printed).
 */
export function containsSecretWrapperType(t: TypeScript, checker: ts.TypeChecker, type: ts.Type, node: ts.Node): boolean {
  if (isSecretWrapperType(t, type)) return true;
  for (const prop of type.getProperties()) {
    const propType = checker.getTypeOfSymbolAtLocation(prop, node);
    if (isSecretWrapperType(t, propType)) return true;
  }
  return false;
}
