import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../src/index.js';

const rule = rules['no-timing-unsafe-compare']!;
const ruleTester = new RuleTester();

const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url));
/** Cases that need types: the checker tells an AST node or a number named `secret` from a secret string. */
const typed = { languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixturesDir } } };

const IMPORT = "import { timingSafeEqual } from 'node:crypto';\n";

type Invalid = { code: string; options?: Record<string, unknown>[] } & Record<string, unknown>;
/** Cases whose evidence is a name (or a shape) only are reported at medium confidence: run them at `minConfidence: 'medium'`. */
function withMinConfidence(cases: Invalid[]): Invalid[] {
  return cases.map((c) =>
    c.options?.[0] && 'minConfidence' in c.options[0]
      ? c
      : { ...c, options: [{ minConfidence: 'medium', ...(c.options?.[0] ?? {}) }] },
  );
}

/**
 * Comparisons whose operands the code shows: a presented value (a request header, cookie, body or
 * query field) against a server-held secret (env, configuration, a computed MAC, a fetched secret).
 * These are reported in `recommended` (high confidence), so they run with default options.
 */
const HIGH_CONFIDENCE_INVALID: Invalid[] = [
  // A project helper that hashes with a key the server holds (an env secret, a decrypted API key) computes a MAC.
  {
    code: "import { createHash, decryptApiKey } from '@acme/crypto';\nexport function validate(apiKey: string, subscriberId: string, subscriberHash?: string) {\n  const key = decryptApiKey(apiKey);\n  const hmacHash = createHash(key, subscriberId);\n  if (hmacHash !== subscriberHash) throw new Error('Please provide a valid HMAC hash');\n}",
    errors: [{ messageId: 'unsafeOperator', line: 5 }],
  },
  {
    code: "import { createHash } from '@acme/crypto';\nexport function nudge(command: { hmacHeader: string; id: string }) {\n  const hmacHash = createHash(process.env.NOVU_API_KEY!, command.id);\n  if (hmacHash !== command.hmacHeader) throw new Error('Unauthorized request');\n}",
    errors: [{ messageId: 'unsafeOperator', line: 4 }],
  },
  // An HMAC named as the keyed hash it is (`hmacHash`, `hmacDigest`), against what the caller sent.
  {
    code: "import { createHmac } from 'node:crypto';\nexport function check(apiKey: string, subscriberId: string, subscriberHash?: string) {\n  const hmacHash = createHmac('sha256', apiKey).update(subscriberId).digest('hex');\n  if (hmacHash !== subscriberHash) throw new Error('Please provide a valid HMAC hash');\n}",
    errors: [{ messageId: 'unsafeOperator', line: 4 }],
  },
  {
    code: "function createHash(key: string, value: string): string {\n  return createHmac('sha256', key).update(value).digest('hex');\n}\nexport function nudge(command: { hmacHeader: string; id: string }) {\n  const hmacDigest = createHash(process.env.NOVU_API_KEY!, command.id);\n  if (hmacDigest !== command.hmacHeader) throw new Error('Unauthorized request');\n}",
    errors: [{ messageId: 'unsafeOperator', line: 6 }],
  },
  // ...but against the private key, the guess is a secret compare.
  {
    code: 'const wallet = HDNodeWallet.fromPhrase(phrase);\nconst privateKey = wallet.privateKey;\nif (req.body.privateKey === privateKey) unlock();',
    errors: [{ messageId: 'unsafeOperator', line: 3 }],
  },
  // A helper whose body reads a request header, against an env secret: presented against held.
  {
    code: "function getKeyFromRequest(req: any) {\n  return req.headers['x-api-key'];\n}\nexport function ok(req: any) {\n  return getKeyFromRequest(req) === process.env.API_KEY;\n}",
    errors: [{ messageId: 'unsafeOperator', line: 5 }],
  },
  { code: 'if (req.headers["x-api-key"] !== process.env.API_KEY) deny();', errors: [{ messageId: 'unsafeOperator' }] },
  // The header read through an alias and a template around an env secret (a cron endpoint).
  {
    code: "function access({ req }) { const secret = process.env.CRON_SECRET; const authHeader = req.headers.get('authorization'); return authHeader === `Bearer ${secret}`; }",
    errors: [{ messageId: 'unsafeOperator' }],
  },
  // A request-info object built from headers, checked against the configured master key.
  {
    code: "var info = { masterKey: req.get('X-Parse-Master-Key') };\nlet isMaster = info.masterKey === req.config.masterKey;",
    errors: [{ messageId: 'unsafeOperator', line: 2 }],
  },
  // `key` alone names no secret, but a key presented in a header and checked against configuration is an access key.
  {
    code: "var info = { maintenanceKey: req.get('X-Parse-Maintenance-Key') };\nconst ok = info.maintenanceKey === req.config.maintenanceKey;",
    errors: [{ messageId: 'unsafeOperator', line: 2 }],
  },
  // A field the requester chose, against each configured secret.
  {
    code: 'for (const [key, secret] of validKeyPairs) { if (request[key] !== secret) continue; }',
    errors: [{ messageId: 'unsafeOperator' }],
  },
  {
    code: "function has(request) { return request.masterKey === validKeyPairs.get('masterKey'); }",
    errors: [{ messageId: 'unsafeOperator' }],
  },
  // A signed cookie's MAC part against the MAC the server computes.
  {
    code: "const cookie = await ctx.getSignedCookie(name, secret);\nconst [token, id] = cookie.split('!');\nconst expectedToken = await createHMAC('SHA-256').sign(secret, id);\nif (token === expectedToken) ok();",
    errors: [{ messageId: 'unsafeOperator', line: 4 }],
  },
  // Recovery codes fetched for the user, searched for the submitted code.
  {
    code: 'const userBackupCodes = getBackupCodes({ user });\nreturn userBackupCodes.includes(backupCode);',
    errors: [{ messageId: 'unsafeMethod', line: 2 }],
  },
  // A password cookie (Next.js cookie store) against the stored password.
  {
    code: 'if ((await cookies()).get(`pw_${id}`)?.value !== data.password) deny();',
    errors: [{ messageId: 'unsafeOperator' }],
  },
  // A query parameter against an env secret; a stored entry matched by a presented header.
  {
    code: "const previewSecret = searchParams.get('previewSecret');\nif (previewSecret !== process.env.PREVIEW_SECRET) deny();",
    errors: [{ messageId: 'unsafeOperator', line: 2 }],
  },
  {
    code: "const key = keys.find((k) => k.secret === req.headers['x-api-key']);",
    errors: [{ messageId: 'unsafeOperator' }],
  },
];

