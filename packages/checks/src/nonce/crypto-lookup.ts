import {
  cipherApis,
  dataKeyApis,
  deterministicApis,
  managedNonceApis,
  randomSourceApis,
  saltedKdfApis,
  type ApiLocation,
  type CipherApi,
  type CipherFamily,
  type DataKeyApi,
  type DeterministicApi,
  type RandomSourceApi,
  type SaltedKdfApi,
} from '../catalogs/crypto-apis.js';
import { COSTED_APIS, type CostedApi } from '../catalogs/crypto-costs.js';

/**
 * Lookups over the crypto catalogs (`../catalogs/crypto-apis.ts`, `../catalogs/crypto-costs.ts`):
 * which catalogued API a module and access path name, and what a cipher family implies for its
 * nonce. `./api-location.ts` resolves a call to the module and path these take.
 */

/** The data-key generator called `name` in `shape`, if any. */
export function findDataKeyApi(shape: DataKeyApi['shape'], name: string): DataKeyApi | undefined {
  return dataKeyApis.find((api) => api.shape === shape && api.name === name);
}

/**
 * Normalises a module specifier: `crypto` -> `node:crypto`, strips a trailing `.js`/`/index.js`
 * (`@noble/ciphers/aes.js` -> `@noble/ciphers/aes`). Returns the specifier otherwise unchanged.
 */
export function normalizeModuleId(specifier: string): string {
  if (specifier === 'crypto' || specifier === 'node:crypto') return 'node:crypto';
  if (specifier === 'crypto/webcrypto' || specifier === 'node:crypto/webcrypto') return 'node:crypto';
  return specifier.replace(/\/index\.js$/, '').replace(/\.(?:m?js)$/, '');
}

function matchesLocation(locations: readonly ApiLocation[], module: string, path: readonly string[]): boolean {
  return locations.some(
    (l) => l.module === module && l.path.length === path.length && l.path.every((p, i) => p === path[i]),
  );
}

/** The cipher API reachable at `module` + `path` (module already normalised), if any. */
export function findCipherApi(module: string, path: readonly string[]): CipherApi | undefined {
  return cipherApis.find((api) => matchesLocation(api.locations, module, path));
}

/** The random source reachable at `module` + `path`, if any. */
export function findRandomSource(module: string, path: readonly string[]): RandomSourceApi | undefined {
  return randomSourceApis.find((api) => matchesLocation(api.locations, module, path));
}

/** The deterministic (hash/KDF/MAC) API reachable at `module` + `path`, if any. */
export function findDeterministicApi(module: string, path: readonly string[]): DeterministicApi | undefined {
  return deterministicApis.find((api) => matchesLocation(api.locations, module, path));
}

/** The salted KDF reachable at `module` + `path` (scrypt, PBKDF2, HKDF, WebCrypto `deriveKey`), if any. */
export function findSaltedKdf(module: string, path: readonly string[]): SaltedKdfApi | undefined {
  return saltedKdfApis.find((api) => matchesLocation(api.locations, module, path));
}

/** True when `module` + `path` is a managed-nonce wrapper (noble `managedNonce`). */
export function isManagedNonceApi(module: string, path: readonly string[]): boolean {
  return managedNonceApis.some((api) => matchesLocation(api.locations, module, path));
}

/**
 * The family of an algorithm name as node:crypto, WebCrypto and node-forge spell it:
 * `aes-256-gcm`, `id-aes128-GCM`, `AES-GCM`, `aes-128-ctr`, `AES-CBC`, `chacha20-poly1305`.
 * Undefined for names it does not know.
 */
export function cipherFamilyOf(algorithm: string): CipherFamily | undefined {
  const name = algorithm.trim().toLowerCase();
  if (/^x?chacha20-poly1305$/.test(name)) return name.startsWith('x') ? 'XChaCha20-Poly1305' : 'ChaCha20-Poly1305';
  if (name === 'chacha20') return 'ChaCha20';
  if (name === 'aes-gcm-siv' || /-gcm-siv$/.test(name)) return 'GCM-SIV';
  const mode = /(?:^|[-_])(gcm|ctr|cbc|ccm|ocb|cfb(?:1|8)?|ofb|ecb)$/.exec(name)?.[1];
  if (!mode || !/aes|aria|camellia|sm4|des/.test(name)) return undefined;
  if (mode.startsWith('cfb')) return 'CFB';
  return mode.toUpperCase() as CipherFamily;
}

/** The nonce/IV length in bytes a fresh random nonce should have for a family. */
export function nonceLengthOf(family: CipherFamily | undefined): number {
  switch (family) {
    case 'XChaCha20-Poly1305':
    case 'XChaCha20':
    case 'XSalsa20-Poly1305':
      return 24;
    case 'CTR':
    case 'CBC':
    case 'CFB':
    case 'OFB':
      return 16;
    case 'Salsa20':
      return 8;
    default:
      return 12;
  }
}

/**
 * What a repeated nonce costs under a family:
 * `catastrophic` (stream-cipher keystream reuse, and for GCM/Poly1305 forgeries),
 * `leaks-equality` (CBC: identical prefixes show; predictable IVs allow chosen-plaintext attacks),
 * `misuse-resistant` (GCM-SIV: only equal messages show), `none` (ECB takes no nonce).
 */
export function nonceReuseImpact(
  family: CipherFamily,
): 'catastrophic' | 'leaks-equality' | 'misuse-resistant' | 'none' {
  switch (family) {
    case 'CBC':
      return 'leaks-equality';
    case 'GCM-SIV':
      return 'misuse-resistant';
    case 'ECB':
      return 'none';
    default:
      return 'catastrophic';
  }
}

/** The cost-taking API at a module and member path, if any. */
export function findCostedApi(module: string, path: readonly string[]): CostedApi | undefined {
  const joined = path.join('.');
  return COSTED_APIS.find((entry) => entry.module === module && entry.paths.includes(joined))?.api;
}
