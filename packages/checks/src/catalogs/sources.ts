import { classifyName, splitWords, type ClassifierOptions, type NameClassification } from '../names/index.js';

/**
 * The catalog of secret sources: where a secret value enters a program, as data, with the lookups
 * keyed by strings (a header name, a callee path). The recognisers that read syntax trees
 * (`sourceOfPath`, `sourceOfEnv`, ...) are in `../flow/sources.ts`; the flow module follows values
 * from those sources through aliases and expressions.
 */

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
