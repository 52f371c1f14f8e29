import { randomBytes } from 'node:crypto';
import type { StoreKeys } from './adapter.js';

/** The core key id the harness gives key version `version`. */
export const keyIdOf = (version: number): string => `k${version}`;

/** Fresh random keys for one check: version → 32 bytes. */
export class KeySet {
  private readonly keys = new Map<number, Uint8Array>();

  /** The key for `version`, created on first use. */
  key(version: number): Uint8Array {
    let key = this.keys.get(version);
    if (key === undefined) {
      key = new Uint8Array(randomBytes(32));
      this.keys.set(version, key);
    }
    return key;
  }

  /** Key material holding `versions`, writing with `current`. */
  material(versions: readonly number[], current: number): StoreKeys {
    return {
      current,
      versions: versions.map((version) => ({ version, id: keyIdOf(version), key: this.key(version) })),
    };
  }
}

/** Key material with the same versions as `material` but other key bytes (a wrong key). */
export function wrongKeys(material: StoreKeys): StoreKeys {
  return {
    current: material.current,
    versions: material.versions.map(({ version, id }) => ({ version, id, key: new Uint8Array(randomBytes(32)) })),
  };
}
