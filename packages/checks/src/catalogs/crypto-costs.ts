/**
 * Crypto knowledge besides the cipher catalog (`crypto-apis.ts`: ciphers, random sources,
 * deterministic APIs): which ciphers and hashes are weak, where each KDF, password hash and key
 * generator takes its cost, the minimums of the OWASP Password Storage Cheat Sheet, and where HMAC,
 * JWT and cookie-signing APIs take their key. Data only; no-weak-crypto and no-hardcoded-secret
 * read it.
 */
import type { CipherFamily } from './crypto-apis.js';

/** Ciphers broken or with 64-bit blocks (Sweet32): DES, 3DES, RC2, RC4, Blowfish, CAST5, IDEA, SEED. Matches an algorithm name. */
export const WEAK_CIPHER_PATTERN =
  /^(?:id-)?(?:des|des3|des-ede3?|3des|tripledes|rc2|rc4|arcfour|bf|blowfish|cast5?|cast-128|idea|seed)(?:$|[-_])/i;

/** Hash algorithms with practical collisions, lower-case as node spells them. */
export const BROKEN_HASH_ALGORITHMS: ReadonlySet<string> = new Set([
  'md4',
  'md5',
  'sha1',
  'sha-1',
  'ripemd',
  'ripemd160',
  'rsa-md5',
  'rsa-sha1',
]);

/** AEAD families that authenticate with a tag, which decryption must check. */
export const AEAD_CIPHER_FAMILIES: ReadonlySet<CipherFamily> = new Set(['GCM', 'CCM', 'OCB', 'ChaCha20-Poly1305']);

/** Modules whose default export (`path: []`) or named member is an MD5 or SHA-1 function. */
export const BROKEN_HASH_FUNCTIONS: readonly {
  readonly module: string;
  readonly path: readonly string[];
  readonly name: string;
}[] = [
  { module: 'md5', path: [], name: 'MD5' },
  { module: 'blueimp-md5', path: [], name: 'MD5' },
  { module: 'crypto-js/md5', path: [], name: 'MD5' },
  { module: 'crypto-js/sha1', path: [], name: 'SHA-1' },
  { module: 'crypto-js', path: ['MD5'], name: 'MD5' },
  { module: 'crypto-js', path: ['SHA1'], name: 'SHA-1' },
  { module: '@noble/hashes/legacy', path: ['md5'], name: 'MD5' },
  { module: '@noble/hashes/legacy', path: ['sha1'], name: 'SHA-1' },
  { module: 'sha1', path: [], name: 'SHA-1' },
];

/** OWASP PBKDF2 minimum iterations by HMAC digest (node spelling: `sha256`). */
export const PBKDF2_MIN_ITERATIONS: Readonly<Record<string, number>> = {
  sha1: 1_300_000,
  sha256: 600_000,
  sha512: 210_000,
  sha384: 210_000,
  sha224: 600_000,
};

/** OWASP scrypt settings of equal strength (r = 8): N and the parallelism that goes with it. Any row met is enough. */
export const SCRYPT_ACCEPTED: readonly { readonly N: number; readonly p: number }[] = [
  { N: 2 ** 17, p: 1 },
  { N: 2 ** 16, p: 2 },
  { N: 2 ** 15, p: 3 },
  { N: 2 ** 14, p: 5 },
  { N: 2 ** 13, p: 10 },
];
/** The smallest accepted scrypt block size `r`. */
export const SCRYPT_MIN_BLOCK_SIZE = 8;
/** Node's scrypt defaults: N = 16384, r = 8, p = 1. */
export const SCRYPT_DEFAULTS = { N: 16_384, r: 8, p: 1 } as const;
/** Option names of node's scrypt parameters, with their aliases (`cost` is `N`). */
export const SCRYPT_OPTION_NAMES = { N: ['N', 'cost'], r: ['r', 'blockSize'], p: ['p', 'parallelization'] } as const;

/** OWASP argon2id settings of equal strength: memory in KiB and the iterations that go with it. Any row met is enough. */
export const ARGON2_ACCEPTED: readonly { readonly m: number; readonly t: number }[] = [
  { m: 47_104, t: 1 },
  { m: 19_456, t: 2 },
  { m: 12_288, t: 3 },
  { m: 9_216, t: 4 },
  { m: 7_168, t: 5 },
];
/** Option names of argon2 memory (KiB) and time cost, in node-argon2 and @node-rs/argon2 alike. */
export const ARGON2_OPTION_NAMES = { m: 'memoryCost', t: 'timeCost' } as const;

