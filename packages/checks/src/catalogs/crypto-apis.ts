/**
 * Crypto APIs as data: where each cipher constructor or call takes its algorithm, key and
 * nonce/IV, whether it encrypts or decrypts, and which functions produce random bytes. Checks and
 * the scanner's inventory read this catalog; no rule keeps its own list of crypto names.
 */
/** A block-cipher mode or AEAD construction, named the way the docs and messages name it. */
export type CipherFamily =
  | 'GCM'
  | 'CTR'
  | 'CBC'
  | 'CCM'
  | 'OCB'
  | 'CFB'
  | 'OFB'
  | 'GCM-SIV'
  | 'ChaCha20-Poly1305'
  | 'XChaCha20-Poly1305'
  | 'XSalsa20-Poly1305'
  | 'ChaCha20'
  | 'XChaCha20'
  | 'Salsa20'
  | 'ECB';

/** Where a value sits in a call: an argument, or a property of an options-object argument. */
export interface ArgumentSlot {
  /** Zero-based argument index. */
  readonly index: number;
  /** When set, the value is this property of an object literal passed at `index`. */
  readonly property?: string;
}

/** Where the algorithm comes from: an argument holding its name, or fixed by the API itself. */
export type AlgorithmSlot =
  (ArgumentSlot & { readonly kind: 'argument' }) | { readonly kind: 'fixed'; readonly family: CipherFamily };

/**
 * Where the nonce goes. `argument`: into the call itself. `method`: into a later call of a method
 * on the returned object (node-forge: `cipher.start({ iv })`).
 * `perFamily` lets WebCrypto name the property by algorithm (`counter` for AES-CTR, `iv` otherwise).
 */
export type NonceSlot =
  | (ArgumentSlot & { readonly kind: 'argument'; readonly perFamily?: Readonly<Partial<Record<CipherFamily, string>>> })
  | (ArgumentSlot & { readonly kind: 'method'; readonly method: string });

/** `both`: the call returns an object with `encrypt` and `decrypt` (noble); its use decides. */
export type CipherDirection = 'encrypt' | 'decrypt' | 'both';

/** A module and the member path below its export, e.g. `node:crypto` + `["createCipheriv"]`. */
export interface ApiLocation {
  /** Normalised module id (see {@link normalizeModuleId}); `global` for globals such as `crypto`. */
  readonly module: string;
  readonly path: readonly string[];
}

/** One cipher API. */
export interface CipherApi {
  /** Stable id, e.g. `node:createCipheriv`. */
  readonly id: string;
  readonly library: 'node:crypto' | 'webcrypto' | '@noble/ciphers' | 'node-forge';
  /** Every module + path under which the API is reachable. */
  readonly locations: readonly ApiLocation[];
  readonly direction: CipherDirection;
  readonly algorithm: AlgorithmSlot;
  readonly key: ArgumentSlot;
  /** Absent for APIs that take no nonce (node's deprecated `createCipher`, ECB). */
  readonly nonce?: NonceSlot;
  /** Deprecated APIs that derive the IV from the password: the IV is the same every time. */
  readonly derivesIvFromPassword?: boolean;
}

/** A function that returns fresh random bytes per call. */
export interface RandomSourceApi {
  readonly id: string;
  readonly locations: readonly ApiLocation[];
  /**
   * `returns`: the result is random (`randomBytes(n)`).
   * `fills-argument`: fills argument 0 in place and returns it (`getRandomValues(buf)`).
   * `fills-argument-async`: fills argument 0 in place, result comes later (`randomFill(buf, cb)`).
   */
  readonly behaviour: 'returns' | 'fills-argument' | 'fills-argument-async';
}

/** A function whose output is fully determined by its input (hashes, KDFs, MACs). */
export interface DeterministicApi {
  readonly id: string;
  readonly locations: readonly ApiLocation[];
}

const nodeCrypto = (...path: string[]): ApiLocation => ({ module: 'node:crypto', path });

const globalCrypto = (...path: string[]): ApiLocation => ({ module: 'global', path: ['crypto', ...path] });

const at = (module: string, ...path: string[]): ApiLocation => ({ module, path });

const arg = (index: number, property?: string): ArgumentSlot =>
  property === undefined ? { index } : { index, property };

const algorithmArg = (index: number, property?: string): AlgorithmSlot => ({
  kind: 'argument',
  ...arg(index, property),
});

const fixed = (family: CipherFamily): AlgorithmSlot => ({ kind: 'fixed', family });

const nonceArg = (index: number): NonceSlot => ({ kind: 'argument', index });

/** Where WebCrypto's `subtle` is reachable: the global, and node:crypto's `subtle`/`webcrypto.subtle`. */
const subtle = (method: string): ApiLocation[] => [
  globalCrypto('subtle', method),
  nodeCrypto('subtle', method),
  nodeCrypto('webcrypto', 'subtle', method),
];

