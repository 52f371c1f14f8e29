import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/index.js';

const rule = rules['no-secret-logging']!;
const ruleTester = new RuleTester();

type MessageId = 'secretToSink' | 'secretInErrorMessage';

interface At {
  /** The text the finding starts at. */
  readonly text: string;
  /** Which occurrence of `text` (1-based). */
  readonly nth?: number;
  readonly messageId?: MessageId;
  /** The suggestion's replacement of `text`; `null` for no suggestion. Default: `redact(<text>)`. */
  readonly fix?: string | null;
}

/** Offset of the nth occurrence of `text` in `code`. */
function offsetOf(code: string, text: string, nth: number): number {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = code.indexOf(text, index + 1);
    if (index < 0) throw new Error(`"${text}" occurs fewer than ${nth} times`);
  }
  return index;
}

/** One expected finding at `at`, with its line, column and suggestion output computed from `code`. */
function finding(code: string, at: At | string) {
  const spec: At = typeof at === 'string' ? { text: at } : at;
  const offset = offsetOf(code, spec.text, spec.nth ?? 1);
  const before = code.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const fix = spec.fix === undefined ? `redact(${spec.text})` : spec.fix;
  const suggestions =
    fix === null
      ? []
      : [
          {
            messageId: 'wrapInRedaction' as const,
            output: code.slice(0, offset) + fix + code.slice(offset + spec.text.length),
          },
        ];
  return { messageId: spec.messageId ?? 'secretToSink', line, column, suggestions };
}

/**
 * An invalid case: `code` with one finding per `at`. The suggestion calls `redact`, so it is offered
 * where that resolves (issue 11.10): the code declares it at its end, which keeps every line and
 * column (helper-imports.test.ts tests the helper missing and imported).
 */
function leak(code: string, ...at: (At | string)[]) {
  const declared = /\bredact\b/.test(code) ? code : `${code}\ndeclare function redact(value: unknown): string;`;
  return { code: declared, errors: at.map((a) => finding(declared, a)) };
}

/** A finding below high confidence: reported in strict (`minConfidence: 'medium'`), not in recommended. */
function medium<T extends object>(test: T): T & { options: [{ minConfidence: 'medium' }] } {
  return { ...test, options: [{ minConfidence: 'medium' }] };
}

const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url));
const typed = {
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixturesDir } },
};

