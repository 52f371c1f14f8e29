import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/index.js';

// The first typed case builds a TypeScript program: slow on a busy machine.

const rule = rules['no-iv-reuse']!;
const ruleTester = new RuleTester();

const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url));
const typed = { languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixturesDir } } };

const NODE =
  "import { createCipheriv, createDecipheriv, randomBytes, randomFillSync, createHash } from 'node:crypto';\n";
const NODE_NO_RANDOM = "import { createCipheriv } from 'node:crypto';\n";
const NOBLE =
  "import { gcm, cbc, gcmsiv } from '@noble/ciphers/aes.js';\nimport { chacha20poly1305, xchacha20poly1305 } from '@noble/ciphers/chacha.js';\nimport { randomBytes, managedNonce } from '@noble/ciphers/utils.js';\n";

interface Expected {
  messageId: string;
  line: number;
  column: number;
  endColumn: number;
  suggestions?: { messageId: string; output: string }[];
}

/** The error expected at the `nth` occurrence of `snippet` in `code`, with its exact location. */
function at(code: string, messageId: string, snippet: string, nth = 1, suggestion?: string): Expected {
  // Whole-word occurrences only, so `iv` does not match inside `createCipheriv`.
  const escaped = snippet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const matches = [...code.matchAll(new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`, 'g'))];
  const index = matches[nth - 1]?.index ?? -1;
  if (index < 0) throw new Error(`snippet not found: ${snippet}`);
  const before = code.slice(0, index).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const expected: Expected = { messageId, line, column, endColumn: column + snippet.length };
  expected.suggestions =
    suggestion === undefined
      ? []
      : [
          {
            messageId: 'useRandomNonce',
            output: code.slice(0, index) + suggestion + code.slice(index + snippet.length),
          },
        ];
  return expected;
}

/** An invalid case: `code` with the errors listed. */
function bad(code: string, ...errors: Expected[]) {
  return { code, errors };
}

ruleTester.run('no-iv-reuse', rule, {
  valid: [
    // A fresh random nonce declared inside a loop body is fresh on every iteration.
    `${NODE}export function sealAll(key: Buffer, items: string[]) { for (const item of items) { const iv = randomBytes(12); createCipheriv('aes-256-gcm', key, iv).update(item); } }`,
    `${NODE}export function sealAll(key: Buffer, items: string[]) { for (let i = 0; i < items.length; i++) { const iv = randomBytes(12); createCipheriv('aes-256-gcm', key, iv).update(items[i]!); } }`,
    `${NODE}export function drain(key: Buffer, queue: string[]) { while (queue.length > 0) { const nonce = randomBytes(12); createCipheriv('aes-256-gcm', key, nonce).update(queue.pop()!); } }`,
    `${NODE}export function sealAll(key: Buffer, items: string[]) { for (const item of items) { var iv = randomBytes(12); createCipheriv('aes-256-gcm', key, iv).update(item); } }`,
    `${NODE}for (const item of items) { const iv = randomBytes(12); createCipheriv('aes-256-gcm', key, iv).update(item); }`,
    // A fresh random nonce per encryption, in every spelling.
    `${NODE}export function seal(key: Buffer, pt: Buffer) { const iv = randomBytes(12); return createCipheriv('aes-256-gcm', key, iv); }`,
    `${NODE}export function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, randomBytes(12)); }`,
    `${NODE}export function seal(key: Buffer) { const iv = Buffer.alloc(12); randomFillSync(iv); return createCipheriv('aes-256-gcm', key, iv); }`,
    "import crypto from 'node:crypto';\nexport function seal(key: Buffer) { return crypto.createCipheriv('aes-256-ctr', key, crypto.randomBytes(16)); }",
    "const crypto = require('crypto');\nfunction seal(key) { return crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16)); }",
    'export async function seal(key: CryptoKey, data: Uint8Array) { const iv = crypto.getRandomValues(new Uint8Array(12)); return crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, data); }',
    `${NOBLE}export function seal(key: Uint8Array, pt: Uint8Array) { const nonce = randomBytes(24); return xchacha20poly1305(key, nonce).encrypt(pt); }`,
    `${NOBLE}export function seal(key: Uint8Array, pt: Uint8Array) { return managedNonce(gcm)(key).encrypt(pt); }`,
    `${NODE}const ivFor = () => randomBytes(12);\nexport function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, ivFor()); }`,
    // Decryption reads the IV stored with the message, and is never flagged, not even with a constant IV.
    `${NODE}export function open(key: Buffer, payload: Buffer) { return createDecipheriv('aes-256-gcm', key, payload.subarray(0, 12)); }`,
    `${NODE}export function open(key: Buffer, rec: { iv: string }) { return createDecipheriv('aes-256-gcm', key, Buffer.from(rec.iv, 'base64')); }`,
    `${NODE}export function open(key: Buffer) { return createDecipheriv('aes-256-gcm', key, Buffer.alloc(12)); }`,
    'export function open(key: CryptoKey, data: Uint8Array) { return crypto.subtle.decrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, key, data); }',
    `${NOBLE}export function open(key: Uint8Array, ct: Uint8Array) { return gcm(key, new Uint8Array(12)).decrypt(ct); }`,
    `${NOBLE}export function open(key: Uint8Array, ct: Uint8Array) { const c = chacha20poly1305(key, new Uint8Array(12)); return c.decrypt(ct); }`,
    "import forge from 'node-forge';\nexport function open(key: string, iv: string) { const d = forge.cipher.createDecipher('AES-GCM', key); d.start({ iv }); }",
    // A nonce the caller passes in is unknown here: precision first.
    `${NODE}export function seal(key: Buffer, iv: Buffer) { return createCipheriv('aes-256-gcm', key, iv); }`,
    `${NODE}export function seal(key: Buffer, { iv }: { iv: Buffer }) { return createCipheriv('aes-256-gcm', key, iv); }`,
    // A helper that takes the IV, called with fresh ones or with a one-time key.
    `${NODE}function encrypt(data: string, key: Buffer, iv: Buffer) { return createCipheriv('aes-256-gcm', key, iv).update(data); }\nexport const seal = (key: Buffer) => encrypt('a', key, randomBytes(12));\nexport const once = () => encrypt('b', randomBytes(32), Buffer.alloc(12));`,
    // An import we cannot follow without type information.
    `${NODE}import { IV } from './iv.js';\nexport function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, IV); }`,
    // Not node:crypto's createCipheriv.
    "function createCipheriv(a: string, k: Buffer, iv: Buffer) { return a; }\ncreateCipheriv('aes-256-gcm', key, Buffer.alloc(12));",
    "import { createCipheriv } from './my-crypto.js';\nexport function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, Buffer.alloc(12)); }",
    // Modes without a nonce, or resistant to its reuse.
    `${NODE}export function seal(key: Buffer) { return createCipheriv('aes-256-ecb', key, null); }`,
    'export function seal(key: CryptoKey, data: Uint8Array) { return crypto.subtle.encrypt({ name: "RSA-OAEP" }, key, data); }',
    `${NOBLE}export function seal(key: Uint8Array, pt: Uint8Array) { return gcmsiv(key, new Uint8Array(12)).encrypt(pt); }`,
    // A one-time key: a fixed nonce under a key used once is fine.
    `${NODE}export function seal(pt: Buffer) { const dek = randomBytes(32); return createCipheriv('aes-256-gcm', dek, Buffer.alloc(12)); }`,
    // A key generated fresh per call, spelled `key`: a key-like name does not make it long-lived.
    `${NODE}export function seal(pt: Buffer) { const key = randomBytes(32); return createCipheriv('aes-256-gcm', key, Buffer.alloc(12)); }`,
    // A KMS data key is generated for this one encryption: a one-time key.
    `${NODE}import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function seal(pt: Buffer) { const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' })); return createCipheriv('aes-256-gcm', dk.Plaintext!, Buffer.alloc(12)); }`,
    `${NODE}declare const kms: { generateDataKey(p: object): { promise(): Promise<{ Plaintext: Buffer }> } };\nexport async function seal(pt: Buffer) { const { Plaintext } = await kms.generateDataKey({ KeyId: 'k' }).promise(); return createCipheriv('aes-256-gcm', Plaintext, Buffer.alloc(12)); }`,
    `${NODE}declare function generateDataKey(): Promise<{ plaintext: Buffer }>;\nconst FIXED = Buffer.alloc(12);\nexport async function seal(pt: Buffer) { const dataKey = await generateDataKey(); return createCipheriv('aes-256-gcm', dataKey.plaintext, FIXED); }`,
    // A key a salted KDF derives per call from a fresh salt: a fixed IV under it never meets another
    // message (Firebase's scrypt hash encrypts its signer key with AES-CTR and a zero IV by design).
    `import crypto from 'node:crypto';\nexport async function firebaseHash(password: string, config: { salt: string; signerKey: string; saltSeparator: string }) {\n  const decode = (s: string) => Buffer.from(s, 'base64');\n  const bSalt = Buffer.concat([decode(config.salt), decode(config.saltSeparator)]);\n  const derivedKey = await new Promise<Buffer>((resolve, reject) => {\n    crypto.scrypt(password, bSalt, 32, { N: 2 ** 14, r: 8, p: 1 }, (error, key) => {\n      if (error) reject(error);\n      else resolve(key);\n    });\n  });\n  const cipher = crypto.createCipheriv('aes-256-ctr', derivedKey, Buffer.alloc(16, 0));\n  return Buffer.concat([cipher.update(decode(config.signerKey)), cipher.final()]).toString('base64');\n}`,
    `${NODE}import { scryptSync } from 'node:crypto';\nexport function seal(password: string, pt: Buffer) { const salt = randomBytes(16); const key = scryptSync(password, salt, 32); return [salt, createCipheriv('aes-256-gcm', key, Buffer.alloc(12)).update(pt)]; }`,
    `import { createCipheriv, scrypt } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst scryptAsync = promisify(scrypt);\nexport async function seal(password: string, salt: Buffer) { const key = (await scryptAsync(password, salt, 32)) as Buffer; return createCipheriv('aes-256-ctr', key.subarray(0, 32), Buffer.alloc(16)); }`,
    // A random parameter default, and IVs from parameters that are no identifiers.
    `${NODE}export function seal(key: Buffer, iv = randomBytes(12)) { return createCipheriv('aes-256-gcm', key, iv); }`,
    `${NODE}export function seal(key: Buffer, ivHex: string) { return createCipheriv('aes-256-gcm', key, Buffer.from(ivHex.padStart(24, '0'), 'hex')); }`,
    `${NODE}export function seal(key: Buffer, messageId: string) { return createCipheriv('aes-256-gcm', key, createHash('sha256').update(messageId).digest().subarray(0, 12)); }`,
    `${NODE}export function seal(key: Buffer, pt: string, token: string) { return createCipheriv('aes-256-gcm', key, createHash('sha256').update(token).digest().subarray(0, 12)); }`,
    // Decryption of a per-user IV is the encryption's finding, not the decryption's.
    `${NODE}export function open(key: Buffer, userId: string) { return createDecipheriv('aes-256-cbc', key, Buffer.from(userId.padEnd(16, '0'))); }`,
    // The same IV in two branches: only one encryption runs.
    `${NODE}export function seal(key: Buffer, fast: boolean) { const iv = randomBytes(16); if (fast) { return createCipheriv('aes-256-ctr', key, iv); } else { return createCipheriv('aes-256-cbc', key, iv); } }`,
    `${NODE}export function seal(key: Buffer, legacy: boolean) { const iv = randomBytes(16); if (legacy) { return createCipheriv('aes-256-cbc', key, iv); } return createCipheriv('aes-256-cbc', key, iv); }`,
    `${NODE}export function seal(key: Buffer, legacy: boolean) { const iv = randomBytes(16); if (legacy) return createCipheriv('aes-256-cbc', key, iv); return createCipheriv('aes-256-cbc', key, iv); }`,
    // Encrypt and decrypt with the same IV (a round trip) is no reuse.
    `${NODE}export function roundTrip(key: Buffer) { const iv = randomBytes(12); const c = createCipheriv('aes-256-gcm', key, iv); const d = createDecipheriv('aes-256-gcm', key, iv); return [c, d]; }`,
    // One IV under two different keys is no reuse by default.
    `${NODE}export function twice(k1: Buffer, k2: Buffer) { const iv = randomBytes(12); return [createCipheriv('aes-256-gcm', k1, iv), createCipheriv('aes-256-gcm', k2, iv)]; }`,
    // Module-level code runs once: one random IV for one top-level encryption.
    `${NODE}declare const key: Buffer;\nconst iv = randomBytes(12);\nexport const cipher = createCipheriv('aes-256-gcm', key, iv);`,
    // A script's entry point runs once per load: its one encryption reads the module-level IV once.
    `${NODE}declare const key: Buffer;\nconst iv = randomBytes(12);\nasync function main() { return createCipheriv('aes-256-gcm', key, iv); }\nmain().catch(() => undefined);`,
    // A module-level variable refreshed before each use; a field refreshed in the method.
    `${NODE}let iv: Buffer;\nexport function seal(key: Buffer) { iv = randomBytes(12); return createCipheriv('aes-256-gcm', key, iv); }`,
    `${NODE}export class Sealer { private iv = randomBytes(12); seal(key: Buffer) { this.iv = randomBytes(12); return createCipheriv('aes-256-gcm', key, this.iv); } }`,
    // A Promise executor runs once.
    `${NODE}export function seal(key: Buffer) { const iv = randomBytes(12); return new Promise((resolve) => resolve(createCipheriv('aes-256-gcm', key, iv))); }`,
    // node's IV-less createCipher is no-weak-crypto's finding, not reported twice.
    "import crypto from 'node:crypto';\nexport function seal(password: string) { return crypto.createCipher('aes-256-cbc', password); }",
    // One nonce per loop run, but each run brings its own key: no key sees the nonce twice.
    `${NODE}export function sealForAll(keys: Buffer[], pt: string) { const iv = randomBytes(12); return keys.map((key) => createCipheriv('aes-256-gcm', key, iv).update(pt)); }`,
    `${NODE}export function sealForAll(keys: Buffer[], pt: string) { const iv = randomBytes(12); for (const key of keys) createCipheriv('aes-256-gcm', key, iv).update(pt); }`,
    `${NODE}declare const keys: Buffer[];\nconst NONCE = randomBytes(12);\nfor (const key of keys) createCipheriv('aes-256-gcm', key, NONCE);`,
    // Options.
    {
      code: `${NODE}let n = 0;\nexport function seal(key: Buffer) { const iv = Buffer.alloc(12); iv.writeUInt32BE(n++, 8); return createCipheriv('aes-256-gcm', key, iv); }`,
      options: [{ allowCounters: true }],
    },
    {
      code: `${NODE}export function seal(key: Buffer) { return createCipheriv('aes-256-cbc', key, Buffer.alloc(16)); }`,
      options: [{ checkCbc: false }],
    },
    {
      code: `${NOBLE}export function seal(key: Uint8Array, pt: Uint8Array) { return cbc(key, new Uint8Array(16)).encrypt(pt); }`,
      options: [{ checkCbc: false }],
    },
    // Typed: a function in another module that returns a fresh IV per call.
    {
      code: `${NODE}import { freshIv } from './no-iv-reuse/iv.js';\nexport function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, freshIv()); }`,
      ...typed,
    },
  ],
  invalid: [
    // A KDF key under a constant salt, or a salt from a stable identifier, is the same key every time.
    (() => {
      const code = `import { createCipheriv, scryptSync } from 'node:crypto';\nexport function seal(password: string) { const key = scryptSync(password, 'app-salt', 32); return createCipheriv('aes-256-gcm', key, Buffer.alloc(12)); }`;
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(12)'));
    })(),
    (() => {
      const code = `import { createCipheriv, pbkdf2Sync } from 'node:crypto';\nexport function seal(secret: string, userId: string) { const key = pbkdf2Sync(secret, userId, 600000, 32, 'sha256'); return createCipheriv('aes-256-gcm', key, Buffer.alloc(12)); }`;
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(12)'));
    })(),
    // Constants, inline: with a suggestion where randomBytes is importable.
    (() => {
      const code = `${NODE}export function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, Buffer.alloc(12)); }`;
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(12)', 1, 'randomBytes(12)'));
    })(),
    (() => {
      const code = `${NODE_NO_RANDOM}export function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, Buffer.alloc(12, 0)); }`;
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(12, 0)'));
    })(),
    (() => {
      const code =
        "import crypto from 'crypto';\nexport function seal(key: Buffer) { return crypto.createCipheriv('aes-256-gcm', key, Buffer.from('0123456789ab')); }";
      return bad(code, at(code, 'constantNonce', "Buffer.from('0123456789ab')", 1, 'crypto.randomBytes(12)'));
    })(),
    (() => {
      const code =
        "import * as nodeCrypto from 'node:crypto';\nexport function seal(key: Buffer) { return nodeCrypto.createCipheriv('aes-128-ctr', key, new Uint8Array(16)); }";
      return bad(code, at(code, 'constantNonce', 'new Uint8Array(16)', 1, 'nodeCrypto.randomBytes(16)'));
    })(),
    (() => {
      const code =
        "const crypto = require('crypto');\nfunction seal(key) { return crypto.createCipheriv('aes-256-gcm', key, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])); }";
      return bad(
        code,
        at(
          code,
          'constantNonce',
          'new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])',
          1,
          'crypto.randomBytes(12)',
        ),
      );
    })(),
    (() => {
      const code =
        "const { createCipheriv: cc } = require('node:crypto');\nfunction seal(key) { return cc('chacha20-poly1305', key, Buffer.from('000102030405060708090a0b', 'hex'), { authTagLength: 16 }); }";
      return bad(code, at(code, 'constantNonce', "Buffer.from('000102030405060708090a0b', 'hex')"));
    })(),
    (() => {
      const code = `${NODE}const ALGORITHM = 'aes-256-gcm';\nconst ZERO_IV = Buffer.alloc(12);\nexport function seal(key: Buffer) { return createCipheriv(ALGORITHM, key, ZERO_IV); }`;
      return bad(code, at(code, 'constantNonce', 'ZERO_IV', 2));
    })(),
    (() => {
      const code = `${NODE}export function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, Buffer.from(process.env.TOKEN_IV!, 'hex')); }`;
      return bad(code, at(code, 'constantNonce', "Buffer.from(process.env.TOKEN_IV!, 'hex')", 1, 'randomBytes(12)'));
    })(),
    // An unknown algorithm still takes the IV.
    (() => {
      const code = `${NODE}export function seal(alg: string, key: Buffer) { return createCipheriv(alg, key, Buffer.alloc(16)); }`;
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(16)'));
    })(),
    // Computed once at module load.
    (() => {
      const code = `${NODE}const IV = randomBytes(12);\nexport function encryptToken(key: Buffer, token: string) { return createCipheriv('aes-256-gcm', key, IV).update(token); }`;
      return bad(code, at(code, 'moduleLevelNonce', 'IV', 2));
    })(),
    (() => {
      const code = `${NODE}const IV = randomBytes(16);\nexport const seal = (key: Buffer) => createCipheriv('aes-256-cbc', key, IV);`;
      return bad(code, at(code, 'moduleLevelNonce', 'IV', 2));
    })(),
    (() => {
      const code = `${NODE}declare const key: Buffer;\nconst NONCE = randomBytes(12);\nfor (const item of items) createCipheriv('aes-256-gcm', key, NONCE).update(item);`;
      return bad(code, at(code, 'moduleLevelNonce', 'NONCE', 2));
    })(),
    // Computed once per instance.
    (() => {
      const code = `${NODE}export class TokenSealer {\n  private iv = randomBytes(12);\n  seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, this.iv); }\n}`;
      return bad(code, at(code, 'instanceNonce', 'this.iv'));
    })(),
    (() => {
      const code = `${NODE}export class TokenSealer {\n  private readonly nonce: Buffer;\n  constructor(private key: Buffer) { this.nonce = randomBytes(12); }\n  seal() { return createCipheriv('aes-256-gcm', this.key, this.nonce); }\n}`;
      return bad(code, at(code, 'instanceNonce', 'this.nonce', 2));
    })(),
    // Computed once outside the loop, the array callback or the closure that repeats the encryption.
    (() => {
      const code = `${NODE}export function sealAll(key: Buffer, items: string[]) {\n  const iv = randomBytes(12);\n  for (const item of items) createCipheriv('aes-256-gcm', key, iv).update(item);\n}`;
      return bad(code, at(code, 'outerScopeNonce', 'iv', 2));
    })(),
    (() => {
      const code = `${NODE}export function sealAll(key: Buffer, items: string[]) {\n  const iv = randomBytes(12);\n  return items.map((item) => createCipheriv('aes-256-gcm', key, iv).update(item));\n}`;
      return bad(code, at(code, 'outerScopeNonce', 'iv', 2));
    })(),
    // Fresh per row, but reused by every cell of the inner loop.
    (() => {
      const code = `${NODE}export function sealAll(key: Buffer, rows: string[][]) {\n  for (const row of rows) {\n    const iv = randomBytes(12);\n    for (const cell of row) createCipheriv('aes-256-gcm', key, iv).update(cell);\n  }\n}`;
      return bad(code, at(code, 'outerScopeNonce', 'iv', 2));
    })(),
    (() => {
      const code = `${NODE}export function makeSealer(key: Buffer) {\n  const iv = randomBytes(12);\n  return (pt: string) => createCipheriv('aes-256-gcm', key, iv).update(pt);\n}`;
      return bad(code, at(code, 'outerScopeNonce', 'iv', 2));
    })(),
    // Derived from the key.
    (() => {
      const code = `${NODE}export function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, key.subarray(0, 12)); }`;
      return bad(code, at(code, 'derivedNonce', 'key.subarray(0, 12)'));
    })(),
    (() => {
      const code = `${NODE}export function seal(key: Buffer) { const iv = createHash('sha256').update(key).digest().subarray(0, 12); return createCipheriv('aes-256-gcm', key, iv); }`;
      return bad(code, at(code, 'derivedNonce', 'iv', 2));
    })(),
    // Clocks and counters.
    (() => {
      const code = `${NODE}export function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, Buffer.from(String(Date.now()).padStart(12, '0'))); }`;
      return bad(code, at(code, 'timeNonce', "Buffer.from(String(Date.now()).padStart(12, '0'))"));
    })(),
    (() => {
      const code = `${NODE}let counter = 0;\nexport function seal(key: Buffer) {\n  const iv = Buffer.alloc(12);\n  iv.writeUInt32BE(counter++, 8);\n  return createCipheriv('aes-256-gcm', key, iv);\n}`;
      return bad(code, at(code, 'counterNonce', 'iv', 3));
    })(),
    // The same nonce for two encryptions under one key.
    (() => {
      const code = `${NODE}export function sealPair(key: Buffer, a: string, b: string) {\n  const iv = randomBytes(12);\n  const c1 = createCipheriv('aes-256-gcm', key, iv);\n  const c2 = createCipheriv('aes-256-gcm', key, iv);\n  return [c1.update(a), c2.update(b)];\n}`;
      return bad(code, at(code, 'reusedNonce', 'iv', 3));
    })(),
    (() => {
      const code = `${NODE}export function seal(key: Buffer, log: boolean) {\n  const iv = randomBytes(12);\n  if (log) { createCipheriv('aes-256-gcm', key, iv); }\n  return createCipheriv('aes-256-gcm', key, iv);\n}`;
      return bad(code, at(code, 'reusedNonce', 'iv', 3));
    })(),
    (() => {
      const code = `${NODE}export function twice(k1: Buffer, k2: Buffer) {\n  const iv = randomBytes(12);\n  return [createCipheriv('aes-256-gcm', k1, iv), createCipheriv('aes-256-gcm', k2, iv)];\n}`;
      return { ...bad(code, at(code, 'reusedNonce', 'iv', 3)), options: [{ reuseAcrossKeys: true }] };
    })(),
    // A helper that takes the IV, judged at its calls in the same file.
    (() => {
      const code = `${NODE}function encrypt(data: string, key: Buffer, iv: Buffer) { return createCipheriv('aes-256-gcm', key, iv).update(data); }\nexport const sealA = (key: Buffer) => encrypt('a', key, randomBytes(12));\nexport const sealB = (key: Buffer) => encrypt('b', key, Buffer.alloc(12));`;
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(12)'));
    })(),
    (() => {
      const code = `${NODE}const STATIC_IV = randomBytes(16);\nconst encrypt = (key: Buffer, iv: Buffer = STATIC_IV) => createCipheriv('aes-256-cbc', key, iv);\nexport function seal(key: Buffer) { return encrypt(key); }\nexport function sealAgain(key: Buffer) { return encrypt(key); }`;
      return bad(code, at(code, 'moduleLevelNonce', 'STATIC_IV', 2));
    })(),
    // A constant parameter default is every caller's nonce: reported where it is written.
    (() => {
      const code = `${NODE}export function seal(key: Buffer, data: Buffer, iv = Buffer.alloc(12, 1)) {\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}`;
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(12, 1)'));
    })(),
    (() => {
      const code = `${NODE}const seal = (key: Buffer, iv: Buffer = Buffer.from('0123456789ab')) => createCipheriv('aes-256-gcm', key, iv);\nexport const a = (key: Buffer) => seal(key);\nexport const b = (key: Buffer) => seal(key);`;
      return bad(code, at(code, 'constantNonce', "Buffer.from('0123456789ab')"));
    })(),
    // Computed only from a stable identifier: the same nonce for every message about that user.
    (() => {
      const code = `${NODE}export function seal(key: Buffer, userId: string) {\n  const iv = Buffer.from(userId.padEnd(16, '0').slice(0, 16));\n  return createCipheriv('aes-256-cbc', key, iv);\n}`;
      return bad(code, at(code, 'identifierNonce', 'iv', 2));
    })(),
    (() => {
      const code = `${NODE}export function seal(key: Buffer, userId: string) {\n  const iv = createHash('md5').update(userId).digest();\n  return createCipheriv('aes-256-cbc', key, iv);\n}`;
      return bad(code, at(code, 'identifierNonce', 'iv', 2));
    })(),
    (() => {
      const code = `${NODE}export function seal(key: Buffer, user: { email: string }) { return createCipheriv('aes-256-gcm', key, createHash('sha256').update(user.email).digest().subarray(0, 12)); }`;
      return bad(code, at(code, 'identifierNonce', "createHash('sha256').update(user.email).digest().subarray(0, 12)"));
    })(),
    // A key KMS decrypts is long-lived, unlike a generated data key.
    (() => {
      const code = `${NODE}import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function seal(blob: Uint8Array) { const dk = await kms.send(new DecryptCommand({ CiphertextBlob: blob })); return createCipheriv('aes-256-gcm', dk.Plaintext!, Buffer.alloc(12)); }`;
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(12)', 1, 'randomBytes(12)'));
    })(),
    // WebCrypto, through every way of reaching subtle.
    (() => {
      const code =
        'export function seal(key: CryptoKey, data: Uint8Array) { return crypto.subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, key, data); }';
      return bad(
        code,
        at(code, 'constantNonce', 'new Uint8Array(12)', 1, 'crypto.getRandomValues(new Uint8Array(12))'),
      );
    })(),
    (() => {
      const code =
        'const IV = crypto.getRandomValues(new Uint8Array(12));\nexport function seal(key: CryptoKey, data: Uint8Array) { return globalThis.crypto.subtle.encrypt({ name: "AES-GCM", iv: IV }, key, data); }';
      return bad(code, at(code, 'moduleLevelNonce', 'IV', 2));
    })(),
    (() => {
      const code =
        'export function seal(key: CryptoKey, data: Uint8Array) { return window.crypto.subtle.encrypt({ name: "AES-CTR", counter: new Uint8Array(16), length: 64 }, key, data); }';
      return bad(
        code,
        at(code, 'constantNonce', 'new Uint8Array(16)', 1, 'crypto.getRandomValues(new Uint8Array(16))'),
      );
    })(),
    (() => {
      const code =
        'const { subtle } = globalThis.crypto;\nconst PARAMS = { name: "AES-CBC", iv: new Uint8Array(16) };\nexport function seal(key: CryptoKey, data: Uint8Array) { return subtle.encrypt(PARAMS, key, data); }';
      return bad(code, at(code, 'constantNonce', 'new Uint8Array(16)'));
    })(),
    (() => {
      const code =
        "import { webcrypto } from 'node:crypto';\nexport function seal(key: CryptoKey, data: Uint8Array) { return webcrypto.subtle.encrypt({ name: 'AES-GCM', iv: Buffer.alloc(12) }, key, data); }";
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(12)', 1, 'crypto.getRandomValues(new Uint8Array(12))'));
    })(),
    // @noble/ciphers.
    (() => {
      const code = `${NOBLE}export function seal(key: Uint8Array, pt: Uint8Array) { return gcm(key, new Uint8Array(12)).encrypt(pt); }`;
      return bad(code, at(code, 'constantNonce', 'new Uint8Array(12)', 1, 'randomBytes(12)'));
    })(),
    (() => {
      const code = `${NOBLE}export function seal(key: Uint8Array, pt: Uint8Array) { return xchacha20poly1305(key, new Uint8Array(24)).encrypt(pt); }`;
      return bad(code, at(code, 'constantNonce', 'new Uint8Array(24)', 1, 'randomBytes(24)'));
    })(),
    (() => {
      const code =
        "import { chacha20poly1305 } from '@noble/ciphers/chacha';\nimport { randomBytes } from '@noble/hashes/utils.js';\nconst NONCE = randomBytes(12);\nexport const seal = (key: Uint8Array, pt: Uint8Array) => chacha20poly1305(key, NONCE).encrypt(pt);";
      return bad(code, at(code, 'moduleLevelNonce', 'NONCE', 2));
    })(),
    (() => {
      const code = `${NOBLE}export function seal(key: Uint8Array, pt: Uint8Array) { const c = cbc(key, new Uint8Array(16)); return c.encrypt(pt); }`;
      return bad(code, at(code, 'constantNonce', 'new Uint8Array(16)', 1, 'randomBytes(16)'));
    })(),
    // node-forge: the IV goes to start().
    (() => {
      const code =
        "import forge from 'node-forge';\nconst IV = forge.random.getBytesSync(12);\nexport function seal(key: string) { const cipher = forge.cipher.createCipher('AES-GCM', key); cipher.start({ iv: IV }); return cipher; }";
      return bad(code, at(code, 'moduleLevelNonce', 'IV', 2));
    })(),
    // Typed: constants and once-computed values exported by another module.
    (() => {
      const code = `${NODE}import { IV } from './no-iv-reuse/iv.js';\nexport function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, IV); }`;
      return { ...bad(code, at(code, 'constantNonce', 'IV', 2)), ...typed };
    })(),
    (() => {
      const code = `${NODE}import { SESSION_NONCE } from './no-iv-reuse/iv.js';\nexport function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, SESSION_NONCE); }`;
      return { ...bad(code, at(code, 'moduleLevelNonce', 'SESSION_NONCE', 2)), ...typed };
    })(),
    (() => {
      const code = `${NODE}import { CipherSettings } from './no-iv-reuse/iv.js';\nexport function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, CipherSettings.iv); }`;
      return { ...bad(code, at(code, 'constantNonce', 'CipherSettings.iv', 1)), ...typed };
    })(),
    (() => {
      const code = `${NODE}import * as ivs from './no-iv-reuse/iv.js';\nexport function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, ivs.SESSION_NONCE); }`;
      return { ...bad(code, at(code, 'moduleLevelNonce', 'ivs.SESSION_NONCE')), ...typed };
    })(),
  ],
});