ruleTester.run('no-timing-unsafe-compare', rule, {
  valid: [
    // A helper's body is followed only for what the requester presented: a hash helper stays a hash compare (medium).
    "const hash = (data: string) => crypto.createHash('md5').update(data).digest('hex');\nexport function check(user: { password: string }, password: string) {\n  if (user.password !== hash(password)) deny();\n  if (user.password === hash('slurmCl4ssic')) solve();\n}",
    // The server's side is public by design: a guessed private key against the wallet's public key.
    'const wallet = HDNodeWallet.fromPhrase(phrase);\nconst publicKey = wallet.publicKey;\nif (req.body.privateKey === publicKey) hint();\nif (req.body.privateKey === wallet.publicKey) hint();',
    // Double-submit CSRF: the cookie read by a helper (its body, or its name) and the header are both the requester's.
    "const CSRF = { cookieName: 'csrfToken', headerName: 'x-csrf-token' };\nconst getTokenFromCookie = (ctx: any): string | undefined => ctx.cookies.get(CSRF.cookieName);\nexport function verify(ctx: any) {\n  const cookieVal = getTokenFromCookie(ctx);\n  const inputVal = ctx.get(CSRF.headerName) || ctx.request.body?._csrf;\n  if (cookieVal !== inputVal) throw new Error('mismatch');\n}",
    "import { getTokenFromCookie } from './csrf';\nexport function verify(ctx: any) {\n  if (getTokenFromCookie(ctx) !== ctx.get('x-csrf-token')) throw new Error('mismatch');\n}",
    // Public parts: a prefix or scheme tested before the secret part, a named constant, a default.
    "const internalPrefix = 'internal_';\nconst isLegacy = !secret.startsWith(internalPrefix);",
    'if (tokenValue.startsWith(opts.prefix.opaqueAccessToken)) strip();',
    'if (authorization.startsWith(bearerTokenIdentifier)) ok();',
    'if (token.startsWith(SCIM_MANAGED_CREDENTIAL_ID_PREFIX)) managed();',
    'if (authHeader?.startsWith(`${collection.slug} API-Key `)) parse();',
    'if (!cookie.trim().startsWith(req.payload.config.cookiePrefix)) keep();',
    'const isDefaultSecret = secret === DEFAULT_SECRET;',
    // A sentinel: a negative-cache marker imported from a package the host cannot resolve, named for an
    // absent value; a constant whose type (a built package's `.d.ts`) is one string literal.
    "import { API_KEY_NON_EXISTENT } from '@acme/shared/src/server';\nexport async function f(redis: any, hash: string) {\n  const redisApiKey = await redis.get(hash);\n  if (redisApiKey === API_KEY_NON_EXISTENT) throw new Error('Invalid credentials');\n}",
    "import { SESSION_TOKEN_NOT_FOUND } from './cache';\nif (cachedToken === SESSION_TOKEN_NOT_FOUND) miss();",
    {
      code: "declare const CACHED_MISS: 'api-key-non-existent';\nexport function f(redisApiKey: string) {\n  if (redisApiKey === CACHED_MISS) throw new Error('Invalid credentials');\n}",
      ...typed,
    },
    'if (credentials.password !== defaultDBCreds.password) custom();',
    "const DatabaseErrorCode = { wrongCredentials: '28P01' };\nif (DatabaseErrorCode.wrongCredentials === err.code) fail();",
    // Both operands presented by the requester: double-submit CSRF, OAuth state, a cookie against itself.
    "const value = ctx.cookies.get('g_csrf_token');\nconst { csrfToken } = ctx.request.body;\nassert(value === csrfToken);",
    'const stateCookieValue = await c.getSignedCookie(name, secret);\nif (stateCookieValue !== c.query.state) deny();',
    'const sessionCookie = await ctx.getSignedCookie(name, secret);\nconst isActive = ctx.context.session?.session.token === sessionCookie;',
    // Both operands held by the server: env against env, a MAC over a value the server decrypted itself.
    'if (process.env.DATABASE_URL !== process.env.DIRECT_DATABASE_URL) pooled();',
    'const raw = tryDecrypt(stored);\nif (apiKeyIndexHmac({ key, rawApiKey: raw }) === doc.apiKeyIndex) migrate();',
    // One side computed from the other: a canonical-encoding check.
    "const decoded = Buffer.from(secret, 'base64url');\nif (decoded.toString('base64url') !== secret) invalid();",
    // Name-only evidence is medium: not reported in recommended.
    'if (token === expectedToken) ok();',
    'const others = sessions.filter((s) => s.token !== ctx.context.session.session.token);',
    'const recipient = envelope.recipients.find((r) => r.token === token);',
    'if (method === MissingProfile.password) setPassword();',
    // Only in integration tests.
    'if (isIntegrationTest()) { return getPwnPasswordsForTest().includes(password); }',
    // A cookie named for being a cookie (a tenant id) matched against options.
    "const tenantCookie = cookies.get('payload-tenant')?.value;\nconst match = options.find((o) => String(o.value) === tenantCookie);",
    // A sentinel, not a credential (TanStack Query's skipToken).
    'if (input === skipToken) return undefined;',
    // Presence, type and shape checks.
    'if (token === undefined) deny();',
    'if (req.headers.authorization == null) deny();',
    "if (apiKey === '') deny();",
    "if (typeof token !== 'string') deny();",
    'if (token.length !== 64) deny();',
    'if (signature.byteLength === 32) ok();',
    'if (password === void 0) deny();',
    'if (token === false) deny();',
    // Format checks against constants (a literal credential is no-hardcoded-secret's business).
    "if (!authorization.startsWith('Bearer ')) deny();",
    "if (token.endsWith('.sig')) strip();",
    "if (tokenType === 'refresh') rotate();",
    "if (header.alg === 'none') deny();",
    // Names that describe a secret without being one.
    'if (user.tokenCount === limit) deny();',
    'if (a.keyId === b.keyId) same();',
    'if (token.sub === user.id) ok();',
    'if (passwordPolicy === defaultPolicy) ok();',
    // Confirmation fields typed by the same user.
    'if (password !== passwordConfirmation) throw new Error("mismatch");',
    'if (body.newPassword !== body.confirmNewPassword) fail();',
    'if (password !== verify) errors.verify = "Password must match";',
    'if (newPassword === currentPassword) return res.status(400).end();',
    'if (req.body.password !== req.body.passwordAgain) fail();',
    // Constant-time comparisons.
    'if (!timingSafeEqual(Buffer.from(token), Buffer.from(expected))) deny();',
    'const ok = await bcrypt.compare(password, user.passwordHash);',
    'const ok = await argon2.verify(user.passwordHash, password);',
    // Content hashes are public.
    'if (etag === fileChecksum) notModified();',
    "if (createHash('sha256').update(file).digest('hex') === manifest.checksum) ok();",
    // Nonces and ivs are not compared for secrecy.
    'if (iv === previousIv) rotate();',
    // Lookups with a literal or of non-secrets.
    "if (token.includes('.')) parse();",
    'if (allowedRoles.includes(role)) ok();',
    { code: 'if (validKeys.includes(apiKey)) ok();', options: [{ checkLookups: false }] },
    // Signature metadata and MAC algorithm lists are not verifiers.
    'if (sigType !== negotiated.serverHostKey) fail();',
    'if (algorithms.cs.mac !== DEFAULT_MAC) custom = true;',
    'if (signature.utf8Slice(4, 4 + keyAlgo.length) === keyAlgo) skip();',
    'if (header.signatureAlgorithm === expectedAlgorithm) ok();',
    // Members of constant tables and enums are constants.
    'if (method === AUTH_METHODS.USERNAME_PASSWORD) auth();',
    'if (token.kind === TokenKind.Secret) skip();',
    'if (grant === GrantType.Password) grantPassword();',
    'if (token === TokenType.Refresh) rotate();',
    // Not a comparison.
    'if (token) ok();',
    // Types that cannot hold secret text or bytes: an AST node, a number, an enum, a boolean.
    {
      ...typed,
      code: 'declare const secret: { kind: number; pos: number }; declare const node: { kind: number; pos: number };\nif (secret === node) skip();',
    },
    {
      ...typed,
      code: 'declare const tokenIndex: number; declare const token: number; if (token === tokenIndex) next();',
    },
    {
      ...typed,
      code: 'enum Kind { A, B }\ndeclare const secretKind: Kind; declare const secret: Kind; if (secret === secretKind) ok();',
    },
    { ...typed, code: 'declare const apiKey: boolean; declare const enabled: boolean; if (apiKey === enabled) ok();' },
    // Substring searches: the secret is the needle in a string, not looked up among secrets.
    'const start = m.index + m[0].indexOf(secret);',
    'const at = path.lastIndexOf(cookies);',
    'if (message.includes(token)) redact();',
    { ...typed, code: 'declare const keys: string; declare const apiKey: string; if (keys.indexOf(apiKey) > 0) ok();' },
    // A secret compared with an account identifier: a password policy, not a credential check.
    'return password === user || isPlaceholder(password);',
    'if (password === username) errors.password = "must differ from the user name";',
    'if (newPassword === req.body.email.toLowerCase()) fail();',
    // A content hash compared outside a credential function is an integrity check.
    "function sameFile(content: string, storedHash: string) { return createHash('sha256').update(content).digest('hex') === storedHash; }",
    "const fresh = (body: string) => createHash('sha256').update(body).digest('hex') === cache.etagHash;",
    // Which alternative a value came from, not its content.
    'const secret = left ?? right;\nif (secret === left) swap();',
    'const token = a ? headerToken : cookieToken;\nif (token === headerToken) fromHeader();',
    'const same = token;',
  ],
  invalid: withMinConfidence(
    [
      // A helper's hash keyed with a parameter nobody shows to be held: an HMAC by its name, medium.
      {
        code: "import { createHash } from '@acme/crypto';\nexport function check(apiKey: string, id: string, externalHmacHash: string) {\n  const hmacHash = createHash(apiKey, id);\n  if (hmacHash !== externalHmacHash) throw new Error('bad');\n}",
        errors: [{ messageId: 'unsafeOperator', line: 4 }],
      },
      // Constant names that hold a value, not a marker of its absence: still compared secrets.
      {
        code: "import { ADMIN_API_KEY } from './config';\nif (req.headers['x-api-key'] !== ADMIN_API_KEY) deny();",
        errors: [{ messageId: 'unsafeOperator', line: 2 }],
      },
      {
        code: "import { EXISTING_API_KEY } from './config';\nif (req.headers['x-api-key'] !== EXISTING_API_KEY) deny();",
        errors: [{ messageId: 'unsafeOperator', line: 2 }],
      },
      {
        code: "declare const CACHED_MISS: string;\nexport function f(redisApiKey: string) {\n  if (redisApiKey === CACHED_MISS) throw new Error('Invalid credentials');\n}",
        ...typed,
        errors: [{ messageId: 'unsafeOperator', line: 3 }],
      },
      {
        code: 'if (token === expectedToken) ok();',
        errors: [{ messageId: 'unsafeOperator', line: 1, column: 5, endColumn: 28, suggestions: [] }],
      },
      {
        code: 'if (req.headers["x-api-key"] !== process.env.API_KEY) deny();',
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        code: 'if (req.headers.authorization != `Bearer ${process.env.ADMIN_TOKEN}`) deny();',
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        code: "if (req.get('x-api-key') !== config.apiKey) deny();",
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        code: 'if (signature === expected) ok();',
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        // An HMAC computed in place.
        code: "if (createHmac('sha256', key).update(body).digest('hex') === header) ok();",
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        code: "if (signature.toString('hex') !== expected) deny();",
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        code: 'if (signatureHeader !== computed) deny();',
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        code: 'if (computeSignature(payload) !== received) deny();',
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        // A stored password hash compared as a string.
        code: 'if (user.passwordHash === sha256(password)) login();',
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        code: 'if (session.csrfToken !== req.body._csrf) deny();',
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        code: 'const valid = stored.refreshToken == presented;',
        errors: [{ messageId: 'unsafeOperator', column: 15, suggestions: [] }],
      },
      {
        code: 'if (getApiKey() === provided) ok();',
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        code: 'return (secret as string) === (given as string);',
        errors: [{ messageId: 'unsafeOperator', column: 8, suggestions: [] }],
      },
      {
        code: 'if (a.webhookSecret === b) ok();',
        errors: [{ messageId: 'unsafeOperator', column: 5, suggestions: [] }],
      },
      {
        // With timingSafeEqual imported, a suggestion.
        code: `${IMPORT}if (token === expectedToken) ok();`,
        errors: [
          {
            messageId: 'unsafeOperator',
            line: 2,
            column: 5,
            suggestions: [
              {
                messageId: 'useTimingSafeEqual',
                output: `${IMPORT}if (timingSafeEqual(Buffer.from(token), Buffer.from(expectedToken))) ok();`,
              },
            ],
          },
        ],
      },
      {
        code: `${IMPORT}if (token !== expectedToken) deny();`,
        errors: [
          {
            messageId: 'unsafeOperator',
            line: 2,
            suggestions: [
              {
                messageId: 'useTimingSafeEqual',
                output: `${IMPORT}if (!timingSafeEqual(Buffer.from(token), Buffer.from(expectedToken))) deny();`,
              },
            ],
          },
        ],
      },
      {
        code: "import crypto from 'crypto';\nif (signature === digest) ok();",
        errors: [
          {
            messageId: 'unsafeOperator',
            line: 2,
            suggestions: [
              {
                messageId: 'useTimingSafeEqual',
                output:
                  "import crypto from 'crypto';\nif (crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(digest))) ok();",
              },
            ],
          },
        ],
      },
      {
        code: "import * as nodeCrypto from 'node:crypto';\nif (apiKey === provided) ok();",
        errors: [
          {
            messageId: 'unsafeOperator',
            line: 2,
            suggestions: [
              {
                messageId: 'useTimingSafeEqual',
                output:
                  "import * as nodeCrypto from 'node:crypto';\nif (nodeCrypto.timingSafeEqual(Buffer.from(apiKey), Buffer.from(provided))) ok();",
              },
            ],
          },
        ],
      },
      {
        // A configured helper wins.
        code: 'if (token !== expectedToken) deny();',
        options: [{ safeCompareHelper: 'safeEqual' }],
        errors: [
          {
            messageId: 'unsafeOperator',
            suggestions: [{ messageId: 'useHelper', output: 'if (!safeEqual(token, expectedToken)) deny();' }],
          },
        ],
      },
      // Methods.
      {
        code: 'if (expectedSignature.startsWith(provided)) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        code: 'if (stored.endsWith(token)) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        code: 'if (apiKey.localeCompare(provided) === 0) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        code: 'if (expectedHmac.equals(received)) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5, suggestions: [] }],
      },
      {
        code: `${IMPORT}if (expectedHmac.equals(received)) ok();`,
        errors: [
          {
            messageId: 'unsafeMethod',
            line: 2,
            column: 5,
            suggestions: [
              {
                messageId: 'useTimingSafeEqual',
                output: `${IMPORT}if (timingSafeEqual(Buffer.from(expectedHmac), Buffer.from(received))) ok();`,
              },
            ],
          },
        ],
      },
      {
        code: 'if (Buffer.compare(signature, expected) === 0) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        code: 'return Buffer.compare(Buffer.from(expected), Buffer.from(sig)) === 0;',
        errors: [{ messageId: 'unsafeMethod', column: 8 }],
      },
      {
        code: "return hashed === createHash('md5').update(MASTER_PASSWORD).digest('hex');",
        errors: [{ messageId: 'unsafeOperator', column: 8, suggestions: [] }],
      },
      {
        code: 'if (signature.compare(expected) === 0) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      // Lookups.
      {
        code: 'if (validKeys.includes(apiKey)) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        code: "if (tokens.indexOf(req.headers['x-auth-token']) >= 0) ok();",
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        code: 'if (apiKeys.indexOf(apiKey) !== -1) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        code: 'if (allowedKeys.includes(req.headers["x-api-key"])) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        code: 'if ([currentApiKey, previousApiKey].includes(apiKey)) ok();',
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        // One secret scanned for another.
        code: "if (ctx.get('X-Api-Key').indexOf(secret) !== -1) legacy();",
        errors: [{ messageId: 'unsafeMethod', column: 5 }],
      },
      {
        ...typed,
        code: 'declare const keys: string[]; declare const apiKey: string;\nif (keys.indexOf(apiKey) > 0) ok();',
        errors: [{ messageId: 'unsafeMethod', line: 2, column: 5 }],
      },
      {
        ...typed,
        code: 'declare const validTokens: string[]; declare const token: string;\nif (validTokens.includes(token)) ok();',
        errors: [{ messageId: 'unsafeMethod', line: 2, column: 5 }],
      },
      {
        // Typed strings and bytes stay secrets.
        ...typed,
        code: 'declare const token: string; declare const expected: string;\nif (token === expected) ok();',
        errors: [{ messageId: 'unsafeOperator', line: 2, column: 5 }],
      },
      {
        ...typed,
        code: 'declare const signature: Uint8Array; declare const expected: Uint8Array;\nif (Buffer.compare(signature, expected) === 0) ok();',
        errors: [{ messageId: 'unsafeMethod', line: 2, column: 5 }],
      },
      {
        // A password compared with a stored password is a credential check, even from a user record.
        code: 'if (password === user.password) login();',
        errors: [{ messageId: 'unsafeOperator', column: 5 }],
      },
      {
        // Only a const picking among alternatives is excused: here the secret is compared with another.
        code: 'const secret = left ?? right;\nif (secret === other) swap();',
        errors: [{ messageId: 'unsafeOperator', line: 2, column: 5 }],
      },
      {
        // A stored API key hash compared by hand in a function about API keys.
        code: "function hashedApiKey(presented: string, storedHash: string) {\n  return createHash('sha256').update(presented).digest('hex') === storedHash;\n}",
        errors: [{ messageId: 'unsafeOperator', line: 2, column: 10 }],
      },
      {
        code: "const verifyToken = (raw: string, row: { hash: string }) => row.hash !== createHash('sha256').update(raw).digest('hex');",
        errors: [{ messageId: 'unsafeOperator', column: 61 }],
      },
      {
        // Two passwords without a confirmation word: a plaintext password check.
        code: 'if (user.password === password) login();',
        errors: [{ messageId: 'unsafeOperator', column: 5 }],
      },
      {
        code: 'if (oldPassword !== user.password) deny();',
        errors: [{ messageId: 'unsafeOperator', column: 5 }],
      },
      {
        // Shared settings extend the vocabulary.
        code: 'if (pin === storedPin) ok();',
        settings: { 'secret-hygiene': { extraSecretWords: ['pin'] } },
        errors: [{ messageId: 'unsafeOperator', column: 5 }],
      },
      {
        // Two findings on one line.
        code: 'const ok = token === a || signature === b;',
        errors: [
          { messageId: 'unsafeOperator', column: 12 },
          { messageId: 'unsafeOperator', column: 27 },
        ],
      },
    ].concat(HIGH_CONFIDENCE_INVALID),
  ),
});

