/**
 * A versioned keyring with explicit key states (Tink's keyset, Vault's key versions) and the record
 * operations that use it.
 *
 * States:
 * - `staged`: decrypts, never encrypts. A new key waits here while it rolls out to every instance;
 *   the previous primary returns here when another key is promoted (so old records still open).
 * - `primary`: the one key that encrypts (and decrypts). At most one.
 * - `retired`: refused for everything, with {@link RetiredKeyError} (Vault's `min_decryption_version`).
 *   Re-encrypt before retiring; a retired key can be staged again or removed for good.
 *
 * Decryption reads the key id from the record header and uses that key only: there is no trial
 * decryption across keys. Usage counters (encryptions per key) live in the instance; a warning and
 * then a refusal come as an AES-GCM key nears 2^32 random-nonce encryptions (NIST SP 800-38D §8.3).
 */
import {
  assertAlgorithm,
  assertKey,
  DATA_KEY_LENGTH,
  defaultBackend,
  type AeadAlgorithm,
  type AeadBackend,
  type DataKeyWrap,
} from './aead.js';
import { base64Decode, hexDecode, utf8Decode, utf8Encode } from './encoding.js';
import {
  commitKeyOf,
  openRecord,
  sealRecord,
  wrappingKeyOf,
  type AssociatedData,
  type ResolvedKey,
} from './envelope.js';
import {
  CryptoError,
  DecryptionError,
  DisposedError,
  EncodingError,
  InvalidArgumentError,
  InvalidKeyError,
  KeySourceError,
  KeyStateError,
  KeyUsageLimitError,
  RetiredKeyError,
  UnknownKeyError,
} from './errors.js';
import { prefixedBase64url } from './encoding.js';
import {
  assertKeyId,
  encodeHeader,
  headerOf,
  parseEnvelopeHead,
  parseRecord,
  recordToBytes,
  recordToText,
  textPrefix,
  type EncryptedRecord,
} from './format.js';
import { deriveKey } from './kdf.js';
import { Secret } from './secret.js';
import { RecordSlab } from './slab.js';

/** Lifecycle state of a key. */
export type KeyState = 'staged' | 'primary' | 'retired';

/** All key states. */
export const KEY_STATES: readonly KeyState[] = ['staged', 'primary', 'retired'];

/** A key as loaded from a source. The keyring copies `key`; the caller may zero its own copy. */
export interface KeyMaterial {
  /** 1-64 characters of `[A-Za-z0-9._-]`, unique in the keyring; written into every record. */
  readonly id: string;
  /** Exactly 32 bytes. */
  readonly key: Uint8Array;
  readonly state: KeyState;
  /** Default: the keyring's `algorithm` option (default `aes-256-gcm`). */
  readonly algorithm?: AeadAlgorithm;
}

/** What the keyring tells about a key (never its material). */
export interface KeyInfo {
  readonly id: string;
  readonly state: KeyState;
  readonly algorithm: AeadAlgorithm;
  /** Encryptions counted under this key (including counts loaded through `usage.initial`). */
  readonly encryptions: number;
}

/**
 * Source of keys for {@link Keyring.fromProvider}; a KMS adapter implements it (e.g. by decrypting
 * wrapped keys with the KMS). `loadKeys` may return fresh arrays: the keyring copies, then zeroes them.
 */
export interface KeyProvider {
  loadKeys(): Promise<readonly KeyMaterial[]>;
}

/** Usage thresholds for one algorithm, in encryptions per key. */
export interface UsageLimits {
  /** From this count on, `onUsageWarning` fires (once per key and instance). */
  readonly warnAt: number;
  /** At this count, encryption is refused with {@link KeyUsageLimitError}. */
  readonly refuseAt: number;
}

/**
 * Defaults: AES-256-GCM with random 96-bit nonces is bounded at 2^32 encryptions per key by NIST SP
 * 800-38D §8.3; warn at 75% of it. XChaCha20-Poly1305's 192-bit random nonces allow far more; its
 * limits are only there to keep counters exact (2^53).
 */
export const DEFAULT_USAGE_LIMITS: Readonly<Record<AeadAlgorithm, UsageLimits>> = Object.freeze({
  'aes-256-gcm': Object.freeze({ warnAt: 3 * 2 ** 30, refuseAt: 2 ** 32 }),
  'xchacha20-poly1305': Object.freeze({ warnAt: 2 ** 52, refuseAt: Number.MAX_SAFE_INTEGER }),
});

/** Passed to `onUsageWarning`. */
export interface KeyUsageWarning {
  readonly keyId: string;
  readonly encryptions: number;
  readonly warnAt: number;
  readonly refuseAt: number;
}