function nobleCipher(
  id: string,
  module: 'aes' | 'chacha' | 'salsa' | 'webcrypto',
  family: CipherFamily,
  hasNonce = true,
): CipherApi {
  return {
    id: `noble:${module === 'webcrypto' ? 'webcrypto.' : ''}${id}`,
    library: '@noble/ciphers',
    locations: [at(`@noble/ciphers/${module}`, id), at('@noble/ciphers', id)],
    direction: 'both',
    algorithm: fixed(family),
    key: arg(0),
    ...(hasNonce ? { nonce: nonceArg(1) } : {}),
  };
}

/** Every cipher API the checks know. */
export const cipherApis: readonly CipherApi[] = [
  {
    id: 'node:createCipheriv',
    library: 'node:crypto',
    locations: [nodeCrypto('createCipheriv')],
    direction: 'encrypt',
    algorithm: algorithmArg(0),
    key: arg(1),
    nonce: nonceArg(2),
  },
  {
    id: 'node:createDecipheriv',
    library: 'node:crypto',
    locations: [nodeCrypto('createDecipheriv')],
    direction: 'decrypt',
    algorithm: algorithmArg(0),
    key: arg(1),
    nonce: nonceArg(2),
  },
  {
    id: 'node:createCipher',
    library: 'node:crypto',
    locations: [nodeCrypto('createCipher')],
    direction: 'encrypt',
    algorithm: algorithmArg(0),
    key: arg(1),
    derivesIvFromPassword: true,
  },
  {
    id: 'node:createDecipher',
    library: 'node:crypto',
    locations: [nodeCrypto('createDecipher')],
    direction: 'decrypt',
    algorithm: algorithmArg(0),
    key: arg(1),
    derivesIvFromPassword: true,
  },
  {
    id: 'webcrypto:subtle.encrypt',
    library: 'webcrypto',
    locations: subtle('encrypt'),
    direction: 'encrypt',
    algorithm: algorithmArg(0, 'name'),
    key: arg(1),
    nonce: { kind: 'argument', index: 0, property: 'iv', perFamily: { CTR: 'counter' } },
  },
  {
    id: 'webcrypto:subtle.decrypt',
    library: 'webcrypto',
    locations: subtle('decrypt'),
    direction: 'decrypt',
    algorithm: algorithmArg(0, 'name'),
    key: arg(1),
    nonce: { kind: 'argument', index: 0, property: 'iv', perFamily: { CTR: 'counter' } },
  },
  nobleCipher('gcm', 'aes', 'GCM'),
  nobleCipher('gcmsiv', 'aes', 'GCM-SIV'),
  nobleCipher('ctr', 'aes', 'CTR'),
  nobleCipher('cbc', 'aes', 'CBC'),
  nobleCipher('cfb', 'aes', 'CFB'),
  nobleCipher('ecb', 'aes', 'ECB', false),
  nobleCipher('chacha20poly1305', 'chacha', 'ChaCha20-Poly1305'),
  nobleCipher('xchacha20poly1305', 'chacha', 'XChaCha20-Poly1305'),
  nobleCipher('chacha20', 'chacha', 'ChaCha20'),
  nobleCipher('xchacha20', 'chacha', 'XChaCha20'),
  nobleCipher('xsalsa20poly1305', 'salsa', 'XSalsa20-Poly1305'),
  nobleCipher('salsa20', 'salsa', 'Salsa20'),
  nobleCipher('gcm', 'webcrypto', 'GCM'),
  nobleCipher('ctr', 'webcrypto', 'CTR'),
  nobleCipher('cbc', 'webcrypto', 'CBC'),
  {
    id: 'forge:cipher.createCipher',
    library: 'node-forge',
    locations: [at('node-forge', 'cipher', 'createCipher')],
    direction: 'encrypt',
    algorithm: algorithmArg(0),
    key: arg(1),
    nonce: { kind: 'method', method: 'start', index: 0, property: 'iv' },
  },
  {
    id: 'forge:cipher.createDecipher',
    library: 'node-forge',
    locations: [at('node-forge', 'cipher', 'createDecipher')],
    direction: 'decrypt',
    algorithm: algorithmArg(0),
    key: arg(1),
    nonce: { kind: 'method', method: 'start', index: 0, property: 'iv' },
  },
];

const nobleUtils = (name: string): ApiLocation[] => [
  at('@noble/ciphers/utils', name),
  at('@noble/ciphers/webcrypto', name),
  at('@noble/hashes/utils', name),
  at('@noble/ciphers', name),
];

/** Functions that return (or fill in) fresh random bytes on every call. */
export const randomSourceApis: readonly RandomSourceApi[] = [
  {
    id: 'node:randomBytes',
    locations: [nodeCrypto('randomBytes'), nodeCrypto('pseudoRandomBytes')],
    behaviour: 'returns',
  },
  { id: 'node:randomFillSync', locations: [nodeCrypto('randomFillSync')], behaviour: 'fills-argument' },
  { id: 'node:randomFill', locations: [nodeCrypto('randomFill')], behaviour: 'fills-argument-async' },
  { id: 'node:randomUUID', locations: [nodeCrypto('randomUUID'), globalCrypto('randomUUID')], behaviour: 'returns' },
  {
    id: 'webcrypto:getRandomValues',
    locations: [
      globalCrypto('getRandomValues'),
      nodeCrypto('getRandomValues'),
      nodeCrypto('webcrypto', 'getRandomValues'),
    ],
    behaviour: 'fills-argument',
  },
  { id: 'noble:randomBytes', locations: nobleUtils('randomBytes'), behaviour: 'returns' },
  {
    id: 'forge:random.getBytesSync',
    locations: [at('node-forge', 'random', 'getBytesSync'), at('node-forge', 'random', 'getBytes')],
    behaviour: 'returns',
  },
];