// Across functions (issue 14): a helper seen to return a secret (an env secret, a decrypted value), compared with ===.
const summariesTyped = {
  languageOptions: {
    parserOptions: { project: './tsconfig.json', tsconfigRootDir: new URL('./fixtures', import.meta.url).pathname },
  },
};
ruleTester.run('no-timing-unsafe-compare across functions', rule, {
  valid: [
    // The helper returns a harmless setting.
    "function region() { return process.env.AWS_REGION ?? 'eu-west-1'; }\nif (input === region()) ok();",
    {
      code: "import { loadRegion } from './no-secret-logging/config.js';\ndeclare const input: string;\nif (input === loadRegion()) ok();",
      ...summariesTyped,
    },
    // Untyped runs do not follow imports.
    "import { loadConfigValue } from './no-secret-logging/config.js';\nif (provided === loadConfigValue()) ok();",
    // The helper hashes the secret before it returns it: a digest, compared as such elsewhere.
    'function settingDigest() { return sha256(process.env.WEBHOOK_SECRET); }\nif (input === settingDigest()) ok();',
  ],
  invalid: [
    {
      code: 'function setting() { return process.env.WEBHOOK_SECRET; }\nif (input === setting()) ok();',
      errors: [{ messageId: 'unsafeOperator', line: 2, column: 5 }],
    },
    {
      code: 'function loadSetting() { return process.env.WEBHOOK_SECRET; }\nif (req.headers.authorization === loadSetting()) ok();',
      errors: [{ messageId: 'unsafeOperator', line: 2, column: 5 }],
    },
    {
      code: "import { loadConfigValue } from './no-secret-logging/config.js';\ndeclare const req: { body: { key: string } };\nif (req.body.key === loadConfigValue()) ok();",
      ...summariesTyped,
      errors: [{ messageId: 'unsafeOperator', line: 3, column: 5 }],
    },
    {
      code: "import { Vault } from './no-secret-logging/config.js';\ndeclare const vault: Vault;\ndeclare const req: { body: { key: string } };\nif (req.body.key !== vault.open('blob')) deny();",
      ...summariesTyped,
      errors: [{ messageId: 'unsafeOperator', line: 4, column: 5 }],
    },
  ],
});

