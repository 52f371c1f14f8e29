/**
 * The node:crypto AEAD backend (OpenSSL: AES-NI, ~10x noble on large inputs).
 *
 * This module never imports node:crypto itself: the module object is passed in, so bundlers for the
 * browser do not see a `node:` import. `defaultBackend()` obtains it through `process.getBuiltinModule`;
 * `@secret-hygiene/crypto/node` exports `nodeBackend()` that does the same with a static import.
 *
 * XChaCha20-Poly1305 is not in OpenSSL: it is built here as HChaCha20 (from @noble/ciphers) plus
 * OpenSSL's ChaCha20-Poly1305, as the XChaCha draft defines it.
 */
import { hchacha } from '@noble/ciphers/chacha.js';
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
import { assertBytes } from './encoding.js';
import { DecryptionError, DisposedError, InvalidArgumentError } from './errors.js';

interface NodeCipherLike {
  setAAD(aad: Uint8Array): unknown;
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
  getAuthTag(): Uint8Array;
}
interface NodeDecipherLike {
  setAAD(aad: Uint8Array): unknown;
  setAuthTag(tag: Uint8Array): unknown;
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
}

/** A codebook (ECB) cipher context, kept open across calls. */
interface NodeBlockCipherLike {
  setAutoPadding(padding: boolean): unknown;
  update(data: Uint8Array): Uint8Array;
}

/** The parts of `node:crypto` this backend uses (structural, so no @types/node is needed by consumers). */
export interface NodeCryptoModule {
  createCipheriv(
    algorithm: string,
    key: Uint8Array,
    iv: Uint8Array,
    options?: { authTagLength: number },
  ): NodeCipherLike;
  createCipheriv(algorithm: 'aes-256-ecb', key: Uint8Array, iv: null): NodeBlockCipherLike;
  createDecipheriv(
    algorithm: string,
    key: Uint8Array,
    iv: Uint8Array,
    options?: { authTagLength: number },
  ): NodeDecipherLike;
  createDecipheriv(algorithm: 'aes-256-ecb', key: Uint8Array, iv: null): NodeBlockCipherLike;
  randomFillSync<T extends Uint8Array>(buffer: T): T;
  createHmac(algorithm: string, key: Uint8Array): { update(data: Uint8Array): { digest(): Uint8Array } };
}

const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]); // "expand 32-byte k"

const le32 = (bytes: Uint8Array): Uint32Array => {
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) {
    out[i] = bytes[4 * i]! | (bytes[4 * i + 1]! << 8) | (bytes[4 * i + 2]! << 16) | (bytes[4 * i + 3]! << 24);
  }
  return out;
};

/** XChaCha20 → ChaCha20: subkey = HChaCha20(key, nonce[0..16]), nonce12 = 0^4 || nonce[16..24]. */
function xchachaToChacha(key: Uint8Array, nonce: Uint8Array): { subkey: Uint8Array; nonce12: Uint8Array } {
  const k32 = le32(key);
  const out = new Uint32Array(8);
  hchacha(SIGMA, k32, le32(nonce.subarray(0, 16)), out);
  const subkey = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const w = out[i]!;
    subkey[4 * i] = w & 0xff;
    subkey[4 * i + 1] = (w >>> 8) & 0xff;
    subkey[4 * i + 2] = (w >>> 16) & 0xff;
    subkey[4 * i + 3] = w >>> 24;
  }
  k32.fill(0);
  out.fill(0);
  const nonce12 = new Uint8Array(12);
  nonce12.set(nonce.subarray(16, 24), 4);
  return { subkey, nonce12 };
}

const opensslName = (construction: AeadConstruction, keyLength: number): string =>
  construction === 'aes-gcm' ? `aes-${keyLength * 8}-gcm` : 'chacha20-poly1305';

const view = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Random bytes served from a per-backend pool, so a 12-byte nonce does not cost a CSPRNG call each. */
const POOL_SIZE = 4096;
const POOLED_MAX = 64;