/** Deterministic functions: a nonce computed by them from the key is the same for every message. */
export const deterministicApis: readonly DeterministicApi[] = [
  { id: 'node:createHash', locations: [nodeCrypto('createHash')] },
  { id: 'node:createHmac', locations: [nodeCrypto('createHmac')] },
  { id: 'node:hash', locations: [nodeCrypto('hash')] },
  { id: 'node:hkdfSync', locations: [nodeCrypto('hkdfSync')] },
  { id: 'node:pbkdf2Sync', locations: [nodeCrypto('pbkdf2Sync')] },
  { id: 'node:scryptSync', locations: [nodeCrypto('scryptSync')] },
  { id: 'webcrypto:subtle.digest', locations: subtle('digest') },
  ...['sha256', 'sha384', 'sha512', 'sha1'].map((name) => ({
    id: `noble:${name}`,
    locations: [
      at('@noble/hashes/sha2', name),
      at('@noble/hashes/sha256', name),
      at('@noble/hashes/sha512', name),
      at('@noble/hashes/legacy', name),
    ],
  })),
  { id: 'noble:hmac', locations: [at('@noble/hashes/hmac', 'hmac')] },
  { id: 'noble:hkdf', locations: [at('@noble/hashes/hkdf', 'hkdf')] },
];

/** A salted key-derivation function: where its salt goes, and whether its key comes to a callback. */
export interface SaltedKdfApi extends DeterministicApi {
  readonly salt: ArgumentSlot;
  /** `scrypt(password, salt, keylen, cb)`: the key is the callback's second parameter. */
  readonly callback?: boolean;
}

/** KDFs whose output is a key fresh for each salt (a salt stored with the record makes a per-record key). */
export const saltedKdfApis: readonly SaltedKdfApi[] = [
  { id: 'node:scrypt', locations: [nodeCrypto('scrypt')], salt: arg(1), callback: true },
  { id: 'node:scryptSync', locations: [nodeCrypto('scryptSync')], salt: arg(1) },
  { id: 'node:pbkdf2', locations: [nodeCrypto('pbkdf2')], salt: arg(1), callback: true },
  { id: 'node:pbkdf2Sync', locations: [nodeCrypto('pbkdf2Sync')], salt: arg(1) },
  { id: 'node:hkdf', locations: [nodeCrypto('hkdf')], salt: arg(2), callback: true },
  { id: 'node:hkdfSync', locations: [nodeCrypto('hkdfSync')], salt: arg(2) },
  {
    id: 'noble:scrypt',
    locations: [at('@noble/hashes/scrypt', 'scrypt'), at('@noble/hashes/scrypt', 'scryptAsync')],
    salt: arg(1),
  },
  {
    id: 'noble:pbkdf2',
    locations: [at('@noble/hashes/pbkdf2', 'pbkdf2'), at('@noble/hashes/pbkdf2', 'pbkdf2Async')],
    salt: arg(2),
  },
  { id: 'noble:hkdf', locations: [at('@noble/hashes/hkdf', 'hkdf')], salt: arg(2) },
  {
    id: 'webcrypto:subtle.deriveKey',
    locations: [...subtle('deriveKey'), ...subtle('deriveBits')],
    salt: arg(0, 'salt'),
  },
];

/**
 * Key-management calls that return a fresh data key per call (envelope encryption): a key used
 * once, so a fixed nonce under it never repeats. Matched by name because the client is an
 * instance (`new KMSClient()`, `new AWS.KMS()`), not an import path.
 */
export interface DataKeyApi {
  readonly id: string;
  /** `method`: `kms.generateDataKey(...)` (optionally `.promise()`); `command`: `client.send(new GenerateDataKeyCommand(...))`. */
  readonly shape: 'method' | 'command';
  readonly name: string;
}

/** Data-key generators whose result (`.Plaintext`) is a one-time random key. */
export const dataKeyApis: readonly DataKeyApi[] = [
  { id: 'aws-sdk-v3:GenerateDataKeyCommand', shape: 'command', name: 'GenerateDataKeyCommand' },
  { id: 'aws-sdk-v2:KMS.generateDataKey', shape: 'method', name: 'generateDataKey' },
];

/** Wrappers that take a nonce-taking cipher and manage a fresh random nonce per call: always safe. */
export const managedNonceApis: readonly DeterministicApi[] = [
  { id: 'noble:managedNonce', locations: nobleUtils('managedNonce') },
];
