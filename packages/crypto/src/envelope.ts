/**
 * Record encryption under a resolved key: direct (one AEAD layer under the key) and envelope (a fresh
 * 32-byte data key per record encrypts the data; the key-encryption key wraps the data key), with
 * optional key commitment. The keyring resolves key ids and states and calls these.
 *
 * Associated data of the AEAD layer (authenticated):
 * - direct record:  header || 0x00 || aadKind || userAad
 * - envelope data:  header[0..6] || 0x02 || aadKind || userAad   (no key id: survives rewrap)
 * `header` is self-delimiting, so the concatenation is unambiguous.
 *
 * The envelope's data key is wrapped with AES-256 as two bare blocks (see DataKeyWrap) under a
 * wrapping key derived from the key-encryption key: wrapKey = HKDF-Expand(K, "secret-hygiene/v1
 * data-key wrap", 32), so the key is never used by two algorithms. This is hybrid encryption's KEM/DEM
 * split: the wrap only has to hide a uniformly random single-use key, and the data layer's AEAD
 * authenticates it (a changed wrapped key or key id unwraps to an unrelated random key, and the tag
 * fails). It costs one block-cipher call instead of a second AEAD set-up, so an envelope costs about
 * what a direct record does, and a rewrap touches 32 bytes and never the data.
 *
 * Key commitment (AWS Encryption SDK style): commitKey = HKDF-Expand(K, "secret-hygiene/v1 key-commitment", 32)
 * (= HMAC-SHA256(K, info || 0x01); K is uniformly random, so it serves as the PRK), and the AEAD layer
 * stores HMAC-SHA256(commitKey, headerPart || label || nonce). It is checked in constant time before
 * decryption, so a record opens under one key only. In an envelope it commits the data key, and through
 * it the key-encryption key (two keys that unwrap the same 32 bytes to the same data key would be a
 * 256-bit AES collision).
 */
import {
  constructionOf,
  DATA_KEY_LENGTH,
  NONCE_LENGTH,
  TAG_LENGTH,
  type AeadAlgorithm,
  type AeadBackend,
  type DataKeyWrap,
} from './aead.js';
import { constantTimeEqual } from './compare.js';
import { assertBytes, utf8Encode } from './encoding.js';
import { DecryptionError, InvalidArgumentError } from './errors.js';
import type { Allocate } from './slab.js';
import { COMMITMENT_LENGTH, encodeHeader, stableHeader, type EncryptedRecord, type RecordLayer } from './format.js';

/**
 * Context bound to a ciphertext as associated data: bytes, a string (UTF-8), or a flat record such
 * as `{ tenant: 't1', table: 'users', column: 'api_key', row: 42 }` (encoded canonically: keys sorted).
 */
export type AssociatedData = Uint8Array | string | Readonly<Record<string, string | number | bigint | boolean>>;

const LABEL_DIRECT = 0x00;
const LABEL_DATA = 0x02;
const COMMIT_INFO = utf8Encode('secret-hygiene/v1 key-commitment\x01');
const WRAP_INFO = utf8Encode('secret-hygiene/v1 data-key wrap\x01');

const u32 = (n: number): Uint8Array => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

/**
 * Canonical bytes of associated data, prefixed with its kind (0 = none, 1 = bytes, 2 = string,
 * 3 = record) so different kinds never collide. Throws InvalidArgumentError for other types.
 */
export function encodeAssociatedData(aad: AssociatedData | undefined): Uint8Array {
  if (aad === undefined) return Uint8Array.of(0);
  if (aad instanceof Uint8Array) return prefixed(1, aad);
  if (typeof aad === 'string') return prefixed(2, utf8Encode(aad));
  if (typeof aad !== 'object' || aad === null || Array.isArray(aad)) {
    throw new InvalidArgumentError('associated data must be a Uint8Array, a string or a flat object');
  }
  const parts: Uint8Array[] = [];
  for (const key of Object.keys(aad).sort()) {
    const value = aad[key];
    const t = typeof value;
    if (t !== 'string' && t !== 'number' && t !== 'bigint' && t !== 'boolean') {
      throw new InvalidArgumentError(`associated data field "${key}" must be a string, number, bigint or boolean`);
    }
    const k = utf8Encode(key);
    const v = utf8Encode(`${t[0]}:${String(value)}`); // type tag: 1 and "1" differ
    parts.push(u32(k.length), k, u32(v.length), v);
  }
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(1 + total);
  out[0] = 3;
  let o = 1;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function prefixed(kind: number, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + bytes.length);
  out[0] = kind;
  out.set(bytes, 1);
  return out;
}

/** Without a slab (see slab.ts for why the keyring passes one). */
const newBytes: Allocate = (length) => new Uint8Array(length);

