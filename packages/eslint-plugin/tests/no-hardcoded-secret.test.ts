import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/index.js';
import { locate } from './support.js';

const rule = rules['no-hardcoded-secret']!;
const ruleTester = new RuleTester();

// Secret-looking values are assembled at run time so that no scanner (GitHub push protection,
// our own) finds a credential in this file.
const AWS_KEY_ID = 'AKIA' + 'Z7QK3M2XW6P4LBNT';
const PEM_HEADER = '-----BEGIN ' + 'RSA PRIVATE KEY-----';
const PEM_BODY = 'MIIEow' + 'IBAAKCAQEAq8Xv2LmN9pRt4sKw7YzHk3nP0aQ7zT1xWe5' + 'b3Jd8Lq2Vn6Rt0Pw4Ys9Km1Xc7Fh5Gj3Bz';
// A JWT: header {"alg":"HS256","typ":"JWT"}, made-up claims and signature.
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' +
  '.eyJzdWIiOiJ1c2VyLTQyIiwiaWF0IjoxNzAwMDAwMDAwfQ' +
  '.c2lnbmF0dXJlLXE4WHYyTG1OOXBSdDRzS3c';
const RANDOM = 'q8Xv' + '2LmN9pRt4sKw7Yz';
const RANDOM_2 = 'Hk3' + 'nP0aQ7zT1xWe5';
// Public by design, in their issuers' formats: a PostHog project key, a Stripe publishable key, an
// Nx Cloud token whose base64 says `<id>|read`; and their secret siblings (`phx_`, `|read-write`).
const POSTHOG_PROJECT_KEY = 'phc_' + RANDOM + RANDOM_2 + 'Zm4Q';
const POSTHOG_PERSONAL_KEY = 'phx_' + RANDOM + RANDOM_2 + 'Zm4Q';
const STRIPE_PUBLISHABLE = 'pk_' + 'live_' + RANDOM + RANDOM_2;
const NX_READ_TOKEN = 'M2YyYTljNDEtN2Q2ZS00YjFhLTllMGYt' + 'NWM4ZDJiN2E2ZTEwfHJlYWQ=';
const NX_WRITE_TOKEN = 'M2YyYTljNDEtN2Q2ZS00YjFhLTllMGYt' + 'NWM4ZDJiN2E2ZTEwfHJlYWQtd3JpdGU=';

/** A PEM key given to `sign` that is also shown as a placeholder, and its `useEnv` suggestion. */
const SIGNING_KEY_CODE =
  'const signingKey = `' +
  PEM_HEADER +
  '\n' +
  PEM_BODY +
  '\n`;\nexport const props = { placeholder: signingKey };\nsign(payload, signingKey);';
const SIGNING_KEY_SUGGESTION = [
  {
    messageId: 'useEnv' as const,
    output: SIGNING_KEY_CODE.replace('`' + PEM_HEADER + '\n' + PEM_BODY + '\n`', 'process.env.SIGNING_KEY'),
  },
];

/** The `useEnv` suggestion: the first occurrence of `literal` in `code` becomes `process.env.<envName>`. */
function useEnv(code: string, literal: string, envName: string) {
  return [{ messageId: 'useEnv' as const, output: code.replace(literal, `process.env.${envName}`) }];
}

/** An invalid case with one `secretName` finding and its `useEnv` suggestion. */
function nameCase(code: string, line: number, column: number, envName: string, literal = `'${RANDOM}'`) {
  return {
    code,
    errors: [{ messageId: 'secretName' as const, line, column, suggestions: useEnv(code, literal, envName) }],
  };
}

