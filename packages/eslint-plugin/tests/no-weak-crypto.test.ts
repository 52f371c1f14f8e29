import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../src/index.js';
import { locate as at } from './support.js';

const rule = rules['no-weak-crypto']!;
const ruleTester = new RuleTester();

const NODE = "import crypto from 'node:crypto';\n";
const NAMED =
  "import { createHash, createCipheriv, createDecipheriv, pbkdf2Sync, scryptSync, generateKeyPairSync, randomBytes } from 'node:crypto';\n";

/** One invalid case with a single finding starting at `needle`. */
function finding(code: string, messageId: string, needle: string, options?: Record<string, unknown>) {
  return { code, ...(options ? { options: [options] } : {}), errors: [{ messageId, ...at(code, needle) }] };
}

ruleTester.run('no-weak-crypto', rule, {
  valid: [
    // The k-anonymity range query of a breached-password API mandates SHA-1: only a 5-character
    // prefix leaves, the suffix is matched against the answer, nothing is stored.
    {
      code: `${NAMED}export async function isPwned(password: string) {\n  const sha1 = createHash('sha1').update(password).digest('hex').toUpperCase();\n  const prefix = sha1.substring(0, 5);\n  const suffix = sha1.substring(5);\n  const body = await (await fetch(\`https://api.pwnedpasswords.com/range/\${prefix}\`)).text();\n  return body.includes(suffix);\n}`,
      options: [{ minConfidence: 'low' }],
    },
    // Modern ciphers.
    `${NODE}const c = crypto.createCipheriv('aes-256-gcm', key, iv);`,
    `${NAMED}const c = createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });`,
    `${NAMED}const c = createCipheriv('aes-256-cbc', key, iv);`,
    // A decipher that sets the tag, in the same function.
    `${NAMED}function open(key, iv, tag, data) {\n  const d = createDecipheriv('aes-256-gcm', key, iv);\n  d.setAuthTag(tag);\n  return Buffer.concat([d.update(data), d.final()]);\n}`,
    `${NAMED}function open(key, iv, blob) {\n  const d = createDecipheriv('aes-256-gcm', key, iv);\n  d.setAuthTag(blob.subarray(12, 28));\n  return d.update(blob.subarray(28));\n}`,
    // A decipher handed to the caller, who sets the tag.
    `${NAMED}function decipherFor(key, iv) {\n  return createDecipheriv('aes-256-gcm', key, iv);\n}`,
    `${NAMED}function open(key, iv, tag, data) {\n  const d = createDecipheriv('aes-256-gcm', key, iv);\n  return finish(d, tag, data);\n}`,
    // CBC decryption has no tag.
    `${NAMED}const d = createDecipheriv('aes-256-cbc', key, iv); d.update(x);`,
    // MD5 and SHA-1 for non-secrets: ETags, cache keys, file checksums.
    `${NAMED}const etag = createHash('md5').update(body).digest('hex');`,
    `${NAMED}const cacheKey = createHash('sha1').update(url).digest('base64url');`,
    `${NAMED}function checksum(file) { const h = createHash('md5'); h.update(file); return h.digest('hex'); }`,
    // SHA-256 of a high-entropy token is the right way to store it.
    `${NAMED}const tokenHash = createHash('sha256').update(token).digest('hex');`,
    // Same names, other modules: not node:crypto.
    "import { createHash } from './my-hash';\nconst h = createHash('md5').update(password);",
    // Strong KDF settings.
    `${NAMED}const k = pbkdf2Sync(password, salt, 600_000, 32, 'sha256');`,
    `${NAMED}const k = pbkdf2Sync(password, salt, 210000, 64, 'sha512');`,
    `${NAMED}const ITERATIONS = 1_300_000;\nconst k = pbkdf2Sync(password, salt, ITERATIONS, 20, 'sha1');`,
    `${NAMED}const k = pbkdf2Sync(password, salt, iterations, 32, 'sha256');`,
    `${NAMED}const k = scryptSync(password, salt, 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });`,
    `${NAMED}const k = scryptSync(password, salt, 64, { cost: 2 ** 16, blockSize: 8, parallelization: 2, maxmem: 2 ** 28 });`,
    `${NAMED}const k = scryptSync(password, salt, 64, scryptOptions);`,
    "import argon2 from 'argon2';\nconst h = await argon2.hash(password);",
    "import argon2 from 'argon2';\nconst h = await argon2.hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });",
    "import bcrypt from 'bcrypt';\nconst h = await bcrypt.hash(password, 12);",
    // homarr held-out: cost 10 meets OWASP's floor; `strict`'s 12 reports it at medium, never high.
    {
      code: "import bcrypt from 'bcrypt';\nconst h = await bcrypt.hash(password, 10);",
      options: [{ minBcryptCost: 12 }],
    },
    {
      code: `${NAMED}const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });`,
      options: [{ minRsaModulusLength: 3072 }],
    },
    "import bcrypt from 'bcryptjs';\nconst salt = bcrypt.genSaltSync(10);",
    `${NAMED}const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });`,
    `${NAMED}const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });`,
    "const key = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 4096, publicExponent, hash: 'SHA-256' }, true, ['encrypt']);",
    "const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, key, 256);",
    "const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 128 }, key, data);",
    "const digest = await crypto.subtle.digest('SHA-1', body);",
    `${NAMED}function etagFor(body: string) { return createHash('md5').update(body).digest('hex'); }`,
    // Tests lower costs on purpose.
    { code: "import bcrypt from 'bcrypt';\nconst h = await bcrypt.hash(password, 4);", filename: 'src/users.test.ts' },
    { code: `${NAMED}const k = pbkdf2Sync(password, salt, 1000, 32, 'sha256');`, filename: 'src/__tests__/kdf.ts' },
    // A key derived from a server secret, not a user password: iterations matter less (strict only).
    `${NAMED}const k = pbkdf2Sync(process.env.APP_SECRET, salt, 10000, 32, 'sha512');`,
    // Picking one element of a list is no generated secret.
    'const key = keys[Math.floor(Math.random() * keys.length)];',
    'const purpose = purposes[Math.floor(Math.random() * purposes.length)];\nconst keyName = `${purpose} Key`;',
    // Math.random for things that need no secrecy.
    'const jitterMs = Math.random() * 100;',
    'if (Math.random() < sampleRate) trace();',
    'const requestId = Math.random().toString(36).slice(2);',
    'function shuffle(items) { return items.sort(() => Math.random() - 0.5); }',
    'const tokenCount = Math.floor(Math.random() * 10);',
    'function generateColor() { return `hsl(${Math.random() * 360}, 80%, 50%)`; }',
    'function generateId() { return Math.random().toString(36).slice(2); }',
    'function generateCode(ast) { return print(ast, Math.random()); }',
    'const colorCode = Math.floor(Math.random() * 0xffffff);',
    // A `verifier` word alone is no PKCE verifier (`codeVerifier` is).
    'const verifierIndex = Math.floor(Math.random() * verifiers.length);',
    'const delayMs = base * 2 ** attempt + Math.random() * 250;',
    // A random cut point places a CSPRNG-made character; a salt that keeps names apart is no secret.
    'function generatePassword(length) {\n  let password = strongChars(length);\n  const insertAt = Math.floor(Math.random() * password.length);\n  password = password.slice(0, insertAt) + pick(SYMBOLS) + password.slice(insertAt);\n  return password;\n}',
    'function generateToken(t) {\n  const at = Math.floor(Math.random() * t.length);\n  t.splice(at, 0, randomByte());\n  return t.join("");\n}',
    'const nameSalt = Math.random().toString(36).substring(7);\nconst tempIndex = `temp-${Date.now()}-${nameSalt}-${indexName}`;',
    'const fileNonce = Math.random().toString(36).slice(2);',
    // `key` alone is a React, notification or map key unless it reaches a crypto call.
    "enqueueSnackbar({ message, options: { key: new Date().getTime() + Math.random(), variant: 'error' } });",
    'const key = `${Date.now()}-${Math.random()}`;\ncache.set(key, value);',
    'item.key = Math.random().toString(36).slice(2);',
    // A simulation's made-up token stands for none (medium, see the invalid cases).
    'const handleGenerateToken = () => {\n  if (isSimulation) {\n    setTimeout(() => {\n      const randomPart = Math.random().toString(36).slice(2);\n      setApiToken(`sim_${randomPart}`);\n    }, 1500);\n  }\n};',
    // Hashes of non-secret input stored under ordinary names.
    `${NAMED}const fingerprint = createHash('md5').update(JSON.stringify(body)).digest('hex');`,
    // AEAD encryption (not decryption) needs no setAuthTag; CBC is not weak here (no-iv-reuse looks at IVs).
    `${NAMED}function seal(key, data) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return [iv, c.update(data), c.final(), c.getAuthTag()];\n}`,
    // A non-crypto `Math` object.
    "import { Math } from './math';\nconst token = Math.random();",
  ],
  invalid: [
    finding(`${NODE}const cipher = crypto.createCipher('aes-256-cbc', password);`, 'derivedIv', 'crypto.createCipher'),
    finding(
      "const { createDecipher } = require('crypto');\nconst d = createDecipher('aes192', secret);",
      'derivedIv',
      "createDecipher('",
    ),
    finding(`${NAMED}const c = createCipheriv('aes-128-ecb', key, null);`, 'ecbMode', "'aes-128-ecb'"),
    finding(`${NAMED}const MODE = 'des-ecb';\nconst c = createCipheriv(MODE, key, null);`, 'weakCipher', 'MODE,'),
    finding(`${NAMED}const c = createCipheriv('des-ede3-cbc', key, iv);`, 'weakCipher', "'des-ede3-cbc'"),
    finding(`${NAMED}const c = createCipheriv('rc4', key, '');`, 'weakCipher', "'rc4'"),
    finding(`${NAMED}const c = createCipheriv('bf-cbc', key, iv);`, 'weakCipher', "'bf-cbc'"),
    finding("import { ecb } from '@noble/ciphers/aes';\nconst c = ecb(key).encrypt(data);", 'ecbMode', 'ecb(key)'),
    finding(
      "import forge from 'node-forge';\nconst c = forge.cipher.createCipher('3DES-CBC', key);",
      'weakCipher',
      "'3DES-CBC'",
    ),
    // MD5 / SHA-1 over secrets.
    // A digest also used whole (stored, compared) is no range query, however it is sliced too.
    finding(
      `${NAMED}export function keep(password: string) {\n  const sha1 = createHash('sha1').update(password).digest('hex');\n  send(sha1.slice(0, 5));\n  return save(sha1);\n}\ndeclare function send(p: string): void;\ndeclare function save(p: string): void;`,
      'weakHashForSecret',
      "createHash('sha1')",
    ),
    finding(
      `${NAMED}export function key(password: string) {\n  const sha1 = createHash('sha1').update(password).digest('hex');\n  return sha1.slice(0, 32);\n}`,
      'weakHashForSecret',
      "createHash('sha1')",
    ),
    finding(
      `${NAMED}const hashed = createHash('md5').update(password).digest('hex');`,
      'weakHashForSecret',
      "createHash('md5')",
    ),
    finding(
      `${NAMED}function store(user) {\n  const h = createHash('sha1');\n  h.update(user.password);\n  return h.digest('hex');\n}`,
      'weakHashForSecret',
      "createHash('sha1')",
    ),
    finding(
      `${NODE}const sig = crypto.createHash('sha1').update(\`\${apiKey}:\${ts}\`).digest('hex');`,
      'weakHashForSecret',
      'crypto.createHash',
    ),
    finding(
      `${NAMED}const passwordHash = createHash('md5').update(input).digest('hex');`,
      'weakHashForSecret',
      "createHash('md5')",
    ),
    // A token made by hashing predictable input with SHA-1.
    finding(
      `${NAMED}const resetToken = createHash('sha1').update(String(Date.now())).digest('hex');`,
      'weakHashForSecret',
      "createHash('sha1')",
    ),
    finding("import md5 from 'md5';\nconst stored = md5(password);", 'weakHashForSecret', 'md5(password)'),
    finding(
      "import CryptoJS from 'crypto-js';\nconst h = CryptoJS.SHA1(req.body.password).toString();",
      'weakHashForSecret',
      'CryptoJS.SHA1',
    ),
    finding(`${NODE}const digest = crypto.hash('md5', apiToken);`, 'weakHashForSecret', 'crypto.hash'),
    // The function says what its parameter is.
    finding(
      `${NAMED}export function hashPasswordLegacy(input: string) {\n  return createHash('md5').update(input).digest('hex');\n}`,
      'weakHashForSecret',
      "createHash('md5')",
    ),
    finding(
      `${NAMED}export function masterPasswordCheck(candidate: string) {\n  const hashed = createHash('md5').update(candidate).digest('hex');\n  return hashed;\n}`,
      'weakHashForSecret',
      "createHash('md5')",
    ),
    finding(
      "const encoder = new TextEncoder();\nconst d = await crypto.subtle.digest('SHA-256', encoder.encode(password));",
      'fastPasswordHash',
      'crypto.subtle.digest',
    ),
    finding(
      "const d = await crypto.subtle.digest({ name: 'SHA-1' }, apiToken);",
      'weakHashForSecret',
      'crypto.subtle.digest',
    ),
    // Fast hashes of passwords.
    finding(
      `${NAMED}const hashed = createHash('sha256').update(password).digest('hex');`,
      'fastPasswordHash',
      "createHash('sha256')",
    ),
    // PBKDF2.
    finding(`${NAMED}const k = pbkdf2Sync(password, salt, 10000, 32, 'sha256');`, 'pbkdf2Iterations', '10000'),
    finding(`${NAMED}const k = pbkdf2Sync(password, salt, 600_000, 20, 'sha1');`, 'pbkdf2Iterations', '600_000'),
    finding(
      `${NODE}const ITERATIONS = 100_000;\ncrypto.pbkdf2(password, salt, ITERATIONS, 64, 'sha512', done);`,
      'pbkdf2Iterations',
      'ITERATIONS,',
    ),
    finding(`${NAMED}const k = pbkdf2Sync(password, salt, 1_000_000, 16, 'md5');`, 'pbkdf2WeakDigest', "'md5'"),
    // The minimum is for user passwords: a helper whose callers in this file pass passwords stays high.
    finding(
      `${NAMED}const derive = (password, salt) => pbkdf2Sync(password, salt, 25000, 512, 'sha256');\nexport function hashPassword(body) {\n  return derive(body.password, randomBytes(16));\n}`,
      'pbkdf2Iterations',
      '25000',
    ),
    {
      // A key derived from the hash of an env secret, through a helper and a same-file function: medium.
      code: `${NAMED}const getKey = (password, salt) => pbkdf2Sync(password, salt, 10000, 32, 'sha512');\nfunction hash(...args) {\n  return createHash('sha512').update(args.join('')).digest('hex');\n}\nexport function secret() {\n  return hash(process.env.APP_SECRET || process.env.DATABASE_URL);\n}\nexport function encrypt(value) {\n  const key = getKey(secret(), randomBytes(64));\n  return createCipheriv('aes-256-gcm', key, randomBytes(16)).update(value);\n}`,
      options: [{ minConfidence: 'medium' }],
      errors: [{ messageId: 'pbkdf2Iterations', line: 2, column: 63 }],
    },
    {
      // Callers pass a value named for a server secret, never a password: medium.
      code: `${NAMED}const getKey = (password, salt) => pbkdf2Sync(password, salt, 10000, 32, 'sha512');\nexport function encrypt(value, secret) {\n  return createCipheriv('aes-256-gcm', getKey(secret, randomBytes(64)), randomBytes(16)).update(value);\n}`,
      options: [{ minConfidence: 'medium' }],
      errors: [{ messageId: 'pbkdf2Iterations', line: 2, column: 63 }],
    },
    // An operator's password from the environment is still a password a person chose.
    finding(
      `${NAMED}const MASTER_PASSWORD = process.env.VAULT_MASTER_PASSWORD;\nexport function deriveKey(password) {\n  return pbkdf2Sync(password, SALT, 50_000, 32, 'sha256');\n}\nexport const key = deriveKey(MASTER_PASSWORD);`,
      'pbkdf2Iterations',
      '50_000',
    ),
    // A charset indexed into a token is still generated.
    finding(
      "const DIGITS = '0123456789';\nconst pin = DIGITS[Math.floor(Math.random() * 10)];",
      'mathRandomSecret',
      'Math.random',
    ),
    finding(
      "const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100000 }, key, 256);",
      'pbkdf2Iterations',
      '100000',
    ),
    finding(
      `${NAMED}const config = { iterations: 1000 };\nconst k = pbkdf2Sync(password, salt, config.iterations, 32, 'sha256');`,
      'pbkdf2Iterations',
      'config.iterations',
    ),
    // scrypt.
    finding(`${NAMED}const k = scryptSync(password, salt, 64);`, 'scryptCost', 'scryptSync('),
    finding(`${NAMED}const k = scryptSync(password, salt, 64, { N: 16384, r: 8, p: 1 });`, 'scryptCost', '{ N'),
    finding(`${NODE}crypto.scrypt(password, salt, 64, (err, key) => done(key));`, 'scryptCost', 'crypto.scrypt'),
    // argon2 and bcrypt.
    finding(
      "import argon2 from 'argon2';\nconst h = await argon2.hash(password, { memoryCost: 4096, timeCost: 3 });",
      'argon2Cost',
      '{ memoryCost',
    ),
    finding(
      "import { hash } from '@node-rs/argon2';\nconst h = await hash(password, { timeCost: 1 });",
      'argon2Cost',
      '{ timeCost',
    ),
    finding("import bcrypt from 'bcrypt';\nconst h = await bcrypt.hash(password, 8);", 'bcryptCost', '8)'),
    // Above OWASP's floor of 10, only a raised minimum (`strict`'s 12) reports it: medium.
    finding("import bcrypt from 'bcrypt';\nconst h = await bcrypt.hash(password, 11);", 'bcryptCost', '11)', {
      minBcryptCost: 12,
      minConfidence: 'medium',
    }),
    {
      // Test files are capped at low confidence by the host: seen in strict.
      ...finding("import bcrypt from 'bcrypt';\nconst h = await bcrypt.hash(password, 4);", 'bcryptCost', '4)', {
        ignoreCostInTestFiles: false,
        minConfidence: 'low',
      }),
      filename: 'src/users.test.ts',
    },
    // Other weaknesses are still reported in tests.
    {
      ...finding(`${NAMED}const c = createCipheriv('aes-128-ecb', key, null);`, 'ecbMode', "'aes-128-ecb'", {
        minConfidence: 'low',
      }),
      filename: 'src/users.test.ts',
    },
    finding("import * as bcrypt from 'bcryptjs';\nconst salt = await bcrypt.genSalt(6);", 'bcryptCost', '6)'),
    // RSA.
    finding(
      `${NAMED}const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });`,
      'shortRsaKey',
      '1024',
    ),
    finding(
      "const key = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent, hash: 'SHA-256' }, true, ['sign']);",
      'shortRsaKey',
      '1024',
    ),
    finding(
      `${NAMED}const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });`,
      'shortRsaKey',
      '2048',
      { minRsaModulusLength: 3072, minConfidence: 'medium' },
    ),
    finding(
      "import forge from 'node-forge';\nconst keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });",
      'shortRsaKey',
      '1024',
    ),
    // Math.random for secrets.
    finding('const token = Math.random().toString(36).slice(2);', 'mathRandomSecret', 'Math.random'),
    // A PKCE code verifier: whoever predicts it redeems an intercepted authorization code.
    finding(
      'const generateCodeVerifier = () => {\n  let codeVerifier = "";\n  for (let i = 0; i < 64; i++) codeVerifier += CHARS[Math.floor(Math.random() * CHARS.length)];\n  return codeVerifier;\n};',
      'mathRandomSecret',
      'Math.random',
    ),
    finding(
      'const otp = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");',
      'mathRandomSecret',
      'Math.random',
    ),
    finding(
      'function generatePassword(length) {\n  let out = "";\n  for (let i = 0; i < length; i++) out += CHARS[Math.floor(Math.random() * CHARS.length)];\n  return out;\n}',
      'mathRandomSecret',
      'Math.random',
    ),
    finding(
      'let nonce = "";\nfor (let i = 0; i < 16; i++) nonce += Math.floor(Math.random() * 16).toString(16);',
      'mathRandomSecret',
      'Math.random',
    ),
    finding('const session = { csrfToken: `${Date.now()}-${Math.random()}` };', 'mathRandomSecret', 'Math.random'),
    finding('const makeSalt = () => Math.random().toString(16).slice(2);', 'mathRandomSecret', 'Math.random'),
    finding(
      "function generatePassword(length) {\n  return Array.from({ length }, () => String.fromCharCode(33 + Math.floor(Math.random() * 94))).join('');\n}",
      'mathRandomSecret',
      'Math.random',
    ),
    finding(
      'export function generateResetCode() {\n  return String(Math.floor(Math.random() * 1e6));\n}',
      'mathRandomSecret',
      'Math.random',
    ),
    finding('user.verificationCode = Math.floor(100000 + Math.random() * 900000);', 'mathRandomSecret', 'Math.random'),
    // A random index that picks a character makes the secret; a cut point also used otherwise is no mere position.
    finding(
      'function generatePassword(length) {\n  let password = "";\n  while (password.length < length) {\n    const index = Math.floor(Math.random() * CHARS.length);\n    password += CHARS[index];\n  }\n  return password;\n}',
      'mathRandomSecret',
      'Math.random',
    ),
    finding(
      'function generatePassword(length) {\n  let password = strongChars(length);\n  const insertAt = Math.floor(Math.random() * password.length);\n  password = password.slice(0, insertAt) + CHARS[insertAt] + password.slice(insertAt);\n  return password;\n}',
      'mathRandomSecret',
      'Math.random',
    ),
    finding(
      "const key = Math.random().toString(36).slice(2);\nconst cipher = createCipheriv('aes-256-gcm', key, iv);",
      'mathRandomSecret',
      'Math.random',
    ),
    finding('const hmacKey = Math.random().toString(36).slice(2);', 'mathRandomSecret', 'Math.random'),
    // A salt or nonce qualified by a secret word stays; the simulation branch is medium, its else branch high.
    finding('const passwordSalt = Math.random().toString(36).slice(2);', 'mathRandomSecret', 'Math.random'),
    finding(
      'const handleGenerateToken = () => {\n  if (isSimulation) {\n    setTimeout(() => {\n      const randomPart = Math.random().toString(36).slice(2);\n      setApiToken(`sim_${randomPart}`);\n    }, 1500);\n  }\n};',
      'mathRandomSecret',
      'Math.random',
      { minConfidence: 'medium' },
    ),
    finding(
      'const handleGenerateToken = () => {\n  if (isSimulation) {\n    show();\n  } else {\n    const randomPart = Math.random().toString(36).slice(2);\n    setApiToken(`live_${randomPart}`);\n  }\n};',
      'mathRandomSecret',
      'Math.random',
    ),
    // AEAD decryption without setAuthTag, and short tags.
    finding(
      `${NAMED}function open(key, iv, data) {\n  const d = createDecipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([d.update(data), d.final()]);\n}`,
      'missingAuthTag',
      "createDecipheriv('aes-256-gcm'",
    ),
    finding(
      `${NAMED}const plain = createDecipheriv('aes-128-gcm', key, iv).update(data);`,
      'missingAuthTag',
      "createDecipheriv('aes-128-gcm'",
    ),
    finding(
      `${NAMED}function open(key, iv, tag, data) {\n  const d = createDecipheriv('aes-256-gcm', key, iv);\n  d.setAuthTag(tag.subarray(0, 8));\n  return d.update(data);\n}`,
      'shortAuthTag',
      'tag.subarray',
    ),
    finding(`${NAMED}const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 8 });`, 'shortAuthTag', '8 }'),
    finding(
      "const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 64 }, key, data);",
      'shortAuthTag',
      '64',
    ),
  ],
});

