/**
 * HKDF (RFC 5869) and domain-separated key derivation for per-tenant or per-user keys.
 */
import { hkdf as nobleHkdf } from '@noble/hashes/hkdf.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { assertBytes, utf8Encode } from './encoding.js';
import { InvalidArgumentError } from './errors.js';

/** Hashes HKDF runs on. SHA-1 is here for interoperability and test vectors only. */
export type HkdfHash = 'sha256' | 'sha384' | 'sha512' | 'sha1';

const HASHES = { sha256, sha384, sha512, sha1 } as const;
const HASH_LENGTH: Readonly<Record<HkdfHash, number>> = { sha256: 32, sha384: 48, sha512: 64, sha1: 20 };

/**
 * HKDF-Extract-then-Expand (RFC 5869). `salt` and `info` may be empty. Throws InvalidArgumentError for
 * an unknown hash, non-Uint8Array inputs, or `length` outside 0..255*HashLen.
 */
export function hkdf(
  hash: HkdfHash,
  ikm: Uint8Array,
  salt: Uint8Array | undefined,
  info: Uint8Array | undefined,
  length: number,
): Uint8Array {
  const fn = Object.hasOwn(HASHES, hash) ? HASHES[hash] : undefined;
  if (!fn) throw new InvalidArgumentError(`unsupported HKDF hash "${String(hash)}"`);
  assertBytes(ikm, 'ikm');
  if (salt !== undefined) assertBytes(salt, 'salt');
  if (info !== undefined) assertBytes(info, 'info');
  const max = 255 * HASH_LENGTH[hash];
  if (!Number.isSafeInteger(length) || length < 0 || length > max) {
    throw new InvalidArgumentError(`HKDF output length must be 0..${max} bytes for ${hash}, got ${length}`);
  }
  // RFC 5869: an absent salt is HashLen zero bytes, which equals an empty HMAC key.
  return nobleHkdf(fn, ikm, salt ?? new Uint8Array(0), info ?? new Uint8Array(0), length);
}

/** Fixed prefix of every `info` built by {@link deriveKey}: keys derived here never equal keys derived elsewhere from the same secret. */
export const DERIVE_DOMAIN = 'secret-hygiene/v1 derive';

const u16 = (n: number): Uint8Array => Uint8Array.of(n >>> 8, n & 0xff);

/**
 * The `info` of {@link deriveKey}: `DERIVE_DOMAIN || 0x00 || u16(len(label)) || label || context`
 * (label length-prefixed, so (label, context) pairs never collide). Throws InvalidArgumentError for an
 * empty or over-long label.
 */
export function deriveInfo(label: string, context: Uint8Array | string): Uint8Array {
  if (typeof label !== 'string' || label.length === 0)
    throw new InvalidArgumentError('derivation label must be a non-empty string');
  const l = utf8Encode(label);
  if (l.length > 0xffff) throw new InvalidArgumentError('derivation label is too long');
  const c = typeof context === 'string' ? utf8Encode(context) : context;
  assertBytes(c, 'derivation context');
  const d = utf8Encode(DERIVE_DOMAIN);
  const out = new Uint8Array(d.length + 1 + 2 + l.length + c.length);
  out.set(d, 0);
  out.set(u16(l.length), d.length + 1);
  out.set(l, d.length + 3);
  out.set(c, d.length + 3 + l.length);
  return out;
}

/** Options of {@link deriveKey}. */
export interface DeriveKeyOptions {
  /** What the key is for, e.g. `"tenant-data-key"`. Different labels give unrelated keys. */
  readonly label: string;
  /** Whom it is for, e.g. a tenant or user id. */
  readonly context: Uint8Array | string;
  /** Output length in bytes (default 32). */
  readonly length?: number;
  /** Optional HKDF salt (default empty). */
  readonly salt?: Uint8Array;
}

/**
 * HKDF-SHA256 of a master key with domain separation: `info = deriveInfo(label, context)`.
 * Use it for per-tenant or per-user keys (`Keyring.derive` applies it to every key of a keyring).
 * Throws InvalidArgumentError for a master key shorter than 16 bytes or bad options.
 */
export function deriveKey(masterKey: Uint8Array, options: DeriveKeyOptions): Uint8Array {
  assertBytes(masterKey, 'master key');
  if (masterKey.length < 16) throw new InvalidArgumentError('master key must be at least 16 bytes');
  return hkdf('sha256', masterKey, options.salt, deriveInfo(options.label, options.context), options.length ?? 32);
}
