/** A ciphertext whose plaintext the harness knows. */
export interface KnownCiphertext {
  readonly plaintext: string;
  /** The stored record as bytes (text records decoded from hex or base64). */
  readonly bytes: Buffer;
  /** Where it came from, for messages (`restart`, `rotation batch`). */
  readonly label: string;
}

/** A pair of records encrypted with the same keystream. */
export interface KeystreamReuse {
  readonly first: KnownCiphertext;
  readonly second: KnownCiphertext;
  readonly offset: number;
}

/** Bytes of keystream compared: enough that chance never matches. */
const window = 16;

/** Offsets tried as the start of a record's encrypted data: its header (nonce, wrapped key) comes first. */
const maxOffset = 512;

/**
 * Pairs of records of different plaintexts that share a keystream (a reused nonce under one key):
 * at some offset, `ciphertext ⊕ plaintext` is the same for both. Every offset up to 512 is tried,
 * so any record layout with a header shorter than that is covered. Equal plaintexts are not compared (a record rotated by rewrapping its
 * data key keeps its body on purpose), nor keystreams of zeros (plaintext stored as it is).
 */
export function findKeystreamReuse(records: readonly KnownCiphertext[]): KeystreamReuse[] {
  /** Hash of (offset, keystream) → the first record of each keystream with that hash (collisions are compared). */
  const seen = new Map<number, KnownCiphertext | KnownCiphertext[]>();
  const found: KeystreamReuse[] = [];
  const reported = new Set<string>();
  const plains = new Map<KnownCiphertext, Buffer>();
  const plainOf = (record: KnownCiphertext): Buffer => {
    let plain = plains.get(record);
    if (plain === undefined) plains.set(record, (plain = Buffer.from(record.plaintext, 'utf8')));
    return plain;
  };
  /** Whether `a` and `b` have the same keystream at `offset`. */
  const same = (a: KnownCiphertext, b: KnownCiphertext, offset: number): boolean => {
    const [pa, pb] = [plainOf(a), plainOf(b)];
    for (let i = 0; i < window; i++)
      if ((a.bytes[offset + i]! ^ pa[i]!) !== (b.bytes[offset + i]! ^ pb[i]!)) return false;
    return true;
  };
  for (const record of records) {
    const plain = plainOf(record);
    if (plain.length < window) continue;
    // The keystream's four 32-bit words, hashed with the offset into a number: this runs for every
    // offset of every record of the run (a string key per offset was most of its time).
    const p0 = plain.readUInt32LE(0);
    const p1 = plain.readUInt32LE(4);
    const p2 = plain.readUInt32LE(8);
    const p3 = plain.readUInt32LE(12);
    const bytes = record.bytes;
    for (let offset = 0; offset + window <= bytes.length && offset <= maxOffset; offset++) {
      const w0 = bytes.readUInt32LE(offset) ^ p0;
      const w1 = bytes.readUInt32LE(offset + 4) ^ p1;
      const w2 = bytes.readUInt32LE(offset + 8) ^ p2;
      const w3 = bytes.readUInt32LE(offset + 12) ^ p3;
      if ((w0 | w1 | w2 | w3) === 0) continue;
      let hash = Math.imul(offset + 1, 0x9e3779b1);
      hash = Math.imul(hash ^ w0, 0x85ebca6b);
      hash = Math.imul(hash ^ (hash >>> 15) ^ w1, 0x85ebca6b);
      hash = Math.imul(hash ^ (hash >>> 15) ^ w2, 0x85ebca6b);
      hash = Math.imul(hash ^ (hash >>> 15) ^ w3, 0x85ebca6b);
      // 30 bits: a small integer, which V8 keeps unboxed as a map key.
      hash &= 0x3fffffff;
      const entry = seen.get(hash);
      const earlier =
        entry === undefined ? undefined : (Array.isArray(entry) ? entry : [entry]).find((e) => same(e, record, offset));
      if (earlier === undefined) {
        if (entry === undefined) seen.set(hash, record);
        else if (Array.isArray(entry)) entry.push(record);
        else seen.set(hash, [entry, record]);
      } else if (earlier.plaintext !== record.plaintext) {
        const pair = [earlier.plaintext, record.plaintext].sort().join('|');
        if (!reported.has(pair)) {
          reported.add(pair);
          found.push({ first: earlier, second: record, offset });
        }
      }
    }
  }
  return found;
}