// Across functions (issue 14): a credential hashed by a helper whose body uses a broken or fast hash.
const summariesTyped = {
  languageOptions: {
    parserOptions: {
      project: './tsconfig.json',
      tsconfigRootDir: new URL('./fixtures', import.meta.url).pathname,
    },
  },
};
const MD5_HELPER = `${NAMED}function md5Hex(input: string) { return createHash('md5').update(input).digest('hex'); }\n`;
ruleTester.run('no-weak-crypto across functions', rule, {
  valid: [
    // MD5 of a non-secret through a helper: an ETag.
    `${MD5_HELPER}const etag = md5Hex(body);`,
    // The helper hashes with SHA-256: right for a token.
    `${NAMED}const sha = (v: string) => createHash('sha256').update(v).digest('hex');\nconst tokenHash = sha(apiToken);`,
    // The helper salts and stretches: nothing to report.
    `${NAMED}function hashIt(v: string) { return pbkdf2Sync(v, salt, 600_000, 32, 'sha256'); }\nhashIt(password);`,
    // Untyped runs do not follow imports.
    "import { md5Hex } from './summaries/hashing.js';\nmd5Hex(password);",
    { code: "import { md5Hex } from './summaries/hashing.js';\nmd5Hex(fileContents);", ...summariesTyped },
    // `util.promisify(pbkdf2)` with a strong setting.
    "import { pbkdf2 } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst pbkdf2Async = promisify(pbkdf2);\nawait pbkdf2Async(password, salt, 600_000, 32, 'sha256');",
  ],
  invalid: [
    finding(`${MD5_HELPER}const stored = md5Hex(password);`, 'weakHashForSecret', 'password);'),
    // A helper whose name says what it hashes is reported once, in its body, not again at its call.
    finding(
      `${NAMED}function hashPassword(input: string) { return createHash('md5').update(input).digest('hex'); }\nconst stored = hashPassword(password);`,
      'weakHashForSecret',
      "createHash('md5')",
    ),
    finding(`${MD5_HELPER}function store(user) { return md5Hex(user.apiKey); }`, 'weakHashForSecret', 'user.apiKey'),
    finding(
      `${NAMED}const sha = (v: string) => createHash('sha256').update(v).digest('hex');\nconst digest = sha(password);`,
      'fastPasswordHash',
      'password);',
    ),
    {
      ...finding(
        "import { md5Hex } from './summaries/hashing.js';\nconst stored = md5Hex(password);",
        'weakHashForSecret',
        'password);',
      ),
      ...summariesTyped,
    },
    {
      ...finding(
        "import { Hasher } from './summaries/hashing.js';\ndeclare const hasher: Hasher;\nhasher.digest(req.body.password);",
        'weakHashForSecret',
        'req.body.password',
      ),
      ...summariesTyped,
    },
    // `util.promisify(pbkdf2)` and `promisify(scrypt)`: the same cost rules as the callback APIs.
    finding(
      "import { pbkdf2 } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst pbkdf2Async = promisify(pbkdf2);\nawait pbkdf2Async(password, salt, 1000, 32, 'sha256');",
      'pbkdf2Iterations',
      '1000',
    ),
    finding(
      "import crypto from 'node:crypto';\nimport util from 'node:util';\nconst scryptAsync = util.promisify(crypto.scrypt);\nawait scryptAsync(password, salt, 64, { N: 1024 });",
      'scryptCost',
      '{ N: 1024 }',
    ),
  ],
});