// In the browser the comparison runs for the page's own user: nobody else can time it (low, strict only).
ruleTester.run('no-timing-unsafe-compare in a browser module', rule, {
  valid: [
    "'use client';\nif (req.headers.authorization === process.env.CRON_SECRET) ok();",
    "const getTenantCookie = () => document.cookie.split('; tenant=').pop();\nif (String(selected) !== getTenantCookie()) sync();",
    "const saved = window.localStorage.getItem('token');\nif (token !== saved) refresh();",
    {
      code: "'use client';\nif (req.headers.authorization === process.env.CRON_SECRET) ok();",
      options: [{ minConfidence: 'medium' }],
    },
  ],
  invalid: [
    {
      code: "'use client';\nif (req.headers.authorization === process.env.CRON_SECRET) ok();",
      options: [{ minConfidence: 'low' }],
      errors: [{ messageId: 'unsafeOperator', line: 2 }],
    },
    // Isomorphic code that checks for the browser first runs on the server too: judged as usual.
    {
      code: "if (typeof window === 'undefined' && req.headers.authorization === process.env.CRON_SECRET) ok();",
      errors: [{ messageId: 'unsafeOperator', line: 1 }],
    },
    // A server module: as usual.
    {
      code: 'if (req.headers.authorization === process.env.CRON_SECRET) ok();',
      errors: [{ messageId: 'unsafeOperator', line: 1 }],
    },
  ],
});

