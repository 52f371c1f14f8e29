/**
 * The self-describing ciphertext format, version 1 (byte-by-byte layout in docs/crypto.md).
 *
 * Anchors: Vault's `vault:v1:<base64>` strings and Tink's 5-byte key-id prefix. A record names its
 * format version, key id, algorithm and options, so decryption looks the key up by id (never tries
 * keys in turn), and its header is authenticated as associated data.
 *
 * Bytes (fits bytea):
 *
 *     "SHC" | 0x01 | alg | flags | idLen | keyId | body
 *
 * Text (fits a text column; ASCII, no padding):
 *
 *     shc:v1:<keyId>:<alg>[+env][+kc]:<base64url(body)>
 *
 * body = layer (direct) or wrappedKey (32) || layer (envelope);
 * layer = nonce | [commitment (32), if +kc] | ciphertext | tag (16).
 *
 * Parsing is total: any input gives an {@link EncryptedRecord} or throws {@link FormatError} /
 * {@link UnsupportedVersionError} (bad base64url in the text form is a FormatError too).
 */
import { DATA_KEY_LENGTH, NONCE_LENGTH, TAG_LENGTH, type AeadAlgorithm } from './aead.js';
import { base64urlDecode, prefixedBase64url } from './encoding.js';
import type { Allocate } from './slab.js';
import { EncodingError, FormatError, InvalidArgumentError, UnsupportedVersionError } from './errors.js';

/** Current (and only) format version. */
export const FORMAT_VERSION = 1;
/** Magic bytes of the binary form: ASCII "SHC". */
export const MAGIC = Uint8Array.of(0x53, 0x48, 0x43);
/** Prefix of the text form (followed by `v<version>:`). */
export const TEXT_PREFIX = 'shc:';
/** Length of a key-commitment value, in bytes. */
export const COMMITMENT_LENGTH = 32;
/** Length of an envelope's data key and of its wrapped form, in bytes. */
export { DATA_KEY_LENGTH };
/** Longest key id, in characters. */
export const MAX_KEY_ID_LENGTH = 64;

/** Key ids: 1-64 ASCII letters, digits, `.`, `_`, `-` (so they fit the text form and file names). */
export const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

const FLAG_COMMIT = 0x01;
const FLAG_ENVELOPE = 0x02;
const KNOWN_FLAGS = FLAG_COMMIT | FLAG_ENVELOPE;

const ALG_ID: Readonly<Record<AeadAlgorithm, number>> = { 'aes-256-gcm': 0x01, 'xchacha20-poly1305': 0x02 };
const ALG_BY_ID: Readonly<Record<number, AeadAlgorithm>> = { 0x01: 'aes-256-gcm', 0x02: 'xchacha20-poly1305' };
const ALG_TOKEN: Readonly<Record<AeadAlgorithm, string>> = {
  'aes-256-gcm': 'aes256gcm',
  'xchacha20-poly1305': 'xchacha20poly1305',
};
const ALG_BY_TOKEN: Readonly<Record<string, AeadAlgorithm>> = {
  aes256gcm: 'aes-256-gcm',
  xchacha20poly1305: 'xchacha20-poly1305',
};

/** What a record's header says. All of it is authenticated. */
export interface RecordHeader {
  readonly version: 1;
  /** Id of the key that encrypted (direct) or wrapped the data key (envelope). */
  readonly keyId: string;
  readonly algorithm: AeadAlgorithm;
  /** True when the record carries a data key wrapped by `keyId` (envelope encryption). */
  readonly envelope: boolean;
  /** True when the AEAD layer carries a key-commitment value. */
  readonly committed: boolean;
}

/** One AEAD application: nonce, optional commitment, `ciphertext || tag`. */
export interface RecordLayer {
  readonly nonce: Uint8Array;
  /** Present exactly when the header says `committed`. */
  readonly commitment?: Uint8Array;
  /** `ciphertext || tag`. */
  readonly ciphertext: Uint8Array;
}

/**
 * A parsed (or to-be-serialized) record. `wrappedKey` (the envelope's data key, wrapped by `keyId`:
 * 32 bytes) is present exactly for envelopes. Byte fields returned by the parsers are views into
 * the parsed input (no copies).
 */
export interface EncryptedRecord extends RecordHeader {
  readonly wrappedKey?: Uint8Array;
  readonly data: RecordLayer;
}

/** Throws InvalidArgumentError unless `keyId` matches {@link KEY_ID_PATTERN}. */
export function assertKeyId(keyId: unknown): asserts keyId is string {
  if (typeof keyId !== 'string' || !KEY_ID_PATTERN.test(keyId)) {
    throw new InvalidArgumentError('key id must be 1-64 characters of [A-Za-z0-9._-]');
  }
}

