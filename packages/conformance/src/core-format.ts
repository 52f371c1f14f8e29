import { parseRecord } from '@secret-hygiene/crypto';
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