// Held-out real code: an AST enum member led by an acronym is a constant; a pages-router page runs in the
// browser outside its getServerSideProps.
ruleTester.run('no-timing-unsafe-compare: enum members and pages-router pages', rule, {
  valid: [
    'if (member.type === AST_NODE_TYPES.TSPropertySignature) visit(member);',
    {
      code: 'if (member.type === AST_NODE_TYPES.TSPropertySignature) visit(member);',
      options: [{ minConfidence: 'low' }],
    },
    {
      code: 'export default function Page() {\n  if (req.headers.authorization === process.env.CRON_SECRET) ok();\n  return <div />;\n}',
      filename: 'src/pages/admin.tsx',
    },
  ],
  invalid: [
    // A lower-case member is a value: a field of a record.
    {
      code: 'if (req.headers.authorization !== config.cronSecret) deny();',
      errors: [{ messageId: 'unsafeOperator', line: 1 }],
    },
    {
      code: 'export default function Page() {\n  return <div />;\n}\nexport async function getServerSideProps({ req }) {\n  if (req.headers.authorization !== process.env.CRON_SECRET) return { notFound: true };\n  return { props: {} };\n}',
      filename: 'src/pages/admin.tsx',
      errors: [{ messageId: 'unsafeOperator', line: 5 }],
    },
  ],
});

