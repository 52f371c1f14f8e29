/**
 * Shared by both AEAD backends: the backend interface, sizes, and the input rules both enforce, so
 * they accept exactly the same inputs. Kept apart from aead.ts so backend-node.ts has no import cycle.
 */
import { assertBytes } from './encoding.js';
import { InvalidArgumentError, InvalidKeyError } from './errors.js';

/** Raw constructions a backend implements (AES-GCM accepts 128/192/256-bit keys at this level). */
export type AeadConstruction = 'aes-gcm' | 'chacha20-poly1305' | 'xchacha20-poly1305';

/** Key length of every high-level algorithm, in bytes. */
export const KEY_LENGTH = 32;
/** Authentication tag length, in bytes (appended to the ciphertext). */
export const TAG_LENGTH = 16;
/**
 * A synchronous AEAD implementation. `seal` returns `ciphertext || tag`; `open` takes the same and
 * throws {@link DecryptionError} when authentication fails. Both backends enforce the same input
 * rules (see {@link checkRawInputs}), so they agree on every input.
 */
export interface AeadBackend {
  /** Short name for diagnostics and benchmarks, e.g. `"noble"` or `"node"`. */
  readonly name: string;
  /**
   * Encrypts and authenticates. Throws InvalidKeyError / InvalidArgumentError for bad sizes.
   * @param output optional destination of exactly `plaintext.length + 16` bytes (e.g. a view into the
   * record being built), which saves a copy; it must not overlap the inputs.
   * @returns `ciphertext || tag` (the `output` view when given, else a new array).
   */
  seal(
    construction: AeadConstruction,
    key: Uint8Array,
    nonce: Uint8Array,
    plaintext: Uint8Array,
    aad: Uint8Array,
    output?: Uint8Array,
  ): Uint8Array;
  /**
   * Verifies and decrypts `ciphertext || tag`. Throws DecryptionError when not authentic (also when
   * shorter than a tag), InvalidKeyError / InvalidArgumentError for bad sizes.
   */
  open(
    construction: AeadConstruction,
    key: Uint8Array,
    nonce: Uint8Array,
    sealed: Uint8Array,
    aad: Uint8Array,
  ): Uint8Array;
  /** `length` bytes from a CSPRNG. Throws InvalidArgumentError for a bad length. */
  randomBytes(length: number): Uint8Array;
  /** Fills `target` (e.g. the nonce field of a record being built) from the CSPRNG. Throws InvalidArgumentError for a non-Uint8Array. */
  fillRandom(target: Uint8Array): void;
  /** HMAC-SHA256 (used by key commitment, key derivation and token hashing). */
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  /**
   * The envelope's data-key wrap under one 32-byte wrapping key, kept ready between calls (the key
   * schedule is built once). The caller may zero `wrappingKey` afterwards. Throws InvalidKeyError
   * for a key that is not 32 bytes.
   */
  createDataKeyWrap(wrappingKey: Uint8Array): DataKeyWrap;
}

/** Length of an envelope's data key, and of its wrapped form, in bytes. */
export const DATA_KEY_LENGTH = 32;

/**
 * AES-256 applied to a 32-byte data key as two independent blocks (the bare block cipher, i.e. ECB).
 * This is safe only for what envelope.ts feeds it: uniformly random data keys, each used for one
 * record. Every input block is then a fresh random value, so the output reveals nothing (there is
 * no pattern for the codebook to leak), and integrity comes from the data layer: a changed wrapped
 * key decrypts to an unrelated random key, under which the data layer's AEAD tag does not verify.
 */
export interface DataKeyWrap {
  /**
   * Draws a fresh data key from the CSPRNG, writes its wrapped form into `wrappedOutput` (32 bytes)
   * and returns the key, possibly as a view of a batch that later calls refill: use it before the
   * next `generate` call (copy it to keep it longer) and zero it after use. An implementation may
   * prepare keys in batches (one block-cipher call for many); keys not yet handed out are zeroed on
   * destroy().
   */
  generate(wrappedOutput: Uint8Array): Uint8Array;
  /**
   * Encrypts one or more 32-byte data keys, concatenated, into `output` (same length, not overlapping
   * them): a batch costs one block-cipher call. Throws InvalidArgumentError for other sizes.
   */
  wrap(dataKeys: Uint8Array, output: Uint8Array): void;
  /** Decrypts one or more concatenated 32-byte wrapped keys into a new array the caller must zero. Throws InvalidArgumentError for other sizes. */
  unwrap(wrapped: Uint8Array): Uint8Array;
  /** Zeroes the key copy this object owns where the implementation allows; later calls throw DisposedError. */
  destroy(): void;
}

/** Throws InvalidKeyError unless `key` is a 32-byte Uint8Array. The message gives lengths only. */
export function assertKey(key: unknown, name = 'key'): asserts key is Uint8Array {
  if (!(key instanceof Uint8Array)) throw new InvalidKeyError(`${name} must be a Uint8Array`);
  if (key.length !== KEY_LENGTH) throw new InvalidKeyError(`${name} must be ${KEY_LENGTH} bytes, got ${key.length}`);
}

/** Size checks shared by both backends' data-key wraps: whole 32-byte keys in, as many out. */
export function checkDataKeyWrapInputs(input: Uint8Array, output?: Uint8Array): void {
  assertBytes(input, 'data keys');
  if (input.length === 0 || input.length % DATA_KEY_LENGTH !== 0) {
    throw new InvalidArgumentError(
      `data keys must be a non-empty multiple of ${DATA_KEY_LENGTH} bytes, got ${input.length}`,
    );
  }
  if (output !== undefined) assertBytes(output, 'wrapped key output', input.length);
}

/**
 * Checks sizes for a raw construction; shared by both backends so they accept exactly the same inputs.
 * AES-GCM: key 16/24/32 bytes, nonce 8..128 bytes (the intersection of noble, which refuses
 * nonces under 8 bytes as unsafe, and OpenSSL, which refuses GCM IVs over 128 bytes).
 * ChaCha20-Poly1305: key 32, nonce 12. XChaCha20-Poly1305: key 32, nonce 24.
 * Throws InvalidKeyError or InvalidArgumentError.
 */
export function checkRawInputs(
  construction: AeadConstruction,
  key: Uint8Array,
  nonce: Uint8Array,
  data: Uint8Array,
  aad: Uint8Array,
  output?: Uint8Array,
): void {
  if (output !== undefined) assertBytes(output, 'output', data.length + TAG_LENGTH);
  assertBytes(data, 'data');
  assertBytes(aad, 'associated data');
  assertBytes(nonce, 'nonce');
  if (!(key instanceof Uint8Array)) throw new InvalidKeyError('key must be a Uint8Array');
  switch (construction) {
    case 'aes-gcm':
      if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
        throw new InvalidKeyError(`aes-gcm key must be 16, 24 or 32 bytes, got ${key.length}`);
      }
      if (nonce.length < 8 || nonce.length > 128)
        throw new InvalidArgumentError(`aes-gcm nonce must be 8..128 bytes, got ${nonce.length}`);
      return;
    case 'chacha20-poly1305':
    case 'xchacha20-poly1305': {
      if (key.length !== 32) throw new InvalidKeyError(`${construction} key must be 32 bytes, got ${key.length}`);
      const want = construction === 'chacha20-poly1305' ? 12 : 24;
      if (nonce.length !== want)
        throw new InvalidArgumentError(`${construction} nonce must be ${want} bytes, got ${nonce.length}`);
      return;
    }
    default:
      throw new InvalidArgumentError(`unknown AEAD construction "${String(construction)}"`);
  }
}
