/**
 * Storing credentials you issue (API tokens) or receive (passwords) without storing them.
 *
 * - API tokens are long random strings: store `tokenLookupHash(token, pepper)`, an HMAC-SHA256 keyed
 *   by a server-side pepper, and find the row by it (a fast hash is right for high-entropy tokens;
 *   the pepper makes a leaked table useless without the key).
 * - Passwords are low-entropy: store `hashPassword(password)`, scrypt with OWASP's parameters
 *   (N=2^17, r=8, p=1) in a PHC string `$scrypt$ln=17,r=8,p=1$<salt>$<hash>`, and check with
 *   `verifyPassword`, which compares in constant time.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { defaultBackend, nobleBackend, type AeadBackend } from './aead.js';
import { constantTimeEqual } from './compare.js';
import { assertBytes, base64Decode, base64Encode, base64urlEncode, utf8Encode } from './encoding.js';
import { CryptoError, FormatError, InvalidArgumentError } from './errors.js';

/** Options of {@link generateToken}. */
export interface GenerateTokenOptions {
  /** Prefix that makes the token recognizable to secret scanners, e.g. `"myapp_live"` (default `"shc"`). */
  readonly prefix?: string;
  /** Random bytes (default 32, at least 16). */
  readonly bytes?: number;
  /** Randomness source (default `defaultBackend()`). */
  readonly backend?: AeadBackend;
}

/**
 * A new API token `<prefix>_<base64url(random)>`. Throws InvalidArgumentError for a prefix outside
 * `[A-Za-z0-9_-]{1,32}` or fewer than 16 random bytes.
 */
export function generateToken(options: GenerateTokenOptions = {}): string {
  const prefix = options.prefix ?? 'shc';
  const bytes = options.bytes ?? 32;
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9_-]{1,32}$/.test(prefix))
    throw new InvalidArgumentError('token prefix must be 1-32 characters of [A-Za-z0-9_-]');
  if (!Number.isSafeInteger(bytes) || bytes < 16 || bytes > 1024)
    throw new InvalidArgumentError('token must have 16..1024 random bytes');
  const random = (options.backend ?? defaultBackend()).randomBytes(bytes);
  try {
    return `${prefix}_${base64urlEncode(random)}`;
  } finally {
    random.fill(0);
  }
}

const TOKEN_HASH_INFO = 'secret-hygiene/v1 token-lookup\x00';

/**
 * The value to store and index for an API token: base64url(HMAC-SHA256(pepper, label || token)).
 * Deterministic, so it can be looked up. Throws InvalidArgumentError for a non-string/empty token or
 * a pepper shorter than 32 bytes.
 */
export function tokenLookupHash(token: string, pepper: Uint8Array, backend: AeadBackend = nobleBackend): string {
  if (typeof token !== 'string' || token.length === 0)
    throw new InvalidArgumentError('token must be a non-empty string');
  assertBytes(pepper, 'pepper');
  if (pepper.length < 32) throw new InvalidArgumentError('pepper must be at least 32 bytes');
  const input = utf8Encode(TOKEN_HASH_INFO + token);
  try {
    return base64urlEncode(backend.hmacSha256(pepper, input));
  } finally {
    input.fill(0);
  }
}

/** Constant-time check of a token against a stored {@link tokenLookupHash}. Throws as tokenLookupHash. */
export function verifyTokenLookupHash(
  token: string,
  storedHash: string,
  pepper: Uint8Array,
  backend: AeadBackend = nobleBackend,
): boolean {
  if (typeof storedHash !== 'string') throw new InvalidArgumentError('stored hash must be a string');
  return constantTimeEqual(tokenLookupHash(token, pepper, backend), storedHash);
}

/** scrypt cost parameters. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two (OWASP: 2^17). */
  readonly N: number;
  /** Block size (OWASP: 8). */
  readonly r: number;
  /** Parallelism (OWASP: 1). */
  readonly p: number;
}

/** OWASP Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1 (128 MiB). */
export const OWASP_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

const SALT_LENGTH = 16;
const HASH_LENGTH = 32;
/** Upper bounds accepted from a stored string, so a crafted hash cannot exhaust memory. */
const MAX_LOG_N = 20;
const MAX_R = 32;
const MAX_P = 16;

interface NodeScrypt {
  scrypt(
    password: Uint8Array,
    salt: Uint8Array,
    keylen: number,
    options: { N: number; r: number; p: number; maxmem: number },
    cb: (err: Error | null, key: Uint8Array) => void,
  ): void;
}

const nodeScrypt = (): NodeScrypt | undefined => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod =
    typeof proc?.getBuiltinModule === 'function'
      ? (proc.getBuiltinModule('node:crypto') as NodeScrypt | undefined)
      : undefined;
  return typeof mod?.scrypt === 'function' ? mod : undefined;
};

/** Which scrypt runs: `auto` (node:crypto when present, else noble) or `noble`. */
export type ScryptImplementation = 'auto' | 'noble';

