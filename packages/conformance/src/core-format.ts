import { convertRecord, Keyring, parseRecord } from '@secret-hygiene/crypto';
import type { StoredValue } from './checks/util.js';

/** What the harness reads from a ciphertext in the `@secret-hygiene/crypto` record format. */
export interface CoreRecordInfo {
  readonly keyId: string;
  /** Every nonce in the record (its one AEAD layer; an envelope's wrapped key has none). */
  readonly nonces: readonly Buffer[];
}

/** Parses a stored value as a core record; undefined when it is in another format. */
export function parseCoreRecord(value: StoredValue): CoreRecordInfo | undefined {
  try {
    const record = parseRecord(typeof value === 'string' ? value : new Uint8Array(value));
    return { keyId: record.keyId, nonces: [Buffer.from(record.data.nonce)] };
  } catch {
    return undefined;
  }
}

/**
 * A record of `plaintext` like `like` (same form, algorithm, envelope and commitment, same key id)
 * but sealed under `key` with no associated data; undefined when `like` is not a core record. A
 * store that binds records to their row must refuse it.
 */
export function sealWithoutAssociatedData(
  like: StoredValue,
  key: Uint8Array,
  plaintext: string,
): StoredValue | undefined {
  let header;
  try {
    header = parseRecord(typeof like === 'string' ? like : new Uint8Array(like));
  } catch {
    return undefined;
  }
  const keyring = new Keyring([{ id: header.keyId, key, state: 'primary' }], {
    algorithm: header.algorithm,
    envelope: header.envelope,
    commit: header.committed,
  });
  try {
    const bytes = keyring.encrypt(plaintext);
    return typeof like === 'string' ? (convertRecord(bytes, 'text') as string) : Buffer.from(bytes);
  } finally {
    keyring.destroy();
  }
}