ruleTester.run('no-hardcoded-secret', rule, {
  valid: [
    // Data the program names or types as made up (samples, mocks, fixtures): medium, strict only.
    `export const samples: SampleRecord[] = [{ provider: 'chat', body: { token: '${RANDOM}', team_id: 'T1' } }];`,
    `const mockEvent = { type: 'session.created', session: { token: '${RANDOM}' } };`,
    // A pattern that describes tokens is not a token: a character range with a quantifier.
    "const TOKEN_STRINGS = '[A-Za-z0-9._~+/-]+=*';\nconst tokenRegexp = new RegExp(`^${TOKEN_STRINGS}$`);",
    "const apiKeyPattern = '^[a-f0-9]{64}$';",
    // Read from the environment or a secret manager.
    'const apiKey = process.env.STRIPE_API_KEY;',
    'const password = await secrets.get("db-password");',
    // Placeholders.
    "const password = 'changeme';",
    "const apiKey = '<your-api-key>';",
    "const token = '';",
    "const secret = '${JWT_SECRET}';",
    "const apiKey = 'xxxxxxxxxxxxxxxx';",
    // Names that only describe a secret.
    `const passwordHash = '${RANDOM}';`,
    `const tokenCount = '${RANDOM}';`,
    `const keyId = '${RANDOM}';`,
    // Not a secret name, not a known format.
    `const requestId = '${RANDOM}';`,
    `const config = { region: 'eu-west-1', bucket: '${RANDOM}' };`,
    // Keys and module specifiers are names, not values.
    "import { token } from './password-reset-token';",
    `const headers = { ['authorization']: value };`,
    `process.env['${RANDOM}'];`,
    // Short values under secret names: not credential-like.
    "const password = 'abc';",
    // Env fallbacks are no-env-fallback's business.
    `const jwtSecret = process.env.JWT_SECRET ?? '${RANDOM}';`,
    `const apiKey = process.env.API_KEY || '${RANDOM}';`,
    `const { JWT_SECRET = '${RANDOM}' } = process.env;`,
    `const env = process.env; const token = env.API_TOKEN ?? '${RANDOM}';`,
    // Test files: sample JWTs and name-based findings are skipped by default.
    { code: `const apiKey = '${RANDOM}';`, filename: 'fixtures/leaky-app/src/payments.ts' },
    { code: `const apiKey = '${RANDOM}';`, filename: 'e2e/login.ts' },
    { code: `const fixture = { value: '${JWT}' };`, filename: 'src/auth/jwt.service.spec.ts' },
    { code: `const password = '${RANDOM}';`, filename: 'src/auth/login.test.ts' },
    { code: `const apiKey = '${RANDOM}';`, filename: 'src/__tests__/client.ts' },
    { code: `const apiKey = '${RANDOM}';`, filename: 'tests/fixtures/user.fixture.js' },
    // Allowed by configuration.
    { code: `const apiKey = '${RANDOM}';`, options: [{ allowedPlaceholders: [RANDOM] }] },
    { code: `const apiKey = 'demo_${RANDOM}';`, options: [{ allowedPatterns: ['^demo_'] }] },
    // A search-only key is public by design (Algolia DocSearch and the like).
    `export default { themeConfig: { algolia: { appId: 'OHFQ1H5TQS', apiKey: '${RANDOM}', indexName: 'docs' } } };`,
    `docsearch({ container: '#search', apiKey: '${RANDOM}', indexName: 'docs' });`,
    `const search = { typesense: { apiKey: '${RANDOM}' } };`,
    // Keys public by design, whatever name holds them, in any configuration.
    {
      code: `class PostHogService { private POSTHOG_API_KEY = '${POSTHOG_PROJECT_KEY}'; }`,
      options: [{ minConfidence: 'low' }],
    },
    { code: `export const stripeKey = '${STRIPE_PUBLISHABLE}';`, options: [{ minConfidence: 'low' }] },
    { code: `export const nx = { nxCloudAccessToken: '${NX_READ_TOKEN}' };`, options: [{ minConfidence: 'low' }] },
    // Error-code maps: a constant-case value is a name, however its letters fall.
    "export const AuthenticationErrorCode = { InvalidCredentials: 'INVALID_CREDENTIALS', InvalidToken: 'INVALID_TOKEN' };",
    "const PASSWORD_RESET_REQUIRED = 'PASSWORD_RESET_REQUIRED';",
    // A sample key shown as an empty input's placeholder: named so, or used only there (medium, strict only).
    {
      code:
        'const PRIVATE_KEY_PLACEHOLDER = `\n' +
        PEM_HEADER +
        '\n' +
        PEM_BODY +
        '\n`.trim();\nexport const Row = () => <AuthRow placeholder={PRIVATE_KEY_PLACEHOLDER} />;',
      filename: 'auth-row.tsx',
    },
    'const keyHint = `' + PEM_HEADER + '\n' + PEM_BODY + '\n`;\nexport const props = { placeholder: keyHint };',
    {
      code: "export const Field = () => <textarea placeholder={'" + PEM_HEADER + '\\n' + PEM_BODY + "'} />;",
      filename: 'field.tsx',
    },
    // A format string's slots where the user and password go (Terraform's `format()`, printf).
    {
      code: 'const TF = `url = format("rediss://:%s@%s:%s", var.password, var.host, var.port)\nregion = ${region}`;',
      options: [{ minConfidence: 'low' }],
    },
    // Sentinels that mean "no stored key, use the default credential chain": dunder-style markers.
    {
      code: "export const BEDROCK_USE_DEFAULT_CREDENTIALS = '__BEDROCK_DEFAULT_CREDENTIALS__';",
      options: [{ minConfidence: 'low' }],
    },
    { code: "const vertexCredentials = '__use_default_credentials__';", options: [{ minConfidence: 'low' }] },
    // Medium (strict only): a password-shaped value under a token or key name.
    "const apiKey = 'Adm1nP@ss';",
    // Setter calls whose first argument is not a secret name.
    `headers.set('content-type', '${RANDOM}');`,
    // The literal is the condition, not a value.
    `const token = '${RANDOM}' ? a : b;`,
    // Token kinds compared with literals are usually enums (lexers, grant types).
    "if (lastToken === '?NonExpressionParen') push();",
    // Schema builders are not setters.
    "db.schema.createTable('c').addColumn('db_password', 'varchar(255)');",
    "headers.set('authorization', 'none');",
    // A name given several different literals is a state, not a credential.
    `let lastSignificantToken = '';\nlastSignificantToken = '?NonExpressionParen';\nlastSignificantToken = '?InterpolationInJSX';\nlastSignificantToken = '?NoLineTerminatorHere';`,
    // Key arguments: a key from the environment, or an empty or template placeholder.
    "import { createHmac } from 'node:crypto';\nconst mac = createHmac('sha256', process.env.HMAC_KEY!);",
    "import jwt from 'jsonwebtoken';\nconst t = jwt.sign(payload, '');",
    "import jwt from 'jsonwebtoken';\nconst t = jwt.sign(payload, '<jwt-secret>');",
    // The algorithm argument is not the key.
    "import { createHmac } from 'node:crypto';\nconst mac = createHmac('sha256', key);",
    // A local function named like a crypto API.
    "function createHmac(a: string, b: string) {}\ncreateHmac('sha256', 'secret');",
    { code: "import jwt from 'jsonwebtoken';\nconst t = jwt.sign(payload, 'secret');", filename: 'src/auth.test.ts' },
    "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET!, name: 'sid' }));",
    // Basic auth from variables, or a pair that is not a password.
    "const auth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');",
    "const key = 'Basic ' + Buffer.from('user:changeme').toString('base64');",
    "const ratio = Buffer.from('16:9').toString('hex');",
    // Declaration files are types only.
    { code: `declare const apiKey: '${RANDOM}';`, filename: 'types.d.ts' },
    // The author says the value is no secret: a name-based finding is low, a known format medium and no longer live.
    `// This is not actually a secret key, just a pad we XOR with the slug\nconst XOR_SECRET_KEY = '${RANDOM}';`,
    {
      code: `const webhook = {\n  secret: '${AWS_KEY_ID}', // dummy secret\n  url,\n};`,
      filename: 'tests/webhooks/index.test.ts',
    },
    `const fixture = { value: '${AWS_KEY_ID}' }; // fake key, not a real credential`,
  ],
  invalid: [
    // Double underscores around a random value do not make it a marker.
    nameCase(`const BEDROCK_CREDENTIALS = '__${RANDOM}__';`, 1, 29, 'BEDROCK_CREDENTIALS', `'__${RANDOM}__'`),
    {
      ...nameCase(
        `export const samples: SampleRecord[] = [{ provider: 'chat', body: { token: '${RANDOM}', team_id: 'T1' } }];`,
        1,
        76,
        'TOKEN',
      ),
      options: [{ minConfidence: 'medium' }],
    },
    {
      ...nameCase(`const mockEvent = { type: 'session.created', session: { token: '${RANDOM}' } };`, 1, 64, 'TOKEN'),
      options: [{ minConfidence: 'medium' }],
    },
    // A flat object is configuration whatever it is called; the same nesting under another name stays high.
    nameCase(`const sampleConfig = { apiKey: '${RANDOM}', baseUrl: 'https://api.example.test' };`, 1, 32, 'API_KEY'),
    nameCase(`const defaults = { auth: { token: '${RANDOM}' } };`, 1, 35, 'TOKEN'),
    // The secret siblings of public-by-design keys: a PostHog personal key, a read-write Nx Cloud token.
    nameCase(
      `const POSTHOG_API_KEY = '${POSTHOG_PERSONAL_KEY}';`,
      1,
      25,
      'POSTHOG_API_KEY',
      `'${POSTHOG_PERSONAL_KEY}'`,
    ),
    nameCase(
      `export const nxCloudAccessToken = '${NX_WRITE_TOKEN}';`,
      1,
      35,
      'NX_CLOUD_ACCESS_TOKEN',
      `'${NX_WRITE_TOKEN}'`,
    ),
    // A bracket inside a random value is no pattern without a range and a quantifier.
    nameCase(`const authToken = '${RANDOM}[x]';`, 1, 19, 'AUTH_TOKEN', `'${RANDOM}[x]'`),
    // A disclaimer is evidence about the value: strict still shows it, at the confidence it leaves.
    {
      code: `// This is not actually a secret key, just a pad we XOR with the slug\nconst XOR_SECRET_KEY = '${RANDOM}';`,
      options: [{ minConfidence: 'low' }],
      errors: [{ messageId: 'secretName', line: 2, column: 24, suggestions: 1 }],
    },
    {
      code: `const fixture = { value: '${AWS_KEY_ID}' }; // fake key, not a real credential`,
      options: [{ minConfidence: 'medium' }],
      errors: [{ messageId: 'knownFormat', line: 1, column: 26, suggestions: 1 }],
    },
    // Comments that warn about a secret are no disclaimer.
    nameCase(`// Do not commit the secret: rotate it\nconst apiKey = '${RANDOM}';`, 2, 16, 'API_KEY'),
    nameCase(`const apiKey = '${RANDOM}'; // live key, see the vault`, 1, 16, 'API_KEY'),
    {
      code: `const awsKeyId = '${AWS_KEY_ID}';`,
      errors: [
        {
          messageId: 'knownFormat',
          line: 1,
          column: 18,
          suggestions: [{ messageId: 'useEnv', output: 'const awsKeyId = process.env.AWS_KEY_ID;' }],
        },
      ],
    },
    {
      // Known formats are reported whatever the name, also in test files.
      code: `const fixture = { id: 1, value: '${AWS_KEY_ID}' };`,
      filename: 'src/aws.test.ts',
      errors: [
        {
          messageId: 'knownFormat',
          line: 1,
          column: 33,
          suggestions: useEnv(`const fixture = { id: 1, value: '${AWS_KEY_ID}' };`, `'${AWS_KEY_ID}'`, 'VALUE'),
        },
      ],
    },
    // A JWT is mostly a signed sample claim: medium (strict).
    {
      code: `callApi('${JWT}');`,
      options: [{ minConfidence: 'medium' }],
      errors: [{ messageId: 'knownFormat', line: 1, column: 9, suggestions: [] }],
    },
    {
      code: `callAws('${AWS_KEY_ID}');`,
      errors: [{ messageId: 'knownFormat', line: 1, column: 9, suggestions: [] }],
    },
    {
      code: 'const TF = `url = "rediss://:' + RANDOM + '@cache.prod.net:6380"\nregion = ${region}`;',
      errors: [{ messageId: 'knownFormat', line: 1, suggestions: [] }],
    },
    // Used as a key as well as a placeholder, or a vendor token under a sample name: still high.
    {
      code: SIGNING_KEY_CODE,
      errors: [{ messageId: 'knownFormat', line: 1, column: 20, suggestions: SIGNING_KEY_SUGGESTION }],
    },
    {
      code: `const EXAMPLE_AWS_KEY = '${AWS_KEY_ID}';`,
      errors: [
        {
          messageId: 'knownFormat',
          line: 1,
          column: 25,
          suggestions: useEnv(`const EXAMPLE_AWS_KEY = '${AWS_KEY_ID}';`, `'${AWS_KEY_ID}'`, 'EXAMPLE_AWS_KEY'),
        },
      ],
    },
    {
      code: 'const key = `' + PEM_HEADER + '\n' + PEM_BODY + '\n`;',
      errors: [
        {
          messageId: 'knownFormat',
          line: 1,
          column: 13,
          suggestions: [{ messageId: 'useEnv', output: 'const key = process.env.KEY;' }],
        },
      ],
    },
    {
      // Inside a template with substitutions: reported, no suggestion.
      code: 'const header = `' + AWS_KEY_ID + ':${region}`;',
      errors: [{ messageId: 'knownFormat', line: 1, column: 16, suggestions: [] }],
    },
    {
      code: `const password = '${RANDOM}';`,
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 18,
          endColumn: 18 + RANDOM.length + 2,
          suggestions: [{ messageId: 'useEnv', output: 'const password = process.env.PASSWORD;' }],
        },
      ],
    },
    nameCase(`const stripeApiKey = "${RANDOM}";`, 1, 22, 'STRIPE_API_KEY', `"${RANDOM}"`),
    // Config object keys.
    nameCase(`const db = {\n  host: 'localhost',\n  password: '${RANDOM}',\n};`, 3, 13, 'PASSWORD'),
    nameCase(`export default { auth: { clientSecret: '${RANDOM}' } };`, 1, 40, 'CLIENT_SECRET'),
    nameCase(`const s = { 'api_key': '${RANDOM}' };`, 1, 24, 'API_KEY'),
    // Class fields.
    nameCase(`class PaymentsClient {\n  private readonly apiKey = '${RANDOM}';\n}`, 2, 29, 'API_KEY'),
    // Default parameters and destructuring defaults.
    nameCase(`function connect(user: string, password = '${RANDOM}') {}`, 1, 43, 'PASSWORD'),
    nameCase(`const { token = '${RANDOM}' } = options;`, 1, 17, 'TOKEN'),
    // Assignments to members.
    nameCase(`this.jwtSecret = '${RANDOM}';`, 1, 18, 'JWT_SECRET'),
    nameCase(`config.smtp.password = '${RANDOM}';`, 1, 24, 'PASSWORD'),
    // Wrapped values.
    nameCase(`const apiToken = ('${RANDOM}' as string);`, 1, 19, 'API_TOKEN'),
    {
      code: `const password = isProd ? '${RANDOM}' : '${RANDOM_2}';`,
      errors: [
        {
          messageId: 'secretName',
          column: 27,
          suggestions: useEnv(`const password = isProd ? '${RANDOM}' : '${RANDOM_2}';`, `'${RANDOM}'`, 'PASSWORD'),
        },
        {
          messageId: 'secretName',
          column: 32 + RANDOM.length,
          suggestions: useEnv(`const password = isProd ? '${RANDOM}' : '${RANDOM_2}';`, `'${RANDOM_2}'`, 'PASSWORD'),
        },
      ],
    },
    // A fallback that is not an env read still hard-codes the secret.
    nameCase(`const apiKey = options.apiKey ?? '${RANDOM}';`, 1, 34, 'API_KEY'),
    nameCase(`const apiKeys = ['${RANDOM}'];`, 1, 18, 'API_KEYS'),
    // Setter calls name the value in their first argument.
    nameCase(`headers.set('X-Api-Key', '${RANDOM}');`, 1, 26, 'X_API_KEY'),
    nameCase(`localStorage.setItem('accessToken', '${RANDOM}');`, 1, 37, 'ACCESS_TOKEN'),
    // Comparing a secret with a literal is a hard-coded backdoor.
    nameCase(`if (req.body.password === '${RANDOM}') grant();`, 1, 27, 'PASSWORD'),
    nameCase(`if ('${RANDOM}' !== apiKey) deny();`, 1, 5, 'API_KEY'),
    {
      code: `const el = <Checkout apiKey="${RANDOM}" />;`,
      filename: 'checkout.tsx',
      errors: [
        {
          messageId: 'secretName',
          column: 29,
          suggestions: useEnv(`const el = <Checkout apiKey="${RANDOM}" />;`, `"${RANDOM}"`, 'API_KEY').map((sg) => ({
            ...sg,
            output: sg.output.replace('process.env.API_KEY', '{process.env.API_KEY}'),
          })),
        },
      ],
    },
    // Strict (ignoreTestFiles: false, every confidence) checks tests too, at low confidence.
    {
      ...nameCase(`const password = '${RANDOM}';`, 1, 18, 'PASSWORD'),
      filename: 'src/auth/login.test.ts',
      options: [{ ignoreTestFiles: false, minConfidence: 'low' }],
    },
    // A live credential format is reported in test files at high confidence.
    {
      code: `const fixture = { id: 1, value: '${AWS_KEY_ID}' };`,
      filename: 'src/auth/client.spec.ts',
      errors: [
        {
          messageId: 'knownFormat',
          line: 1,
          column: 33,
          suggestions: useEnv(`const fixture = { id: 1, value: '${AWS_KEY_ID}' };`, `'${AWS_KEY_ID}'`, 'VALUE'),
        },
      ],
    },
    // Files the shared classification calls fixtures are product code when settings say so.
    {
      ...nameCase(`const apiKey = '${RANDOM}';`, 1, 16, 'API_KEY'),
      filename: 'fixtures/leaky-app/src/payments.ts',
      settings: { 'secret-hygiene': { fileKinds: { product: ['fixtures/leaky-app/**'] } } },
    },
    // A password-shaped value under a token name is medium.
    {
      code: "const apiKey = 'Adm1nP@ss';",
      options: [{ minConfidence: 'medium' }],
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 16,
          suggestions: [{ messageId: 'useEnv', output: 'const apiKey = process.env.API_KEY;' }],
        },
      ],
    },
    // A password-shaped value under a password name is high.
    {
      code: "const adminPassword = 'Adm1nP@ss';",
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 23,
          suggestions: [{ messageId: 'useEnv', output: 'const adminPassword = process.env.ADMIN_PASSWORD;' }],
        },
      ],
    },
    // Literal keys passed to crypto and signing APIs, however weak they look.
    {
      code: "import jwt from 'jsonwebtoken';\nconst t = jwt.sign(payload, 'secret');",
      errors: [
        {
          messageId: 'literalKey',
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: 'useEnv',
              output: "import jwt from 'jsonwebtoken';\nconst t = jwt.sign(payload, process.env.JWT_SECRET);",
            },
          ],
        },
      ],
    },
    {
      code: "import crypto from 'crypto';\nconst hmac = (data: string) => crypto.createHmac('sha256', 'pa4qacea4VK9').update(data).digest('hex');",
      errors: [
        {
          messageId: 'literalKey',
          line: 2,
          column: 60,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import crypto from 'crypto';\nconst hmac = (data: string) => crypto.createHmac('sha256', process.env.HMAC_KEY).update(data).digest('hex');",
            },
          ],
        },
      ],
    },
    {
      code: "import { createCipheriv } from 'node:crypto';\nconst c = createCipheriv('aes-256-gcm', 'k'.repeat(32), iv);\nconst d = createCipheriv('aes-256-gcm', '0123456789abcdef0123456789abcdef', iv);",
      errors: [
        {
          messageId: 'literalKey',
          line: 3,
          column: 41,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { createCipheriv } from 'node:crypto';\nconst c = createCipheriv('aes-256-gcm', 'k'.repeat(32), iv);\nconst d = createCipheriv('aes-256-gcm', process.env.ENCRYPTION_KEY, iv);",
            },
          ],
        },
      ],
    },
    {
      code: "import cookieParser from 'cookie-parser';\napp.use(cookieParser('keyboard cat'));",
      errors: [
        {
          messageId: 'literalKey',
          line: 2,
          column: 22,
          suggestions: [
            {
              messageId: 'useEnv',
              output: "import cookieParser from 'cookie-parser';\napp.use(cookieParser(process.env.COOKIE_SECRET));",
            },
          ],
        },
      ],
    },
    {
      code: "const CryptoJS = require('crypto-js');\nconst ct = CryptoJS.AES.encrypt(message, 'my passphrase').toString();",
      errors: [
        {
          messageId: 'literalKey',
          line: 2,
          column: 42,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "const CryptoJS = require('crypto-js');\nconst ct = CryptoJS.AES.encrypt(message, process.env.ENCRYPTION_KEY).toString();",
            },
          ],
        },
      ],
    },
    // A random value compared with a token is a backdoor too.
    nameCase(`if (supportToken === '${RANDOM}') allow();`, 1, 22, 'SUPPORT_TOKEN'),
    // Object paths name the value: a Redis URL with a password is a known format.
    {
      code: "export const redis = { url: 'redis://:Rp4ssW0rd8xYz2Qk@cache.internal:6379/0' };",
      errors: [
        {
          messageId: 'knownFormat',
          column: 29,
          suggestions: useEnv(
            "export const redis = { url: 'redis://:Rp4ssW0rd8xYz2Qk@cache.internal:6379/0' };",
            "'redis://:Rp4ssW0rd8xYz2Qk@cache.internal:6379/0'",
            'URL',
          ),
        },
      ],
    },
    nameCase(`const slack = { bot: { signingSecret: '${RANDOM}' } };`, 1, 39, 'SIGNING_SECRET'),
    // Bytes made from a literal.
    nameCase(`export const encryptionKey = Buffer.from('${RANDOM}', 'hex');`, 1, 42, 'ENCRYPTION_KEY'),
    // Authorization headers: the credential after the scheme.
    nameCase(`const headers = { Authorization: 'Bearer ${RANDOM}' };`, 1, 34, 'AUTHORIZATION', `'Bearer ${RANDOM}'`),
    {
      code: "import session from 'express-session';\napp.use(session({ secret: 'keyboard cat', resave: false }));",
      errors: [
        {
          messageId: 'literalKey',
          line: 2,
          column: 27,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false }));",
            },
          ],
        },
      ],
    },
    {
      code: "import { Strategy as JwtStrategy } from 'passport-jwt';\npassport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: 'secret' }, verify));",
      errors: [
        {
          messageId: 'literalKey',
          line: 2,
          column: 61,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import { Strategy as JwtStrategy } from 'passport-jwt';\npassport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: process.env.JWT_SECRET }, verify));",
            },
          ],
        },
      ],
    },
    // Basic auth built from a literal user:password pair.
    {
      code: `const auth = 'Basic ' + Buffer.from('admin:${RANDOM}').toString('base64');`,
      errors: [{ messageId: 'secretName', column: 37, suggestions: [] }],
    },
    {
      code: `headers.authorization = \`Basic \${btoa('svc-report:${RANDOM}')}\`;`,
      errors: [{ messageId: 'secretName', column: 39, suggestions: [] }],
    },
    // Shared settings add secret words.
    {
      ...nameCase(`const pin = '${RANDOM}';`, 1, 13, 'PIN'),
      settings: { 'secret-hygiene': { extraSecretWords: ['pin'] } },
    },
  ],
});