// Across functions (issue 14): a nonce handed to a helper that encrypts with it, through another function or module.
const SEAL_HERE = `${NODE}function seal(key: Buffer, iv: Buffer, data: string) { return createCipheriv('aes-256-gcm', key, iv).update(data); }\nfunction sealFor(key: Buffer, iv: Buffer, data: string) { return seal(key, iv, data); }\n`;
ruleTester.run('no-iv-reuse across functions', rule, {
  valid: [
    `${SEAL_HERE}sealFor(key, randomBytes(12), 'x');`,
    // The caller's own parameter: judged where its callers are.
    `${SEAL_HERE}export function wrap(key: Buffer, iv: Buffer) { return sealFor(key, iv, 'x'); }`,
    {
      code: "import { seal } from './summaries/sealing.js';\nimport { randomBytes } from 'node:crypto';\nseal(key, randomBytes(12), 'x');",
      ...typed,
    },
    // Untyped runs do not follow imports.
    "import { seal } from './summaries/sealing.js';\nseal(key, Buffer.alloc(12), 'x');",
  ],
  invalid: [
    (() => {
      const code = `${SEAL_HERE}sealFor(key, Buffer.alloc(12), 'x');`;
      return bad(code, at(code, 'constantNonce', 'Buffer.alloc(12)'));
    })(),
    (() => {
      const code = "import { seal } from './summaries/sealing.js';\nseal(key, Buffer.alloc(12), 'x');";
      return { ...bad(code, at(code, 'constantNonce', 'Buffer.alloc(12)')), ...typed };
    })(),
    (() => {
      const code =
        "import { Sealer } from './summaries/sealing.js';\ndeclare const sealer: Sealer;\nconst FIXED_IV = Buffer.from('000000000000000000000000', 'hex');\nsealer.seal(FIXED_IV, 'x');";
      return { ...bad(code, at(code, 'constantNonce', 'FIXED_IV', 2)), ...typed };
    })(),
  ],
});