/** Where a cost-taking API reads its cost. */
export type CostedApi =
  /** `pbkdf2(password, salt, iterations, keylen, digest, cb)`. */
  | { readonly kind: 'pbkdf2'; readonly iterationsIndex: number; readonly digestIndex: number }
  /** `scrypt(password, salt, keylen, options?, cb)`: options named in {@link SCRYPT_OPTION_NAMES}. */
  | { readonly kind: 'scrypt'; readonly optionsIndex: number }
  /** `argon2.hash(password, options?)`: options named in {@link ARGON2_OPTION_NAMES}; `defaults` when absent (library defaults meet the minimum). */
  | {
      readonly kind: 'argon2';
      readonly optionsIndex: number;
      readonly defaults: { readonly m: number; readonly t: number };
    }
  /** `bcrypt.hash(password, rounds)`, `bcrypt.genSalt(rounds)`: the cost is log2 rounds. */
  | { readonly kind: 'bcrypt'; readonly costIndex: number }
  /** `generateKeyPair(type, { modulusLength })`: RSA/DSA modulus length in bits. */
  | {
      readonly kind: 'key-pair';
      readonly typeIndex: number;
      readonly optionsIndex: number;
      readonly lengthProperty: string;
    }
  /** `forge.pki.rsa.generateKeyPair(bits | { bits })`: an RSA modulus length in bits, or an options object. */
  | { readonly kind: 'rsa-bits'; readonly bitsIndex: number; readonly bitsProperty: string };

/** KDFs, password hashes and key generators whose cost no-weak-crypto checks, by module and member path. */
export const COSTED_APIS: readonly {
  readonly module: string;
  readonly paths: readonly string[];
  readonly api: CostedApi;
}[] = [
  {
    module: 'node:crypto',
    paths: ['pbkdf2', 'pbkdf2Sync'],
    api: { kind: 'pbkdf2', iterationsIndex: 2, digestIndex: 4 },
  },
  { module: 'node:crypto', paths: ['scrypt', 'scryptSync'], api: { kind: 'scrypt', optionsIndex: 3 } },
  {
    module: 'node:crypto',
    paths: ['generateKeyPair', 'generateKeyPairSync'],
    api: { kind: 'key-pair', typeIndex: 0, optionsIndex: 1, lengthProperty: 'modulusLength' },
  },
  // node-argon2 defaults to 64 MiB and 3 passes, @node-rs/argon2 to 19 MiB and 2 passes.
  {
    module: 'argon2',
    paths: ['hash', 'hashSync', 'hashRaw'],
    api: { kind: 'argon2', optionsIndex: 1, defaults: { m: 65_536, t: 3 } },
  },
  {
    module: '@node-rs/argon2',
    paths: ['hash', 'hashSync', 'hashRaw'],
    api: { kind: 'argon2', optionsIndex: 1, defaults: { m: 19_456, t: 2 } },
  },
  ...['bcrypt', 'bcryptjs'].flatMap((module) => [
    { module, paths: ['hash', 'hashSync'], api: { kind: 'bcrypt', costIndex: 1 } as const },
    { module, paths: ['genSalt', 'genSaltSync'], api: { kind: 'bcrypt', costIndex: 0 } as const },
  ]),
  {
    module: 'node-forge',
    paths: ['pki.rsa.generateKeyPair', 'rsa.generateKeyPair'],
    api: { kind: 'rsa-bits', bitsIndex: 0, bitsProperty: 'bits' },
  },
];

/**
 * Key and secret arguments besides the cipher catalog's key slots: HMAC keys, JWT secrets, cookie
 * signing secrets, session passwords, crypto-js passphrases. `path` is the member path below the
 * module's export (`''`: the export itself; `Class#method` for a method of an instance the call chain
 * constructs, `new SignJWT(…).setExpirationTime('2h').sign(key)`); `property` is set when the key is
 * a property of an options-object argument; `envName` names the environment variable a fix reads the
 * key from. A Fastify plugin's options are its `register(plugin, options)` argument 1.
 */