const typed = {
  parserOptions: {
    project: './tsconfig.json',
    tsconfigRootDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
};

/** One `literalKey` finding at the first occurrence of `literal`, with its `useEnv` suggestion. */
function keyCase(code: string, literal: string, envName: string) {
  return {
    code,
    errors: [
      { messageId: 'literalKey' as const, ...locate(code, literal), suggestions: useEnv(code, literal, envName) },
    ],
  };
}

/** One medium `secretName` finding on the code's only string literal, with its `useEnv` suggestion. */
function phraseCase(code: string, envName: string) {
  const literal = /'[^']*'$|'[^']*'(?=[^']*$)/.exec(code.replace(/;$/, ''))![0];
  return {
    code,
    errors: [
      { messageId: 'secretName' as const, ...locate(code, literal), suggestions: useEnv(code, literal, envName) },
    ],
  };
}

const JWT_IMPORT = "import jwt from 'jsonwebtoken';\n";
const COOKIE_SESSION =
  "import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'session', keys: ['first-rotation-key', 'second-rotation-key'] }));";
const KOA_KEYS = "import Koa from 'koa';\nconst app = new Koa();\napp.keys = ['im a newer secret', 'i like turtle'];";
const PHRASES = "module.exports.config = { jwtSecret: 'banana_republic_kingdom', sessionSecret: 'keyboard cat' };";
const SESSION_IMPORT = "import session from 'express-session';\n";

// A literal that reaches the key of a signing, session or cipher API is the key, whatever it reads
// like: through a `const`, a `const` object's field (in another module with type information), bytes
// made from it, an options object written apart from the call or typed as the library's options.
// A made-up phrase under a secret's name alone is medium (strict).
ruleTester.run('no-hardcoded-secret: keys that reach a key slot, and made-up phrases', rule, {
  valid: [
    // Stand-ins that cannot be a working key, and keys read from the environment.
    `${JWT_IMPORT}const JWT_SECRET = '<your-jwt-secret>';\nexport const t = (p: object) => jwt.sign(p, JWT_SECRET);`,
    `${JWT_IMPORT}const JWT_SECRET = '';\nexport const t = (p: object) => jwt.sign(p, JWT_SECRET);`,
    `${JWT_IMPORT}const JWT_SECRET = '\${JWT_SECRET}';\nexport const t = (p: object) => jwt.sign(p, JWT_SECRET);`,
    `${JWT_IMPORT}const JWT_SECRET = process.env.JWT_SECRET!;\nexport const t = (p: object) => jwt.sign(p, JWT_SECRET);`,
    `${JWT_IMPORT}export const t = (p: object) => jwt.sign(p, 'xxxxxxxx');`,
    // A default of an env read is no-env-fallback's finding, not this rule's.
    `${JWT_IMPORT}const JWT_SECRET = process.env.JWT_SECRET ?? 'dev-secret';\nexport const t = (p: object) => jwt.sign(p, JWT_SECRET);`,
    // A `let` may be reassigned before use: not followed.
    `${JWT_IMPORT}let secret = 'first-phrase-value';\nsecret = load();\nexport const t = (p: object) => jwt.sign(p, secret);\ndeclare function load(): string;`,
    // Not a key slot: the payload, the options.
    `${JWT_IMPORT}const CLAIM = 'role-admin-claim';\nexport const t = (k: string) => jwt.sign({ role: CLAIM }, k, { issuer: 'my-app-issuer' });`,
    // A local function that happens to be called sign is no library's.
    "const SECRET = 'purple-monkey-dishwasher';\nfunction sign(p: object, k: string) { return k; }\nexport const t = sign({}, SECRET);",
    // In a test file, constants the test signs with are test data.
    {
      code: `${JWT_IMPORT}const SECRET = 'test-signing-secret';\nexport const t = jwt.sign({}, SECRET);`,
      filename: 'src/auth/__tests__/token.test.ts',
    },
    // iron-session's options typed as such, from the environment.
    "import type { SessionOptions } from 'iron-session';\nexport const ironOptions: SessionOptions = { password: process.env.SESSION_PASSWORD!, cookieName: 'app_session' };",
    // A login password's local development defaults are placeholders.
    "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'localhost', user: 'postgres', password: 'postgres' });",
    "import mysql from 'mysql2/promise';\nexport const pool = mysql.createPool({ host: 'localhost', user: 'root', password: 'root' });",
    "import { Sequelize } from 'sequelize';\nexport const db = new Sequelize('app', 'root', '', { dialect: 'sqlite' });",
    "import Redis from 'ioredis';\nexport const redis = new Redis({ host: 'cache', password: 'redispassword' });",
    // Another object's `keys`, and a method of another class named like the service's.
    "const cache = new Map();\nconst index = { keys: ['alpha-beta-gamma'] };\nindex.keys = ['first-page-key'];",
    "class Signer { sign(p: object, o: { secret: string }) { return o; } }\nconst s = new Signer();\ns.sign({}, { secret: 'not-a-library-secret' });",
    // A type whose `secret` is no key.
    "type Hint = { secret: string };\nexport const hint: Hint = { secret: 'purple-monkey-dishwasher' };",
    // Made-up phrases under a secret's name are medium: the default config does not report them.
    "export const cookieSecret = 'my_super_secret_cookie_phrase';",
    "export const SESSION_SECRET = 'purple-monkey-dishwasher';",
    // Field, header and grant names, placeholders, sentences, dotted keys: no phrase a person keeps secret.
    {
      code: [
        "export const fields = { clientSecret: 'client_secret', password: 'password', secret: 'secret_key' };",
        "export const labels = { password: 'Enter your password here', secret: 'Your secret is safe with us' };",
        "export const keys = { password: 'auth.password.label', secret: 'settings.secret.title' };",
        "export const names = { secret: 'signingSecret', password: 'newPassword', jwtSecret: 'JWT_SECRET' };",
        "export const stand = { secret: 'example-secret-key-123', password: 'your-password-here' };",
        "export const tokens = { token: 'refresh_token_grant_type', apiKey: 'x-api-key-header' };",
        "export const columns = { sessionSecret: 'session_secret_key', webhookSecret: 'VARCHAR(255)' };",
        // A default the environment is spread over is no-env-fallback's.
        "export const env = { SESSION_SECRET: 'purple-monkey-dishwasher', ...process.env };",
      ].join('\n'),
      options: [{ minConfidence: 'low' }],
    },
  ],
  invalid: [
    // Through a `const`, reported where the literal is, however weak it looks.
    keyCase(
      `${JWT_IMPORT}const JWT_SECRET = 'changeme';\nexport const t = (p: object) => jwt.sign(p, JWT_SECRET);`,
      "'changeme'",
      'JWT_SECRET',
    ),
    keyCase(
      `${JWT_IMPORT}export function verify(t: string) {\n  return jwt.verify(t, JWT_KEY);\n}\nconst JWT_KEY = 'example-secret-key-123';`,
      "'example-secret-key-123'",
      'JWT_SECRET',
    ),
    keyCase(
      "import { createCipheriv, randomBytes } from 'node:crypto';\nconst KEY = 'my-32-character-ultra-secure-key';\nexport const c = createCipheriv('aes-256-cbc', Buffer.from(KEY), randomBytes(16));",
      "'my-32-character-ultra-secure-key'",
      'ENCRYPTION_KEY',
    ),
    // A field of a `const` object, at any depth, and an options object written apart from the call.
    keyCase(
      `${SESSION_IMPORT}const config = { session: { secret: 'purple-monkey-dishwasher' } };\napp.use(session({ secret: config.session.secret }));`,
      "'purple-monkey-dishwasher'",
      'SESSION_SECRET',
    ),
    keyCase(
      `${SESSION_IMPORT}const sessionConfig = { secret: 'my_super_secret_cookie_phrase', resave: false };\napp.use(session(sessionConfig));`,
      "'my_super_secret_cookie_phrase'",
      'SESSION_SECRET',
    ),
    // Bytes made from the literal: jose's keys.
    keyCase(
      "import { jwtVerify } from 'jose';\nconst secret = new TextEncoder().encode('jose-signing-secret-phrase');\nexport const check = (t: string) => jwtVerify(t, secret);",
      "'jose-signing-secret-phrase'",
      'JWT_SECRET',
    ),
    keyCase(
      "import { SignJWT } from 'jose';\nexport const t = () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode('jose-signing-secret-phrase'));",
      "'jose-signing-secret-phrase'",
      'JWT_SECRET',
    ),
    // Auth.js / NextAuth and iron-session options, in the call or typed as the library's options.
    keyCase(
      "import NextAuth from 'next-auth';\nexport default NextAuth({ providers: [], secret: 'my-next-auth-secret-phrase' });",
      "'my-next-auth-secret-phrase'",
      'NEXTAUTH_SECRET',
    ),
    keyCase(
      "import type { NextAuthOptions } from 'next-auth';\nexport const authOptions: NextAuthOptions = { providers: [], secret: 'supersecretnextauthvalue' };",
      "'supersecretnextauthvalue'",
      'NEXTAUTH_SECRET',
    ),
    keyCase(
      "import type { SessionOptions } from 'iron-session';\nexport const ironOptions = { password: 'complex_password_at_least_32_characters_long', cookieName: 'app' } satisfies SessionOptions;",
      "'complex_password_at_least_32_characters_long'",
      'SESSION_SECRET',
    ),
    keyCase(
      "import { getIronSession } from 'iron-session';\nexport const get = (req: Request, res: Response) => getIronSession(req, res, { password: 'complex_password_at_least_32_characters_long', cookieName: 'app' });",
      "'complex_password_at_least_32_characters_long'",
      'SESSION_PASSWORD',
    ),
    keyCase(
      "import { sealData } from 'iron-session';\nexport const seal = (d: object) => sealData(d, { password: 'another-long-iron-session-password-value' });",
      "'another-long-iron-session-password-value'",
      'SESSION_PASSWORD',
    ),
    // Fastify plugins take their options in `register`; Hono and NestJS JWT helpers.
    keyCase(
      "import fastifyJwt from '@fastify/jwt';\nfastify.register(fastifyJwt, { secret: 'supersecret' });\ndeclare const fastify: { register(p: unknown, o: object): void };",
      "'supersecret'",
      'JWT_SECRET',
    ),
    keyCase(
      "import { jwt } from 'hono/jwt';\napp.use('/api/*', jwt({ secret: 'it-is-very-secret' }));",
      "'it-is-very-secret'",
      'JWT_SECRET',
    ),
    keyCase(
      "import { sign } from 'hono/jwt';\nexport const t = (p: { sub: string }) => sign(p, 'hono-signing-phrase');",
      "'hono-signing-phrase'",
      'JWT_SECRET',
    ),
    keyCase(
      "import { JwtModule } from '@nestjs/jwt';\nexport const jwtModule = JwtModule.register({ secret: 'nest-jwt-secret-phrase', signOptions: { expiresIn: '60s' } });",
      "'nest-jwt-secret-phrase'",
      'JWT_SECRET',
    ),
    // NestJS: the docs' `jwtConstants`, and a secret given to the injected service.
    keyCase(
      "import { JwtModule } from '@nestjs/jwt';\nexport const jwtConstants = { secret: 'secretKey' };\nexport const jwtModule = JwtModule.register({ global: true, secret: jwtConstants.secret });",
      "'secretKey'",
      'JWT_SECRET',
    ),
    keyCase(
      "import { JwtService } from '@nestjs/jwt';\nexport class AuthService {\n  constructor(private readonly jwtService: JwtService) {}\n  login(sub: string) {\n    return this.jwtService.sign({ sub }, { secret: 'nest-inline-secret' });\n  }\n}",
      "'nest-inline-secret'",
      'JWT_SECRET',
    ),
    // Koa signs cookies with `app.keys`.
    {
      code: KOA_KEYS,
      errors: ["'im a newer secret'", "'i like turtle'"].map((literal) => ({
        messageId: 'literalKey' as const,
        ...locate(KOA_KEYS, literal),
        suggestions: useEnv(KOA_KEYS, literal, 'APP_KEYS'),
      })),
    },
    // Login passwords of database and mail clients, also nested and through a const.
    keyCase(
      "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'db.internal', user: 'app', password: 'shopdbpass2024' });",
      "'shopdbpass2024'",
      'DB_PASSWORD',
    ),
    keyCase(
      "import nodemailer from 'nodemailer';\nconst SMTP = { host: 'smtp.acme.test', auth: { user: 'ops', pass: 'abcd efgh ijkl mnop' } };\nexport const mailer = nodemailer.createTransport(SMTP);",
      "'abcd efgh ijkl mnop'",
      'SMTP_PASSWORD',
    ),
    keyCase(
      "import knex from 'knex';\nexport const db = knex({ client: 'pg', connection: { host: 'db', user: 'app', password: 'knex-db-secret-99' } });",
      "'knex-db-secret-99'",
      'DB_PASSWORD',
    ),
    keyCase(
      "import { Sequelize } from 'sequelize';\nexport const db = new Sequelize('shop', 'shop', 'sequelizepass88', { dialect: 'postgres' });",
      "'sequelizepass88'",
      'DB_PASSWORD',
    ),
    // cookie-session signs with every key of its list.
    {
      code: COOKIE_SESSION,
      errors: [
        ...["'first-rotation-key'", "'second-rotation-key'"].map((literal) => ({
          messageId: 'literalKey' as const,
          ...locate(COOKIE_SESSION, literal),
          suggestions: useEnv(COOKIE_SESSION, literal, 'SESSION_KEYS'),
        })),
      ],
    },
    // A made-up phrase under a secret's name: medium, reported by strict.
    {
      ...phraseCase("export const cookieSecret = 'my_super_secret_cookie_phrase';", 'COOKIE_SECRET'),
      options: [{ minConfidence: 'medium' }],
    },
    {
      ...phraseCase("export const SESSION_SECRET = 'purple-monkey-dishwasher';", 'SESSION_SECRET'),
      options: [{ minConfidence: 'medium' }],
    },
    {
      ...phraseCase("export const authOptions = { providers: [], secret: 'supersecretnextauthvalue' };", 'SECRET'),
      options: [{ minConfidence: 'medium' }],
    },
    {
      code: PHRASES,
      options: [{ minConfidence: 'medium' }],
      errors: [
        {
          messageId: 'secretName',
          ...locate(PHRASES, "'banana_republic_kingdom'"),
          suggestions: useEnv(PHRASES, "'banana_republic_kingdom'", 'JWT_SECRET'),
        },
        {
          messageId: 'secretName',
          ...locate(PHRASES, "'keyboard cat'"),
          suggestions: useEnv(PHRASES, "'keyboard cat'", 'SESSION_SECRET'),
        },
      ],
    },
    // With type information a literal of another module is reported where this file passes it (the
    // fixture sits below tests/, so test-file skipping is off here).
    {
      code: "import jwt from 'jsonwebtoken';\nimport { settings } from './no-hardcoded-secret/settings.js';\nexport const t = (p: object) => jwt.sign(p, settings.jwt.secret);",
      languageOptions: typed,
      options: [{ ignoreTestFiles: false }],
      errors: [{ messageId: 'literalKey', line: 3, column: 45 }],
    },
    {
      code: "import { createHmac } from 'node:crypto';\nimport { HMAC_KEY, KEY_PLACEHOLDER, settings } from './no-hardcoded-secret/settings.js';\nexport const m = (b: string) => createHmac('sha256', HMAC_KEY).update(b).digest('hex');\nexport const n = (b: string) => createHmac('sha256', KEY_PLACEHOLDER).update(b).digest('hex');\nexport const o = (b: string) => createHmac('sha256', settings.session.secret).update(b).digest('hex');",
      languageOptions: typed,
      options: [{ ignoreTestFiles: false }],
      errors: [{ messageId: 'literalKey', line: 3, column: 54 }],
    },
  ],
});

// Held-out round 4 (issue 13): constants that name themselves, schema examples, ingestion keys.
const BASIC_EXAMPLE = 'Basic ' + 'YzQ2MDllYjMtYTE2OC00MGI5LWI1ZWMtYTdiYTFkYzY2NWYwOjI5NGYwYjkyOTI1YWZhNzM=';
const INGESTION_KEY = '4d3112b9-' + '2a84-48c2-af9e-ec96b9aacf71';
ruleTester.run('no-hardcoded-secret: self-named constants, schema examples, ingestion keys', rule, {
  valid: [
    // A Redux action type or a settings name whose value is its own name (any confidence).
    ...[
      "export const SET_COMPONENT_CREDENTIALS = '@canvas/SET_COMPONENT_CREDENTIALS';",
      "export const NAMES = { GmailTokens: 'GmailTokens' } as const;",
    ].map((code) => ({ code, options: [{ minConfidence: 'low' as const }] })),
    // A schema's example value is documentation: medium.
    `export const PublicWriteKey = Type.String({ description: 'Authorization header', examples: ['${BASIC_EXAMPLE}'] });`,
    // A name given several literals, only some of which look secret: a code generator's type names (any confidence).
    {
      code: "const a = { token: 'String' };\nconst b = { token: 'bool' };\nconst c = { token: 'serde_json::Value' };",
      options: [{ minConfidence: 'low' }],
    },
    // The ingestion key of a log or event service, named next to it: public by design (any confidence).
    {
      code: `const transport = { targets: [{ target: '@hyperdx/node-opentelemetry/build/src/otel-logger/pino', options: { apiKey: '${INGESTION_KEY}', service: 'api' } }] };`,
      options: [{ minConfidence: 'low' }],
    },
  ],
  invalid: [
    // A single-word name over its own name is a weak password; another value under a two-word name is a secret.
    {
      code: `export const SESSION_SECRET = 'canvas/${RANDOM}';`,
      errors: [{ messageId: 'secretName', line: 1, column: 31, suggestions: 1 }],
    },
    // Empty strings do not make a name an enum.
    {
      code: "let token = '';\ntoken = '';\ntoken = 'serde_json::Value';",
      options: [{ minConfidence: 'low' }],
      errors: [{ messageId: 'secretName', line: 3, column: 9, suggestions: 1 }],
    },
    // The same value outside an examples list.
    {
      code: `export const headers = { authorization: '${BASIC_EXAMPLE}' };`,
      errors: [{ messageId: 'knownFormat', line: 1, column: 41, suggestions: 1 }],
    },
    // The same key for a service that is not an ingestion service.
    {
      code: `const transport = { targets: [{ target: '@acme/billing', options: { apiKey: '${INGESTION_KEY}' } }] };`,
      options: [{ minConfidence: 'medium' }],
      errors: [{ messageId: 'secretName', line: 1, column: 77, suggestions: 1 }],
    },
  ],
});
