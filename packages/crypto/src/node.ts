/**
 * Node-only helpers: `@secret-hygiene/crypto/node`. Kept out of the main entry so browser bundles
 * never see `node:fs`.
 *
 * Key file format (JSON, mode 0600 or stricter):
 *
 *     { "keys": [ { "id": "k2", "state": "primary", "key": "<base64 or 64 hex digits>", "algorithm": "aes-256-gcm" },
 *                 { "id": "k1", "state": "staged",  "key": "..." } ] }
 */
import * as nodeCrypto from 'node:crypto';
import { open } from 'node:fs/promises';
import { assertAlgorithm, type AeadAlgorithm, type AeadBackend } from './aead.js';
import { createNodeBackend, type NodeCryptoModule } from './backend-node.js';
import { InsecureKeyFileError, InvalidArgumentError, KeySourceError } from './errors.js';
import {
  Keyring,
  parseKey,
  type KeyMaterial,
  type KeyProvider,
  type KeyringOptions,
  type KeyState,
} from './keyring.js';

/** The node:crypto backend through a static import (same as what `defaultBackend()` picks in Node). */
export function nodeBackend(): AeadBackend {
  return createNodeBackend(nodeCrypto as unknown as NodeCryptoModule);
}

/** Options of {@link readKeyFile}. */
export interface KeyFileOptions {
  /** Skip the permission check (e.g. Windows, where mode bits mean little). Default: check, except on win32. */
  readonly checkPermissions?: boolean;
}

/**
 * Reads keys from a JSON key file. Refuses a file that group or others may access (any of the mode
 * bits 0o077) with InsecureKeyFileError; the check uses the opened file's own stat (no race between
 * check and read). Throws KeySourceError (missing/unreadable file, bad JSON or shape: the message names
 * the file and the entry, never a key), EncodingError / InvalidKeyError for a bad key.
 */
export async function readKeyFile(path: string, options: KeyFileOptions = {}): Promise<KeyMaterial[]> {
  if (typeof path !== 'string' || path === '')
    throw new InvalidArgumentError('key file path must be a non-empty string');
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new KeySourceError(`cannot open key file "${path}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let text: string;
  try {
    const stat = await handle.stat();
    const check = options.checkPermissions ?? process.platform !== 'win32';
    if (check && (stat.mode & 0o077) !== 0) throw new InsecureKeyFileError(path, stat.mode);
    text = await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeySourceError(`key file "${path}" is not valid JSON`);
  }
  const keys = (json as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new KeySourceError(`key file "${path}" must be {"keys": [...]}`);
  return keys.map((entry: unknown, i: number) => {
    const e = entry as { id?: unknown; state?: unknown; key?: unknown; algorithm?: unknown; encoding?: unknown };
    if (typeof e?.id !== 'string' || typeof e.state !== 'string' || typeof e.key !== 'string') {
      throw new KeySourceError(`key file "${path}": entry ${i} needs string "id", "state" and "key"`);
    }
    const key = parseKey(
      e.key,
      `key "${e.id}" in key file "${path}"`,
      e.encoding === 'hex' || e.encoding === 'base64' ? e.encoding : 'auto',
    );
    if (e.algorithm !== undefined) assertAlgorithm(e.algorithm);
    const material = { id: e.id, key, state: e.state as KeyState };
    return e.algorithm === undefined ? material : { ...material, algorithm: e.algorithm as AeadAlgorithm };
  });
}

/** A {@link KeyProvider} over a key file (see {@link readKeyFile}). */
export function fileKeyProvider(path: string, options: KeyFileOptions = {}): KeyProvider {
  return { loadKeys: () => readKeyFile(path, options) };
}

/** `Keyring.fromProvider(fileKeyProvider(path))`. Throws as {@link readKeyFile} and the Keyring constructor. */
export async function keyringFromFile(path: string, options: KeyringOptions & KeyFileOptions = {}): Promise<Keyring> {
  return Keyring.fromProvider(fileKeyProvider(path, options), options);
}