/** Persistence of usage counters across restarts. */
export interface UsagePersistence {
  /** Counts to start from, by key id (the last value given to `persist`). */
  readonly initial?: Readonly<Record<string, number>>;
  /**
   * Called synchronously, before the encryption that needs it, to reserve counts up to `reservedThrough`
   * (like a database sequence's cache): after a crash the counter restarts at the reservation, so it
   * may overcount by up to `reserveBlock` but never undercounts. If it throws, the encryption fails.
   */
  readonly persist?: (keyId: string, reservedThrough: number) => void;
  /** Counts reserved per `persist` call (default 4096). */
  readonly reserveBlock?: number;
}

/** Options of a {@link Keyring}. */
export interface KeyringOptions {
  /** AEAD implementation. Default `defaultBackend()`: node:crypto when present, else noble. */
  readonly backend?: AeadBackend;
  /** Algorithm for keys that do not name one (default `aes-256-gcm`). */
  readonly algorithm?: AeadAlgorithm;
  /** Default for `encrypt`: envelope encryption (a data key per record). Default false (direct). */
  readonly envelope?: boolean;
  /** Default for `encrypt`: add key commitment. Default false. */
  readonly commit?: boolean;
  /**
   * Refuse to decrypt records without key commitment (DecryptionError), like the AWS Encryption SDK's
   * REQUIRE_ENCRYPT_REQUIRE_DECRYPT policy. Without it, an attacker who can choose keys simply sends an
   * uncommitted record. Default false (so records written before commitment was turned on still open).
   */
  readonly requireCommitment?: boolean;
  /** Per-algorithm thresholds (tests lower them). Default {@link DEFAULT_USAGE_LIMITS}. */
  readonly limits?: Partial<Record<AeadAlgorithm, Partial<UsageLimits>>>;
  /** Called once per key and instance when its counter reaches `warnAt`. */
  readonly onUsageWarning?: (warning: KeyUsageWarning) => void;
  /** Counter persistence hook. */
  readonly usage?: UsagePersistence;
}

/** Options of {@link Keyring.encrypt}. */
export interface EncryptOptions {
  /** Context the ciphertext is bound to (tenant, table, column, row id...). The same must be given to decrypt. */
  readonly aad?: AssociatedData;
  /** Overrides the keyring's `envelope` default. */
  readonly envelope?: boolean;
  /** Overrides the keyring's `commit` default. */
  readonly commit?: boolean;
  /** Asserts which key encrypts: it must be the primary (a staged key gives KeyStateError, a retired one RetiredKeyError). */
  readonly keyId?: string;
}

/** Options of {@link Keyring.decrypt} and the rotation operations. */
export interface DecryptOptions {
  /** The associated data given at encryption. */
  readonly aad?: AssociatedData;
}

/** One record for {@link Keyring.rewrapMany}. */
export interface RewrapItem {
  readonly ciphertext: string | Uint8Array;
  /** The associated data it was encrypted with (needed for direct records only). */
  readonly aad?: AssociatedData;
}

/** Options of {@link Keyring.reencrypt}: the record's aad, and the layout of the new record (default: the keyring's). */
export interface ReencryptOptions extends DecryptOptions, Pick<EncryptOptions, 'envelope' | 'commit'> {}

interface KeyEntry extends ResolvedKey {
  state: KeyState;
  count: number;
  reserved: number;
  warned: boolean;
  commitKeyBytes: Uint8Array | undefined;
  wrap: DataKeyWrap | undefined;
  /** Header bytes and text prefixes by headerSlot(envelope, committed), built on first use. */
  readonly headers: (Uint8Array | undefined)[];
  readonly prefixes: (string | undefined)[];
}

/** Options of {@link Keyring.fromEnv}. */
export interface EnvKeySpec {
  readonly id: string;
  /** Name of the environment variable holding the key (base64 or hex of exactly 32 bytes). */
  readonly variable: string;
  readonly state: KeyState;
  readonly algorithm?: AeadAlgorithm;
  /** How the value is encoded. `auto` (default): an even number of hex digits is hex, anything else base64 (or base64url). */
  readonly encoding?: KeyEncoding;
}

/** Text encodings accepted for keys in environment variables and key files. */
export type KeyEncoding = 'base64' | 'hex' | 'auto';

/**
 * Decodes a 32-byte key from text. `source` names where it came from (e.g. `environment variable
 * APP_KEY`) for error messages, which never include the value. Throws EncodingError (bad base64/hex),
 * InvalidKeyError (not 32 bytes), InvalidArgumentError (bad encoding name).
 */
