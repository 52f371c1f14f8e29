// Locates Project Wycheproof vectors: the vendored subset in `./vectors/wycheproof` (see its README
// for provenance and checksums). Fails loudly when a file is missing rather than passing with none.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const WYCHEPROOF_DIR = resolve(here, 'vectors', 'wycheproof');
/** The project's shared copy, beside the repository, when there is one (checked for drift). */
export const SHARED_WYCHEPROOF_DIR = resolve(here, '../../..', '..', 'shared', 'vectors', 'wycheproof');

export interface WycheproofFile<G> {
  readonly algorithm: string;
  readonly numberOfTests: number;
  readonly testGroups: readonly G[];
}

export interface AeadGroup {
  readonly keySize: number;
  readonly ivSize: number;
  readonly tagSize: number;
  readonly tests: readonly AeadVector[];
}
export interface AeadVector {
  readonly tcId: number;
  readonly comment: string;
  readonly flags: readonly string[];
  readonly key: string;
  readonly iv: string;
  readonly aad: string;
  readonly msg: string;
  readonly ct: string;
  readonly tag: string;
  readonly result: 'valid' | 'invalid' | 'acceptable';
}
export interface HkdfGroup {
  readonly keySize: number;
  readonly tests: readonly HkdfVector[];
}
export interface HkdfVector {
  readonly tcId: number;
  readonly comment: string;
  readonly flags: readonly string[];
  readonly ikm: string;
  readonly salt: string;
  readonly info: string;
  readonly size: number;
  readonly okm: string;
  readonly result: 'valid' | 'invalid' | 'acceptable';
}

/** Reads one vector file; throws with a clear message when the shared folder is missing. */
export function loadWycheproof<G>(file: string): WycheproofFile<G> {
  const path = join(WYCHEPROOF_DIR, file);
  if (!existsSync(path)) {
    throw new Error(`Wycheproof vectors not found at ${path}`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as WycheproofFile<G>;
}

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
export const toHex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