const flagsOf = (h: Pick<RecordHeader, 'envelope' | 'committed'>): number =>
  (h.committed ? FLAG_COMMIT : 0) | (h.envelope ? FLAG_ENVELOPE : 0);

/**
 * The binary header `"SHC" | version | alg | flags | idLen | keyId`, as authenticated in every
 * record (also in the text form). Throws InvalidArgumentError for a bad key id or algorithm.
 */
export function encodeHeader(header: Omit<RecordHeader, 'version'>): Uint8Array {
  assertKeyId(header.keyId);
  const alg = ALG_ID[header.algorithm];
  if (alg === undefined) throw new InvalidArgumentError(`unsupported algorithm "${String(header.algorithm)}"`);
  const out = new Uint8Array(7 + header.keyId.length);
  out.set(MAGIC, 0);
  out[3] = FORMAT_VERSION;
  out[4] = alg;
  out[5] = flagsOf(header);
  out[6] = header.keyId.length;
  for (let i = 0; i < header.keyId.length; i++) out[7 + i] = header.keyId.charCodeAt(i);
  return out;
}

/**
 * The part of the header that stays the same when an envelope is rewrapped under another key:
 * `"SHC" | version | alg | flags` (an envelope's data layer authenticates this; the key id selects
 * the key that unwraps the data key, so a changed key id yields a wrong data key).
 */
export function stableHeader(header: Uint8Array): Uint8Array {
  return header.subarray(0, 6);
}

const layerLength = (l: RecordLayer): number => l.nonce.length + (l.commitment?.length ?? 0) + l.ciphertext.length;

function checkLayer(record: EncryptedRecord, layer: RecordLayer | undefined, name: string): RecordLayer {
  if (!layer || !(layer.nonce instanceof Uint8Array) || !(layer.ciphertext instanceof Uint8Array)) {
    throw new InvalidArgumentError(`${name} layer is missing`);
  }
  if (layer.nonce.length !== NONCE_LENGTH[record.algorithm])
    throw new InvalidArgumentError(`${name} nonce has the wrong length`);
  if (layer.ciphertext.length < TAG_LENGTH) throw new InvalidArgumentError(`${name} ciphertext is shorter than a tag`);
  if (record.committed !== (layer.commitment instanceof Uint8Array && layer.commitment.length === COMMITMENT_LENGTH)) {
    throw new InvalidArgumentError(`${name} commitment does not match the header`);
  }
  return layer;
}

function writeBody(record: EncryptedRecord, out: Uint8Array, offset: number): void {
  let o = offset;
  const put = (l: RecordLayer) => {
    out.set(l.nonce, o);
    o += l.nonce.length;
    if (l.commitment) {
      out.set(l.commitment, o);
      o += l.commitment.length;
    }
    out.set(l.ciphertext, o);
    o += l.ciphertext.length;
  };
  if (record.wrappedKey) {
    out.set(record.wrappedKey, o);
    o += record.wrappedKey.length;
  }
  put(record.data);
}

function bodyLength(record: EncryptedRecord): number {
  const data = checkLayer(record, record.data, 'data');
  if (record.envelope) {
    if (!(record.wrappedKey instanceof Uint8Array) || record.wrappedKey.length !== DATA_KEY_LENGTH) {
      throw new InvalidArgumentError(`an envelope needs a ${DATA_KEY_LENGTH}-byte wrapped key`);
    }
    return DATA_KEY_LENGTH + layerLength(data);
  }
  if (record.wrappedKey !== undefined) throw new InvalidArgumentError('a direct record has no wrapped key');
  return layerLength(data);
}

/**
 * Serializes to the binary form (into `allocate(length)` when given, e.g. a RecordSlab). Throws
 * InvalidArgumentError for an inconsistent record.
 */
export function recordToBytes(
  record: EncryptedRecord,
  header: Uint8Array = encodeHeader(record),
  allocate?: Allocate,
): Uint8Array {
  const length = header.length + bodyLength(record);
  const out = allocate ? allocate(length) : new Uint8Array(length);
  out.set(header, 0);
  writeBody(record, out, header.length);
  return out;
}

/** The text form up to the body: `shc:v1:<keyId>:<alg>[+env][+kc]:`. Throws InvalidArgumentError for a bad key id or algorithm. */
export function textPrefix(header: Omit<RecordHeader, 'version'>): string {
  assertKeyId(header.keyId);
  const token = ALG_TOKEN[header.algorithm];
  if (token === undefined) throw new InvalidArgumentError(`unsupported algorithm "${String(header.algorithm)}"`);
  return `${TEXT_PREFIX}v${FORMAT_VERSION}:${header.keyId}:${token}${header.envelope ? '+env' : ''}${header.committed ? '+kc' : ''}:`;
}