/**
 * Builds the node:crypto backend from the `node:crypto` module object. Each backend owns a small
 * random pool (consumed bytes are zeroed). Throws InvalidArgumentError if `nodeCrypto` lacks the API.
 */
export function createNodeBackend(nodeCrypto: NodeCryptoModule): AeadBackend {
  if (typeof nodeCrypto?.createCipheriv !== 'function' || typeof nodeCrypto.randomFillSync !== 'function') {
    throw new InvalidArgumentError('createNodeBackend needs the node:crypto module');
  }
  const pool = new Uint8Array(POOL_SIZE);
  let poolOffset = POOL_SIZE;

  /** Copies from the pool (consumed bytes are zeroed); large requests go straight to the CSPRNG. */
  const fill = (target: Uint8Array): void => {
    const length = target.length;
    if (length > POOLED_MAX) {
      nodeCrypto.randomFillSync(target);
      return;
    }
    if (poolOffset + length > POOL_SIZE) {
      nodeCrypto.randomFillSync(pool);
      poolOffset = 0;
    }
    target.set(pool.subarray(poolOffset, poolOffset + length));
    pool.fill(0, poolOffset, poolOffset + length);
    poolOffset += length;
  };

  const sealRaw = (
    name: string,
    key: Uint8Array,
    nonce: Uint8Array,
    plaintext: Uint8Array,
    aad: Uint8Array,
    output: Uint8Array | undefined,
  ): Uint8Array => {
    const cipher = nodeCrypto.createCipheriv(name, key, nonce);
    cipher.setAAD(aad);
    const body = cipher.update(plaintext);
    const tail = cipher.final();
    const out = output ?? new Uint8Array(plaintext.length + TAG_LENGTH);
    out.set(body, 0);
    if (tail.length > 0) out.set(tail, body.length);
    out.set(cipher.getAuthTag(), plaintext.length);
    return out;
  };

  // No authTagLength option: 16 is the default for both ciphers, and open() always passes exactly the
  // last 16 bytes to setAuthTag, so a short tag can never be accepted. (The option costs ~1 µs per call.)
  const openRaw = (
    name: string,
    key: Uint8Array,
    nonce: Uint8Array,
    sealed: Uint8Array,
    aad: Uint8Array,
  ): Uint8Array => {
    const split = sealed.length - TAG_LENGTH;
    let body: Uint8Array | undefined;
    try {
      const decipher = nodeCrypto.createDecipheriv(name, key, nonce);
      decipher.setAAD(aad);
      decipher.setAuthTag(sealed.subarray(split));
      body = decipher.update(sealed.subarray(0, split));
      decipher.final();
    } catch {
      body?.fill(0); // never leave unauthenticated plaintext behind
      throw new DecryptionError();
    }
    return view(body);
  };

  return Object.freeze({
    name: 'node',
    seal(
      construction: AeadConstruction,
      key: Uint8Array,
      nonce: Uint8Array,
      plaintext: Uint8Array,
      aad: Uint8Array,
      output?: Uint8Array,
    ): Uint8Array {
      checkRawInputs(construction, key, nonce, plaintext, aad, output);
      if (construction !== 'xchacha20-poly1305')
        return sealRaw(opensslName(construction, key.length), key, nonce, plaintext, aad, output);
      const { subkey, nonce12 } = xchachaToChacha(key, nonce);
      try {
        return sealRaw('chacha20-poly1305', subkey, nonce12, plaintext, aad, output);
      } finally {
        subkey.fill(0);
      }
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
      if (construction !== 'xchacha20-poly1305')
        return openRaw(opensslName(construction, key.length), key, nonce, sealed, aad);
      const { subkey, nonce12 } = xchachaToChacha(key, nonce);
      try {
        return openRaw('chacha20-poly1305', subkey, nonce12, sealed, aad);
      } finally {
        subkey.fill(0);
      }
    },
    randomBytes(length: number): Uint8Array {
      if (!Number.isSafeInteger(length) || length < 0)
        throw new InvalidArgumentError('random length must be a non-negative integer');
      const out = new Uint8Array(length);
      fill(out);
      return out;
    },
    fillRandom(target: Uint8Array): void {
      if (!(target instanceof Uint8Array)) throw new InvalidArgumentError('random target must be a Uint8Array');
      fill(target);
    },
    hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
      if (!(key instanceof Uint8Array) || !(data instanceof Uint8Array))
        throw new InvalidArgumentError('hmac key and data must be Uint8Array');
      return view(nodeCrypto.createHmac('sha256', key).update(data).digest());
    },
    createDataKeyWrap(wrappingKey: Uint8Array): DataKeyWrap {
      return createNodeDataKeyWrap(nodeCrypto, wrappingKey);
    },
  });
}

