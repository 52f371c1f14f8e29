/**
 * @secret-hygiene/crypto: the reference crypto core.
 *
 * Noble's way: small modules named after their construction, Uint8Array in and out, no global state,
 * input checks at every public entry, constant-time comparison, buffers zeroed where the API owns
 * them, typed errors that never contain secrets. Works in Node and browsers; node-only helpers (key
 * files, a static node:crypto backend) are in `@secret-hygiene/crypto/node`.
 *
 * Quick start:
 *
 *     const keyring = Keyring.fromEnv([{ id: 'k1', variable: 'APP_KEY_1', state: 'primary' }]);
 *     const stored = keyring.encryptToString(apiKey, { aad: { table: 'users', column: 'api_key', row: id } });
 *     const secret = keyring.decryptToSecret(stored, { aad: { table: 'users', column: 'api_key', row: id } });
 *
 * Modules: errors, encoding, aead (+ backends), format, envelope, keyring, kdf, rotate, secret, token.
 * See docs/crypto.md for the format byte by byte, key states and the rotation runbook.
 */

// Errors (every thrown error is a CryptoError subclass)
export {
  CryptoError,
  DecryptionError,
  DisposedError,
  EncodingError,
  FormatError,
  InsecureKeyFileError,
  InvalidArgumentError,
  InvalidKeyError,
  KeySourceError,
  KeyStateError,
  KeyUsageLimitError,
  RetiredKeyError,
  UnknownKeyError,
  UnsupportedVersionError,
  type CryptoErrorCode,
} from './errors.js';

// Encoding
export {
  base64Decode,
  base64Encode,
  base64urlDecode,
  base64urlEncode,
  concatBytes,
  hexDecode,
  hexEncode,
  utf8Decode,
  utf8Encode,
} from './encoding.js';

// AEAD and backends
export {
  AEAD_ALGORITHMS,
  aeadDecrypt,
  aeadEncrypt,
  checkRawInputs,
  createNonce,
  defaultBackend,
  KEY_LENGTH,
  nobleBackend,
  NONCE_LENGTH,
  TAG_LENGTH,
  type AeadAlgorithm,
  type AeadBackend,
  type AeadConstruction,
  type AeadOptions,
  type AeadSealed,
  type DataKeyWrap,
} from './aead.js';
export { createNodeBackend, type NodeCryptoModule } from './backend-node.js';

// Serialized format
export {
  COMMITMENT_LENGTH,
  convertRecord,
  DATA_KEY_LENGTH,
  encodeHeader,
  envelopeHeadLength,
  FORMAT_VERSION,
  KEY_ID_PATTERN,
  MAGIC,
  parseEnvelopeHead,
  parseRecord,
  recordFromBytes,
  recordFromText,
  recordToBytes,
  recordToText,
  TEXT_PREFIX,
  type EncryptedRecord,
  type EnvelopeHead,
  type RecordHeader,
  type RecordLayer,
} from './format.js';

// Associated data
export { encodeAssociatedData, type AssociatedData } from './envelope.js';

// Keyring
export {
  DEFAULT_USAGE_LIMITS,
  envKeyProvider,
  KEY_STATES,
  Keyring,
  keysFromEnv,
  parseKey,
  type DecryptOptions,
  type EncryptOptions,
  type EnvKeySpec,
  type KeyEncoding,
  type KeyInfo,
  type KeyMaterial,
  type KeyProvider,
  type KeyringOptions,
  type KeyState,
  type KeyUsageWarning,
  type ReencryptOptions,
  type RewrapItem,
  type UsageLimits,
  type UsagePersistence,
} from './keyring.js';

// Key derivation
export { DERIVE_DOMAIN, deriveInfo, deriveKey, hkdf, type DeriveKeyOptions, type HkdfHash } from './kdf.js';

// Secrets, comparison
export { mask, REDACTED, Secret, secret, type MaskOptions } from './secret.js';
export { constantTimeEqual } from './compare.js';

// Rotation
export {
  rotate,
  type RotateOptions,
  type RotationProgress,
  type RotationRecord,
  type RotationUpdate,
} from './rotate.js';

// Tokens and passwords
export {
  generateToken,
  hashPassword,
  needsRehash,
  OWASP_SCRYPT,
  parsePasswordHash,
  tokenLookupHash,
  verifyPassword,
  verifyTokenLookupHash,
  type GenerateTokenOptions,
  type PasswordHashOptions,
  type ScryptImplementation,
  type ScryptParams,
} from './token.js';