// Presented across functions: a parameter the requester fills, by its callers, a decorator or a handler's `input`.
const PRESENTED_BY = {
  // The callers in the file pass a request field; the other side has no visible origin (a stored recovery token).
  caller: `function getOnboardingConfig(token: string, configs: { name: string; value: string }[]) {
  const recoveryToken = configs.find((c) => c.name === 'ONBOARDING_RECOVERY_TOKEN')?.value;
  return token === recoveryToken;
}
export function route(req: Request, configs: { name: string; value: string }[]) {
  return getOnboardingConfig(req.query.token, configs);
}`,
  // Two functions deep: the route hands the header to a helper that hands it on.
  twoCallers: `function matches(presented: string, stored: { apiToken: string }) {
  return presented === stored.apiToken;
}
function check(token: string, stored: { apiToken: string }) {
  return matches(token, stored);
}
export function route(req: Request, stored: { apiToken: string }) {
  return check(req.headers['x-api-token'], stored);
}`,
  // A field of an object the caller builds from the request body.
  callerObject: `function remove(body: { clientID: string; clientSecret: string }, saved: { clientSecret: string }) {
  if (saved.clientSecret !== body.clientSecret) throw new Error('clientSecret mismatch');
}
export function route(req: Request, saved: { clientSecret: string }) {
  remove({ clientID: req.body.clientID, clientSecret: req.body.clientSecret }, saved);
}`,
  // A framework decorator binds the parameter to the query string.
  decorator: `class OnboardingController {
  check(@Query('token') token: string) {
    return token === this.recoveryToken;
  }
}`,
  // An RPC procedure's input, destructured in the parameter.
  handlerInput: `export const handleSubscribe = async ({ input: { 'hub.verify_token': token } }: { input: Record<string, string> }) => {
  if (token !== stored.webhookSecret) throw new Error('Unauthorized');
};`,
  // The same helper called from a plain route: the cookie is what the requester sent.
  refreshFromRoute: `function validateRefreshToken(token: string, stored: { refreshToken: string }) {
  return stored.refreshToken === token;
}
export function refresh(request: Request, stored: { refreshToken: string }) {
  return validateRefreshToken(request.cookies.Refresh, stored);
}`,
  // A digest of a secret is no public digest.
  secretDigest: `function expectedToken(apiSecret: string) {
  return createHash('sha256').update(apiSecret).digest('hex');
}
function check(token: string, apiSecret: string) {
  const candidateToken = expectedToken(apiSecret);
  return candidateToken === token;
}
export function route(req: Request, apiSecret: string) {
  return check(req.body.token, apiSecret);
}`,
  // A request part by name, in a controller's method (its callers are out of sight).
  controllerBody: `export class ConnectionAPIController {
  async deleteConnections(body: { clientID: string; clientSecret: string }) {
    const connection = await this.connectionStore.get(body.clientID);
    if (connection.clientSecret === body.clientSecret) await this.connectionStore.delete(body.clientID);
  }
}`,
};

