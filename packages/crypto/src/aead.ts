/**
 * AEAD primitives and the pluggable backends that run them.
 *
 * Two layers:
 * - {@link AeadBackend}: raw constructions (`aes-gcm`, `chacha20-poly1305`, `xchacha20-poly1305`)
 *   with caller-supplied nonces. Used by the format layer and by the Wycheproof tests. Two
 *   implementations: {@link nobleBackend} (portable, pure JS) and the node:crypto backend
 *   (`createNodeBackend`, fast). {@link defaultBackend} picks node:crypto when the runtime has it.
 * - {@link aeadEncrypt} / {@link aeadDecrypt}: the production profile (32-byte keys, a fresh random
 *   nonce from the backend's CSPRNG on every encryption, 16-byte tags).
 *
 * Nothing here keeps global state: a backend is a value chosen by the caller (or by
 * `defaultBackend()` at construction time) and passed along.
 */
import { ecb, gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { createNodeBackend, type NodeCryptoModule } from './backend-node.js';
import { assertBytes } from './encoding.js';
import {
  assertKey,
  checkDataKeyWrapInputs,
  checkRawInputs,
  DATA_KEY_LENGTH,
  TAG_LENGTH,
  type AeadBackend,
  type AeadConstruction,
  type DataKeyWrap,
} from './aead-raw.js';
import { DecryptionError, DisposedError, InvalidArgumentError } from './errors.js';

export {
  assertKey,
  checkRawInputs,
  DATA_KEY_LENGTH,
  KEY_LENGTH,
  TAG_LENGTH,
  type AeadBackend,
  type AeadConstruction,
  type DataKeyWrap,
} from './aead-raw.js';

/** Algorithms offered by the high-level API (all with 256-bit keys and 128-bit tags). */
export type AeadAlgorithm = 'aes-256-gcm' | 'xchacha20-poly1305';

/** All high-level algorithms, in a stable order. */
export const AEAD_ALGORITHMS: readonly AeadAlgorithm[] = ['aes-256-gcm', 'xchacha20-poly1305'];

/** Nonce length per high-level algorithm, in bytes. */
export const NONCE_LENGTH: Readonly<Record<AeadAlgorithm, number>> = { 'aes-256-gcm': 12, 'xchacha20-poly1305': 24 };

/** The construction that runs a high-level algorithm. */
const CONSTRUCTION: Readonly<Record<AeadAlgorithm, AeadConstruction>> = {
  'aes-256-gcm': 'aes-gcm',
  'xchacha20-poly1305': 'xchacha20-poly1305',
};

const nobleCipher = (construction: AeadConstruction, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array) =>
  construction === 'aes-gcm'
    ? gcm(key, nonce, aad)
    : construction === 'chacha20-poly1305'
      ? chacha20poly1305(key, nonce, aad)
      : xchacha20poly1305(key, nonce, aad);

/** Portable backend: @noble/ciphers and @noble/hashes, randomness from `globalThis.crypto.getRandomValues`. */
export const nobleBackend: AeadBackend = Object.freeze({
  name: 'noble',
  seal(
    construction: AeadConstruction,
    key: Uint8Array,
    nonce: Uint8Array,
    plaintext: Uint8Array,
    aad: Uint8Array,
    output?: Uint8Array,
  ): Uint8Array {
    checkRawInputs(construction, key, nonce, plaintext, aad, output);
    const sealed = nobleCipher(construction, key, nonce, aad).encrypt(plaintext);
    if (!output) return sealed;
    output.set(sealed);
    return output;
  },
  open(
    construction: AeadConstruction,
    key: Uint8Array,
    nonce: Uint8Array,
    sealed: Uint8Array,
    aad: Uint8Array,
  ): Uint8Array {
    checkRawInputs(construction, key, nonce, sealed, aad);
    if (sealed.length < TAG_LENGTH) throw new DecryptionError();
    try {
      return nobleCipher(construction, key, nonce, aad).decrypt(sealed);
    } catch {
      throw new DecryptionError();
    }
  },
  randomBytes(length: number): Uint8Array {
    return webRandomBytes(length);
  },
  fillRandom(target: Uint8Array): void {
    assertBytes(target, 'random target');
    target.set(webRandomBytes(target.length));
  },
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
    assertBytes(key, 'hmac key');
    assertBytes(data, 'hmac data');
    return hmac(sha256, key, data);
  },
  createDataKeyWrap(wrappingKey: Uint8Array): DataKeyWrap {
    assertKey(wrappingKey, 'data-key wrapping key');
    // noble's ecb() keeps a reference to the key it is given: hand it a private copy. (An instance
    // encrypts once, by noble's nonce-reuse guard, so one is made per call; it expands the key per call anyway.)
    const key = new Uint8Array(wrappingKey);
    // eslint-disable-next-line secret-hygiene/no-weak-crypto -- the bare block cipher on single-use random data keys only (see DataKeyWrap)
    const cipher = () => ecb(key, { disablePadding: true });
    let destroyed = false;
    const alive = () => {
      if (destroyed) throw new DisposedError('DataKeyWrap');
    };
    const wrap = (dataKey: Uint8Array, output: Uint8Array): void => {
      alive();
      checkDataKeyWrapInputs(dataKey, output);
      output.set(cipher().encrypt(dataKey));
    };
    return Object.freeze({
      generate(wrappedOutput: Uint8Array): Uint8Array {
        const dataKey = webRandomBytes(DATA_KEY_LENGTH);
        wrap(dataKey, wrappedOutput);
        return dataKey;
      },
      wrap,
      unwrap(wrapped: Uint8Array): Uint8Array {
        alive();
        checkDataKeyWrapInputs(wrapped);
        return cipher().decrypt(wrapped);
      },
      destroy(): void {
        key.fill(0);
        destroyed = true;
      },
    });
  },
});