export const SECRET_KEY_ARGUMENTS: readonly {
  readonly module: string;
  readonly path: string;
  readonly index: number;
  readonly property?: string;
  readonly envName: string;
  /** A login password (database, cache, mail server): its local development defaults (`postgres`, `root`) are placeholders. */
  readonly login?: boolean;
}[] = [
  { module: 'express-session', path: '', index: 0, property: 'secret', envName: 'SESSION_SECRET' },
  { module: 'cookie-session', path: '', index: 0, property: 'secret', envName: 'SESSION_SECRET' },
  { module: 'passport-jwt', path: 'Strategy', index: 0, property: 'secretOrKey', envName: 'JWT_SECRET' },
  { module: 'express-jwt', path: 'expressjwt', index: 0, property: 'secret', envName: 'JWT_SECRET' },
  { module: 'express-jwt', path: '', index: 0, property: 'secret', envName: 'JWT_SECRET' },
  { module: '@fastify/jwt', path: '', index: 1, property: 'secret', envName: 'JWT_SECRET' },
  { module: '@fastify/cookie', path: '', index: 1, property: 'secret', envName: 'COOKIE_SECRET' },
  { module: 'node:crypto', path: 'createHmac', index: 1, envName: 'HMAC_KEY' },
  { module: 'node:crypto', path: 'createSecretKey', index: 0, envName: 'SECRET_KEY' },
  { module: 'jsonwebtoken', path: 'sign', index: 1, envName: 'JWT_SECRET' },
  { module: 'jsonwebtoken', path: 'verify', index: 1, envName: 'JWT_SECRET' },
  { module: 'cookie-parser', path: '', index: 0, envName: 'COOKIE_SECRET' },
  { module: 'cookie-signature', path: 'sign', index: 1, envName: 'COOKIE_SECRET' },
  { module: 'cookie-signature', path: 'unsign', index: 1, envName: 'COOKIE_SECRET' },
  { module: 'cookie-session', path: '', index: 0, property: 'keys', envName: 'SESSION_KEYS' },
  { module: 'koa-session', path: '', index: 0, property: 'secret', envName: 'SESSION_SECRET' },
  { module: 'koa-jwt', path: '', index: 0, property: 'secret', envName: 'JWT_SECRET' },
  { module: '@fastify/session', path: '', index: 1, property: 'secret', envName: 'SESSION_SECRET' },
  { module: '@fastify/secure-session', path: '', index: 1, property: 'secret', envName: 'SESSION_SECRET' },
  { module: '@fastify/secure-session', path: '', index: 1, property: 'key', envName: 'SESSION_KEY' },
  { module: 'jwt-simple', path: 'encode', index: 1, envName: 'JWT_SECRET' },
  { module: 'jwt-simple', path: 'decode', index: 1, envName: 'JWT_SECRET' },
  { module: 'jose', path: 'jwtVerify', index: 1, envName: 'JWT_SECRET' },
  { module: 'jose', path: 'SignJWT#sign', index: 0, envName: 'JWT_SECRET' },
  { module: 'hono/jwt', path: 'jwt', index: 0, property: 'secret', envName: 'JWT_SECRET' },
  { module: 'hono/jwt', path: 'sign', index: 1, envName: 'JWT_SECRET' },
  { module: 'hono/jwt', path: 'verify', index: 1, envName: 'JWT_SECRET' },
  { module: 'hono/utils/jwt/jwt', path: 'sign', index: 1, envName: 'JWT_SECRET' },
  { module: 'hono/cookie', path: 'setSignedCookie', index: 3, envName: 'COOKIE_SECRET' },
  { module: 'hono/cookie', path: 'getSignedCookie', index: 1, envName: 'COOKIE_SECRET' },
  { module: '@nestjs/jwt', path: 'JwtModule.register', index: 0, property: 'secret', envName: 'JWT_SECRET' },
  { module: '@nestjs/jwt', path: 'JwtService', index: 0, property: 'secret', envName: 'JWT_SECRET' },
  // `this.jwtService.sign(payload, { secret })` on the injected service.
  ...['sign', 'signAsync', 'verify', 'verifyAsync'].map((method) => ({
    module: '@nestjs/jwt',
    path: `JwtService#${method}`,
    index: 1,
    property: 'secret',
    envName: 'JWT_SECRET',
  })),
  // Auth.js / NextAuth: `NextAuth(options)`, `NextAuth(req, res, options)`, `getToken({ req, secret })`.
  ...[0, 2].map((index) => ({
    module: 'next-auth',
    path: '',
    index,
    property: 'secret',
    envName: 'NEXTAUTH_SECRET',
  })),
  { module: 'next-auth/jwt', path: 'getToken', index: 0, property: 'secret', envName: 'NEXTAUTH_SECRET' },
  { module: 'next-auth/jwt', path: 'encode', index: 0, property: 'secret', envName: 'NEXTAUTH_SECRET' },
  { module: 'next-auth/jwt', path: 'decode', index: 0, property: 'secret', envName: 'NEXTAUTH_SECRET' },
  { module: '@auth/core', path: 'Auth', index: 1, property: 'secret', envName: 'AUTH_SECRET' },
  { module: '@auth/express', path: 'ExpressAuth', index: 0, property: 'secret', envName: 'AUTH_SECRET' },
  { module: '@auth/sveltekit', path: 'SvelteKitAuth', index: 0, property: 'secret', envName: 'AUTH_SECRET' },
  // iron-session v8 `getIronSession(cookies(), options)`, v6/v7 `getIronSession(req, res, options)`.
  ...['getIronSession', 'sealData', 'unsealData'].flatMap((path) =>
    [1, 2].map((index) => ({ module: 'iron-session', path, index, property: 'password', envName: 'SESSION_PASSWORD' })),
  ),
  ...['withIronSessionApiRoute', 'withIronSessionSsr'].map((path) => ({
    module: 'iron-session/next',
    path,
    index: 1,
    property: 'password',
    envName: 'SESSION_PASSWORD',
  })),
  ...['AES', 'DES', 'TripleDES', 'Rabbit', 'RC4'].flatMap((cipher) =>
    ['encrypt', 'decrypt'].map((op) => ({
      module: 'crypto-js',
      path: `${cipher}.${op}`,
      index: 1,
      envName: 'ENCRYPTION_KEY',
    })),
  ),
  ...['HmacSHA256', 'HmacSHA512', 'HmacSHA1', 'HmacMD5'].map((fn) => ({
    module: 'crypto-js',
    path: fn,
    index: 1,
    envName: 'HMAC_KEY',
  })),
  // Login passwords of database, cache and mail clients (a nested option is a dotted `property`).
  ...['Pool', 'Client'].map((path) => ({
    module: 'pg',
    path,
    index: 0,
    property: 'password',
    envName: 'DB_PASSWORD',
    login: true,
  })),
  ...['mysql', 'mysql2', 'mysql2/promise'].flatMap((module) =>
    ['createConnection', 'createPool'].map((path) => ({
      module,
      path,
      index: 0,
      property: 'password',
      envName: 'DB_PASSWORD',
      login: true,
    })),
  ),
  { module: 'sequelize', path: 'Sequelize', index: 2, envName: 'DB_PASSWORD', login: true },
  { module: 'typeorm', path: 'DataSource', index: 0, property: 'password', envName: 'DB_PASSWORD', login: true },
  { module: 'knex', path: '', index: 0, property: 'connection.password', envName: 'DB_PASSWORD', login: true },
  { module: 'ioredis', path: '', index: 0, property: 'password', envName: 'REDIS_PASSWORD', login: true },
  { module: 'redis', path: 'createClient', index: 0, property: 'password', envName: 'REDIS_PASSWORD', login: true },
  {
    module: 'nodemailer',
    path: 'createTransport',
    index: 0,
    property: 'auth.pass',
    envName: 'SMTP_PASSWORD',
    login: true,
  },
];

