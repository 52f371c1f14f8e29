import { createCipheriv, createDecipheriv } from 'node:crypto';
import { decodedRuns } from './encodings.js';
import type { KnownCiphertext } from './keystream.js';

/** AES key lengths in bytes, with node:crypto's ECB cipher of each (one block at a time, no padding). */
const aesCiphers = new Map([
  [16, 'aes-128-ecb'],
  [24, 'aes-192-ecb'],
  [32, 'aes-256-ecb'],
]);

/** Offsets of a record tried as the start of its encrypted data (a header, a nonce, a wrapped key before it). */
const maxHeader = 512;

/** A record that a byte string found in the database decrypts: that key is stored beside the data. */
export interface StoredKey {
  readonly record: KnownCiphertext;
  /** How the key encrypts: `AES-GCM/CTR`, `AES-ECB` or `AES-CBC`. */
  readonly mode: string;
  /** Where the key was found. */
  readonly location: string;
}

/** A byte string that may be an AES key, and where it was read. */
export interface CandidateKey {
  readonly key: Buffer;
  readonly location: string;
}

/**
 * The byte strings of a stored value that may be AES keys (16, 24 or 32 bytes): the value itself
 * (bytes, or text as it is, hex or base64) and hex or base64 runs inside a text (a JSON field).
 * Slices of longer values are not tried: every offset of every record would cost seconds.
 */
export function candidateKeys(value: Buffer | string, location: string): CandidateKey[] {
  const forms: Buffer[] = [];
  if (typeof value === 'string') {
    forms.push(Buffer.from(value, 'utf8'));
    const text = value.trim();
    if (/^(\\x)?[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0)
      forms.push(Buffer.from(text.replace(/^\\x/, ''), 'hex'));
    if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text))
      forms.push(Buffer.from(text, /[-_]/.test(text) ? 'base64url' : 'base64'));
    for (const run of decodedRuns(text)) forms.push(run.bytes);
  } else forms.push(value);
  return forms.filter((bytes) => aesCiphers.has(bytes.length)).map((key) => ({ key, location }));
}

/** Blocks of 16 bytes through AES-ECB with `key` in one call. */
function ecb(key: Buffer, blocks: Buffer, decrypt: boolean): Buffer {
  const name = aesCiphers.get(key.length)!;
  // ECB has no nonce: the raw block function builds candidate keystreams to test whether a value is a key.
  // eslint-disable-next-line secret-hygiene/no-iv-reuse -- `name` is always an aes-*-ecb cipher, which takes no IV
  const cipher = decrypt ? createDecipheriv(name, key, null) : createCipheriv(name, key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(blocks), cipher.final()]);
}

/** `block` + 1 as a 128-bit big-endian number (the next counter block of CTR; GCM's carries within its last 4 bytes, the same for small counters). */
function increment(block: Buffer): Buffer {
  const next = Buffer.from(block);
  for (let i = 15; i >= 0; i--) {
    next[i] = (next[i]! + 1) & 0xff;
    if (next[i] !== 0) break;
  }
  return next;
}

function xor16(a: Buffer, aAt: number, b: Buffer, bAt: number, into: Buffer, intoAt: number): void {
  for (let i = 0; i < 16; i++) into[intoAt + i] = a[aAt + i]! ^ b[bAt + i]!;
}

/**
 * The mode in which `key` encrypts `record`, or undefined. Nothing about the record's layout is
 * assumed: every offset is tried as the start of the encrypted plaintext. AES-GCM and CTR: the
 * keystream at that offset (ciphertext ⊕ plaintext), decrypted, is a counter block whose successor
 * encrypts to the keystream's next bytes. ECB: a ciphertext block decrypts to the plaintext's first
 * 16 bytes. CBC: a block decrypts, XOR-ed with the 16 bytes before it (the IV kept in front of
 * the ciphertext, or the first ciphertext block), to the plaintext's first or second 16.
 * Chance matches need 64 bits or more to agree.
 */
export function decryptsWith(key: Buffer, record: KnownCiphertext): string | undefined {
  const plain = Buffer.from(record.plaintext, 'utf8');
  const bytes = record.bytes;
  if (plain.length < 24 || bytes.length < 24) return undefined;
  const offsets = Math.min(bytes.length - 16, maxHeader) + 1;
  // Counter modes: the confirming part is the keystream after the first block (8 bytes at least).
  const keystream = Buffer.allocUnsafe(offsets * 16);
  for (let o = 0; o < offsets; o++) xor16(bytes, o, plain, 0, keystream, o * 16);
  const counters = ecb(key, keystream, true);
  const next = Buffer.allocUnsafe(offsets * 16);
  for (let o = 0; o < offsets; o++) increment(counters.subarray(o * 16, o * 16 + 16)).copy(next, o * 16);
  const following = ecb(key, next, false);
  for (let o = 0; o < offsets; o++) {
    const length = Math.min(16, plain.length - 16, bytes.length - o - 16);
    if (length < 8) continue;
    let same = true;
    for (let i = 0; i < length && same; i++) same = (following[o * 16 + i]! ^ plain[16 + i]!) === bytes[o + 16 + i];
    if (same) return 'AES-GCM/CTR';
  }
  // Block modes: every 16-byte window of the record, decrypted.
  const windows = Buffer.allocUnsafe(offsets * 16);
  for (let o = 0; o < offsets; o++) bytes.copy(windows, o * 16, o, o + 16);
  const decrypted = ecb(key, windows, true);
  for (let o = 0; o < offsets; o++) {
    if (decrypted.compare(plain, 0, 16, o * 16, o * 16 + 16) === 0) return 'AES-ECB';
    // CBC: the block before is the IV (first block) or the previous ciphertext block (second).
    if (o < 16) continue;
    for (const start of plain.length >= 32 ? [0, 16] : [0]) {
      let same = true;
      for (let i = 0; i < 16 && same; i++) same = (decrypted[o * 16 + i]! ^ bytes[o - 16 + i]!) === plain[start + i];
      if (same) return 'AES-CBC';
    }
  }
  return undefined;
}

/** Records that a candidate key decrypts; each candidate is tried on every record. */
export function findStoredKeys(candidates: readonly CandidateKey[], records: readonly KnownCiphertext[]): StoredKey[] {
  const found: StoredKey[] = [];
  const tried = new Set<string>();
  for (const { key, location } of candidates) {
    const id = key.toString('latin1');
    if (tried.has(id)) continue;
    tried.add(id);
    for (const record of records) {
      if (found.some((f) => f.record === record)) continue;
      const mode = decryptsWith(key, record);
      if (mode !== undefined) found.push({ record, mode, location });
    }
  }
  return found;
}