ruleTester.run('no-weak-crypto: KDF cost over a random credential', rule, {
  valid: [
    // scrypt's default cost over an API key (random, so the cost is no defence): medium, reported in strict.
    "import crypto from 'node:crypto';\nimport util from 'node:util';\nconst scrypt = util.promisify(crypto.scrypt);\nawait scrypt(token, salt, 64);",
    `${NAMED}const k = scryptSync(apiKey, salt, 64);`,
  ],
  invalid: [
    finding(
      "import crypto from 'node:crypto';\nimport util from 'node:util';\nconst scrypt = util.promisify(crypto.scrypt);\nawait scrypt(token, salt, 64);",
      'scryptCost',
      'scrypt(token',
      { minConfidence: 'medium' },
    ),
  ],
});

// A function that returns what Math.random builds is named by its name (issue 13, misses on real code).
ruleTester.run('no-weak-crypto: Math.random returned by a function named for a secret', rule, {
  valid: [
    // React and cache keys, ids, colours: the function's name asks for no secrecy.
    'function uiKey() { return Math.random().toString(36).slice(2); }',
    'const rowKey = () => Math.random().toString(36).slice(2);',
    // A qualified key that is no secret by name: a cache, sort or idempotency key.
    "const renderCacheKey = Math.random() + '';",
    'const idempotencyKey = `${Date.now()}-${Math.random()}`;',
    'exports.requestId = () => Math.random().toString(36).slice(2);',
    'function resetDelay() { return Math.random() * 1000; }',
    // The value is not what the function returns.
    'function resetCode() { track(Math.random()); return load(); }',
    // A Math.random helper whose result is stored under a name that needs no secrecy, or a helper that
    // does not return what Math.random builds.
    "const makeId = (length: number) => {\n  let text = '';\n  for (let i = 0; i < length; i++) text += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n  return text;\n};\nconst clientId = 'pca_' + makeId(32);",
    "function jitter() { const delay = Math.random() * 100; sleep(delay); return 'done'; }\nconst token = jitter();",
    "const secureId = (n: number) => randomBytes(n).toString('hex');\nconst apiKey = secureId(32);",
  ],
  invalid: [
    finding(
      'function resetCode() {\n  return Math.floor(100000 + Math.random() * 900000).toString();\n}',
      'mathRandomSecret',
      'Math.random',
    ),
    finding('const verificationCode = () => String(Math.random()).slice(2, 8);', 'mathRandomSecret', 'Math.random'),
    // A helper whose result is built from Math.random, stored by its caller under a secret's name.
    finding(
      "const makeId = (length: number) => {\n  let text = '';\n  for (let i = 0; i < length; i++) text += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n  return text;\n};\nconst clientSecret = 'pcs_' + makeId(48);",
      'mathRandomSecret',
      'makeId(48)',
    ),
    finding(
      'function randomString() {\n  return Math.random().toString(36).slice(2);\n}\nconst session = { token: randomString() };',
      'mathRandomSecret',
      'randomString() }',
    ),
    // A key that is secret by name still needs a CSPRNG, qualified or not.
    finding("const encryptionKey = Math.random().toString(36) + 'x';", 'mathRandomSecret', 'Math.random'),
    finding('const hmacKey = String(Math.random()).slice(2);', 'mathRandomSecret', 'Math.random'),
    finding(
      "exports.otp = () => String(Math.floor(Math.random() * 1000000)).padStart(6, '0');",
      'mathRandomSecret',
      'Math.random',
    ),
    finding(
      'module.exports.sessionToken = function () {\n  return Math.random().toString(36).substr(2, 10);\n};',
      'mathRandomSecret',
      'Math.random',
    ),
    finding(
      'class Invites {\n  inviteToken() {\n    return Math.random().toString(36).slice(2);\n  }\n}',
      'mathRandomSecret',
      'Math.random',
    ),
  ],
});