/** Properties of a library's instance that hold its signing keys: Koa's `app.keys = ['…']`. */
export const SECRET_KEY_PROPERTIES: readonly {
  readonly module: string;
  /** The class below the module's export (`''`: the default export). */
  readonly path: string;
  readonly property: string;
  readonly envName: string;
}[] = [{ module: 'koa', path: '', property: 'keys', envName: 'APP_KEYS' }];

/**
 * Option types whose key property is a signing secret or session password, for objects written
 * apart from the call that takes them: `export const authOptions: NextAuthOptions = { secret }`,
 * `{ password, cookieName } satisfies SessionOptions`. Matched by the type's name as written.
 */
export const SECRET_KEY_OPTION_TYPES: readonly {
  readonly typeName: string;
  readonly properties: readonly string[];
  readonly envName: string;
}[] = [
  { typeName: 'NextAuthOptions', properties: ['secret'], envName: 'NEXTAUTH_SECRET' },
  { typeName: 'AuthOptions', properties: ['secret'], envName: 'NEXTAUTH_SECRET' },
  { typeName: 'NextAuthConfig', properties: ['secret'], envName: 'AUTH_SECRET' },
  { typeName: 'AuthConfig', properties: ['secret'], envName: 'AUTH_SECRET' },
  // iron-session's `SessionOptions` (password) and express-session's (secret).
  { typeName: 'SessionOptions', properties: ['password', 'secret'], envName: 'SESSION_SECRET' },
  { typeName: 'IronSessionOptions', properties: ['password'], envName: 'SESSION_PASSWORD' },
  { typeName: 'JwtModuleOptions', properties: ['secret'], envName: 'JWT_SECRET' },
];