/** The associated data of one layer: `headerPart || label || encodeAssociatedData(aad)`, in one allocation for the common cases. */
function layerAad(
  headerPart: Uint8Array,
  label: number,
  aad: AssociatedData | undefined,
  allocate: Allocate,
): Uint8Array {
  const h = headerPart.length;
  if (typeof aad === 'string' && aad.length <= 256) {
    // Short strings: write ASCII directly (TextEncoder's native call costs more than the loop); anything else falls through.
    const out = allocate(h + 2 + aad.length);
    let ascii = true;
    for (let i = 0; i < aad.length; i++) {
      const c = aad.charCodeAt(i);
      if (c > 0x7f) {
        ascii = false;
        break;
      }
      out[h + 2 + i] = c;
    }
    if (ascii) {
      out.set(headerPart, 0);
      out[h] = label;
      out[h + 1] = 2;
      return out;
    }
  } else if (aad instanceof Uint8Array) {
    const out = allocate(h + 2 + aad.length);
    out.set(headerPart, 0);
    out[h] = label;
    out[h + 1] = 1;
    out.set(aad, h + 2);
    return out;
  }
  const encoded = encodeAssociatedData(aad);
  const out = allocate(h + 1 + encoded.length);
  out.set(headerPart, 0);
  out[h] = label;
  out.set(encoded, h + 1);
  return out;
}

/** HKDF-Expand(K, "secret-hygiene/v1 key-commitment", 32) for a uniformly random K. */
export function commitKeyOf(key: Uint8Array, backend: AeadBackend): Uint8Array {
  return backend.hmacSha256(key, COMMIT_INFO);
}

/** HKDF-Expand(K, "secret-hygiene/v1 data-key wrap", 32): the key that wraps envelope data keys under K. */
export function wrappingKeyOf(key: Uint8Array, backend: AeadBackend): Uint8Array {
  return backend.hmacSha256(key, WRAP_INFO);
}

function commitmentOf(
  commitKey: Uint8Array,
  headerPart: Uint8Array,
  label: number,
  nonce: Uint8Array,
  backend: AeadBackend,
): Uint8Array {
  const input = new Uint8Array(headerPart.length + 1 + nonce.length);
  input.set(headerPart, 0);
  input[headerPart.length] = label;
  input.set(nonce, headerPart.length + 1);
  return backend.hmacSha256(commitKey, input);
}

/** A key the keyring resolved for one operation. `commitKey` and `dataKeyWrap` are derived lazily and cached by the keyring. */
export interface ResolvedKey {
  readonly id: string;
  readonly key: Uint8Array;
  readonly algorithm: AeadAlgorithm;
  /** Returns the key's commitment key (cached by the owner). */
  commitKey(): Uint8Array;
  /** Returns the data-key wrap under {@link wrappingKeyOf} this key (cached by the owner). */
  dataKeyWrap(): DataKeyWrap;
}

/** Writes one layer (nonce, commitment, ciphertext || tag) into `out` at `offset`; returns the end offset. */
function sealLayerInto(
  out: Uint8Array,
  offset: number,
  algorithm: AeadAlgorithm,
  key: Uint8Array,
  commitKey: (() => Uint8Array) | undefined,
  headerPart: Uint8Array,
  label: number,
  plaintext: Uint8Array,
  aad: AssociatedData | undefined,
  backend: AeadBackend,
  allocate: Allocate,
): number {
  const n = NONCE_LENGTH[algorithm];
  const nonce = out.subarray(offset, offset + n);
  backend.fillRandom(nonce);
  let o = offset + n;
  if (commitKey) {
    out.set(commitmentOf(commitKey(), headerPart, label, nonce, backend), o);
    o += COMMITMENT_LENGTH;
  }
  const end = o + plaintext.length + TAG_LENGTH;
  backend.seal(
    constructionOf(algorithm),
    key,
    nonce,
    plaintext,
    layerAad(headerPart, label, aad, allocate),
    out.subarray(o, end),
  );
  return end;
}

function openLayer(
  algorithm: AeadAlgorithm,
  key: Uint8Array,
  commitKey: (() => Uint8Array) | undefined,
  headerPart: Uint8Array,
  label: number,
  layer: RecordLayer,
  aad: AssociatedData | undefined,
  backend: AeadBackend,
  allocate: Allocate,
): Uint8Array {
  if (commitKey) {
    const expected = commitmentOf(commitKey(), headerPart, label, layer.nonce, backend);
    if (!layer.commitment || !constantTimeEqual(expected, layer.commitment))
      throw new DecryptionError('decryption failed: key commitment does not match this key');
  }
  return backend.open(
    constructionOf(algorithm),
    key,
    layer.nonce,
    layer.ciphertext,
    layerAad(headerPart, label, aad, allocate),
  );
}