// Flowise and growthbook held-out: a KDF over a random API key, MD5 that only formats random bytes.
ruleTester.run('no-weak-crypto: random inputs', rule, {
  valid: [
    // The verify side of an API-key hash: `suppliedKey` names a key, not a password; medium, not in the default.
    `${NAMED}export const compareKeys = (storedKey: string, suppliedKey: string) => {\n  const [hashed, salt] = storedKey.split('.');\n  return scryptSync(suppliedKey, salt, 64).toString('hex') === hashed;\n};`,
    // MD5 over a fresh UUID only formats its randomness as hex.
    {
      code: "import md5 from 'md5';\nimport { randomUUID } from 'node:crypto';\nconst signingKey = 'ewhk_' + md5(randomUUID()).substr(0, 32);",
      options: [{ minConfidence: 'low' }],
    },
    {
      code: `${NAMED}const id = randomBytes(16).toString('hex');\nconst token = createHash('md5').update(id).digest('hex');`,
      options: [{ minConfidence: 'low' }],
    },
  ],
  invalid: [
    finding(
      `${NAMED}export const compareKeys = (storedKey: string, suppliedKey: string) => {\n  const [hashed, salt] = storedKey.split('.');\n  return scryptSync(suppliedKey, salt, 64).toString('hex') === hashed;\n};`,
      'scryptCost',
      'scryptSync(',
      { minConfidence: 'medium' },
    ),
    // An input whose name does not say key or token may be a password: high.
    finding(`${NAMED}const k = scryptSync(supplied, salt, 64);`, 'scryptCost', 'scryptSync('),
    // MD5 over a predictable value stored as a key stays reported.
    finding(
      "import md5 from 'md5';\nconst signingKey = 'ewhk_' + md5(String(Date.now())).substr(0, 32);",
      'weakHashForSecret',
      'md5(',
    ),
  ],
});

// growthbook held-out: a form's row keys made by `generateKey()`.
ruleTester.run('no-weak-crypto: a function that makes a bare key', rule, {
  valid: [
    {
      code: "const generateKey = () => `key-${Math.floor(Math.random() * 1000000)}`;\nexport const createDefaultCondition = () => ({ key: generateKey(), match: 'all' });",
      options: [{ minConfidence: 'low' }],
    },
  ],
  invalid: [
    // Its result handed to a cipher: a cipher key after all.
    finding(
      `${NAMED}const generateKey = () => String(Math.random()).repeat(4).slice(0, 32);\nexport function seal(data: string, iv: Buffer) {\n  const key = generateKey();\n  return createCipheriv('aes-256-gcm', key, iv).update(data);\n}`,
      'mathRandomSecret',
      'Math.random()',
    ),
    // A name for a specific credential stays a secret's.
    finding(
      'const generateApiKey = () => `key-${Math.floor(Math.random() * 1000000)}`;',
      'mathRandomSecret',
      'Math.random()',
    ),
  ],
});