export function parseKey(text: string, source: string, encoding: KeyEncoding = 'auto'): Uint8Array {
  if (typeof text !== 'string') throw new InvalidArgumentError(`${source}: key must be a string`);
  const trimmed = text.trim();
  // A 32-byte key in base64 has 43 or 44 characters (odd, or ending in '='), so an even-length run of
  // hex digits is never a valid base64 key: `auto` can tell them apart.
  const useHex =
    encoding === 'hex' || (encoding === 'auto' && trimmed.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(trimmed));
  if (encoding !== 'hex' && encoding !== 'base64' && encoding !== 'auto')
    throw new InvalidArgumentError(`${source}: unknown key encoding`);
  let key: Uint8Array;
  try {
    key = useHex ? hexDecode(trimmed) : base64Decode(trimmed.replace(/-/g, '+').replace(/_/g, '/'));
  } catch (error) {
    if (error instanceof CryptoError)
      throw new EncodingError(`${source} is not valid ${useHex ? 'hex' : 'base64'} (${error.message})`);
    throw error;
  }
  if (key.length !== 32) {
    key.fill(0);
    throw new InvalidKeyError(`${source} must decode to exactly 32 bytes, got ${key.length}`);
  }
  return key;
}

/** Reads `process.env` where there is one; `{}` in browsers. */
const processEnv = (): Readonly<Record<string, string | undefined>> =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};

/**
 * Loads keys from environment variables. Throws KeySourceError naming a missing variable, EncodingError /
 * InvalidKeyError naming a malformed one (never its value).
 */
export function keysFromEnv(
  specs: readonly EnvKeySpec[],
  env: Readonly<Record<string, string | undefined>> = processEnv(),
): KeyMaterial[] {
  if (!Array.isArray(specs)) throw new InvalidArgumentError('keysFromEnv takes an array of key specs');
  return specs.map((spec) => {
    if (typeof spec.variable !== 'string' || spec.variable === '')
      throw new InvalidArgumentError('each env key spec needs a variable name');
    const value = env[spec.variable];
    if (value === undefined || value.trim() === '')
      throw new KeySourceError(`environment variable ${spec.variable} (key "${spec.id}") is not set`);
    const key = parseKey(value, `environment variable ${spec.variable}`, spec.encoding);
    return spec.algorithm
      ? { id: spec.id, key, state: spec.state, algorithm: spec.algorithm }
      : { id: spec.id, key, state: spec.state };
  });
}

/** A {@link KeyProvider} over environment variables (see {@link keysFromEnv}). */
export function envKeyProvider(
  specs: readonly EnvKeySpec[],
  env?: Readonly<Record<string, string | undefined>>,
): KeyProvider {
  return { loadKeys: async () => keysFromEnv(specs, env) };
}

function assertState(state: unknown): asserts state is KeyState {
  if (state !== 'staged' && state !== 'primary' && state !== 'retired') {
    throw new InvalidArgumentError(`key state must be "staged", "primary" or "retired", got "${String(state)}"`);
  }
}

const headerSlot = (envelope: boolean, committed: boolean): number => (envelope ? 2 : 0) | (committed ? 1 : 0);

/**
 * A set of versioned keys with states, and the operations that use them. Holds no global state: two
 * keyrings never share counters or keys. Every operation is synchronous; only loading is async.
 */
export class Keyring {
  readonly #entries = new Map<string, KeyEntry>();
  readonly #backend: AeadBackend;
  readonly #algorithm: AeadAlgorithm;
  readonly #envelope: boolean;
  readonly #commit: boolean;
  readonly #limits: Readonly<Record<AeadAlgorithm, UsageLimits>>;
  readonly #onUsageWarning: ((warning: KeyUsageWarning) => void) | undefined;
  readonly #usage: UsagePersistence;
  readonly #options: KeyringOptions;
  #primary: KeyEntry | undefined;
  #destroyed = false;
  /** Ciphertext records and associated-data scratch are carved from slabs (see slab.ts). */
  readonly #slab = new RecordSlab();
  readonly #allocate = (length: number): Uint8Array => this.#slab.allocate(length);