/** Only names say so: reported at medium, not by `recommended`. */
const NOT_PRESENTED = {
  // The only caller passes a stored value, not request input.
  storedCaller: `function same(token: string, stored: { apiToken: string }) {
  return token === stored.apiToken;
}
export function sync(row: { token: string }, stored: { apiToken: string }) {
  return same(row.token, stored);
}`,
  // Both sides come from the request (as in double-submit): nothing secret meets attacker input.
  bothPresented: `function same(presentedToken: string, otherToken: string) {
  return presentedToken === otherToken;
}
export function route(req: Request) {
  return same(req.body.token, req.query.token);
}`,
  // The record was looked up by the presented value itself: the comparison re-checks what the query matched.
  lookedUpByField: `export class SessionController {
  async check(body: { id: string; secret: string }) {
    const row = await db.session.findFirst({ where: { secret: body.secret } });
    return row?.secret === body.secret;
  }
}`,
  // The token's signature was verified first: the requester cannot vary it byte by byte.
  verifiedFirst: `export class AccountController {
  async confirmEmailChange(body: { tempToken: string }) {
    const token = body.tempToken;
    const { userId } = verifyEmailChangeJwt(token);
    const user = await this.users.readUserById(userId);
    if (user.tempToken !== token) throw new Error('not found');
  }
}`,
  // Called from a passport-jwt strategy's validate(): the strategy verified the token's signature first.
  jwtStrategy: `function validateRefreshToken(token: string, stored: { refreshToken: string }) {
  return stored.refreshToken === token;
}
export class RefreshStrategy extends PassportStrategy(Strategy, 'refresh') {
  constructor() {
    super({ jwtFromRequest: (req: Request) => req.cookies.Refresh, secretOrKey: process.env.REFRESH_SECRET });
  }
  validate(request: Request, stored: { refreshToken: string }) {
    return validateRefreshToken(request.cookies.Refresh, stored);
  }
}`,
  // A presented value whose name only sounds secret (a session id is a label): names decide, medium.
  sessionIdLabel: `function assertTargetBelongsToProject(input: { sessionId?: string }, trace: { sessionId: string }) {
  if (input.sessionId && trace.sessionId !== input.sessionId) throw new Error('wrong session');
}
export const callout = async ({ input }: { input: { sessionId?: string } }) => {
  assertTargetBelongsToProject(input, await loadTrace());
};`,
  // \`c\` is an entry of the list, not a Hono context: nothing shows the other side comes from the request.
  listEntryNamedC: `export function activeChannel(channels: { token: string }[], lastActiveToken: string) {
  return channels.find((c) => c.token === lastActiveToken);
}`,
  // A claim of a token the requester sent and the server verified: both sides come from the requester.
  verifiedClaim: `export class PluginController {
  async refresh(@Body() body: { secret: string; refreshToken: string }) {
    const payload = await this.jwtService.verifyAsync(body.refreshToken).catch(() => {
      throw new Error('Invalid refresh token');
    });
    if (payload.secret !== body.secret) throw new Error('Invalid refresh token');
  }
}`,
  // An unkeyed digest of ids the server sees: anyone can compute it.
  plainDigest: `function createActionToken(kind: string, messageId: string) {
  return createHash('sha256').update(\`\${kind}:\${messageId}\`).digest('base64url').slice(0, 16);
}
function resolve(token: string, kind: string, messageId: string) {
  const candidateToken = createActionToken(kind, messageId);
  return candidateToken === token;
}
export function route(req: Request) {
  return resolve(req.body.token, 'send', req.body.messageId);
}`,
  // Matching entries in memory after a lookup.
  listEntry: `function pick(token: string, rows: { token: string }[]) {
  return rows.find((r) => r.token === token);
}
export function route(req: Request, rows: { token: string }[]) {
  return pick(req.body.token, rows);
}`,
  // The requester's own session is no input it varies.
  session: `function same(token: string, stored: { apiToken: string }) {
  return token === stored.apiToken;
}
export function route(req: Request, stored: { apiToken: string }) {
  return same(req.session.token, stored);
}`,
  // A \`body\` parameter of a class that serves no requests.
  notController: `export class ConnectionMapper {
  matches(body: { clientSecret: string }) {
    return body.clientSecret === this.saved.clientSecret;
  }
}`,
};

