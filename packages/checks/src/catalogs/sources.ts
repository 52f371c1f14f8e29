import type { ClassifierOptions } from '../names/index.js';

/**
 * The catalog of secret sources: where a secret value enters a program. Data only: the recognisers
 * are in `../flow/source-names.ts` (by name: headers, decrypt calls, accessors) and
 * `../flow/sources.ts` (on the syntax tree: `sourceOfPath`, `sourceOfEnv`, ...); the flow module
 * follows values from those sources through aliases and expressions.
 */

/** Request objects whose `.headers`, `.cookies` and `.get(...)` carry client credentials. */
export const REQUEST_RECEIVERS: readonly string[] = [
  'req',
  'request',
  'ctx',
  'context',
  'c',
  'event',
  'incoming',
  'incomingMessage',
];

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
export const NAMED_VALUE_ACCESSORS: readonly string[] = [
  'get',
  'header',
  'getHeader',
  'getOrThrow',
  'getString',
  'require',
];

/**
 * Decrypt-like calls whose results are plaintext secrets. A plain entry matches the callee's last
 * name or a leading word of it (`decrypt`, `decryptField`); a dotted entry matches the end of the
 * callee's path (`secretbox.open`).
 */
export const DECRYPT_CALLS: readonly string[] = [
  'decrypt',
  'privateDecrypt',
  'publicDecrypt',
  'unseal',
  'secretbox.open',
  'box.open',
  'decipher.update',
  'decipher.final',
];

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
export const ACCESSOR_VERBS: readonly string[] = [
  'get',
  'load',
  'read',
  'fetch',
  'resolve',
  'retrieve',
  'obtain',
  'reveal',
  'unwrap',
  'lookup',
  'find',
  'require',
];

/** Options the source matchers need. */
export interface SourceMatchOptions {
  readonly classifier?: ClassifierOptions;
}