  /**
   * Builds a keyring from key material (copied). Throws InvalidKeyError (a key not 32 bytes, named by
   * id), InvalidArgumentError (bad id, duplicate id, bad state or algorithm, bad limits), KeyStateError
   * (more than one primary).
   */
  constructor(keys: Iterable<KeyMaterial>, options: KeyringOptions = {}) {
    this.#options = options;
    this.#backend = options.backend ?? defaultBackend();
    this.#algorithm = options.algorithm ?? 'aes-256-gcm';
    assertAlgorithm(this.#algorithm);
    this.#envelope = options.envelope ?? false;
    this.#commit = options.commit ?? false;
    const limits = {} as Record<AeadAlgorithm, UsageLimits>;
    for (const alg of Object.keys(DEFAULT_USAGE_LIMITS) as AeadAlgorithm[]) {
      const l = { ...DEFAULT_USAGE_LIMITS[alg], ...options.limits?.[alg] };
      if (
        !Number.isSafeInteger(l.warnAt) ||
        !Number.isSafeInteger(l.refuseAt) ||
        l.warnAt < 0 ||
        l.refuseAt < 1 ||
        l.warnAt > l.refuseAt
      ) {
        throw new InvalidArgumentError(`usage limits for ${alg} must be integers with 0 <= warnAt <= refuseAt`);
      }
      limits[alg] = l;
    }
    this.#limits = limits;
    this.#onUsageWarning = options.onUsageWarning;
    this.#usage = options.usage ?? {};
    const block = this.#usage.reserveBlock ?? 4096;
    if (!Number.isSafeInteger(block) || block < 1)
      throw new InvalidArgumentError('usage.reserveBlock must be a positive integer');
    for (const material of keys) this.add(material);
  }

  /**
   * Loads keys from environment variables (see {@link keysFromEnv}) into a new keyring.
   * Throws as {@link keysFromEnv} and the constructor.
   */
  static fromEnv(
    specs: readonly EnvKeySpec[],
    options: KeyringOptions & { readonly env?: Readonly<Record<string, string | undefined>> } = {},
  ): Keyring {
    const keys = keysFromEnv(specs, options.env);
    try {
      return new Keyring(keys, options);
    } finally {
      for (const k of keys) k.key.fill(0);
    }
  }

  /**
   * Loads keys through a provider (e.g. a KMS adapter) into a new keyring; the provider's arrays are
   * zeroed after copying. Rejects with whatever the provider throws, or as the constructor.
   */
  static async fromProvider(provider: KeyProvider, options: KeyringOptions = {}): Promise<Keyring> {
    if (typeof provider?.loadKeys !== 'function') throw new InvalidArgumentError('provider must implement loadKeys()');
    const keys = await provider.loadKeys();
    try {
      return new Keyring(keys, options);
    } finally {
      for (const k of keys) if (k?.key instanceof Uint8Array) k.key.fill(0);
    }
  }

  #alive(): void {
    if (this.#destroyed) throw new DisposedError('Keyring');
  }

  /** The backend in use (e.g. to report `backend.name`). */
  get backend(): AeadBackend {
    return this.#backend;
  }

  /** Id of the primary key, or undefined when there is none. Throws DisposedError after destroy(). */
  get primaryKeyId(): string | undefined {
    this.#alive();
    return this.#primary?.id;
  }

  /** Adds a key (copied). Throws as the constructor; KeyStateError when adding a second primary. DisposedError after destroy(). */
  add(material: KeyMaterial): void {
    this.#alive();
    if (typeof material !== 'object' || material === null)
      throw new InvalidArgumentError('key material must be an object');
    assertKeyId(material.id);
    if (this.#entries.has(material.id)) throw new InvalidArgumentError(`duplicate key id "${material.id}"`);
    assertKey(material.key, `key "${material.id}"`);
    assertState(material.state);
    const algorithm = material.algorithm ?? this.#algorithm;
    assertAlgorithm(algorithm);
    if (material.state === 'primary' && this.#primary) {
      throw new KeyStateError(
        `cannot add "${material.id}" as primary: "${this.#primary.id}" is primary; add it staged, then promote it`,
      );
    }
    const initial = this.#usage.initial?.[material.id] ?? 0;
    if (!Number.isSafeInteger(initial) || initial < 0)
      throw new InvalidArgumentError(`usage.initial for "${material.id}" must be a non-negative integer`);
    const backend = this.#backend;
    const entry: KeyEntry = {
      id: material.id,
      key: new Uint8Array(material.key), // a plain copy (a Buffer's own slice() would be a view)
      algorithm,
      state: material.state,
      count: initial,
      reserved: initial,
      warned: false,
      commitKeyBytes: undefined,
      wrap: undefined,
      headers: [undefined, undefined, undefined, undefined],
      prefixes: [undefined, undefined, undefined, undefined],
      commitKey(): Uint8Array {
        return (entry.commitKeyBytes ??= commitKeyOf(entry.key, backend));
      },
      dataKeyWrap(): DataKeyWrap {
        if (entry.wrap) return entry.wrap;
        const wrappingKey = wrappingKeyOf(entry.key, backend);
        try {
          return (entry.wrap = backend.createDataKeyWrap(wrappingKey));
        } finally {
          wrappingKey.fill(0);
        }
      },
    };
    this.#entries.set(entry.id, entry);
    if (entry.state === 'primary') this.#primary = entry;
  }

  /** Keys with their states and counters, in insertion order. Throws DisposedError after destroy(). */
  list(): KeyInfo[] {
    this.#alive();
    return [...this.#entries.values()].map((e) => ({
      id: e.id,
      state: e.state,
      algorithm: e.algorithm,
      encryptions: e.count,
    }));
  }