ruleTester.run('no-secret-logging', rule, {
  valid: [
    // A function named for a key whose body returns text it spells out (a cache key) returns no secret.
    {
      code: 'function getCacheKey(id: string) {\n  return `cache:${id}`;\n}\nfunction load(id: string) {\n  logger.error(getCacheKey(id));\n}',
      options: [{ minConfidence: 'low' }],
    },
    {
      code: "function getSessionKey(id: string) {\n  return 'sess:' + id;\n}\nlogger.error(getSessionKey(userId));",
      options: [{ minConfidence: 'low' }],
    },
    {
      code: 'class RedisPrefixHelper {\n  static getWebhookSubscriptionsKey(teamId: string) {\n    return `whs:${teamId}`;\n  }\n}\ndeclare const logger: { error(...args: unknown[]): void };\nexport function load(teamId: string) {\n  logger.error("cache miss", { key: RedisPrefixHelper.getWebhookSubscriptionsKey(teamId) });\n}',
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    // A piece of text that carries no secret is a lexer's token (a recurrence rule's BYDAY item).
    {
      code: "function parse(value: string) {\n  return value.split(',').map((token) => {\n    if (!/^(MO|TU)$/.test(token.trim())) throw new RecurrenceError(`BYDAY=${token}`);\n    return token;\n  });\n}",
      options: [{ minConfidence: 'low' }],
    },
    {
      code: 'function lex(line: string) {\n  for (const token of line.split(/\\s+/)) console.log(token);\n}',
      options: [{ minConfidence: 'low' }],
    },
    // The rest of a destructuring that took the token out holds no token.
    {
      code: 'function post(body: any) {\n  const { token, ...bodyWithoutToken } = body;\n  logger.info(bodyWithoutToken);\n  return token;\n}',
      options: [{ minConfidence: 'low' }],
    },
    // A command-line command prints what it made for the operator who ran it: medium.
    {
      code: 'const invite = await createInvite(email);\nconsole.log(`Invite token: ${invite.token}`);',
      filename: 'src/commands/user.ts',
    },
    { code: 'console.log(apiKey);', filename: 'packages/cli/src/bin/create-key.ts' },
    // What a failed token call returns is an error object, not a token: medium.
    'const tokenResponse = await response.json();\nif (!response.ok) {\n  console.warn("token exchange failed", tokenResponse);\n}',
    'if (!(res.ok)) console.error(accessToken);',
    // A sales channel's token is its public routing id, not a credential (any confidence).
    {
      code: 'logger.info(`Returning cached metrics for channel ${ctx.channel.token}`);\nlogger.warn({ channelToken });',
      options: [{ minConfidence: 'low' }],
    },
    // A result that carries an error, or lacks its token, holds no token: medium.
    "const result = await exchangeCode(code);\nif (result.error) {\n  console.error('Token exchange failed:', result.access_token);\n}",
    "const tokens = await exchangeCode(code);\nif (!tokens.access_token) console.error('Missing access token:', tokens.refresh_token);",
    'if (data.errors || !data.accessToken) logger.warn({ token: data.accessToken });',
    // A token no record, cache entry or list element matched is invalid: echoing it opens nothing, at any confidence.
    ...[
      'const row = await db.attachment.findFirst({ where: { token } });\nif (!row) throw new BadRequestException(`Invalid token: ${token}`);',
      'const cached = await cache.get(`upload:${uploadToken}`);\nif (!cached) {\n  throw new Error(`Invalid token: ${uploadToken}`);\n}',
      'const link = links.find((l) => l.token === shareToken);\nif (!link) throw new LinkNotFoundError(shareToken);',
      'let invite;\ninvite = await repo.findByToken(inviteToken);\nif (!invite) logger.warn(`no invite for ${inviteToken}`);',
      'const rows = await repo.find({ where: { sessionToken } });\nif (!rows.length) logger.warn(`unknown session ${sessionToken}`);',
      'const entry = await store.get(resetToken);\nif (entry === undefined) throw new NotFoundException(`reset ${resetToken} expired`);',
    ].map((code) => ({ code, options: [{ minConfidence: 'low' as const }] })),
    // A whole request body is only a secret where a secret-named field is taken out of it in the same function.
    "app.post('/profile', (req, res) => {\n  const { name, email } = req.body;\n  logger.debug({ body: req.body });\n});",
    "app.post('/login', (req, res) => {\n  logger.debug({ body: req.body });\n});",
    'function check(req) {\n  const { password } = req.body;\n  return password;\n}\nfunction trace(req) {\n  logger.info(req.body);\n}',
    // Error codes: an upper-case member of a namespace's class is a constant, not a token.
    "throw new Parse.Error(Parse.Error.INVALID_SESSION_TOKEN, 'Invalid session token');",
    'logger.error(ErrorCodes.Auth.EXPIRED_ACCESS_TOKEN);',
    // A constant whose initializer is a literal, or the property names of an object.
    "const PASS = 'All dependency versions are pinned.';\nconsole.log(PASS);",
    'const authKeys = Object.keys(authData).sort();\nfor (const provider of authKeys) {\n  logger.error(`auth step failed for ${provider}`);\n}',
    // Below high confidence, so not in recommended: ambiguous names, function names, structured error details.
    'logger.info(`checkout session ${sessionId} has no subscription`);',
    'throw new Error(`Link module ${serviceKey} already defined.`);',
    'console.info(`Mock email account password: ${pass}`);',
    'const validationResult = password(passwordToSet, { required: true });\nthrow new ValidationError({ errors: [{ message: validationResult }] });',
    "throw new RequestError({ code: 'one_time_token.token_not_found', token, status: 404 });",
    // Request-logger formats without credential headers; header tokens in calls that are not morgan.
    "import morgan from 'morgan';\napp.use(morgan(':method :url :status :response-time ms'));",
    "import morgan from 'morgan';\napp.use(morgan(':method :url :req[user-agent] :res[content-length]'));",
    "import { format } from 'date-fns';\nformat(':req[authorization]');",
    "import morgan from './my-morgan.js';\napp.use(morgan(':req[authorization]'));",
    // The first word of an authorization header is its scheme.
    "const auth = req.headers.authorization;\nlogger.debug(`auth scheme: ${auth ? auth.split(' ')[0] : 'none'}`);",
    "console.log(req.headers.authorization.split(' ')[0]);",
    "logger.info({ scheme: req.get('Authorization').split(' ')[0] });",
    // Child-logger bindings without secrets; `child` on non-loggers; pino's options argument.
    "const log = logger.child({ requestId: req.get('x-request-id') });",
    'tree.child({ token });',
    'const parent = makeNode();\nparent.child(password);',
    "logger.child({ svc: 'auth' }, { redact: ['password'], level: secretLevel });",
    // Names that describe a secret without holding it.
    'console.log(tokenCount);',
    'console.log(passwordPolicy);',
    'console.log(hasPassword);',
    'console.log(keyId);',
    'console.log(passwordHash);',
    'logger.info({ userId });',
    'logger.info({ tokenCount: tokens.length });',
    'console.log(getPasswordPolicy());',
    // Properties of objects that are not secret, and the objects themselves.
    'console.log(user.id);',
    'console.log(user);',
    'console.log(req.body);',
    'console.log(err.message);',
    'const creds = { user, password }; console.log(creds.user);',
    "const headers = req.headers; console.log(headers['content-type']);",
    // Error-code constants named for a failure, imported from a module the program cannot resolve.
    "import { INVALID_AUTH_HEADER, INFRA_TOKEN_INVALID_TOKEN } from 'src/errors';\nthrow new HttpException(INVALID_AUTH_HEADER, 400);\nthrow new UnauthorizedException(INFRA_TOKEN_INVALID_TOKEN);",
    "import { ENV_INVALID_DATA_ENCRYPTION_KEY, API_KEY_NOT_FOUND } from 'src/errors';\nthrow new Error(ENV_INVALID_DATA_ENCRYPTION_KEY);\nlogger.warn(API_KEY_NOT_FOUND);",
    // One header read by a computed name that names no credential: a request id, not the header bag.
    "const IDEMPOTENCY_HEADER = 'Idempotency-Key';\nconsole.log(req.headers[IDEMPOTENCY_HEADER.toLowerCase()]);",
    {
      code: "enum HeaderKeys { IDEMPOTENCY_KEY = 'Idempotency-Key' }\ndeclare const req: { headers: Record<string, string> };\nthrow new Error(`bad key ${req.headers[HeaderKeys.IDEMPOTENCY_KEY.toLocaleLowerCase()]}`);",
      ...typed,
    },
    // A header whose name the code computes is not known to be a credential: medium, not recommended.
    'console.log(req.headers[name.toLowerCase()]);',
    'console.log(process.env.PORT, process.env.NODE_ENV);',
    // Literals that merely mention a secret word.
    "console.log('password changed');",
    "console.log('password reset for ' + user.email);",
    'logger.info(`login ok for ${user.email}`);',
    "throw new Error('invalid password');",
    "throw new Error('bad token', { cause: err });",
    "throw new Error('unexpected flag', { cause: { found: token } });",
    "logger.info({ password: '[redacted]' });",
    'logger.info({ token: redact(token) });',
    'const meta: Record<string, number> = {};\nmeta.passwordLength = body.password.length;\nlogger.info(meta);',
    // Writes into a parameter's nested fields that hold no secret.
    "function prepare(config: Config) {\n  config.headers['Content-Type'] = 'application/json';\n  config.timeout = 5000;\n  logger.debug({ config });\n}",
    'logger.info({ token: token.id, session: session.expiresAt });',
    // Sanitizers, length, coercions, comparisons, typeof.
    'console.log(password.length);',
    'console.log(redact(token));',
    'console.log(maskSecret(apiKey));',
    'console.log(Boolean(apiKey));',
    'console.log(!!token);',
    "console.log(token ? 'set' : 'unset');",
    'console.log(typeof token);',
    'console.log(token === expected);',
    'logger.info({ hash: sha256(password) });',
    "console.log(createHash('sha256').update(password).digest('hex'));",
    'console.log(await bcrypt.hash(password, 10));',
    'const shown = redact(token); console.log(shown);',
    'console.log(token.slice(0, 4));',
    'const { password, ...safe } = body; logger.info(safe);',
    // Calls we know nothing about do not pass secrets through.
    'console.log(validate(token));',
    'function clean(token: string) { return token.trim(); } console.log(clean(input));',
    // Not sinks.
    "map.set('token', token);",
    'catalog.info(password);',
    'dialog.warn(password);',
    // Constants of classes and enums name a secret, they do not hold one.
    'throw new SessionError({ type: SessionError.TRY_REFRESH_TOKEN });',
    'console.log(ConfigKey.CookieKeys, Tokens.ACCESS_TOKEN);',
    'res.json({ token });',
    // `res.log(...)` is no logger method (Fastify's `reply.log.info(...)` is, through the `log` receiver).
    'res.log(token);',
    'Math.log(secretNumber);',
    'cache.info(password);',
    'audit.write(token);',
    "span.setAttribute('user.id', user.id);",
    "const debug = createDebug('app:auth'); debug('login %s', user.id);",
    "import debug from 'debug'; debug('app:auth');",
    'cache[method](password);',
    // Options.
    { code: "throw new Error('bad token ' + token);", options: [{ checkErrorMessages: false }] },
    { code: 'console.log(scrubbed(token));', options: [{ sanitizers: ['scrubbed'] }] },
    { code: 'console.log(mask(token));', options: [{ redactionHelper: 'mask', sanitizers: [] }] },
    // Typed: a `Secret` prints `[REDACTED]`; booleans carry no secret; other modules' harmless functions.
    {
      code: "import { Secret } from './no-secret-logging/secret.js';\ndeclare const secret: Secret<string>;\nconsole.log(secret);",
      ...typed,
    },
    {
      code: "import { Secret } from './no-secret-logging/secret.js';\ndeclare const apiKey: Secret<string>;\nlogger.info({ apiKey });",
      ...typed,
    },
    {
      code: "import { getSigningKey } from './no-secret-logging/config.js';\nconsole.log(getSigningKey());",
      ...typed,
    },
    { code: 'declare const tokenValid: boolean;\nconsole.log(tokenValid);', ...typed },
    // Typed: a record whose secret-named field holds a mode (fetch's Request.credentials), not a credential.
    {
      code: "interface Req { url: string; credentials: 'include' | 'omit' | 'same-origin' }\ndeclare const logger: { info(m: unknown): void };\nexport function log(request: Req) {\n  logger.info(request);\n}",
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    // Typed: a union of literal types names a kind of token (`'access' | 'refresh'`), not a token.
    {
      code: "type TokenType = 'access' | 'refresh';\ndeclare const logger: { debug(m: string): void };\nexport function clear(token: TokenType) {\n  logger.debug(`clearing ${token} cookie`);\n}",
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    {
      code: "declare const logger: { info(m: unknown): void };\nexport function each(tokens: ('access' | 'refresh')[]) {\n  for (const token of tokens) logger.info(token);\n}",
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    // Typed: a record whose name says token but whose fields hold none (a lexer token).
    {
      code: 'interface Token { kind: number; pos: number }\ndeclare const token: Token;\nthrow new Error(`unexpected ${token.kind} at ${token.pos}: ${token}`);',
      ...typed,
    },
    {
      code: "import { Secret } from './no-secret-logging/secret.js';\ndeclare const apiKey: Secret<string>;\napiKey.use((key) => verify(key));\nconsole.log(`${apiKey}`);",
      ...typed,
    },
    // Typed: objects without a secret-named string field, or printed as `[object Object]`; untyped, a plain name says nothing.
    {
      code: 'interface UserView { id: string; passwordHash: string; hasPassword: boolean; token: boolean }\ndeclare const user: UserView;\nlogger.info(JSON.stringify(user));',
      ...typed,
    },
    {
      code: 'interface LoginDto { username: string; password: string }\ndeclare const dto: LoginDto;\nlogger.debug(`payload: ${dto}`);',
      ...typed,
    },
    {
      code: "import { Secret } from './no-secret-logging/secret.js';\ninterface Settings { region: string; apiKey: Secret<string> }\ndeclare const settings: Settings;\nlogger.info(settings);",
      ...typed,
    },
    'logger.debug(`payload: ${JSON.stringify(dto)}`);',
    // Typed: an object built here by a literal was followed field by field; its redacted field is fine.
    {
      code: 'declare function redact(v: string | undefined): string;\nconst config = { port: 3000, stripeKey: redact(process.env.STRIPE_SECRET_KEY) };\nlogger.info({ config });',
      ...typed,
    },
    {
      code: "import { loadRegion, validatePassword } from './no-secret-logging/config.js';\nconsole.log(loadRegion(), validatePassword('x'));",
      ...typed,
    },
  ],
  invalid: [
    // Typed: the same record with a credentials field that can hold one is a credential handed over whole.
    {
      code: 'interface Req { url: string; credentials: string }\ndeclare const logger: { info(m: unknown): void };\nexport function log(request: Req) {\n  logger.info(request);\n}',
      options: [{ minConfidence: 'low' }],
      errors: [{ messageId: 'secretToSink' as const, line: 4, suggestions: 1 }],
      ...typed,
    },
    // Typed: the same parameter typed as any string may be the token itself.
    {
      ...medium(
        leak(
          'declare const logger: { debug(m: string): void };\nexport function clear(token: string) {\n  logger.debug(`clearing ${token} cookie`);\n}',
          { text: 'token', nth: 2 },
        ),
      ),
      ...typed,
    },
    // A piece of a credential is still one.
    {
      code: "function parse(req: any) {\n  const authorization = req.headers.authorization;\n  authorization.split(' ').forEach((token) => console.log(token));\n}",
      options: [{ minConfidence: 'low' }],
      errors: [{ messageId: 'secretToSink' as const, line: 3 }],
    },
    // ...unless what it spells out carries a secret.
    {
      code: "function getSessionKey(token: string) {\n  return 'sess:' + token;\n}\nfunction load(token: string) {\n  logger.error(getSessionKey(token));\n}",
      options: [{ minConfidence: 'low' }],
      errors: [{ messageId: 'secretToSink' as const, line: 5 }],
    },
    {
      code: 'function getApiKey(name: string) {\n  return `${process.env.API_KEY}:${name}`;\n}\nlogger.error(getApiKey(name));',
      options: [{ minConfidence: 'low' }],
      errors: [{ messageId: 'secretToSink' as const, line: 4 }],
    },
    // Operator output and failed-response branches are medium, so strict still shows them.
    { ...medium(leak('console.log(apiKey);', 'apiKey')), filename: 'packages/cli/src/bin/create-key.ts' },
    medium(leak('if (!res.ok) console.error(accessToken);', 'accessToken')),
    // `credentialKey` names a field of a credentials object as often as a key: the name alone is medium.
    medium(
      leak(
        'function done(credentialKey: string) {\n  console.log(`credential ${credentialKey} is already updated`);\n}',
        { text: 'credentialKey', nth: 2 },
      ),
    ),
    // A server's logger in a commands/ folder is still a log; so is the success branch.
    { ...leak('logger.info(apiKey);', 'apiKey'), filename: 'src/commands/user.ts' },
    leak('if (res.ok) console.error(accessToken);', 'accessToken'),
    // Direct uses, templates, concatenation.
    leak('console.log(password);', 'password'),
    leak('console.error(user.password);', 'user.password'),
    leak('console.log(`token=${token}`);', { text: 'token', nth: 2 }),
    leak("console.log('pw: ' + password);", 'password'),
    leak('console.log(token.trim());', 'token.trim()'),
    leak('console.log(token.slice(7));', 'token.slice(7)'),
    leak("console.log(Buffer.from(password).toString('base64'));", "Buffer.from(password).toString('base64')"),
    leak('console.log(JSON.stringify(credentials));', 'credentials'),
    // A credential name at a sink that writes at the default level is high confidence.
    leak('logger.error(`trigger failed for session ${res.sessionToken}`);', 'res.sessionToken'),
    leak("logger.error('Can not fetch userId for sessionToken %j', sessionToken);", { text: 'sessionToken', nth: 2 }),
    leak(
      'const orderURL = `${serverURL}/orders/${order.id}?accessToken=${order.accessToken}`;\nconsole.log(\'Email body:\', `<a href="${orderURL}">View</a>`);',
      {
        text: 'orderURL',
        nth: 2,
      },
    ),
    // An ambiguous name the requester sent (a handler's `input`) is high confidence.
    leak(
      'export const route = procedure.query(async ({ input, ctx }) => {\n  const { token } = input;\n  ctx.logger.info({ input: { token } });\n});',
      {
        text: 'token',
        nth: 2,
        fix: 'token: redact(token)',
      },
    ),
    leak('function onMessage(request) {\n  logger.error(`bad pin ${request.pin}`);\n}', 'request.pin'),
    // A vague name whose value is seen to be a credential is high confidence.
    leak(
      "const [user, pass] = Buffer.from(req.headers.authorization, 'base64').toString().split(':');\nconsole.info(`password: ${pass}`);",
      { text: 'pass', nth: 3 },
    ),
    // Debug-only sinks are outputs too: a credential there is high confidence (see the docs).
    leak("logger.verbose('Fetch userId %s of sessionToken %s from Cache', userId, sessionToken);", {
      text: 'sessionToken',
      nth: 2,
    }),
    // Ambiguous names, function names and structured error details: medium.
    medium(leak('logger.info(`checkout session ${sessionId} has no subscription`);', 'sessionId')),
    medium(
      leak('throw new Error(`Link module ${serviceKey} already defined.`);', {
        text: 'serviceKey',
        messageId: 'secretInErrorMessage',
      }),
    ),
    medium(leak('console.info(`Mock email account password: ${pass}`);', { text: 'pass', nth: 2 })),
    medium(
      leak("throw new RequestError({ code: 'one_time_token.token_not_found', token, status: 404 });", {
        text: 'token',
        nth: 3,
        messageId: 'secretInErrorMessage',
        fix: 'token: redact(token)',
      }),
    ),
    leak('throw new RequestError({ message: `token ${token} not found` });', {
      text: 'token',
      nth: 2,
      messageId: 'secretInErrorMessage',
    }),
    // Strict reports what is below high too.
    {
      ...leak('logger.warn(`no subscription for checkout session ${sessionId}`);', 'sessionId'),
      options: [{ minConfidence: 'low' }],
    },
    // Typed: an object handed over whole carries its secret-named string fields.
    {
      ...leak(
        'interface LoginDto { username: string; password: string }\ndeclare const dto: LoginDto;\nlogger.debug(`payload: ${JSON.stringify(dto)}`);',
        {
          text: 'dto',
          nth: 2,
        },
      ),
      ...typed,

      options: [{ minConfidence: 'medium' }],
    },
    {
      ...leak('interface Creds { user: string; apiKey?: string }\ndeclare const creds: Creds;\nlogger.info(creds);', {
        text: 'creds',
        nth: 2,
      }),
      ...typed,
    },
    // Aliases, `let` assignments, destructuring.
    leak('const value = token;\nconsole.log(value);', { text: 'value', nth: 2 }),
    leak('let value;\nvalue = token;\nconsole.log(value);', { text: 'value', nth: 3 }),
    leak('const { password } = body;\nlogger.info(password);', { text: 'password', nth: 2 }),
    leak('const { token: tk } = req.body;\nlogger.info(`got ${tk}`);', { text: 'tk', nth: 2 }),
    leak('const { authorization } = req.headers;\nlog.info(authorization);', { text: 'authorization', nth: 2 }),
    leak(
      "const [user, pass] = Buffer.from(req.headers.authorization, 'base64').toString().split(':');\nconsole.log(pass);",
      {
        text: 'pass',
        nth: 2,
      },
    ),
    // Logger aliases.
    leak('const log = console.log;\nlog(apiKey);', 'apiKey'),
    leak('const { info } = logger;\ninfo(secret);', { text: 'secret' }),
    leak('const warn = logger.warn.bind(logger);\nwarn(password);', 'password'),
    leak('const app = pino();\napp.info(clientSecret);', 'clientSecret'),
    leak("logger.child({ svc: 'auth' }).warn(apiKey);", 'apiKey'),
    // Only the scheme of an authorization header is safe: the credential after it, a split on another separator, other secrets.
    // An unmatched lookup clears only an issued token it was keyed by: a password (a near miss of the real one),
    // a lookup by something else, a found row, or the else branch stay reported.
    leak(
      'const user = await db.user.findFirst({ where: { password } });\nif (!user) logger.warn(`bad login ${password}`);',
      {
        text: 'password',
        nth: 2,
      },
    ),
    leak(
      'const row = await db.attachment.findFirst({ where: { id } });\nif (!row) logger.warn(`missing ${token}`);',
      'token',
    ),
    leak('const row = await db.attachment.findFirst({ where: { token } });\nif (row) logger.warn(`found ${token}`);', {
      text: 'token',
      nth: 2,
    }),
    leak(
      'const row = await db.attachment.findFirst({ where: { token } });\nif (!row) {\n  return;\n} else {\n  logger.warn(`found ${token}`);\n}',
      { text: 'token', nth: 2 },
    ),
    leak('const row = lookup(token);\nif (!row) {\n  const fn = () => logger.warn(`later ${token}`);\n  fn();\n}', {
      text: 'token',
      nth: 2,
    }),
    // Only a failure test lowers: a success test, the else branch, or a test joined by && does not.
    leak(
      'const tokens = await exchangeCode(code);\nif (tokens.expires_in) console.log(tokens.access_token);',
      'tokens.access_token',
    ),
    leak(
      'const result = await exchangeCode(code);\nif (result.error) {\n  return;\n} else {\n  console.log(result.access_token);\n}',
      'result.access_token',
    ),
    leak('if (data.error && !data.accessToken) {} else logger.warn({ token: data.accessToken });', {
      text: 'data.accessToken',
      nth: 2,
    }),
    leak('if (data.error || data.accessToken) logger.warn({ token: data.accessToken });', {
      text: 'data.accessToken',
      nth: 2,
    }),
    leak("console.log(req.headers.authorization.split(' ')[1]);", "req.headers.authorization.split(' ')[1]"),
    leak("console.log(req.headers.authorization.split(':')[0]);", "req.headers.authorization.split(':')[0]"),
    leak("console.log(token.split(' ')[0]);", "token.split(' ')[0]"),
    leak(
      "const auth = req.headers.authorization;\nlogger.debug(`auth: ${auth.split(' ')[0]} ${auth.split(' ')[1]}`);",
      "auth.split(' ')[1]",
    ),
    // morgan prints the headers its format names on every request line.
    leak("import morgan from 'morgan';\napp.use(morgan(':method :url :status :req[authorization]'));", {
      text: "':method :url :status :req[authorization]'",
      fix: null,
    }),
    leak(
      "const requestLogger = require('morgan');\nconst format = ':remote-addr :req[cookie]';\napp.use(requestLogger(format, { stream }));",
      {
        text: 'format',
        nth: 2,
        fix: null,
      },
    ),
    leak('app.use(morgan(`:method :res[set-cookie] :req[x-api-key]`));', {
      text: '`:method :res[set-cookie] :req[x-api-key]`',
      fix: null,
    }),
    // The whole body of a request whose handler takes a password (or another secret) out of it.
    leak(
      "app.post('/auth/login', (req, res) => {\n  const { email, password } = req.body as { email: string; password: string };\n  logger.debug({ body: req.body }, 'login body');\n});",
      {
        text: 'req.body',
        nth: 2,
      },
    ),
    leak('function reset(request) {\n  if (!request.body.password) return;\n  console.log(request.body);\n}', {
      text: 'request.body',
      nth: 2,
    }),
    // Child-logger bindings are written into every later line.
    leak("const log = logger.child({ apiKey: req.get('x-api-key') });", "req.get('x-api-key')"),
    leak('const app = pino();\nconst reqLog = app.child({ token });', { text: 'token', fix: 'token: redact(token)' }),
    leak('this.logger.child({ password });', { text: 'password', fix: 'password: redact(password)' }),
    leak('log(password);', 'password'),
    leak('winston.info(password);', 'password'),
    // Structured loggers: object literals and spreads.
    leak('logger.info({ user, token });', { text: 'token', fix: 'token: redact(token)' }),
    leak('logger.info({ ...credentials });', { text: '...credentials', fix: null }),
    leak('const creds = { user, password };\nlogger.info({ ...creds });', { text: '...creds', fix: null }),
    leak('logger.info({ auth: req.headers.authorization });', 'req.headers.authorization'),
    leak('logger.info({ apiKey: value });', 'value'),
    leak('logger.info({ token: result.value });', 'result.value'),
    leak('logger.info(req.headers);', 'req.headers'),
    leak('const meta: Record<string, string> = {};\nmeta.password = body.password;\nlogger.info(meta);', {
      text: 'meta',
      nth: 3,
    }),
    // A secret written into a parameter's nested field travels with the object (an axios interceptor).
    leak(
      'function attachToken(config: Config, token: string) {\n  config.headers.Authorization = `Bearer ${token}`;\n  logger.debug({ config });\n}',
      { text: 'config', nth: 3, fix: 'config: redact(config)' },
    ),
    leak(
      'const options = { headers: {} as Record<string, string> };\noptions.headers.authorization = apiKey;\nconsole.log(options);',
      { text: 'options', nth: 3 },
    ),
    leak('logger.info(req.cookies);', 'req.cookies'),
    // Headers, cookies, environment.
    leak("console.log(req.headers['x-api-key']);", "req.headers['x-api-key']"),
    // A constant that names the credential itself is one, resolved or not.
    leak("import { JWT_SECRET } from 'src/config';\nconsole.log(JWT_SECRET);", { text: 'JWT_SECRET', nth: 2 }),
    leak(
      "const AUTH_HEADER = 'Authorization';\nconsole.log(req.headers[AUTH_HEADER.toLowerCase()]);",
      'req.headers[AUTH_HEADER.toLowerCase()]',
    ),
    medium(leak('console.log(req.headers[name.toLowerCase()]);', 'req.headers[name.toLowerCase()]')),
    leak('const headers = req.headers;\nconsole.log(headers.authorization);', 'headers.authorization'),
    leak("logger.debug(req.get('Authorization'));", "req.get('Authorization')"),
    leak("logger.debug(req.header('x-api-key'));", "req.header('x-api-key')"),
    leak("logger.debug(headers.get('authorization'));", "headers.get('authorization')"),
    leak('console.log(process.env.STRIPE_API_KEY);', 'process.env.STRIPE_API_KEY'),
    leak("console.log(process.env['DB_PASSWORD']);", "process.env['DB_PASSWORD']"),
    leak('console.log(process.env);', 'process.env'),
    leak('const key = process.env.JWT_SECRET;\nconsole.log(`key ${key}`);', { text: 'key', nth: 3 }),
    // Decrypted values and revealed secrets.
    leak('const plain = decrypt(blob);\nlogger.info(plain);', { text: 'plain', nth: 2 }),
    leak('const plain = await crypto.subtle.decrypt(alg, k, data);\nconsole.log(plain);', { text: 'plain', nth: 2 }),
    leak(
      "const d = createDecipheriv('aes-256-gcm', k, iv);\nconst out = d.update(data, 'hex', 'utf8') + d.final('utf8');\nconsole.log(out);",
      {
        text: 'out',
        nth: 2,
      },
    ),
    leak('console.log(secret.reveal());', 'secret.reveal()'),
    // Functions that hand out a secret.
    leak('console.log(loadDbPassword());', 'loadDbPassword()'),
    leak('function jwtKey() {\n  return process.env.JWT_SECRET;\n}\nconsole.log(jwtKey());', {
      text: 'jwtKey()',
      nth: 2,
    }),
    // Other sinks.
    leak("const debug = createDebug('app:auth');\ndebug('token %s', token);", { text: 'token', nth: 2 }),
    leak("const debug = require('debug')('app');\ndebug(password);", 'password'),
    leak('class S {\n  run() {\n    this.logger.log(`password ${password}`);\n  }\n}', { text: 'password', nth: 2 }),
    leak('request.log.info({ token });', { text: 'token', fix: 'token: redact(token)' }),
    leak("process.stdout.write(token + '\\n');", 'token'),
    leak('Sentry.captureMessage(`login failed ${password}`);', 'password'),
    leak("Sentry.setExtra('token', token);", { text: 'token', nth: 2 }),
    leak("import { setExtra } from '@sentry/node';\nsetExtra('pw', password);", 'password'),
    leak("span.setAttribute('auth', req.headers.authorization);", 'req.headers.authorization'),
    leak("const s = tracer.startSpan('login');\ns.addEvent('auth', { apiKey });", {
      text: 'apiKey',
      fix: 'apiKey: redact(apiKey)',
    }),
    { ...leak('audit.write(token);', 'token'), options: [{ extraSinks: ['audit.write'] }] },
    leak('logger[level](password);', 'password'),
    leak("console['log'](token);", 'token'),
    leak('console.table(credentials);', 'credentials'),
    leak('Logger.warn(`password ${password}`);', { text: 'password', nth: 2 }),
    leak('fastify.log.warn(token);', 'token'),
    leak('reply.log.error({ token });', { text: 'token', fix: 'token: redact(token)' }),
    leak('consola.info(apiKey);', 'apiKey'),
    leak("consoleLog.info('base role password:', tableInfo.password);", 'tableInfo.password'),
    leak('devConsole.warn(`token ${token}`);', { text: 'token', nth: 2 }),
    leak('spinnerLog.succeed(`stored ${apiKey}`);', 'apiKey'),
    leak("debug('app:auth')('token %s', token);", { text: 'token', nth: 2 }),
    leak('console.log(config.JWT_SECRET);', 'config.JWT_SECRET'),
    leak('logger?.info(apiKey);', 'apiKey'),
    leak("logger.info(util.format('%s', token));", 'token'),
    leak(
      "Sentry.withScope((scope) => scope.setExtra('auth', req.headers.authorization));",
      'req.headers.authorization',
    ),
    leak("trace.getActiveSpan()?.setAttribute('token', token);", { text: 'token', nth: 2 }),
    leak("Sentry.addBreadcrumb({ message: 'login', data: { password } });", {
      text: 'password',
      fix: 'password: redact(password)',
    }),
    // Error messages.
    leak('throw new Error(`bad token ${token}`);', {
      text: 'token}',
      messageId: 'secretInErrorMessage',
      fix: 'redact(token)}',
    }),
    leak("const e = new Error('wrong password ' + password);", {
      text: 'password',
      nth: 2,
      messageId: 'secretInErrorMessage',
    }),
    leak('throw new UnauthorizedException(`invalid token ${token}`);', {
      text: 'token}',
      messageId: 'secretInErrorMessage',
      fix: 'redact(token)}',
    }),
    leak("logger.error(new Error('bad ' + apiKey));", { text: 'apiKey', messageId: 'secretInErrorMessage' }),
    // Several findings in one call.
    leak('console.log(password, apiKey);', 'password', 'apiKey'),
    // The configured redaction helper.
    {
      ...leak('console.log(password);\ndeclare function mask(value: unknown): string;', {
        text: 'password',
        fix: 'mask(password)',
      }),
      options: [{ redactionHelper: 'mask' }],
    },
    // The same lexer token without type information: only the name speaks.
    leak(
      'interface Token { kind: number; pos: number }\ndeclare const token: Token;\nthrow new Error(`unexpected ${token}`);',
      {
        text: 'token',
        nth: 2,
        messageId: 'secretInErrorMessage',
      },
    ),
    // Typed: `.reveal()` on a `Secret`, functions declared in another module.
    {
      ...leak(
        "import { Secret } from './no-secret-logging/secret.js';\ndeclare const secret: Secret<string>;\nconsole.log(secret.reveal());",
        'secret.reveal()',
      ),
      ...typed,
    },
    {
      ...leak(
        "import { Secret } from './no-secret-logging/secret.js';\ndeclare const apiKey: Secret<string>;\napiKey.use((key) => console.log(key));",
        {
          text: 'key',
          nth: 2,
        },
      ),
      ...typed,
    },
    {
      ...leak(
        "import { loadConfigValue } from './no-secret-logging/config.js';\nconsole.log(loadConfigValue());",
        'loadConfigValue()',
      ),
      ...typed,
    },
    {
      ...leak(
        "import { Vault } from './no-secret-logging/config.js';\ndeclare const vault: Vault;\nlogger.info({ value: vault.open('x') });",
        "vault.open('x')",
      ),
      ...typed,
    },
  ],
});

// Across functions: a secret handed to a helper whose body logs its parameter (issue 14).
ruleTester.run('no-secret-logging across functions', rule, {
  valid: [
    // The helper masks before it logs; the secret-named parameter's own body is where a leak is reported.
    'function logMasked(value: string) { logger.info(redact(value)); }\ndeclare const apiKey: string;\nlogMasked(apiKey);',
    'function logLength(value: string) { logger.info(value.length); }\ndeclare const apiKey: string;\nlogLength(apiKey);',
    'function logRequest(value: string) { logger.info(value); }\nlogRequest("static text");',
    'function keep(value: string) { return value; }\ndeclare const apiKey: string;\nlogger.info(redact(keep(apiKey)));',
    // Untyped runs see same-file functions only.
    "import { logCall } from './summaries/index.js';\ndeclare const apiKey: string;\nlogCall(apiKey);",
    {
      code: "import { logMasked } from './summaries/index.js';\ndeclare const apiKey: string;\nlogMasked(apiKey);",
      ...typed,
    },
    {
      code: "import { logCall } from './summaries/index.js';\nlogCall('GET /');",
      ...typed,
    },
  ],
  invalid: [
    leak(
      'function logRequest(value: string) { logger.info(value); }\ndeclare const apiKey: string;\nlogRequest(apiKey);',
      {
        text: 'apiKey',
        nth: 2,
      },
    ),
    leak(
      'const logIt = (v: string) => console.log(`value ${v}`);\nfunction outer(a: string) { logIt(a); }\nouter(process.env.STRIPE_SECRET_KEY);',
      'process.env.STRIPE_SECRET_KEY',
    ),
    // A pass-through helper returns what it was given: `withPrefix(apiKey)` carries the key.
    leak(
      'function withPrefix(v: string) { return `Bearer ${v}`; }\ndeclare const apiKey: string;\nconsole.log(withPrefix(apiKey));',
      'withPrefix(apiKey)',
    ),
    {
      ...leak("import { logCall } from './summaries/index.js';\ndeclare const apiKey: string;\nlogCall(apiKey);", {
        text: 'apiKey',
        nth: 2,
      }),
      ...typed,
    },
    {
      ...leak(
        "import { logRequest } from './summaries/logging.js';\nlogRequest(process.env.DATABASE_PASSWORD ?? '');",
        'process.env.DATABASE_PASSWORD',
      ),
      ...typed,
    },
    {
      ...leak(
        "import { AuditClient } from './summaries/index.js';\ndeclare const client: AuditClient;\ndeclare const sessionToken: string;\nclient.record(sessionToken);",
        { text: 'sessionToken', nth: 2 },
      ),
      ...typed,
    },
  ],
});

/** `{ name }` shorthand: the suggestion spells the key out. */
const shorthand = (name: string, nth = 1): At => ({ text: name, nth, fix: `${name}: redact(${name})` });

ruleTester.run('no-secret-logging: telemetry, analytics and error-tracking SDKs', rule, {
  valid: [
    // No secret sent; methods that send nothing; bare functions that are not the SDK's.
    "import posthog from 'posthog-js';\nposthog.capture('login', { userId: user.id });",
    "import posthog from 'posthog-js';\nposthog.isFeatureEnabled(token);",
    "import { track } from './analytics.js';\ntrack('login', { password });",
    "track('login', { password });",
    "import { init } from '@amplitude/analytics-node';\ninit(apiKey);",
    "import Rollbar from 'rollbar';\nconst rollbar = new Rollbar({ accessToken: process.env.ROLLBAR_TOKEN });",
    // `error` on what is not an SDK (a toast, a form) sends nothing.
    "import { toast } from 'sonner';\ntoast.error(`bad password ${password}`);",
    "const mixpanel = makeStore();\nmixpanel.set('token', token);",
    // An SDK known by its receiver's name only is medium: maybe an in-house wrapper that filters.
    "analytics.track('login', { token });",
    "window.posthog.capture('login', { password });",
    'this.rollbar.error(`refresh failed for ${refreshToken}`);',
    // Stdio without a secret.
    'process.stdout.write(`${tokenCount} tokens\\n`);',
    "process.stderr.write('token expired\\n');",
  ],
  invalid: [
    // PostHog (posthog-node client, posthog-js).
    leak(
      "import { PostHog } from 'posthog-node';\nconst client = new PostHog(key);\nclient.capture({ distinctId: user.id, event: 'login', properties: { apiKey } });",
      shorthand('apiKey'),
    ),
    leak(
      "import posthog from 'posthog-js';\nposthog.identify(user.id, { email: user.email, sessionToken });",
      shorthand('sessionToken'),
    ),
    // Segment (analytics-node, legacy analytics-node through require).
    leak(
      "import { Analytics } from '@segment/analytics-node';\nconst analytics = new Analytics({ writeKey });\nanalytics.track({ userId, event: 'key_created', properties: { apiKey } });",
      shorthand('apiKey'),
    ),
    leak(
      "const Analytics = require('analytics-node');\nconst segment = new Analytics(writeKey);\nsegment.identify({ userId, traits: { password } });",
      shorthand('password'),
    ),
    // Mixpanel (node `Mixpanel.init()`, `people.set`; mixpanel-browser).
    leak(
      "const Mixpanel = require('mixpanel');\nconst mixpanel = Mixpanel.init(projectToken);\nmixpanel.people.set(user.id, { accessToken });",
      shorthand('accessToken'),
    ),
    leak("import mixpanel from 'mixpanel-browser';\nmixpanel.track('login', { token });", shorthand('token')),
    // Amplitude (a bare imported function, a namespace, the legacy `getInstance()`).
    leak("import { track } from '@amplitude/analytics-browser';\ntrack('login', { password });", shorthand('password')),
    leak(
      "import { track as ampTrack } from '@amplitude/analytics-node';\nampTrack('login', { refreshToken });",
      shorthand('refreshToken'),
    ),
    leak(
      "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setUserProperties({ apiKey });",
      shorthand('apiKey'),
    ),
    leak(
      "import amplitude from 'amplitude-js';\namplitude.getInstance().logEvent('login', { token });",
      shorthand('token'),
    ),
    // Datadog: RUM, browser logs, dd-trace spans.
    leak(
      "import { datadogRum } from '@datadog/browser-rum';\ndatadogRum.setUser({ id: user.id, token: session.accessToken });",
      'session.accessToken',
    ),
    leak(
      "import { datadogRum } from '@datadog/browser-rum';\ndatadogRum.setGlobalContextProperty('auth', apiKey);",
      'apiKey',
    ),
    leak(
      "import { datadogLogs } from '@datadog/browser-logs';\ndatadogLogs.logger.info('signed in', { accessToken });",
      shorthand('accessToken'),
    ),
    leak("const tracer = require('dd-trace').init();\ntracer.scope().active()?.setTag('auth.token', token);", {
      text: 'token',
      nth: 2,
    }),
    leak("tracer.trace('login', (span) => span.addTags({ password }));", shorthand('password')),
    // New Relic.
    leak("const newrelic = require('newrelic');\nnewrelic.addCustomAttribute('apiKey', apiKey);", {
      text: 'apiKey',
      nth: 2,
    }),
    leak("import newrelic from 'newrelic';\nnewrelic.noticeError(err, { token });", shorthand('token')),
    leak(
      "import newrelic from 'newrelic';\nnewrelic.recordCustomEvent('Login', { password: req.body.password });",
      'req.body.password',
    ),
    // LogRocket.
    leak(
      "import LogRocket from 'logrocket';\nLogRocket.identify(user.id, { name: user.name, apiKey: user.apiKey });",
      'user.apiKey',
    ),
    leak("import LogRocket from 'logrocket';\nLogRocket.log('session', sessionToken);", 'sessionToken'),
    // Bugsnag.
    leak("import Bugsnag from '@bugsnag/js';\nBugsnag.leaveBreadcrumb('login', { password });", shorthand('password')),
    leak(
      "import Bugsnag from '@bugsnag/js';\nBugsnag.addMetadata('auth', { refreshToken });",
      shorthand('refreshToken'),
    ),
    // Rollbar (an instance made by the module's constructor).
    leak(
      "import Rollbar from 'rollbar';\nconst rollbar = new Rollbar({ accessToken: rollbarToken });\nrollbar.error('login failed', { password });",
      shorthand('password'),
    ),
    // Honeybadger.
    leak(
      "import Honeybadger from '@honeybadger-io/js';\nHoneybadger.setContext({ user_id: user.id, session_token: sessionToken });",
      'sessionToken',
    ),
    leak(
      "import Honeybadger from '@honeybadger-io/js';\nHoneybadger.notify(err, { context: { apiKey } });",
      shorthand('apiKey'),
    ),
    // Known by the receiver's name only: medium, reported in strict.
    medium(leak("analytics.track('login', { token });", shorthand('token'))),
    medium(leak("window.posthog.capture('login', { password });", shorthand('password'))),
    medium(leak('this.rollbar.error(`refresh failed for ${refreshToken}`);', 'refreshToken')),
    medium(leak('posthogClient.capture({ event: "login", properties: { apiKey } });', shorthand('apiKey'))),
    // Typed: the receiver's type is declared by the SDK's module, whatever the receiver is called.
    {
      ...leak(
        "import type { PostHog } from 'posthog-node';\nexport class Tracker {\n  constructor(private readonly events: PostHog) {}\n  login(token: string) {\n    this.events.capture({ event: 'login', properties: { token } });\n  }\n}",
        shorthand('token', 2),
      ),
      ...typed,
    },
    // Process streams, also through an alias.
    leak('process.stderr.write(`refresh token ${refreshToken}\\n`);', 'refreshToken'),
    leak('const { stderr } = process;\nstderr.write(apiKey);', 'apiKey'),
    leak('const out = process.stdout;\nout.write(`${password}\\n`);', { text: 'password' }),
  ],
});

ruleTester.run('no-secret-logging: names that say less than they seem, counts, browser consoles, commands', rule, {
  valid: [
    // A cookie's name alone: state, nonce, consent and locale cookies as often as a session (medium).
    "logger.debug('PARSE_STATE', { cookie: value });",
    "const cookieValue = cookies?.[options.cookies[name].name];\nlogger.debug('USE_STATE', { value: cookieValue });",
    "logger.debug('authorization url is ready', { url, cookies, provider });",
    // A customer code under a token's name (medium).
    'console.error(`Link not found for coupon ${coupon.token}`);',
    'logger.info({ couponToken });',
    // What a decoding call returned: the claims, not the token (medium).
    'const shareToken = await parseShareToken(request);\nlog({ shareToken });',
    'const decodedToken = decodeJwt(raw);\nlogger.info({ decodedToken });',
    // A count is no secret: by the call that made it, or by its type.
    'const activeRestrictedTokens = await prisma.restrictedToken.count({ where: { userId } });\nthrow new Error(`This user has ${activeRestrictedTokens} active tokens`);',
    'const apiKeys = keys.length;\nconsole.log(`${apiKeys} keys`);',
    { code: 'declare const activeTokens: number;\nconsole.log(`${activeTokens} active`);', ...typed },
    // The browser's own console (medium): a client module, or one that uses the DOM.
    "'use client';\nexport function Debug({ token }: { token: string }) {\n  console.debug('embed', token);\n}",
    "const container = document.getElementById('embed');\nconsole.debug('[embed] init', options.token);",
    // The same through a helper: a name-only SDK, the browser's console.
    "function trackLogin(value: string) {\n  analytics.track('login', { value });\n}\ntrackLogin(apiKey);",
    'const root = document.body;\nfunction show(value: string) {\n  console.debug(value);\n}\nshow(apiKey);',
    // Logged only in development: a developer's terminal (medium).
    "if (process.env.NODE_ENV === 'development') {\n  console.info('Password reset URL:', `${baseUrl}/reset/${token}`);\n}",
    "process.env.NODE_ENV === 'development' && console.log(`magic link token ${token}`);",
    'if (isDev) logger.info({ magicLinkToken });',
    "if (process.env.NODE_ENV !== 'production') console.log(`token ${token}`);",
    // A command-line command prints the credential it made for its operator (medium), whatever prints it.
    {
      code: 'const invite = await userService.createInvites({ email });\nlogger.info(`Invite token: ${invite.token}`);',
      filename: 'packages/app/src/commands/user.ts',
    },
  ],
  invalid: [
    medium(leak("logger.debug('PARSE_STATE', { cookie: value });", 'value')),
    medium(leak('console.error(`Link not found for coupon ${coupon.token}`);', 'coupon.token')),
    medium(
      leak('const shareToken = await parseShareToken(request);\nlog({ shareToken });', shorthand('shareToken', 2)),
    ),
    medium(
      leak(
        "const container = document.getElementById('embed');\nconsole.debug('[embed] init', options.token);",
        'options.token',
      ),
    ),
    {
      ...medium(
        leak(
          'const invite = await userService.createInvites({ email });\nlogger.info(`Invite token: ${invite.token}`);',
          'invite.token',
        ),
      ),
      filename: 'packages/app/src/commands/user.ts',
    },
    medium(
      leak("function trackLogin(value: string) {\n  analytics.track('login', { value });\n}\ntrackLogin(apiKey);", {
        text: 'apiKey',
      }),
    ),
    leak("function trackLogin(value: string) {\n  logger.info('login', { value });\n}\ntrackLogin(apiKey);", 'apiKey'),
    medium(
      leak(
        "if (process.env.NODE_ENV === 'development') {\n  console.info('Password reset URL:', `${baseUrl}/reset/${token}`);\n}",
        'token',
      ),
    ),
    medium(
      leak("if (process.env.NODE_ENV !== 'production') console.log(`token ${token}`);", { text: 'token', nth: 2 }),
    ),
    // Not guarded: the log after the development branch.
    leak("if (process.env.NODE_ENV === 'development') {\n  setup();\n}\nconsole.log(`token ${token}`);", {
      text: 'token',
      nth: 2,
    }),
    // Still high: a session cookie by name, a cookie header, a parse of a credential the flow sees, a
    // one-time code typed as a number, an isomorphic module, an invite made in a server handler.
    leak('logger.info({ sessionCookie });', shorthand('sessionCookie')),
    leak('logger.debug({ cookie: req.headers.cookie });', 'req.headers.cookie'),
    leak('const token = parseBearerToken(req.headers.authorization);\nlogger.info({ token });', shorthand('token', 2)),
    medium({ ...leak('declare const otpCode: number;\nconsole.log(otpCode);', { text: 'otpCode', nth: 2 }), ...typed }),
    leak("if (typeof window !== 'undefined') window.name = 'app';\nconsole.log(token);", 'token'),
    leak('const invite = await createInvite(email);\nlogger.info(invite.token);', 'invite.token'),
  ],
});

// Held-out real code: a domain-ownership challenge is published in DNS; its value in an error message leaks nothing.
ruleTester.run('no-secret-logging: published challenges', rule, {
  valid: [
    'const row = await db.verifiedDomain.findFirst({ where });\nthrow new Error(`TXT record does not contain "${row.verificationToken}"`);',
    'logger.info({ domainVerificationToken });',
  ],
  invalid: [
    // A verification token of a user record is an out-of-band secret.
    leak('const row = await db.user.findFirst({ where });\nthrow new Error(`expected ${row.verificationToken}`);', {
      text: 'row.verificationToken',
      messageId: 'secretInErrorMessage',
    }),
    // A DNS provider's API token names no challenge.
    leak('logger.info({ dnsApiToken });', shorthand('dnsApiToken')),
  ],
});

// Held-out real code: a cookie whose name has no credential word is an analytics id or a preference.
ruleTester.run('no-secret-logging: cookies that are no credentials', rule, {
  valid: ["logger.info('visit', { track: req.cookies.track, consent: req.cookies.cookie_consent });"],
  invalid: [
    leak("logger.info('visit', { sid: req.cookies.sid });", 'req.cookies.sid'),
    leak("logger.info('visit', { jwt: req.signedCookies.jwt });", 'req.signedCookies.jwt'),
  ],
});

// Held-out real code: next-auth's getToken returns the session's decoded claims, not the JWT (medium, like a decode).
ruleTester.run('no-secret-logging: decoded claims under a token name', rule, {
  valid: [
    "import { getToken } from 'next-auth/jwt';\nconst token = await getToken({ req });\nconsole.log(token);",
    "import { getToken } from 'next-auth/jwt';\nasync function getTokenFromRequest(req) {\n  if (req.headers.authorization) return getToken({ req: { headers: req.headers, cookies: {} } });\n  return getToken({ req });\n}\nconst token = await getTokenFromRequest(req);\nconsole.log(token);",
  ],
  invalid: [
    medium(
      leak("import { getToken } from 'next-auth/jwt';\nconst token = await getToken({ req });\nconsole.log(token);", {
        text: 'token',
        nth: 2,
      }),
    ),
    // The raw JWT, a getToken of another module, a wrapper that returns the header itself.
    leak(
      "import { getToken } from 'next-auth/jwt';\nconst token = await getToken({ req, raw: true });\nconsole.log(token);",
      {
        text: 'token',
        nth: 2,
      },
    ),
    leak("import { getToken } from './auth';\nconst token = await getToken();\nconsole.log(token);", {
      text: 'token',
      nth: 2,
    }),
    leak(
      'async function getTokenFromRequest(req) {\n  return req.headers.authorization;\n}\nconst token = await getTokenFromRequest(req);\nconsole.log(token);',
      { text: 'token', nth: 2 },
    ),
  ],
});

// Held-out real code: a page of Next.js's pages router runs in the visitor's browser (medium), its
// getServerSideProps on the server (high).
const VERIFY_PAGE =
  "import { useEffect } from 'react';\nconst VerifyEmail = () => {\n  useEffect(() => {\n    const token = router.query.token;\n    console.log(token);\n  }, []);\n  return <></>;\n};\nexport default VerifyEmail;";
const SSR_PAGE =
  'export default function Billing() {\n  return <div />;\n}\nexport async function getServerSideProps() {\n  console.log(process.env.STRIPE_SECRET_KEY);\n  return { props: {} };\n}';
ruleTester.run('no-secret-logging: pages-router pages', rule, {
  valid: [{ code: VERIFY_PAGE, filename: 'apps/web/pages/auth/verify-email.tsx' }],
  invalid: [
    {
      ...medium(leak(VERIFY_PAGE, { text: 'token', nth: 3 })),
      filename: 'apps/web/pages/auth/verify-email.tsx',
    },
    { ...leak(SSR_PAGE, 'process.env.STRIPE_SECRET_KEY'), filename: 'src/pages/billing.tsx' },
    // API routes, a module with no page component, a page outside a pages folder.
    { ...leak(VERIFY_PAGE, { text: 'token', nth: 3 }), filename: 'src/pages/api/verify.tsx' },
    {
      ...leak(VERIFY_PAGE.replace('export default VerifyEmail;', 'export { VerifyEmail };'), { text: 'token', nth: 3 }),
      filename: 'apps/web/pages/auth/verify-email.tsx',
    },
    { ...leak(VERIFY_PAGE, { text: 'token', nth: 3 }), filename: 'apps/web/components/verify-email.tsx' },
  ],
});

// Held-out real code: secret names on values that are visibly no secret.

/** A cron field parser: a range segment handed to a module-private helper that names it `token`. */
const CRON_PARSER =
  "function parseField(field: string, label: string) {\n  for (const segment of field.split(',')) {\n    const token = segment.trim();\n    const [rangeToken, stepToken] = token.split('/');\n    parseRangeToken({ token: rangeToken, label });\n  }\n}\nfunction parseRangeToken({ token, label }: { token: string; label: string }) {\n  throw new Error(`Invalid ${label} range ${token}`);\n}";
ruleTester.run('no-secret-logging: names on non-secrets', rule, {
  valid: [
    // A piece of a cron field, one step removed from the split.
    "const segments = field.split(',');\nfor (const segment of segments) {\n  const token = segment.trim();\n  if (!token) throw new Error(`Invalid ${label} token ${token}`);\n}",
    "for (const part of spec.split(' ')) {\n  const token = part.toLowerCase();\n  logger.warn(`bad token ${token}`);\n}",
    // A module's own parser, given only pieces of a split field.
    CRON_PARSER,
    // A message about missing credentials; a table of messages about secrets.
    'logger.warn(warningMessages.missingCredentials, { provider });',
    'const missingApiKey = !process.env.OPENAI_API_KEY;\nlogger.warn({ missingApiKey });',
    'console.error(labels.password, errors.apiKey);',
    // Microsoft Graph's subscription challenge, echoed back as the response body.
    "const validationToken = searchParams.get('validationToken');\nif (validationToken) {\n  logger.info('Received validation request', { validationToken });\n  return new NextResponse(validationToken, { headers: { 'Content-Type': 'text/plain' } });\n}",
    'const { challenge } = req.body;\nlogger.info({ challenge });\nres.json({ challenge });',
  ],
  invalid: [
    // The split text is itself a credential; a trimmed token of a header.
    leak(
      "const parts = req.headers.authorization.split(' ');\nfor (const part of parts) {\n  const token = part.trim();\n  logger.warn(`bad token ${token}`);\n}",
      { text: 'token', nth: 3 },
    ),
    leak('const token = rawToken.trim();\nlogger.info(token);', { text: 'token', nth: 2 }),
    // Exported: callers elsewhere may pass anything; a caller here passes a request's token.
    leak(CRON_PARSER.replace('function parseRangeToken', 'export function parseRangeToken'), {
      text: 'token',
      nth: 6,
      messageId: 'secretInErrorMessage',
    }),
    leak(`${CRON_PARSER}\nparseRangeToken({ token: req.query.token, label: 'x' });`, {
      text: 'token',
      nth: 6,
      messageId: 'secretInErrorMessage',
    }),
    // A copy of a record is no table of text.
    leak('const copy = { ...user };\nlogger.info(copy.password);', 'copy.password'),
    // Not echoed: a validation token from an e-mail link.
    leak(
      "const validationToken = searchParams.get('validationToken');\nlogger.info('Validating e-mail', { validationToken });\nawait verifyEmail(validationToken);",
      shorthand('validationToken', 3),
    ),
  ],
});

// Held-out round 4 (issue 13): values seen to hold nothing secret, ids a requester chose, CSRF tokens.
ruleTester.run('no-secret-logging: absent values, spelled-out constants, chosen ids, CSRF tokens', rule, {
  valid: [
    // Logged in the branch where the value is absent: nothing but `undefined` or '' is printed (any confidence).
    ...[
      "function decrypt(secretKey?: string) {\n  if (!secretKey || typeof secretKey !== 'string') {\n    logger.error({ secretKey }, 'no key');\n  }\n}",
      'if (apiKey == null) console.warn(`apiKey is ${apiKey}`);',
      "if (password === '' && strict) logger.warn({ password });",
      'if (!token.length) logger.warn(`empty token ${token}`);',
    ].map((code) => ({ code, options: [{ minConfidence: 'low' as const }] })),
    // A constant whose type is one string literal is spelled out in the source (a settings or action name).
    {
      code: "const NAMES = { GmailTokens: 'GmailTokens' } as const;\nlogger.debug({ settingsName: NAMES.GmailTokens });",
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    // A numeric fallback says the value is a count (LLM usage tokens).
    {
      code: 'const originalTokens = response.usage.total_tokens || 0;\nlogger.info({ total: originalTokens + extra });',
      options: [{ minConfidence: 'low' }],
    },
    // A connection string's key over an address built in view from parts that carry nothing (any confidence).
    {
      code: 'const url = `${base}managed-clickhouse/${path}`;\nlogger.error({ clickhouse_url: url }, "fetch failed");',
      options: [{ minConfidence: 'low' }],
    },
    // A list started empty and filled only with text written out here (any confidence).
    {
      code: "function parse(search: string, strict: boolean) {\n  const unsupportedTokens: string[] = [];\n  for (const match of search.matchAll(/(\\w+):(\\W*)/g)) {\n    const field = match[1];\n    unsupportedTokens.push(`${field}:${match[2] || ''}`);\n  }\n  if (strict && unsupportedTokens.length > 0) throw new Error(`Unsupported: ${unsupportedTokens.join(', ')}`);\n}",
      options: [{ minConfidence: 'low' }],
    },
    // A helper that logs, called only outside production; a tree's root key: medium.
    "function debugLog(msg: string, ctx: unknown) {\n  console.log(msg, ctx);\n}\nprocess.env.NODE_ENV !== 'production' && debugLog('fetch failed', { sessionToken });",
    'function reconcile(rootKey: string) {\n  logger.info({ rootKey }, "skipped a locked descendant");\n}',
    // An id the requester chose names a record (a chat, a thread), a CSRF token binds a form: medium.
    "app.post('/predict', (req, res) => {\n  logger.debug(`chat ${req.body.overrideConfig?.sessionId}`);\n});",
    'function decodeState(stateParam?: string, storedCsrfToken?: string) {\n  if (!stateParam || !storedCsrfToken) logger.error({ stateParam, storedCsrfToken });\n}',
  ],
  invalid: [
    // One alternative does not say this value is absent; a type test alone does not; a value given in the branch.
    leak('if (!user || !token) logger.error({ token });', { text: 'token', nth: 2, fix: 'token: redact(token)' }),
    leak("if (typeof key !== 'string') logger.error(`bad key ${apiKey}`);", 'apiKey'),
    leak("if (typeof apiKey !== 'string') logger.error(`bad key ${apiKey}`);", { text: 'apiKey', nth: 2 }),
    leak('if (!token) {\n  token = await refreshToken();\n  logger.info(`refreshed ${token}`);\n}', {
      text: 'token',
      nth: 3,
    }),
    // A text fallback says nothing about the value.
    leak("const token = response.session.token || 'anonymous';\nlogger.info({ t: token });", { text: 'token', nth: 3 }),
    // Not one literal: a mutable field's type is `string`.
    {
      ...leak("const settings = { apiKey: 'k' };\nsettings.apiKey = load();\nlogger.debug(settings.apiKey);", {
        text: 'settings.apiKey',
        nth: 2,
      }),
      ...typed,
    },
    // An address built with a password in it, or one not built in view.
    leak('const url = `postgres://app:${dbPassword}@db/app`;\nlogger.error({ database_url: url });', {
      text: 'url',
      nth: 3,
    }),
    leak('const url = await loadUrl();\nlogger.error({ database_url: url });', { text: 'url', nth: 3 }),
    // A list filled with what carries a secret, or handed to a function that may fill it.
    leak('const tokens: string[] = [];\ntokens.push(`Bearer ${accessToken}`);\nlogger.info(tokens);', {
      text: 'tokens',
      nth: 3,
    }),
    leak('const tokens: string[] = [];\ncollect(tokens);\ntokens.push(`x`);\nlogger.info(tokens);', {
      text: 'tokens',
      nth: 4,
    }),
    // The same helper called in production code: high.
    leak(
      "function debugLog(msg: string, ctx: unknown) {\n  console.log(msg, ctx);\n}\ndebugLog('fetch failed', { sessionToken });",
      shorthand('sessionToken'),
    ),
    medium(leak('function reconcile(rootKey: string) {\n  logger.info({ rootKey });\n}', shorthand('rootKey', 2))),
    // A credential the requester sent in the body, by a credential name: high.
    leak(
      "app.post('/x', (req, res) => {\n  logger.debug(`session ${req.body.sessionToken}`);\n});",
      'req.body.sessionToken',
    ),
    medium(
      leak(
        "app.post('/predict', (req, res) => {\n  logger.debug(`chat ${req.body.sessionId}`);\n});",
        'req.body.sessionId',
      ),
    ),
    medium(
      leak(
        'function decodeState(storedCsrfToken: string) {\n  logger.error({ storedCsrfToken });\n}',
        shorthand('storedCsrfToken', 2),
      ),
    ),
  ],
});
