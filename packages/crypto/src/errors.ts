/**
 * Typed errors. Every failure of a public entry point is one of these classes, so callers can
 * branch on `instanceof` or on `code`. Messages never contain key material, plaintext, or the value
 * of an environment variable: only names (variable, key id, file path) and sizes.
 */

/** Stable machine-readable codes, one per error class. */
export type CryptoErrorCode =
  | 'ERR_SHC_INVALID_ARGUMENT'
  | 'ERR_SHC_INVALID_KEY'
  | 'ERR_SHC_ENCODING'
  | 'ERR_SHC_FORMAT'
  | 'ERR_SHC_UNSUPPORTED_VERSION'
  | 'ERR_SHC_UNKNOWN_KEY'
  | 'ERR_SHC_RETIRED_KEY'
  | 'ERR_SHC_KEY_STATE'
  | 'ERR_SHC_DECRYPT'
  | 'ERR_SHC_KEY_USAGE_LIMIT'
  | 'ERR_SHC_KEY_SOURCE'
  | 'ERR_SHC_INSECURE_KEY_FILE'
  | 'ERR_SHC_DISPOSED';

/** Base class of every error thrown by `@secret-hygiene/crypto`. */
export class CryptoError extends Error {
  /** Machine-readable code; stable across versions. */
  readonly code: CryptoErrorCode;
  constructor(code: CryptoErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A parameter has the wrong type, size or range (not a key: see {@link InvalidKeyError}). */
export class InvalidArgumentError extends CryptoError {
  constructor(message: string) {
    super('ERR_SHC_INVALID_ARGUMENT', message);
  }
}

/** Key material has the wrong type or length. The message gives the expected and actual length only. */
export class InvalidKeyError extends CryptoError {
  constructor(message: string) {
    super('ERR_SHC_INVALID_KEY', message);
  }
}

/** Text is not valid base64, base64url, hex or UTF-8. The message never quotes the input. */
export class EncodingError extends CryptoError {
  constructor(message: string) {
    super('ERR_SHC_ENCODING', message);
  }
}

/** A serialized ciphertext is malformed (bad prefix, truncated, bad field). */
export class FormatError extends CryptoError {
  constructor(message: string) {
    super('ERR_SHC_FORMAT', message);
  }
}

/** A serialized ciphertext has a version this library does not read. */
export class UnsupportedVersionError extends CryptoError {
  constructor(readonly version: string) {
    super('ERR_SHC_UNSUPPORTED_VERSION', `unsupported format version "${version}"`);
  }
}

/** No key with this id is in the keyring. Decryption never falls back to trying other keys. */
export class UnknownKeyError extends CryptoError {
  constructor(readonly keyId: string) {
    super('ERR_SHC_UNKNOWN_KEY', `no key with id "${keyId}" in the keyring`);
  }
}

/** The key exists but is retired: it may no longer decrypt (Vault's `min_decryption_version`). */
export class RetiredKeyError extends CryptoError {
  constructor(readonly keyId: string) {
    super(
      'ERR_SHC_RETIRED_KEY',
      `key "${keyId}" is retired and may not be used; re-encrypt data with the primary key before retiring a key`,
    );
  }
}

/** A key was used for an operation its state forbids (e.g. a staged key asked to encrypt, no primary key). */
export class KeyStateError extends CryptoError {
  constructor(message: string) {
    super('ERR_SHC_KEY_STATE', message);
  }
}

/** Authentication failed: wrong key, wrong associated data, or tampered ciphertext/header. */
export class DecryptionError extends CryptoError {
  constructor(message = 'decryption failed: ciphertext, header or associated data is not authentic for this key') {
    super('ERR_SHC_DECRYPT', message);
  }
}

/** A key reached its encryption limit (NIST SP 800-38D: 2^32 random 96-bit nonces per key). */
export class KeyUsageLimitError extends CryptoError {
  constructor(
    readonly keyId: string,
    readonly count: number,
    readonly limit: number,
  ) {
    super(
      'ERR_SHC_KEY_USAGE_LIMIT',
      `key "${keyId}" reached its usage limit (${count} of ${limit} encryptions); make a new key primary`,
    );
  }
}

/** A key source (environment variable, provider) is missing or unusable. Names the source, never its value. */
export class KeySourceError extends CryptoError {
  constructor(message: string) {
    super('ERR_SHC_KEY_SOURCE', message);
  }
}

/** A key file can be read or written by group or others. */
export class InsecureKeyFileError extends CryptoError {
  constructor(
    readonly path: string,
    readonly mode: number,
  ) {
    super(
      'ERR_SHC_INSECURE_KEY_FILE',
      `key file "${path}" has mode 0${(mode & 0o777).toString(8)}; it must not be accessible by group or others (chmod 600)`,
    );
  }
}

/** An object was used after `dispose()`/`destroy()` zeroed its buffers. */
export class DisposedError extends CryptoError {
  constructor(what: string) {
    super('ERR_SHC_DISPOSED', `${what} was disposed; its buffers are zeroed`);
  }
}