  /** One key's info. Throws UnknownKeyError, DisposedError. */
  info(keyId: string): KeyInfo {
    const e = this.#entry(keyId);
    return { id: e.id, state: e.state, algorithm: e.algorithm, encryptions: e.count };
  }

  #entry(keyId: string): KeyEntry {
    this.#alive();
    const e = typeof keyId === 'string' ? this.#entries.get(keyId) : undefined;
    if (!e) throw new UnknownKeyError(String(keyId));
    return e;
  }

  /**
   * Changes a key's state. Making a key primary demotes the previous primary to `staged` (it still
   * decrypts). The primary cannot be retired or staged directly: promote another key first
   * (KeyStateError). Throws UnknownKeyError, InvalidArgumentError (bad state), DisposedError.
   */
  setState(keyId: string, state: KeyState): void {
    const e = this.#entry(keyId);
    assertState(state);
    if (e.state === state) return;
    if (e.state === 'primary')
      throw new KeyStateError(`"${keyId}" is the primary key; promote another key before changing its state`);
    if (state === 'primary') {
      if (this.#primary) this.#primary.state = 'staged';
      this.#primary = e;
    }
    e.state = state;
  }

  /** `setState(keyId, 'primary')`. */
  promote(keyId: string): void {
    this.setState(keyId, 'primary');
  }

  /** `setState(keyId, 'retired')`. */
  retire(keyId: string): void {
    this.setState(keyId, 'retired');
  }

  /** Removes a retired key and zeroes its material. Throws KeyStateError unless retired, UnknownKeyError, DisposedError. */
  remove(keyId: string): void {
    const e = this.#entry(keyId);
    if (e.state !== 'retired') throw new KeyStateError(`"${keyId}" must be retired before it is removed`);
    Keyring.#wipe(e);
    this.#entries.delete(keyId);
  }

  /**
   * A keyring of keys derived for one tenant/user: same ids, states and algorithms, each key
   * `deriveKey(key, { label, context })` (HKDF-SHA256, domain-separated). Counters start at zero
   * (derived keys are distinct keys). Throws InvalidArgumentError (bad label/context), DisposedError.
   */
  derive(label: string, context: Uint8Array | string): Keyring {
    this.#alive();
    const keys = [...this.#entries.values()].map((e) => ({
      id: e.id,
      state: e.state,
      algorithm: e.algorithm,
      key: deriveKey(e.key, { label, context }),
    }));
    try {
      return new Keyring(keys, { ...this.#options, backend: this.#backend, usage: {} });
    } finally {
      for (const k of keys) k.key.fill(0);
    }
  }

  /** Zeroes a key entry's material and everything derived from it. */
  static #wipe(e: KeyEntry): void {
    e.key.fill(0);
    e.commitKeyBytes?.fill(0);
    e.wrap?.destroy();
    e.wrap = undefined;
  }

  /** Counts one encryption under `e`, enforcing limits and reserving through the persistence hook. */
  #count(e: KeyEntry): void {
    const limits = this.#limits[e.algorithm];
    if (e.count >= limits.refuseAt) throw new KeyUsageLimitError(e.id, e.count, limits.refuseAt);
    const next = e.count + 1;
    if (next > e.reserved && this.#usage.persist) {
      const reserved = Math.min(next + (this.#usage.reserveBlock ?? 4096) - 1, Number.MAX_SAFE_INTEGER);
      this.#usage.persist(e.id, reserved);
      e.reserved = reserved;
    }
    e.count = next;
    if (next >= limits.warnAt && !e.warned) {
      e.warned = true;
      this.#onUsageWarning?.({ keyId: e.id, encryptions: next, warnAt: limits.warnAt, refuseAt: limits.refuseAt });
    }
  }

  #encryptingKey(keyId: string | undefined): KeyEntry {
    this.#alive();
    if (keyId !== undefined) {
      const e = this.#entry(keyId);
      if (e.state === 'retired') throw new RetiredKeyError(e.id);
      if (e.state !== 'primary') throw new KeyStateError(`key "${e.id}" is ${e.state}: only the primary key encrypts`);
    }
    if (!this.#primary) throw new KeyStateError('the keyring has no primary key: promote a key before encrypting');
    return this.#primary;
  }

  #decryptingKey(keyId: string): KeyEntry {
    const e = this.#entry(keyId);
    if (e.state === 'retired') throw new RetiredKeyError(e.id);
    return e;
  }

  /** Encrypts under the primary; `text` selects the form. The record is built in one buffer (see sealRecord). */
  #seal(plaintext: Uint8Array, options: EncryptOptions, text: boolean): Uint8Array | string {
    const e = this.#encryptingKey(options.keyId);
    const envelope = options.envelope ?? this.#envelope;
    const committed = options.commit ?? this.#commit;
    const slot = headerSlot(envelope, committed);
    const header = (e.headers[slot] ??= encodeHeader({ keyId: e.id, algorithm: e.algorithm, envelope, committed }));
    // The usage bound is about random nonces under one key: an envelope uses the key only to wrap
    // (no nonce), and its data key once.
    if (!envelope) this.#count(e);
    const sealed = sealRecord(e, plaintext, options.aad, {
      envelope,
      committed,
      backend: this.#backend,
      header,
      withHeader: !text,
      allocate: this.#allocate,
    });
    if (!text) return sealed;
    const prefix = (e.prefixes[slot] ??= textPrefix({ keyId: e.id, algorithm: e.algorithm, envelope, committed }));
    return prefixedBase64url(prefix, sealed);
  }

  #plaintextBytes(plaintext: Uint8Array | string): { bytes: Uint8Array; owned: boolean } {
    if (typeof plaintext === 'string') return { bytes: utf8Encode(plaintext), owned: true };
    if (plaintext instanceof Uint8Array) return { bytes: plaintext, owned: false };
    throw new InvalidArgumentError('plaintext must be a Uint8Array or a string');
  }

  /**
   * Encrypts under the primary key into the binary record format (for bytea columns). Strings are
   * UTF-8 encoded. The array may share its ArrayBuffer with other records of this keyring (ciphertext
   * only, like Node's pooled Buffers): `slice()` it for a standalone copy. Throws KeyStateError (no
   * primary / `keyId` not primary), RetiredKeyError, KeyUsageLimitError, InvalidArgumentError (bad
   * plaintext or aad), DisposedError.
   */
  encrypt(plaintext: Uint8Array | string, options: EncryptOptions = {}): Uint8Array {
    const { bytes, owned } = this.#plaintextBytes(plaintext);
    try {
      return this.#seal(bytes, options, false) as Uint8Array;
    } finally {
      if (owned) bytes.fill(0);
    }
  }

  /** As {@link Keyring.encrypt}, into the text format `shc:v1:...` (for text columns). */
  encryptToString(plaintext: Uint8Array | string, options: EncryptOptions = {}): string {
    const { bytes, owned } = this.#plaintextBytes(plaintext);
    try {
      return this.#seal(bytes, options, true) as string;
    } finally {
      if (owned) bytes.fill(0);
    }
  }

  /**
   * Decrypts a record (text or bytes) with the key its header names. Throws FormatError /
   * UnsupportedVersionError (malformed), UnknownKeyError, RetiredKeyError, DecryptionError (tampered,
   * wrong aad, wrong key), DisposedError. The caller owns the returned buffer (zero it when done).
   */
  decrypt(record: string | Uint8Array, options: DecryptOptions = {}): Uint8Array {
    const parsed = parseRecord(record);
    const key = this.#decryptingKey(parsed.keyId);
    this.#checkCommitment(parsed);
    return openRecord(
      key,
      parsed,
      options.aad,
      this.#backend,
      typeof record === 'string' ? this.#headerFor(key, parsed) : headerOf(record, parsed),
      this.#allocate,
    );
  }

  #checkCommitment(parsed: Pick<EncryptedRecord, 'committed'>): void {
    if (this.#options.requireCommitment && !parsed.committed) {
      throw new DecryptionError('decryption refused: the record has no key commitment and this keyring requires it');
    }
  }

  /** Header bytes of a parsed text record, from the key's cache when the algorithm matches (it is then byte-identical). */
  #headerFor(e: KeyEntry, parsed: Pick<EncryptedRecord, 'algorithm' | 'envelope' | 'committed' | 'keyId'>): Uint8Array {
    if (parsed.algorithm !== e.algorithm) return encodeHeader(parsed);
    return (e.headers[headerSlot(parsed.envelope, parsed.committed)] ??= encodeHeader(parsed));
  }

  /** As {@link Keyring.decrypt}, decoding UTF-8 (EncodingError if not UTF-8); the byte buffer is zeroed. */
  decryptToString(record: string | Uint8Array, options: DecryptOptions = {}): string {
    const bytes = this.decrypt(record, options);
    try {
      return utf8Decode(bytes);
    } finally {
      bytes.fill(0);
    }
  }

  /** As {@link Keyring.decryptToString}, boxed in a {@link Secret} so it cannot be logged by accident. */
  decryptToSecret(record: string | Uint8Array, options: DecryptOptions = {}): Secret<string> {
    return new Secret(this.decryptToString(record, options));
  }

  /** Parses a record's header without decrypting. Throws FormatError / UnsupportedVersionError. */
  inspect(record: string | Uint8Array): Omit<EncryptedRecord, 'data' | 'wrappedKey'> {
    const { version, keyId, algorithm, envelope, committed } = parseRecord(record);
    return { version, keyId, algorithm, envelope, committed };
  }

  /**
   * True when the record is already under the primary key (rotation skips it). Throws FormatError /
   * UnsupportedVersionError, KeyStateError (no primary), DisposedError.
   */
  isCurrent(record: string | Uint8Array): boolean {
    const primary = this.#encryptingKey(undefined);
    return parseRecord(record).keyId === primary.id;
  }

  /**
   * Moves a record under the primary key without handing plaintext to the caller (Vault's rewrap).
   * Envelopes get a new wrapped data key and keep their data layer byte for byte, never decrypted (so
   * `aad` is not needed for them and a tampered record is carried over, still undecryptable); direct
   * records (or an algorithm change) are re-encrypted internally with the same layout, which
   * authenticates them. The result has the input's form (text in, text out). Throws as decrypt and
   * encrypt.
   */
  rewrap(record: string, options?: DecryptOptions): string;
  rewrap(record: Uint8Array, options?: DecryptOptions): Uint8Array;
  rewrap(record: string | Uint8Array, options?: DecryptOptions): string | Uint8Array;
  rewrap(record: string | Uint8Array, options: DecryptOptions = {}): string | Uint8Array {
    return this.rewrapMany([{ ciphertext: record, aad: options.aad }])[0]!;
  }

  /**
   * {@link Keyring.rewrap} for many records at once (what `rotate` uses): the envelopes' data keys
   * are unwrapped in one block-cipher call per old key and wrapped in one call, instead of two calls
   * per record. `aad` is read only for direct records. Results are in input order, each in its
   * input's form. Throws as rewrap; on a throw nothing is returned.
   */
  rewrapMany(records: readonly RewrapItem[]): (string | Uint8Array)[] {
    if (!Array.isArray(records)) throw new InvalidArgumentError('rewrapMany takes an array of { ciphertext, aad? }');
    const primary = this.#encryptingKey(undefined);
    const results: (string | Uint8Array)[] = new Array(records.length);
    const parsed: EncryptedRecord[] = new Array(records.length);
    const byOldKey = new Map<KeyEntry, number[]>();
    for (let i = 0; i < records.length; i++) {
      const item = records[i]!;
      const p = (parsed[i] = parseRecord(item.ciphertext));
      const old = this.#decryptingKey(p.keyId);
      this.#checkCommitment(p);
      if (!p.envelope || primary.algorithm !== p.algorithm) {
        results[i] = this.#reencryptParsed(item.ciphertext, p, old, {
          aad: item.aad,
          envelope: p.envelope,
          commit: p.committed,
        });
        continue;
      }
      const group = byOldKey.get(old);
      if (group) group.push(i);
      else byOldKey.set(old, [i]);
    }
    for (const [old, indices] of byOldKey) {
      const wrapped = this.#rewrapDataKeys(
        old,
        primary,
        indices.map((i) => parsed[i]!.wrappedKey!),
      );
      indices.forEach((i, j) => {
        const next: EncryptedRecord = {
          ...parsed[i]!,
          keyId: primary.id,
          wrappedKey: wrapped.subarray(j * DATA_KEY_LENGTH, (j + 1) * DATA_KEY_LENGTH),
        };
        results[i] =
          typeof records[i]!.ciphertext === 'string'
            ? recordToText(next)
            : recordToBytes(next, this.#headerFor(primary, next), this.#allocate);
      });
    }
    return results;
  }

  /**
   * {@link Keyring.rewrapMany} for envelope records given as their heads only (header and wrapped
   * data key, see {@link EnvelopeHead}): returns each record's new head under the primary key, to be
   * written over the old head while the data layer stays where it is. A store that rotates this way
   * reads and writes about a third of each record's bytes. Heads already under the primary key are
   * rewrapped too (skip them first, as `rotate` does). Throws FormatError for anything but an
   * envelope head, InvalidArgumentError for a head under another algorithm than the primary key's
   * (that needs the whole record: `rewrapMany` re-encrypts it), and as rewrap otherwise.
   */
  rewrapEnvelopeHeads(heads: readonly Uint8Array[]): Uint8Array[] {
    if (!Array.isArray(heads)) throw new InvalidArgumentError('rewrapEnvelopeHeads takes an array of envelope heads');
    const primary = this.#encryptingKey(undefined);
    const parsed = heads.map((head) => parseEnvelopeHead(head));
    const byOldKey = new Map<KeyEntry, number[]>();
    parsed.forEach((p, i) => {
      if (p.algorithm !== primary.algorithm)
        throw new InvalidArgumentError(
          'an envelope under another algorithm than the primary key needs its whole record (rewrapMany re-encrypts it)',
        );
      this.#checkCommitment(p);
      const old = this.#decryptingKey(p.keyId);
      const group = byOldKey.get(old);
      if (group) group.push(i);
      else byOldKey.set(old, [i]);
    });
    const results: Uint8Array[] = new Array(heads.length);
    for (const [old, indices] of byOldKey) {
      const wrapped = this.#rewrapDataKeys(
        old,
        primary,
        indices.map((i) => parsed[i]!.wrappedKey),
      );
      indices.forEach((i, j) => {
        const header = this.#headerFor(primary, {
          keyId: primary.id,
          algorithm: primary.algorithm,
          envelope: true,
          committed: parsed[i]!.committed,
        });
        const head = new Uint8Array(header.length + DATA_KEY_LENGTH);
        head.set(header, 0);
        head.set(wrapped.subarray(j * DATA_KEY_LENGTH, (j + 1) * DATA_KEY_LENGTH), header.length);
        results[i] = head;
      });
    }
    return results;
  }

  /** Unwraps `wrappedKeys` with `old` and wraps them with `primary`, in one call each: the new wrapped keys, concatenated. */
  #rewrapDataKeys(old: KeyEntry, primary: KeyEntry, wrappedKeys: readonly Uint8Array[]): Uint8Array {
    const wrapped = new Uint8Array(wrappedKeys.length * DATA_KEY_LENGTH);
    wrappedKeys.forEach((key, j) => wrapped.set(key, j * DATA_KEY_LENGTH));
    const dataKeys = old.dataKeyWrap().unwrap(wrapped);
    try {
      primary.dataKeyWrap().wrap(dataKeys, wrapped);
    } finally {
      dataKeys.fill(0);
    }
    return wrapped;
  }

  /**
   * Decrypts and re-encrypts under the primary key (a new data key for envelopes) without handing
   * plaintext to the caller; the plaintext is zeroed. `envelope`/`commit` default to the keyring's
   * defaults, so this also migrates a record's layout. The result has the input's form. Throws as
   * decrypt and encrypt.
   */
  reencrypt(record: string, options?: ReencryptOptions): string;
  reencrypt(record: Uint8Array, options?: ReencryptOptions): Uint8Array;
  reencrypt(record: string | Uint8Array, options?: ReencryptOptions): string | Uint8Array;
  reencrypt(record: string | Uint8Array, options: ReencryptOptions = {}): string | Uint8Array {
    const parsed = parseRecord(record);
    const key = this.#decryptingKey(parsed.keyId);
    this.#checkCommitment(parsed);
    return this.#reencryptParsed(record, parsed, key, options);
  }

  /** Opens `parsed` (parsed from `record`, whose form the result keeps) and seals it again under the primary. */
  #reencryptParsed(
    record: string | Uint8Array,
    parsed: EncryptedRecord,
    key: KeyEntry,
    options: ReencryptOptions,
  ): string | Uint8Array {
    const asText = typeof record === 'string';
    const plaintext = openRecord(
      key,
      parsed,
      options.aad,
      this.#backend,
      asText ? this.#headerFor(key, parsed) : headerOf(record, parsed),
      this.#allocate,
    );
    try {
      return this.#seal(plaintext, options, asText);
    } finally {
      plaintext.fill(0);
    }
  }

  /** Zeroes every key and derived value; every later call throws DisposedError. Idempotent. */
  destroy(): void {
    for (const e of this.#entries.values()) Keyring.#wipe(e);
    this.#entries.clear();
    this.#primary = undefined;
    this.#destroyed = true;
  }

  /** `Keyring(<n> keys, primary <id>)`; never key material. */
  toString(): string {
    return `Keyring(${this.#entries.size} keys, primary ${this.#primary?.id ?? 'none'})`;
  }

  /** No key material in JSON. */
  toJSON(): { keys: KeyInfo[] } {
    return { keys: this.#destroyed ? [] : this.list() };
  }

  /** util.inspect / console.log show ids and states only. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