/** Options of {@link sealRecord}. */
export interface SealOptions {
  readonly envelope: boolean;
  readonly committed: boolean;
  readonly backend: AeadBackend;
  /** Header bytes for (key, envelope, committed), if the caller caches them. */
  readonly header?: Uint8Array;
  /** Write the header before the body (the binary form; default true). False gives the body alone, for the text form. */
  readonly withHeader?: boolean;
  /** Allocates the record and scratch buffers (e.g. from a RecordSlab); default `new Uint8Array`. */
  readonly allocate?: Allocate;
}

/**
 * Encrypts `plaintext` under `kek` as a direct or envelope record, written into one new buffer:
 * `header || body` (binary form) or `body` (`withHeader: false`, to base64url for the text form).
 * Throws InvalidArgumentError for bad inputs.
 */
export function sealRecord(
  kek: ResolvedKey,
  plaintext: Uint8Array,
  aad: AssociatedData | undefined,
  options: SealOptions,
): Uint8Array {
  assertBytes(plaintext, 'plaintext');
  const { envelope, committed, backend } = options;
  const header = options.header ?? encodeHeader({ keyId: kek.id, algorithm: kek.algorithm, envelope, committed });
  const n = NONCE_LENGTH[kek.algorithm];
  const c = committed ? COMMITMENT_LENGTH : 0;
  const start = options.withHeader === false ? 0 : header.length;
  const dataLength = n + c + plaintext.length + TAG_LENGTH;
  const length = start + (envelope ? DATA_KEY_LENGTH : 0) + dataLength;
  const allocate = options.allocate ?? newBytes;
  const out = allocate(length);
  if (start > 0) out.set(header, 0);
  if (!envelope) {
    sealLayerInto(
      out,
      start,
      kek.algorithm,
      kek.key,
      committed ? kek.commitKey : undefined,
      header,
      LABEL_DIRECT,
      plaintext,
      aad,
      backend,
      allocate,
    );
    return out;
  }
  const dataKey = kek.dataKeyWrap().generate(out.subarray(start, start + DATA_KEY_LENGTH));
  let commitKey: Uint8Array | undefined;
  try {
    const dataCommit = committed ? () => (commitKey ??= commitKeyOf(dataKey, backend)) : undefined;
    sealLayerInto(
      out,
      start + DATA_KEY_LENGTH,
      kek.algorithm,
      dataKey,
      dataCommit,
      stableHeader(header),
      LABEL_DATA,
      plaintext,
      aad,
      backend,
      allocate,
    );
    return out;
  } finally {
    dataKey.fill(0);
    commitKey?.fill(0);
  }
}

/** Unwraps an envelope's data key (the caller must zero it). A wrong key or tampered bytes give a wrong key, caught by the data layer. */
function unwrapDataKey(kek: ResolvedKey, record: EncryptedRecord): Uint8Array {
  if (!record.wrappedKey) throw new InvalidArgumentError('not an envelope record');
  return kek.dataKeyWrap().unwrap(record.wrappedKey);
}

function openData(
  dataKey: Uint8Array,
  record: EncryptedRecord,
  header: Uint8Array,
  aad: AssociatedData | undefined,
  backend: AeadBackend,
  allocate: Allocate,
): Uint8Array {
  let commitKey: Uint8Array | undefined;
  try {
    return openLayer(
      record.algorithm,
      dataKey,
      record.committed ? () => (commitKey = commitKeyOf(dataKey, backend)) : undefined,
      stableHeader(header),
      LABEL_DATA,
      record.data,
      aad,
      backend,
      allocate,
    );
  } finally {
    commitKey?.fill(0);
  }
}

/**
 * Decrypts a parsed record under the key its header names (resolved by the caller). Throws
 * DecryptionError when anything (header, nonce, commitment, ciphertext, tag, associated data) is not authentic.
 */
export function openRecord(
  kek: ResolvedKey,
  record: EncryptedRecord,
  aad: AssociatedData | undefined,
  backend: AeadBackend,
  header: Uint8Array = encodeHeader(record),
  allocate: Allocate = newBytes,
): Uint8Array {
  if (!record.envelope) {
    return openLayer(
      record.algorithm,
      kek.key,
      record.committed ? kek.commitKey : undefined,
      header,
      LABEL_DIRECT,
      record.data,
      aad,
      backend,
      allocate,
    );
  }
  const dataKey = unwrapDataKey(kek, record);
  try {
    return openData(dataKey, record, header, aad, backend, allocate);
  } finally {
    dataKey.fill(0);
  }
}