/** Data keys prepared per batch: one AES-ECB call wraps all of them. */
const DATA_KEY_BATCH = 64;

/**
 * The data-key wrap on two long-lived OpenSSL AES-256-ECB contexts (one per direction, padding off, so
 * every update() maps n blocks to n blocks and keeps no state between calls). One update() costs about
 * a quarter of setting up an AEAD context, and `generate` makes it cheaper still: it draws 64 data
 * keys at once and wraps them in one call, so a new envelope costs no wrap call of its own most of
 * the time. OpenSSL copies the key; its schedule is freed when the contexts are garbage-collected
 * (node:crypto offers no way to wipe it sooner).
 */
function createNodeDataKeyWrap(nodeCrypto: NodeCryptoModule, wrappingKey: Uint8Array): DataKeyWrap {
  assertKey(wrappingKey, 'data-key wrapping key');
  let encryptor: NodeBlockCipherLike | undefined = nodeCrypto.createCipheriv('aes-256-ecb', wrappingKey, null);
  encryptor.setAutoPadding(false);
  let decryptor: NodeBlockCipherLike | undefined = nodeCrypto.createDecipheriv('aes-256-ecb', wrappingKey, null);
  decryptor.setAutoPadding(false);
  const batchBytes = DATA_KEY_BATCH * DATA_KEY_LENGTH;
  const keys = new Uint8Array(batchBytes);
  let wrapped: Uint8Array = keys;
  let next = batchBytes;
  return Object.freeze({
    generate(wrappedOutput: Uint8Array): Uint8Array {
      if (!encryptor) throw new DisposedError('DataKeyWrap');
      assertBytes(wrappedOutput, 'wrapped key output', DATA_KEY_LENGTH);
      if (next === batchBytes) {
        nodeCrypto.randomFillSync(keys);
        wrapped = encryptor.update(keys);
        next = 0;
      }
      // A view of the batch (off V8's heap already, so node:crypto reads it without a copy); the caller
      // zeroes it after use, and the batch is refilled only once every key in it was handed out.
      const dataKey = keys.subarray(next, next + DATA_KEY_LENGTH);
      wrappedOutput.set(wrapped.subarray(next, next + DATA_KEY_LENGTH));
      next += DATA_KEY_LENGTH;
      return dataKey;
    },
    wrap(dataKey: Uint8Array, output: Uint8Array): void {
      if (!encryptor) throw new DisposedError('DataKeyWrap');
      checkDataKeyWrapInputs(dataKey, output);
      output.set(encryptor.update(dataKey));
    },
    unwrap(wrapped: Uint8Array): Uint8Array {
      if (!decryptor) throw new DisposedError('DataKeyWrap');
      checkDataKeyWrapInputs(wrapped);
      return view(decryptor.update(wrapped));
    },
    destroy(): void {
      // Prepared keys are zeroed; dropping the contexts lets OpenSSL free (and cleanse) the key
      // schedule when they are collected.
      keys.fill(0);
      next = batchBytes;
      encryptor = undefined;
      decryptor = undefined;
    },
  });
}