function checkParams({ N, r, p }: ScryptParams): number {
  const logN = Math.log2(N);
  if (!Number.isInteger(logN) || logN < 1 || logN > MAX_LOG_N)
    throw new InvalidArgumentError(`scrypt N must be a power of two up to 2^${MAX_LOG_N}`);
  if (!Number.isInteger(r) || r < 1 || r > MAX_R) throw new InvalidArgumentError(`scrypt r must be 1..${MAX_R}`);
  if (!Number.isInteger(p) || p < 1 || p > MAX_P) throw new InvalidArgumentError(`scrypt p must be 1..${MAX_P}`);
  return logN;
}

async function runScrypt(
  password: Uint8Array,
  salt: Uint8Array,
  params: ScryptParams,
  implementation: ScryptImplementation,
): Promise<Uint8Array> {
  const node = implementation === 'auto' ? nodeScrypt() : undefined;
  if (!node) return scryptAsync(password, salt, { ...params, dkLen: HASH_LENGTH, maxmem: 2 ** 31 });
  const maxmem = 128 * params.N * params.r * params.p + 16 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    node.scrypt(password, salt, HASH_LENGTH, { ...params, maxmem }, (err, key) =>
      err
        ? reject(new InvalidArgumentError('scrypt failed for these parameters'))
        : resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength)),
    ),
  );
}

const b64NoPad = (bytes: Uint8Array): string => base64Encode(bytes).replace(/=+$/, '');

/** Options of {@link hashPassword} and {@link verifyPassword}. */
export interface PasswordHashOptions {
  /** Cost (default {@link OWASP_SCRYPT}). Lower only in tests. */
  readonly params?: ScryptParams;
  readonly implementation?: ScryptImplementation;
  /** Salt source (default `defaultBackend()`). */
  readonly backend?: AeadBackend;
}

/**
 * Hashes a password with scrypt into `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>` (PHC string,
 * unpadded base64, 16-byte salt, 32-byte hash). Throws InvalidArgumentError for a non-string password
 * or bad parameters.
 */
export async function hashPassword(password: string, options: PasswordHashOptions = {}): Promise<string> {
  if (typeof password !== 'string') throw new InvalidArgumentError('password must be a string');
  const params = options.params ?? OWASP_SCRYPT;
  const logN = checkParams(params);
  const salt = (options.backend ?? defaultBackend()).randomBytes(SALT_LENGTH);
  const pw = utf8Encode(password.normalize('NFKC'));
  try {
    const hash = await runScrypt(pw, salt, params, options.implementation ?? 'auto');
    const out = `$scrypt$ln=${logN},r=${params.r},p=${params.p}$${b64NoPad(salt)}$${b64NoPad(hash)}`;
    hash.fill(0);
    return out;
  } finally {
    pw.fill(0);
  }
}

const PHC = /^\$scrypt\$ln=([0-9]{1,2}),r=([0-9]{1,2}),p=([0-9]{1,2})\$([A-Za-z0-9+/]{6,88})\$([A-Za-z0-9+/]{43})$/;

/** Parameters and salt/hash of a stored PHC scrypt string. Throws FormatError when malformed or out of bounds. */
export function parsePasswordHash(
  encoded: string,
): ScryptParams & { readonly salt: Uint8Array; readonly hash: Uint8Array } {
  const m = typeof encoded === 'string' ? PHC.exec(encoded) : null;
  if (!m) throw new FormatError('not a $scrypt$ln=..,r=..,p=..$salt$hash string');
  const params = { N: 2 ** Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  try {
    checkParams(params);
    const salt = base64Decode(m[4]!);
    const hash = base64Decode(m[5]!);
    if (hash.length !== HASH_LENGTH || salt.length < 4) throw new FormatError('bad salt or hash length');
    return { ...params, salt, hash };
  } catch (error) {
    if (error instanceof FormatError) throw error;
    if (error instanceof CryptoError) throw new FormatError(`malformed password hash (${error.message})`);
    throw error;
  }
}

/**
 * True when `password` matches the stored PHC string (constant-time comparison). Throws FormatError
 * for a malformed stored string, InvalidArgumentError for a non-string password.
 */
export async function verifyPassword(
  password: string,
  encoded: string,
  options: Omit<PasswordHashOptions, 'params' | 'backend'> = {},
): Promise<boolean> {
  if (typeof password !== 'string') throw new InvalidArgumentError('password must be a string');
  const { salt, hash, N, r, p } = parsePasswordHash(encoded);
  const pw = utf8Encode(password.normalize('NFKC'));
  try {
    const candidate = await runScrypt(pw, salt, { N, r, p }, options.implementation ?? 'auto');
    const ok = constantTimeEqual(candidate, hash);
    candidate.fill(0);
    return ok;
  } finally {
    pw.fill(0);
  }
}

/** True when a stored hash uses weaker parameters than `params` (default OWASP): rehash at next login. Throws FormatError. */
export function needsRehash(encoded: string, params: ScryptParams = OWASP_SCRYPT): boolean {
  const stored = parsePasswordHash(encoded);
  return stored.N < params.N || stored.r < params.r || stored.p < params.p;
}