/** Not reported at any confidence. */
const NEVER_REPORTED = {
  // An update saving a changed value: change detection, not a credential check.
  changeDetection: `export async function updateOrganization(req: Request, org: { licenseKey: string }) {
  const { licenseKey } = req.body;
  const updates: { licenseKey?: string } = {};
  if (licenseKey && licenseKey.trim() !== org.licenseKey) {
    updates.licenseKey = licenseKey.trim();
  }
  return updates;
}`,
  // Looked up by the same identifier: one side is derived from the other.
  lookedUp: `async function verify(token: string) {
  const session = await db.session.findUnique({ where: { token } });
  return session?.token === token;
}
export function route(req: Request) {
  return verify(req.body.token);
}`,
};

ruleTester.run('no-timing-unsafe-compare: parameters the requester fills', rule, {
  valid: [
    ...Object.values(NOT_PRESENTED),
    ...Object.values(NEVER_REPORTED).map((code) => ({ code, options: [{ minConfidence: 'low' as const }] })),
  ],
  invalid: [
    { code: PRESENTED_BY.caller, errors: [{ messageId: 'unsafeOperator', line: 3 }] },
    { code: PRESENTED_BY.twoCallers, errors: [{ messageId: 'unsafeOperator', line: 2 }] },
    { code: PRESENTED_BY.callerObject, errors: [{ messageId: 'unsafeOperator', line: 2 }] },
    { code: PRESENTED_BY.decorator, errors: [{ messageId: 'unsafeOperator', line: 3 }] },
    { code: PRESENTED_BY.handlerInput, errors: [{ messageId: 'unsafeOperator', line: 2 }] },
    { code: PRESENTED_BY.controllerBody, errors: [{ messageId: 'unsafeOperator', line: 4 }] },
    { code: PRESENTED_BY.secretDigest, errors: [{ messageId: 'unsafeOperator', line: 6 }] },
    { code: PRESENTED_BY.refreshFromRoute, errors: [{ messageId: 'unsafeOperator', line: 2 }] },
    // The same inequality whose branch refuses the request: a credential check.
    {
      code: "export function check(req: Request, org: { licenseKey: string }) {\n  const { licenseKey } = req.body;\n  if (licenseKey.trim() !== org.licenseKey) throw new Error('invalid license');\n}",
      errors: [{ messageId: 'unsafeOperator', line: 3 }],
    },
    // A Hono handler's \`c\` is the request context.
    {
      code: "app.get('/cron', (c) => {\n  if (c.req.query('secret') !== process.env.CRON_SECRET) return c.text('no', 401);\n});",
      errors: [{ messageId: 'unsafeOperator', line: 2 }],
    },
    // The same comparisons, still reported below high.
    ...withMinConfidence(
      Object.values(NOT_PRESENTED).map((code) => ({ code, errors: [{ messageId: 'unsafeOperator' }] })),
    ),
  ],
});
