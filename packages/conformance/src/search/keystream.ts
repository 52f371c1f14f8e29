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
  const seen = new Map<string, KnownCiphertext>();
  const found: KeystreamReuse[] = [];
  const reported = new Set<string>();
  for (const record of records) {
    const plain = Buffer.from(record.plaintext, 'utf8');
    if (plain.length < window) continue;
    // One buffer per record, keys in latin1 (a byte a character): this runs for every offset of
    // every record of the run.
    const keystream = Buffer.allocUnsafe(window);
    for (let offset = 0; offset + window <= record.bytes.length && offset <= maxOffset; offset++) {
      let zero = true;
      for (let i = 0; i < window; i++) {
        keystream[i] = record.bytes[offset + i]! ^ plain[i]!;
        if (keystream[i] !== 0) zero = false;
      }
      if (zero) continue;
      const key = `${offset}:${keystream.toString('latin1')}`;
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, record);
      else if (earlier.plaintext !== record.plaintext) {
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