/** getRandomValues is limited to 65536 bytes per call. */
function webRandomBytes(length: number): Uint8Array {
  if (!Number.isSafeInteger(length) || length < 0)
    throw new InvalidArgumentError('random length must be a non-negative integer');
  const c = (globalThis as { crypto?: { getRandomValues?: <T extends Uint8Array>(a: T) => T } }).crypto;
  if (typeof c?.getRandomValues !== 'function')
    throw new InvalidArgumentError('no CSPRNG: globalThis.crypto.getRandomValues is missing');
  const out = new Uint8Array(length);
  for (let o = 0; o < length; o += 65536) c.getRandomValues(out.subarray(o, Math.min(length, o + 65536)));
  return out;
}

/**
 * The fastest backend this runtime offers: node:crypto (through `process.getBuiltinModule`, so no
 * import a bundler must resolve) in Node/Bun/Deno, otherwise {@link nobleBackend}. Each call returns a
 * new node backend (it owns a small nonce pool); call it once per keyring, not per operation.
 */
export function defaultBackend(): AeadBackend {
  const proc = (
    globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }
  ).process;
  if (proc?.versions?.node && typeof proc.getBuiltinModule === 'function') {
    const mod = proc.getBuiltinModule('node:crypto') as NodeCryptoModule | undefined;
    if (mod && typeof mod.createCipheriv === 'function') return createNodeBackend(mod);
  }
  return nobleBackend;
}

/** Throws InvalidArgumentError unless `algorithm` is a supported high-level algorithm. */
export function assertAlgorithm(algorithm: unknown): asserts algorithm is AeadAlgorithm {
  if (algorithm !== 'aes-256-gcm' && algorithm !== 'xchacha20-poly1305') {
    throw new InvalidArgumentError(
      `unsupported algorithm "${String(algorithm)}"; use "aes-256-gcm" or "xchacha20-poly1305"`,
    );
  }
}

/** Raw construction behind a high-level algorithm. Throws InvalidArgumentError for an unknown one. */
export function constructionOf(algorithm: AeadAlgorithm): AeadConstruction {
  assertAlgorithm(algorithm);
  return CONSTRUCTION[algorithm];
}

/**
 * A fresh nonce for `algorithm` from the backend's CSPRNG. This is the code path every encryption
 * uses; it is exported so tests can check uniqueness over many draws.
 * Throws InvalidArgumentError for an unknown algorithm.
 */
export function createNonce(algorithm: AeadAlgorithm, backend: AeadBackend = nobleBackend): Uint8Array {
  assertAlgorithm(algorithm);
  return backend.randomBytes(NONCE_LENGTH[algorithm]);
}

/** Options of {@link aeadEncrypt} and {@link aeadDecrypt}. */
export interface AeadOptions {
  /** Associated data: authenticated, not encrypted. Default: empty. */
  readonly aad?: Uint8Array;
  /** Implementation; default {@link nobleBackend} (pass `defaultBackend()` for the fast path). */
  readonly backend?: AeadBackend;
}

/** Result of {@link aeadEncrypt}. */
export interface AeadSealed {
  readonly nonce: Uint8Array;
  /** `ciphertext || tag`. */
  readonly ciphertext: Uint8Array;
}

const EMPTY = new Uint8Array(0);

/**
 * Encrypts under a 32-byte key with a fresh random nonce. Throws InvalidKeyError (key not 32 bytes),
 * InvalidArgumentError (unknown algorithm, non-Uint8Array input).
 */
export function aeadEncrypt(
  algorithm: AeadAlgorithm,
  key: Uint8Array,
  plaintext: Uint8Array,
  options: AeadOptions = {},
): AeadSealed {
  assertAlgorithm(algorithm);
  assertKey(key);
  const backend = options.backend ?? nobleBackend;
  const nonce = createNonce(algorithm, backend);
  return { nonce, ciphertext: backend.seal(CONSTRUCTION[algorithm], key, nonce, plaintext, options.aad ?? EMPTY) };
}

/**
 * Decrypts `ciphertext || tag`. Throws DecryptionError when not authentic, InvalidKeyError for a
 * bad key, InvalidArgumentError for a wrong nonce size or unknown algorithm.
 */
export function aeadDecrypt(
  algorithm: AeadAlgorithm,
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  options: AeadOptions = {},
): Uint8Array {
  assertAlgorithm(algorithm);
  assertKey(key);
  assertBytes(nonce, 'nonce', NONCE_LENGTH[algorithm]);
  const backend = options.backend ?? nobleBackend;
  return backend.open(CONSTRUCTION[algorithm], key, nonce, ciphertext, options.aad ?? EMPTY);
}