/** Serializes to the text form `shc:v1:<keyId>:<alg>[+env][+kc]:<base64url>`. Throws InvalidArgumentError for an inconsistent record. */
export function recordToText(record: EncryptedRecord): string {
  const prefix = textPrefix(record);
  const body = new Uint8Array(bodyLength(record));
  writeBody(record, body, 0);
  return prefixedBase64url(prefix, body);
}

/** The header bytes of a binary record already parsed by {@link recordFromBytes} (a view, no copy). */
export function headerOf(bytes: Uint8Array, record: RecordHeader): Uint8Array {
  return bytes.subarray(0, 7 + record.keyId.length);
}

function takeLayer(body: Uint8Array, offset: number, n: number, c: number, ctLength: number): RecordLayer {
  const nonce = body.subarray(offset, offset + n);
  const ciphertext = body.subarray(offset + n + c, offset + n + c + ctLength);
  return c ? { nonce, commitment: body.subarray(offset + n, offset + n + c), ciphertext } : { nonce, ciphertext };
}

/** Splits a body into layers; `body` is a view, the layers are views into it. (Plain object literals: spreads are slow on this path.) */
function parseBody(
  keyId: string,
  algorithm: AeadAlgorithm,
  envelope: boolean,
  committed: boolean,
  body: Uint8Array,
): EncryptedRecord {
  const n = NONCE_LENGTH[algorithm];
  const c = committed ? COMMITMENT_LENGTH : 0;
  if (!envelope) {
    const rest = body.length - n - c;
    if (rest < TAG_LENGTH) throw new FormatError('record is truncated: data is shorter than nonce and tag');
    return { version: 1, keyId, algorithm, envelope, committed, data: takeLayer(body, 0, n, c, rest) };
  }
  if (body.length < DATA_KEY_LENGTH) throw new FormatError('record is truncated: wrapped key is incomplete');
  const rest = body.length - DATA_KEY_LENGTH - n - c;
  if (rest < TAG_LENGTH) throw new FormatError('record is truncated: data is shorter than nonce and tag');
  const wrappedKey = body.subarray(0, DATA_KEY_LENGTH);
  return {
    version: 1,
    keyId,
    algorithm,
    envelope,
    committed,
    wrappedKey,
    data: takeLayer(body, DATA_KEY_LENGTH, n, c, rest),
  };
}

/** True for a key-id character: [A-Za-z0-9._-]. */
const isKeyIdChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95;

/** The binary header's fields and its length (`7 + key id length`). Throws as {@link recordFromBytes}. */
function headerFromBytes(bytes: Uint8Array): Omit<RecordHeader, 'version'> & { readonly length: number } {
  if (!(bytes instanceof Uint8Array)) throw new InvalidArgumentError('record must be a Uint8Array');
  if (bytes.length < 7 || bytes[0] !== MAGIC[0] || bytes[1] !== MAGIC[1] || bytes[2] !== MAGIC[2]) {
    throw new FormatError('not a secret-hygiene record: missing "SHC" magic');
  }
  if (bytes[3] !== FORMAT_VERSION) throw new UnsupportedVersionError(String(bytes[3]));
  const algorithm = ALG_BY_ID[bytes[4]!];
  if (!algorithm) throw new FormatError('unknown algorithm id');
  const flags = bytes[5]!;
  if ((flags & ~KNOWN_FLAGS) !== 0) throw new FormatError('unknown flag bits');
  const idLength = bytes[6]!;
  if (idLength < 1 || idLength > MAX_KEY_ID_LENGTH || bytes.length < 7 + idLength)
    throw new FormatError('bad key id length');
  let keyId = '';
  for (let i = 0; i < idLength; i++) {
    const c = bytes[7 + i]!;
    if (!isKeyIdChar(c)) throw new FormatError('key id has characters outside [A-Za-z0-9._-]');
    keyId += String.fromCharCode(c);
  }
  return {
    keyId,
    algorithm,
    envelope: (flags & FLAG_ENVELOPE) !== 0,
    committed: (flags & FLAG_COMMIT) !== 0,
    length: 7 + idLength,
  };
}

/**
 * Parses the binary form. Throws FormatError (bad magic, flags, algorithm, key id, truncation),
 * UnsupportedVersionError (version byte other than 1), InvalidArgumentError (not a Uint8Array).
 */
export function recordFromBytes(bytes: Uint8Array): EncryptedRecord {
  const { keyId, algorithm, envelope, committed, length } = headerFromBytes(bytes);
  return parseBody(keyId, algorithm, envelope, committed, bytes.subarray(length));
}

/**
 * The head of a binary envelope record: its header and wrapped data key, the only bytes a rewrap
 * changes (the data layer after them is kept byte for byte). A store may read and write just the
 * head to rotate ({@link Keyring.rewrapEnvelopeHeads}); in PostgreSQL the head of a `bytea` record `c`
 * is `substring(c from 1 for 39 + get_byte(c, 6))` and the rest `substring(c from 40 + get_byte(c, 6))`.
 */
