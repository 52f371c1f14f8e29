import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/index.js';

const rule = rules['no-env-fallback']!;
const ruleTester = new RuleTester();
const typed = {
  parserOptions: {
    project: './tsconfig.json',
    tsconfigRootDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
};

/** One error at a place, with the single suggestion's output. */
const err = (line: number, column: number, output?: string) => ({
  messageId: 'envFallback' as const,
  line,
  column,
  ...(output === undefined ? {} : { suggestions: [{ messageId: 'useRequiredEnv' as const, output }] }),
});

/**
 * The suggestion calls `requireEnv`, so it is offered where that resolves (issue 11.10): these cases
 * declare it at the end of the code, which keeps every line and column (helper-imports.test.ts tests
 * the helper missing and imported).
 */
const REQUIRE_ENV = '\ndeclare function requireEnv(name: string): string;';
function withRequireEnv<T extends { code: string; errors: readonly object[] }>(cases: readonly (T | string)[]) {
  return cases.map((c) => {
    if (typeof c === 'string') return c;
    const suggests = c.errors.some((e) => 'suggestions' in e && (e.suggestions as unknown[]).length > 0);
    if (!suggests || c.code.includes('function requireEnv')) return c;
    const errors = c.errors.map((e) =>
      'suggestions' in e
        ? {
            ...e,
            suggestions: (e.suggestions as { output: string }[]).map((s) => ({ ...s, output: s.output + REQUIRE_ENV })),
          }
        : e,
    );
    return { ...c, code: c.code + REQUIRE_ENV, errors };
  });
}

ruleTester.run('no-env-fallback', rule, {
  valid: [
    // A credential presented to another service in an outbound request: a known default fails closed at
    // the receiver (medium, strict only). A switch named after tokens is no secret at all.
    { code: "fetch(url, { headers: { 'X-API-Key': process.env.API_KEY || 'NO-DEFINED' } });" },
    { code: "const headers = new Headers({ authorization: `Bearer ${process.env.API_TOKEN ?? 'unset'}` });" },
    // A zod v4 prefault is a default too (strict: an empty default is medium).
    {
      code: "export const env = z.object({ CRON_SECRET: z.string().prefault('') }).parse(process.env);",
      options: [{ minConfidence: 'high' }],
    },
    // The API key a client of another service (a class from a package) presents there: the same.
    "import { Resend } from 'resend';\nconst resend = new Resend(process.env.RESEND_API_KEY || 're_123');",
    "import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY || 'sk_nothing');",
    "import { ChatOpenAI } from '@langchain/openai';\nconst model = new ChatOpenAI({ apiKey: process.env.OPENAI_API_KEY || 'sk-proj-', model: 'gpt-4o' });",
    "const Transloadit = require('transloadit');\nconst t = new Transloadit({ authKey: process.env.TRANSLOADIT_AUTH || 'empty', authSecret: process.env.TRANSLOADIT_SECRET || 'empty' });",
    {
      code: "export const env = z.object({ SKIP_ACCESS_TOKENS: z.enum(['true', 'false']).default('false') }).parse(process.env);",
      options: [{ minConfidence: 'low' }],
    },
    { code: "const skipTokens = process.env.SKIP_ACCESS_TOKENS ?? 'false';", options: [{ minConfidence: 'low' }] },
    // Medium confidence, so not in recommended: an empty or numeric default.
    "const secret = process.env.WEBHOOK_SECRET ?? '';",
    "const secret = process.env.PAYLOAD_SECRET || '';",
    'const pin = process.env.ADMIN_PASSWORD ?? 1234;',
    // A file or SQLite URL holds no credential.
    "const databaseUrl = process.env.DATABASE_URL || 'file:./keystone.db';",
    "const url = process.env.DATABASE_URL ?? 'sqlite:./dev.sqlite';",
    // Required, no default.
    'const secret = process.env.JWT_SECRET;',
    "const secret = requireEnv('JWT_SECRET');",
    // Not a secret: recommended leaves it alone.
    "const port = process.env.PORT ?? '3000';",
    "const level = process.env.LOG_LEVEL || 'info';",
    "const { NODE_ENV = 'development' } = process.env;",
    // Fallback to another variable, or to nothing.
    'const secret = process.env.JWT_SECRET ?? process.env.AUTH_SECRET;',
    'const secret = process.env.JWT_SECRET ?? undefined;',
    'const secret = process.env.JWT_SECRET || null;',
    'const secret = process.env.JWT_SECRET ?? (() => { throw new Error("JWT_SECRET missing"); })();',
    "const secret = process.env.JWT_SECRET ?? fail('JWT_SECRET');",
    'const secret = process.env.JWT_SECRET ?? randomBytes(32).toString("hex");',
    // A template built from other variables is not a constant.
    'const url = process.env.DATABASE_PASSWORD ?? `${process.env.PGPASS}`;',
    // Default parameter that is the env value itself: nothing hard-coded.
    'function connect(password = process.env.DB_PASSWORD) { return password; }',
    // Protected / metadata names.
    "const ttl = process.env.JWT_SECRET_VERSION ?? '1';",
    "const hash = process.env.PASSWORD_HASH ?? '';",
    // Not env at all.
    "const secret = config.jwtSecret ?? 'dev';",
    "let defaults = { jwtSecret: 'dev' };\nconst key = process.env.JWT_SECRET ?? defaults.jwtSecret;",
    'const key = process.env.JWT_SECRET ?? config.jwtSecret;',
    "const env = { JWT_SECRET: 'x' }; const secret = env.JWT_SECRET ?? 'dev';",
    "let secret = process.env.JWT_SECRET; secret = 'other';",
    // A connection URL without a password hard-codes an address, not a credential.
    "const redisUrl = process.env.REDIS_URL ?? 'redis://localhost:6379';",
    "const databaseUrl = process.env.DATABASE_URL || 'postgres://app@localhost:5432/app';",
    // Config-service reads: not a secret, no default, a namespaced key, or a receiver that is no config.
    "const port = configService.get('PORT', 3000);",
    "class A { constructor(private readonly config: ConfigService) {} key() { return this.config.getOrThrow('JWT_SECRET'); } }",
    "const secret = configService.get('JWT_SECRET');",
    "const secret = cache.get('JWT_SECRET', 'dev');",
    "const level = process.env.LOG_LEVEL?.toLowerCase() ?? 'info';",
    "const key = process.env.PRIVATE_KEY?.replace(/\\\\n/g, '\\n') ?? readKeyFile();",
    // env-var: a default for a non-secret, a required secret, and a look-alike that is not env-var.
    "import env from 'env-var';\nconst host = env.get('MAILER_HOST').default('localhost').asString();",
    "import env from 'env-var';\nconst pw = env.get('DB_PASSWORD').required().asString();",
    "const env = { get: (n: string) => ({ default: (d: string) => d + n }) };\nconst pw = env.get('DB_PASSWORD').default('postgres');",
    // Allowed by option.
    { code: "const secret = process.env.JWT_SECRET ?? 'dev';", options: [{ allowedVariables: ['JWT_SECRET'] }] },
    // Computed name: unknown variable.
    "const v = process.env[name] ?? 'dev';",
    // A guard about another variable.
    "if (process.env.NODE_ENV === 'test') process.env.JWT_SECRET = 'test-secret';",
    // A conditional that does not test the variable it returns.
    "const s = isDev ? process.env.JWT_SECRET : 'dev';",
    // The tested variable is not secret, the branch is computed.
    "const s = process.env.NODE_ENV === 'production' ? loadSecret() : 'dev';",
    "const s = process.env.DEBUG ? 'verbose' : 'quiet';",
    "const auth = process.env.API_KEY ? useKey(process.env.API_KEY) : 'anonymous';",
    // Env schemas: required, devDefault, non-secret defaults, schemas not parsed against the environment.
    "const env = cleanEnv(process.env, { JWT_SECRET: str(), PORT: port({ default: 3000 }), SESSION_SECRET: str({ devDefault: 'dev' }) });",
    "const env = z.object({ JWT_SECRET: z.string().min(32), LOG_LEVEL: z.string().default('info') }).parse(process.env);",
    "const body = z.object({ password: z.string().default('x') }).parse(req.body);",
    'const env = createEnv({ server: { DATABASE_URL: z.string().url() }, runtimeEnv: process.env });',
    // Settings: ignored name.
    {
      code: "const t = process.env.GITHUB_TOKEN ?? 'none';",
      settings: { 'secret-hygiene': { ignoredNames: ['GITHUB_TOKEN'] } },
    },
  ],
  invalid: withRequireEnv([
    {
      code: "fetch(url, { headers: { 'X-API-Key': process.env.API_KEY || 'NO-DEFINED' } });",
      options: [{ minConfidence: 'medium' }],
      errors: [err(1, 38, "fetch(url, { headers: { 'X-API-Key': requireEnv('API_KEY') } });")],
    },
    {
      code: "const headers = new Headers({ authorization: `Bearer ${process.env.API_TOKEN ?? 'unset'}` });",
      options: [{ minConfidence: 'medium' }],
      errors: [err(1, 56, "const headers = new Headers({ authorization: `Bearer ${requireEnv('API_TOKEN')}` });")],
    },
    // A client of another service that is given a key which verifies, signs or encrypts, or a server's
    // password, or a class of this program: high.
    {
      code: "import { Strategy } from 'passport-jwt';\nnew Strategy({ secretOrKey: process.env.JWT_SECRET || 'dev-secret' }, verify);",
      errors: [
        err(
          2,
          29,
          "import { Strategy } from 'passport-jwt';\nnew Strategy({ secretOrKey: requireEnv('JWT_SECRET') }, verify);",
        ),
      ],
    },
    {
      code: "import { Pool } from 'pg';\nconst pool = new Pool({ password: process.env.DB_PASS || 'postgres' });",
      errors: [err(2, 35, "import { Pool } from 'pg';\nconst pool = new Pool({ password: requireEnv('DB_PASS') });")],
    },
    {
      code: "import { Cipher } from 'some-sdk';\nconst c = new Cipher({ key: process.env.ENCRYPTION_KEY || 'dev-key' });",
      errors: [
        err(2, 29, "import { Cipher } from 'some-sdk';\nconst c = new Cipher({ key: requireEnv('ENCRYPTION_KEY') });"),
      ],
    },
    {
      code: "import { ApiClient } from './api-client';\nconst c = new ApiClient(process.env.API_KEY || 'dev-key');",
      errors: [
        err(2, 25, "import { ApiClient } from './api-client';\nconst c = new ApiClient(requireEnv('API_KEY'));"),
      ],
    },
    {
      code: "const c = new ApiClient(process.env.API_KEY || 'dev-key');",
      errors: [err(1, 25, "const c = new ApiClient(requireEnv('API_KEY'));")],
    },
    // A database elsewhere keeps its password secret: high.
    {
      code: "const url = process.env.DATABASE_URL || 'postgresql://app:s3cr3t-pass@db.internal:5432/app';",
      errors: [err(1, 13, "const url = requireEnv('DATABASE_URL');")],
    },
    {
      code: "export const env = z.object({ CRON_SECRET: z.string().prefault('dev-cron-secret') }).parse(process.env);",
      errors: [{ messageId: 'envFallback' }],
    },
    // Outside a request's headers the same default stays high.
    {
      code: "const auth = { apiKey: process.env.API_KEY || 'dev-key' };",
      errors: [err(1, 24, "const auth = { apiKey: requireEnv('API_KEY') };")],
    },
    {
      code: "const secret = process.env.JWT_SECRET ?? 'dev-secret';",
      errors: [err(1, 16, "const secret = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const secret = process.env.JWT_SECRET || 'dev-secret';",
      errors: [err(1, 16, "const secret = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const secret = process.env['JWT_SECRET'] ?? 'dev';",
      errors: [err(1, 16, "const secret = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const key = import.meta.env.VITE_API_KEY ?? 'pk_dev';",
      errors: [err(1, 13, "const key = requireEnv('VITE_API_KEY');")],
    },
    {
      code: "const key = Bun.env.STRIPE_SECRET_KEY || 'sk_test';",
      errors: [err(1, 13, "const key = requireEnv('STRIPE_SECRET_KEY');")],
    },
    {
      code: "const key = Deno.env.get('STRIPE_SECRET_KEY') ?? 'sk_test';",
      errors: [err(1, 13, "const key = requireEnv('STRIPE_SECRET_KEY');")],
    },
    {
      code: "const key = globalThis.process.env.API_TOKEN ?? 'x';",
      errors: [err(1, 13, "const key = requireEnv('API_TOKEN');")],
    },
    // Empty string: medium (it mostly fails closed; strict reports it), see the docs page.
    {
      code: "const secret = process.env.WEBHOOK_SECRET ?? '';",
      options: [{ minConfidence: 'medium' }],
      errors: [err(1, 16, "const secret = requireEnv('WEBHOOK_SECRET');")],
    },
    // A named constant the deployment silently runs with (a public default secret).
    {
      code: "const DEFAULT_SECRET = 'supersecret';\nexport const config = { jwtSecret: process.env.JWT_SECRET || DEFAULT_SECRET };",
      errors: [
        err(
          2,
          36,
          "const DEFAULT_SECRET = 'supersecret';\nexport const config = { jwtSecret: requireEnv('JWT_SECRET') };",
        ),
      ],
    },
    // A URL that carries a password is a credential.
    {
      code: "const databaseUrl = process.env.DATABASE_URL || 'postgres://app:s3cr3t-Pa55@db.internal:5432/app';",
      errors: [err(1, 21, "const databaseUrl = requireEnv('DATABASE_URL');")],
    },
    // Env-object aliases.
    {
      code: "const env = process.env;\nconst secret = env.JWT_SECRET ?? 'dev';",
      errors: [err(2, 16, "const env = process.env;\nconst secret = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const { env } = process;\nconst secret = env.JWT_SECRET || 'dev';",
      errors: [err(2, 16, "const { env } = process;\nconst secret = requireEnv('JWT_SECRET');")],
    },
    {
      code: "import { env } from 'node:process';\nconst secret = env.SESSION_SECRET ?? 'dev';",
      errors: [err(2, 16, "import { env } from 'node:process';\nconst secret = requireEnv('SESSION_SECRET');")],
    },
    // Assignment operators.
    {
      code: "process.env.JWT_SECRET ??= 'dev';",
      errors: [err(1, 1, "process.env.JWT_SECRET ??= requireEnv('JWT_SECRET');")],
    },
    {
      code: "let secret = process.env.JWT_SECRET;\nsecret ||= 'dev';",
      errors: [err(2, 1, "let secret = process.env.JWT_SECRET;\nsecret ||= requireEnv('JWT_SECRET');")],
    },
    // Conditionals.
    {
      code: "const s = process.env.JWT_SECRET ? process.env.JWT_SECRET : 'dev';",
      errors: [err(1, 11, "const s = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const s = !process.env.JWT_SECRET ? 'dev' : process.env.JWT_SECRET;",
      errors: [err(1, 11, "const s = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const JWT_SECRET = process.env.JWT_SECRET;\nconst s = JWT_SECRET !== undefined ? JWT_SECRET : 'y';",
      errors: [err(2, 11, "const JWT_SECRET = process.env.JWT_SECRET;\nconst s = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const s = typeof process.env.API_KEY === 'string' ? process.env.API_KEY : 'k';",
      errors: [err(1, 11, "const s = requireEnv('API_KEY');")],
    },
    // Destructuring defaults.
    {
      code: "const { JWT_SECRET = 'dev' } = process.env;",
      errors: [err(1, 9, "const { JWT_SECRET = requireEnv('JWT_SECRET') } = process.env;")],
    },
    {
      code: "const { JWT_SECRET: secret = 'dev', PORT = '3000' } = process.env;",
      errors: [err(1, 9, "const { JWT_SECRET: secret = requireEnv('JWT_SECRET'), PORT = '3000' } = process.env;")],
    },
    {
      code: "const { 'API_TOKEN': token = '' } = import.meta.env;",
      options: [{ minConfidence: 'medium' }],
      errors: [err(1, 9, "const { 'API_TOKEN': token = requireEnv('API_TOKEN') } = import.meta.env;")],
    },
    {
      code: "function start({ SESSION_SECRET = 'dev' } = process.env) { return SESSION_SECRET; }",
      errors: [
        err(
          1,
          18,
          "function start({ SESSION_SECRET = requireEnv('SESSION_SECRET') } = process.env) { return SESSION_SECRET; }",
        ),
      ],
    },
    // Default parameters fed by env with a literal fallback.
    {
      code: "function connect(password = process.env.DB_PASSWORD || 'postgres') { return password; }",
      errors: [err(1, 29, "function connect(password = requireEnv('DB_PASSWORD')) { return password; }")],
    },
    // Through a const alias and a destructured binding.
    {
      code: "const secret = process.env.JWT_SECRET;\nexport const key = secret || 'dev';",
      errors: [err(2, 20, "const secret = process.env.JWT_SECRET;\nexport const key = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const { JWT_SECRET } = process.env;\nconst key = JWT_SECRET ?? 'dev';",
      errors: [err(2, 13, "const { JWT_SECRET } = process.env;\nconst key = requireEnv('JWT_SECRET');")],
    },
    // A constant declared elsewhere is still hard-coded.
    {
      code: "const DEV_SECRET = 'dev-secret';\nconst key = process.env.JWT_SECRET ?? DEV_SECRET;",
      errors: [err(2, 13, "const DEV_SECRET = 'dev-secret';\nconst key = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const defaults = { jwtSecret: 'dev-secret', port: 3000 };\nconst key = process.env.JWT_SECRET ?? defaults.jwtSecret;",
      errors: [
        err(2, 13, "const defaults = { jwtSecret: 'dev-secret', port: 3000 };\nconst key = requireEnv('JWT_SECRET');"),
      ],
    },
    // Chains: the names are listed, no single-variable suggestion.
    {
      code: "const s = process.env.JWT_SECRET ?? process.env.AUTH_SECRET ?? 'dev';",
      errors: [{ messageId: 'envFallback', line: 1, column: 11, suggestions: [] }],
    },
    // The target name makes it secret even when the env name does not.
    {
      code: "const dbPassword = process.env.DB_ALPHA ?? 'postgres';",
      errors: [err(1, 20, "const dbPassword = requireEnv('DB_ALPHA');")],
    },
    {
      code: "const config = { jwtSecret: (process.env.AUTH_KEY_MATERIAL ?? 'dev') as string };",
      errors: [err(1, 30, "const config = { jwtSecret: (requireEnv('AUTH_KEY_MATERIAL')) as string };")],
    },
    // Nested in a call, a template, parentheses.
    {
      code: "app.use(session({ secret: process.env.SESSION_SECRET || 'keyboard cat' }));",
      errors: [err(1, 27, "app.use(session({ secret: requireEnv('SESSION_SECRET') }));")],
    },
    {
      code: "jwt.sign(payload, (process.env.JWT_SECRET ?? 'dev').trim());",
      errors: [err(1, 20, "jwt.sign(payload, (requireEnv('JWT_SECRET')).trim());")],
    },
    // Guarded assignments.
    {
      code: "if (!process.env.JWT_SECRET) process.env.JWT_SECRET = 'dev';",
      errors: [err(1, 30, "if (!process.env.JWT_SECRET) process.env.JWT_SECRET = requireEnv('JWT_SECRET');")],
    },
    {
      code: "let secret = process.env.JWT_SECRET;\nif (!secret) {\n  secret = 'dev';\n}",
      errors: [
        err(3, 3, "let secret = process.env.JWT_SECRET;\nif (!secret) {\n  secret = requireEnv('JWT_SECRET');\n}"),
      ],
    },
    // A branch built from the tested variable, the other a constant: no single replacement.
    {
      code: "const url = process.env.DB_PASSWORD ? `postgres://app:${process.env.DB_PASSWORD}@db/app` : 'postgres://app:app@localhost/app';",
      errors: [{ messageId: 'envFallback', line: 1, column: 13, suggestions: [] }],
    },
    {
      code: "const pw = process.env.DB_PASSWORD;\nconst url = pw !== undefined ? 'postgres://app:' + pw + '@db/app' : 'postgres';",
      errors: [{ messageId: 'envFallback', line: 2, column: 13, suggestions: [] }],
    },
    // Numbers and booleans count too.
    {
      code: 'const pin = process.env.ADMIN_PASSWORD ?? 1234;',
      options: [{ minConfidence: 'medium' }],
      errors: [err(1, 13, "const pin = requireEnv('ADMIN_PASSWORD');")],
    },
    // Options: another helper name.
    {
      code: "const s = process.env.JWT_SECRET ?? 'dev';\ndeclare const env: { required(name: string): string };",
      options: [{ requiredEnvHelper: 'env.required' }],
      errors: [
        err(1, 11, "const s = env.required('JWT_SECRET');\ndeclare const env: { required(name: string): string };"),
      ],
    },
    // checkAllVariables (strict) flags every variable.
    {
      code: "const port = process.env.PORT ?? '3000';",
      options: [{ minConfidence: 'low', checkAllVariables: true }],
      errors: [err(1, 14, "const port = requireEnv('PORT');")],
    },
    {
      code: "const { NODE_ENV = 'development', LOG_LEVEL = 'info' } = process.env;",
      options: [{ minConfidence: 'low', checkAllVariables: true, allowedVariables: ['NODE_ENV'] }],
      errors: [err(1, 35, "const { NODE_ENV = 'development', LOG_LEVEL = requireEnv('LOG_LEVEL') } = process.env;")],
    },
    // Settings: an extra secret word.
    {
      code: "const p = process.env.ADMIN_PASSPHRASE ?? 'hunter2';",
      settings: { 'secret-hygiene': { extraSecretWords: ['passphrase'] } },
      errors: [err(1, 11, "const p = requireEnv('ADMIN_PASSPHRASE');")],
    },
    // Multi-line: the report starts at the expression.
    {
      code: "export const config = {\n  stripeKey:\n    process.env.STRIPE_SECRET_KEY ||\n    'sk_test_placeholder',\n};",
      errors: [err(3, 5, "export const config = {\n  stripeKey:\n    requireEnv('STRIPE_SECRET_KEY'),\n};")],
    },
    // Two findings in one file.
    {
      code: "const a = process.env.API_KEY ?? 'a';\nconst b = process.env.API_TOKEN || '';",
      options: [{ minConfidence: 'medium' }],
      errors: [
        err(1, 11, "const a = requireEnv('API_KEY');\nconst b = process.env.API_TOKEN || '';"),
        err(2, 11, "const a = process.env.API_KEY ?? 'a';\nconst b = requireEnv('API_TOKEN');"),
      ],
    },
    // Env schemas: envalid, zod (directly or through a const), t3-env.
    {
      code: "const env = cleanEnv(process.env, {\n  JWT_SECRET: str({ default: 'dev-secret' }),\n});",
      errors: [{ messageId: 'envFallback', line: 2, column: 3, suggestions: [] }],
    },
    {
      code: "const env = z.object({ STRIPE_SECRET_KEY: z.string().min(1).default('') }).parse(process.env);",
      options: [{ minConfidence: 'medium' }],
      errors: [{ messageId: 'envFallback', line: 1, column: 24, suggestions: [] }],
    },
    {
      code: "const EnvSchema = z.object({ API_TOKEN: z.string().catch('token') }).strict();\nexport const env = EnvSchema.safeParse(import.meta.env);",
      errors: [{ messageId: 'envFallback', line: 1, column: 30, suggestions: [] }],
    },
    {
      code: "export const env = createEnv({\n  server: { SESSION_SECRET: z.string().default('keyboard cat'), PORT: z.coerce.number().default(3000) },\n  runtimeEnv: process.env,\n});",
      errors: [{ messageId: 'envFallback', line: 2, column: 13, suggestions: [] }],
    },
    {
      code: 'const env = cleanEnv(process.env, { PORT: port({ default: 3000 }) });',
      options: [{ minConfidence: 'low', checkAllVariables: true }],
      errors: [{ messageId: 'envFallback', line: 1, column: 37, suggestions: [] }],
    },
    // Connection strings with a password in them.
    {
      code: "const url = process.env.DATABASE_URL ?? 'postgres://app:app@localhost:5432/app';",
      errors: [err(1, 13, "const url = requireEnv('DATABASE_URL');")],
    },
    {
      code: "const url = process.env.REDIS_URL || 'redis://:hunter2@localhost:6379';",
      errors: [err(1, 13, "const url = requireEnv('REDIS_URL');")],
    },
    {
      code: "const url = process.env.MONGO_URL ?? 'mongodb://localhost/app?password=hunter2';",
      errors: [err(1, 13, "const url = requireEnv('MONGO_URL');")],
    },
    // The read reshaped by a pass-through method, then defaulted: no single call replaces it.
    {
      code: "const key = process.env.GITHUB_APP_PRIVATE_KEY?.replace(/\\\\n/g, '\\n') ?? '';",
      options: [{ minConfidence: 'medium' }],
      errors: [{ messageId: 'envFallback', line: 1, column: 13, suggestions: [] }],
    },
    // Config-service defaults (NestJS ConfigService), as an argument or with `??`.
    {
      code: "class A {\n  constructor(private readonly config: ConfigService) {}\n  secret() {\n    return this.config.get('JWT_SECRET', 'dev');\n  }\n}",
      errors: [
        err(
          4,
          12,
          "class A {\n  constructor(private readonly config: ConfigService) {}\n  secret() {\n    return requireEnv('JWT_SECRET');\n  }\n}",
        ),
      ],
    },
    {
      code: "const key = configService.get('PARTNER_API_KEY') ?? 'partner-dev-key';",
      errors: [err(1, 13, "const key = requireEnv('PARTNER_API_KEY');")],
    },
    // env-var's chained default, imported or required.
    {
      code: "import env from 'env-var';\nconst pw = env.get('DB_PASSWORD').default('postgres').asString();",
      errors: [{ messageId: 'envFallback', line: 2, column: 12, suggestions: [] }],
    },
    {
      code: "const env = require('env-var');\nconst pw = env.get('DB_PASSWORD').default('postgres').asString();",
      errors: [{ messageId: 'envFallback', line: 2, column: 12, suggestions: [] }],
    },
    // With type information, `env` imported from a module the checker cannot resolve (no @types/node) still reads the environment.
    {
      code: "import { env } from 'node:process';\nexport const dbPassword = env.PGPASS ?? 'secret';",
      languageOptions: typed,
      errors: [err(2, 27, "import { env } from 'node:process';\nexport const dbPassword = requireEnv('PGPASS');")],
    },
    // With type information the alias is followed through the checker.
    {
      code: "const secret = process.env.JWT_SECRET;\nconst key: string = secret ?? 'dev';",
      languageOptions: typed,
      errors: [err(2, 21, "const secret = process.env.JWT_SECRET;\nconst key: string = requireEnv('JWT_SECRET');")],
    },
  ]),
});

/** An invalid case whose one finding is at line 2, column 16, where `requireEnv('NAME')` replaces `defaulted`. */
function acrossFunctions(code: string, defaulted: string, name: string) {
  const declared = `${code}\ndeclare function requireEnv(name: string): string;`;
  return { code: declared, errors: [err(2, 16, declared.replace(defaulted, `requireEnv('${name}')`))] };
}

// Across functions (issue 14): env read through a helper of the project's or a config object built from the environment.
ruleTester.run('no-env-fallback across functions', rule, {
  valid: [
    // The helper reads without a default, and the caller gives none.
    "function env(name: string) { return process.env[name]; }\nconst secret = env('JWT_SECRET');",
    // A default for a variable that is no secret.
    "function getEnv(name: string, fallback?: string) { return process.env[name] ?? fallback; }\nconst port = getEnv('PORT', '3000');",
    // A function that reads something else than the environment.
    "function lookup(name: string, fallback?: string) { return cache[name] ?? fallback; }\nconst secret = lookup('JWT_SECRET', 'dev-secret');",
    {
      code: "import { getEnv } from './summaries/env.js';\nconst secret = getEnv('JWT_SECRET');",
      languageOptions: typed,
    },
    {
      code: "import { config } from './summaries/env.js';\nconst port = config.port ?? '3000';",
      languageOptions: typed,
    },
  ],
  invalid: [
    // Each declares `requireEnv` at the end, so the suggestion is offered (lines and columns are unchanged).
    acrossFunctions(
      "function getEnv(name: string, fallback?: string) { return process.env[name] ?? fallback; }\nconst secret = getEnv('JWT_SECRET', 'dev-secret');",
      "getEnv('JWT_SECRET', 'dev-secret')",
      'JWT_SECRET',
    ),
    acrossFunctions(
      "const env = (name: string) => process.env[name];\nconst secret = env('SESSION_SECRET') || 'keyboard cat';",
      "env('SESSION_SECRET') || 'keyboard cat'",
      'SESSION_SECRET',
    ),
    {
      ...acrossFunctions(
        "import { getEnv } from './summaries/env.js';\nconst secret = getEnv('JWT_SECRET', 'dev-secret');",
        "getEnv('JWT_SECRET', 'dev-secret')",
        'JWT_SECRET',
      ),
      languageOptions: typed,
    },
    {
      ...acrossFunctions(
        "import { env } from './summaries/env.js';\nconst apiKey = env('STRIPE_API_KEY') ?? 'sk_test_placeholder_value';",
        "env('STRIPE_API_KEY') ?? 'sk_test_placeholder_value'",
        'STRIPE_API_KEY',
      ),
      languageOptions: typed,
    },
    {
      ...acrossFunctions(
        "import { config } from './summaries/env.js';\nconst secret = config.jwtSecret ?? 'dev-secret';",
        "config.jwtSecret ?? 'dev-secret'",
        'JWT_SECRET',
      ),
      languageOptions: typed,
    },
  ],
});

// Config services and schemas spelled in other ways (issue 13, misses on real code).
ruleTester.run('no-env-fallback: config services, convict and chained helper defaults', rule, {
  valid: [
    // Not secrets: a port, a namespaced setting that names none.
    "const cs = new ConfigService();\nconst port = cs.get('PORT', 3000);",
    "const name = config.get('app.name') ?? 'my-app';",
    // A map is no config service: its receiver is neither named nor made as one.
    "const settings = new Map<string, string>();\nconst secret = settings.get('JWT_SECRET') ?? 'dev-secret';",
    // convict settings that hold no secret, or no default.
    "const conf = convict({ port: { doc: 'port', format: 'port', default: 8080, env: 'PORT' } });",
    "const conf = convict({ jwtSecret: { doc: 'JWT secret', format: String, default: null, env: 'JWT_SECRET', sensitive: true } });",
    // envalid's devDefault applies outside production only, which is what it is for.
    "const env = cleanEnv(process.env, { COOKIE_SECRET: str({ devDefault: 'dev-cookie-secret' }) });",
    // A chained helper whose caller gives no default.
    "function getEnv(name: string, fallback?: string) { return process.env[name] ?? fallback ?? ''; }\nconst secret = getEnv('JWT_SECRET');",
    // A helper out of sight named for what it does: no default given, a variable that holds no
    // secret, or a name that says it throws.
    "import { getEnv, requireEnv } from '@acme/config';\nexport const a = getEnv('JWT_SECRET');\nexport const b = getEnv('PORT', '3000');\nexport const c = requireEnv('API_KEY');",
    "import { lookup } from '@acme/config';\nexport const a = lookup('JWT_SECRET', 'dev-secret');",
    // The validated environment's variables that hold no secret.
    {
      code: "import { env } from './no-env-fallback/validated-env.js';\nexport const port = env.PORT ?? '3000';",
      languageOptions: typed,
    },
    // Spread defaults for variables that hold no secret; an override after the spread is no default.
    "const env = { PORT: '3000', NODE_ENV: 'development', ...process.env };",
    "const env = { ...process.env, JWT_SECRET: 'overridden-here' };",
    "const opts = { JWT_SECRET: 'not-env', ...defaults };",
    "const merged = Object.assign({ JWT_SECRET: 'not-env' }, settings);",
  ],
  invalid: withRequireEnv([
    // The helper defaults to its parameter, then to a literal: the caller's default is the first.
    acrossFunctions(
      "function getEnv(name: string, fallback?: string): string { return process.env[name] ?? fallback ?? ''; }\nconst secret = getEnv('JWT_SECRET', 'dev-secret');",
      "getEnv('JWT_SECRET', 'dev-secret')",
      'JWT_SECRET',
    ),
    // A NestJS ConfigService however it is held: made here, a constant made from one, a typed parameter.
    {
      code: "const secret = new ConfigService().get('JWT_SECRET', 'secret');",
      errors: [err(1, 16, "const secret = requireEnv('JWT_SECRET');")],
    },
    {
      code: "const cs = new ConfigService();\nconst secret = cs.get('JWT_SECRET', 'secret');",
      errors: [err(2, 16, "const cs = new ConfigService();\nconst secret = requireEnv('JWT_SECRET');")],
    },
    {
      code: "export function jwtOptions(cs: ConfigService) {\n  return { secret: cs.get<string>('JWT_SECRET') ?? 'fallback-secret' };\n}",
      errors: [
        err(
          2,
          20,
          "export function jwtOptions(cs: ConfigService) {\n  return { secret: requireEnv('JWT_SECRET') };\n}",
        ),
      ],
    },
    // A namespaced setting that names a secret.
    {
      code: "const secret = this.configService.get('auth.jwtSecret', 'default-secret');",
      errors: [err(1, 16, "const secret = requireEnv('auth.jwtSecret');")],
    },
    // The validated environment (t3-env `createEnv`, a schema's `parse(process.env)`), here or imported.
    {
      code: "const env = createEnv({ server: {}, runtimeEnv: process.env });\nexport const secret = env.JWT_SECRET ?? 'same-file-secret';",
      errors: [
        err(
          2,
          23,
          "const env = createEnv({ server: {}, runtimeEnv: process.env });\nexport const secret = requireEnv('JWT_SECRET');",
        ),
      ],
    },
    {
      code: "const env = envSchema.parse(process.env);\nexport const secret = env.SESSION_SECRET || 'parsed-dev-secret';",
      errors: [
        err(2, 23, "const env = envSchema.parse(process.env);\nexport const secret = requireEnv('SESSION_SECRET');"),
      ],
    },
    {
      ...acrossFunctions(
        "import { env } from './no-env-fallback/validated-env.js';\nconst secret = env.NEXTAUTH_SECRET ?? 'dev-nextauth-secret';",
        "env.NEXTAUTH_SECRET ?? 'dev-nextauth-secret'",
        'NEXTAUTH_SECRET',
      ),
      languageOptions: typed,
    },
    // A helper out of sight (no type information) named for what it does.
    acrossFunctions(
      "import { getEnv } from '@acme/config';\nconst secret = getEnv('JWT_SECRET', 'dev-secret');",
      "getEnv('JWT_SECRET', 'dev-secret')",
      'JWT_SECRET',
    ),
    acrossFunctions(
      "import { env } from '@acme/config';\nconst secret = env('SESSION_SECRET') ?? 'dev-session';",
      "env('SESSION_SECRET') ?? 'dev-session'",
      'SESSION_SECRET',
    ),
    // Defaults the environment is spread over.
    {
      code: "export const env = { PORT: '3000', JWT_SECRET: 'dev-secret-value', ...process.env };",
      errors: [{ messageId: 'envFallback', line: 1, column: 36 }],
    },
    {
      code: "export const env = Object.assign({ SESSION_SECRET: 'dev-session-secret' }, process.env);",
      errors: [{ messageId: 'envFallback', line: 1, column: 36 }],
    },
    // convict: a setting's default, named by the variable that overrides it, or by its path.
    {
      code: "const conf = convict({\n  jwtSecret: { doc: 'JWT secret', format: String, default: 'change-this-secret', env: 'JWT_SECRET' },\n});",
      errors: [{ messageId: 'envFallback', line: 2, column: 51 }],
    },
    {
      code: "const conf = convict({\n  session: {\n    secret: {\n      format: String,\n      default: 'keyboard-cat-session',\n    },\n  },\n});",
      errors: [{ messageId: 'envFallback', line: 5, column: 7 }],
    },
  ]),
});

// Held-out round 4 (issue 13): keys public by design, sentinels the program refuses at start-up.
ruleTester.run('no-env-fallback: public keys and refused sentinels', rule, {
  valid: [
    // PostHog's project key ingests events only and ships in clients (any confidence).
    {
      code: "const posthogApiKey = process.env.POSTHOG_API_KEY || 'phc_CEnvoyw3KcTuC5E1seDPrgvAamgGRDLfzPi1e7RU1G1';",
      options: [{ minConfidence: 'low' }],
    },
    // The default is compared with itself right after, and the branch throws or exits: it fails closed.
    {
      code: "export const ENCRYPTION_KEY = process.env.ENCRYPTION_KEY || 'dev';\nif (prod && ENCRYPTION_KEY === 'dev') {\n  throw new Error('Cannot use ENCRYPTION_KEY=dev in production.');\n}",
      options: [{ minConfidence: 'low' }],
    },
    {
      code: "const JWT_SECRET = process.env.JWT_SECRET || 'dev';\nif ((prod || !IS_LOCALHOST) && 'dev' == JWT_SECRET) {\n  console.error('set JWT_SECRET');\n  process.exit(1);\n}",
      options: [{ minConfidence: 'low' }],
    },
    // A repetition counted at run time is computed, not hard-coded.
    "const key = Buffer.from(process.env.SECRET_ENCRYPTION_KEY || '0'.repeat(size), 'hex');",
  ],
  invalid: [
    // A key of zeros, spelled as a repetition (held-out homarr).
    {
      code: "const key = Buffer.from(process.env.SECRET_ENCRYPTION_KEY || '0'.repeat(64), 'hex');",
      errors: [{ messageId: 'envFallback', line: 1, column: 25 }],
    },
    // A personal PostHog key is no project key.
    {
      code: "const key = process.env.POSTHOG_API_KEY || 'phx_CEnvoyw3KcTuC5E1seDPrgvAamgGRDLfzPi1e7RU1G1';",
      errors: [{ messageId: 'envFallback', line: 1, column: 13 }],
    },
    // Compared with another value, only warned about, or refused only in a nested branch: reported.
    {
      code: "const JWT_SECRET = process.env.JWT_SECRET || 'dev';\nif (JWT_SECRET === 'changeme') throw new Error('weak');",
      errors: [{ messageId: 'envFallback', line: 1, column: 20 }],
    },
    {
      code: "const JWT_SECRET = process.env.JWT_SECRET || 'dev';\nif (JWT_SECRET === 'dev') console.warn('JWT_SECRET is dev');",
      errors: [{ messageId: 'envFallback', line: 1, column: 20 }],
    },
    {
      code: "let JWT_SECRET = process.env.JWT_SECRET || 'dev';\nif (JWT_SECRET === 'dev') throw new Error('set it');",
      errors: [{ messageId: 'envFallback', line: 1, column: 18 }],
    },
  ],
});