export interface EnvelopeHead extends Omit<RecordHeader, 'version' | 'envelope'> {
  /** The wrapped data key (a view into the head). */
  readonly wrappedKey: Uint8Array;
}

/** Length of an envelope record's head with a key id of `keyIdLength` characters: header and wrapped data key. */
export const envelopeHeadLength = (keyIdLength: number): number => 7 + keyIdLength + DATA_KEY_LENGTH;

/**
 * Parses the head of a binary envelope record (exactly the head; see {@link EnvelopeHead}). Throws
 * FormatError for anything else (a direct record, a head too short or too long), and as
 * {@link recordFromBytes} for a bad header.
 */
export function parseEnvelopeHead(bytes: Uint8Array): EnvelopeHead {
  const { keyId, algorithm, envelope, committed, length } = headerFromBytes(bytes);
  if (!envelope) throw new FormatError('not an envelope record: a direct record has no head to rewrap');
  if (bytes.length !== envelopeHeadLength(keyId.length))
    throw new FormatError(`an envelope head is the header and the ${DATA_KEY_LENGTH}-byte wrapped key, nothing more`);
  return { keyId, algorithm, committed, wrappedKey: bytes.subarray(length) };
}

const TEXT_V1 = 'shc:v1:';

/** Every valid `<alg>[+env][+kc]` field of the text form, and what it says (one lookup per parse). */
const TEXT_FIELDS: ReadonlyMap<string, Pick<RecordHeader, 'algorithm' | 'envelope' | 'committed'>> = new Map(
  Object.entries(ALG_BY_TOKEN).flatMap(([token, algorithm]) =>
    [false, true].flatMap((envelope) =>
      [false, true].map(
        (committed) =>
          [`${token}${envelope ? '+env' : ''}${committed ? '+kc' : ''}`, { algorithm, envelope, committed }] as const,
      ),
    ),
  ),
);

/**
 * Parses the text form. Throws FormatError (bad prefix or fields, non-canonical base64url body),
 * UnsupportedVersionError (`shc:v2:` and later), InvalidArgumentError (not a string).
 */
export function recordFromText(text: string): EncryptedRecord {
  if (typeof text !== 'string') throw new InvalidArgumentError('record must be a string');
  if (!text.startsWith(TEXT_V1)) {
    if (!text.startsWith(TEXT_PREFIX)) throw new FormatError('not a secret-hygiene record: missing "shc:" prefix');
    const version = /^shc:v([0-9]{1,3}):/.exec(text.slice(0, 12));
    if (!version) throw new FormatError('missing version field');
    throw new UnsupportedVersionError(`v${version[1]}`);
  }
  const malformed = () => new FormatError('malformed record: expected shc:v1:<keyId>:<alg>[+env][+kc]:<base64url>');
  // Hand-parsed (a regex over the whole string is slow on large bodies and allocates on small ones).
  let i = TEXT_V1.length;
  const idStart = i;
  while (i < text.length && i - idStart <= MAX_KEY_ID_LENGTH && isKeyIdChar(text.charCodeAt(i))) i++;
  if (i === idStart || i - idStart > MAX_KEY_ID_LENGTH || text.charCodeAt(i) !== 58) throw malformed();
  const keyId = text.slice(idStart, i);
  const algEnd = text.indexOf(':', i + 1);
  if (algEnd < 0 || algEnd - i > 40) throw malformed();
  const fields = TEXT_FIELDS.get(text.slice(i + 1, algEnd));
  if (!fields) throw new FormatError('unknown algorithm');
  const { algorithm, envelope, committed } = fields;
  let body: Uint8Array;
  try {
    body = base64urlDecode(text.slice(algEnd + 1));
  } catch (error) {
    throw error instanceof EncodingError
      ? new FormatError(`record body is not canonical base64url (${error.message})`)
      : error;
  }
  return parseBody(keyId, algorithm, envelope, committed, body);
}

/** Parses either form: strings as text, Uint8Arrays as bytes. Throws as {@link recordFromText} / {@link recordFromBytes}. */
export function parseRecord(input: string | Uint8Array): EncryptedRecord {
  if (typeof input === 'string') return recordFromText(input);
  if (input instanceof Uint8Array) return recordFromBytes(input);
  throw new InvalidArgumentError('record must be a string or a Uint8Array');
}

/** Converts between forms without decrypting: the header bytes are the same, so the record still authenticates. */
export function convertRecord(input: string | Uint8Array, to: 'text' | 'bytes'): string | Uint8Array {
  const record = parseRecord(input);
  return to === 'text' ? recordToText(record) : recordToBytes(record);
}
