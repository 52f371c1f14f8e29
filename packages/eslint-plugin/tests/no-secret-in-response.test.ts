import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/index.js';

// Typed cases build a program; on a busy machine the first takes longer than the default 5 s.

const rule = rules['no-secret-in-response']!;
const ruleTester = new RuleTester();
const typed = {
  languageOptions: {
    parserOptions: {
      project: './tsconfig.json',
      tsconfigRootDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
    },
  },
};

/** Line and column of the first occurrence of `needle` in `code` (1-based). */
function at(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`test bug: ${needle} not in code`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** An invalid case with one finding per `[messageId, needle]`. */
function leak(code: string, ...findings: [string, string][]) {
  return { code, errors: findings.map(([messageId, needle]) => ({ messageId, ...at(code, needle) })) };
}

/** A finding below high confidence: reported in strict, not in recommended. */
function medium<T extends object>(
  test: T,
  level: 'medium' | 'low' = 'medium',
): T & { options: [{ minConfidence: 'medium' | 'low' }] } {
  return { ...test, options: [{ minConfidence: level }] };
}

const USER = 'interface User { id: string; email: string; passwordHash: string }\n';

ruleTester.run('no-secret-in-response', rule, {
  valid: [
    // Typed: the claims of a sealed token the requester sent, a record with no secret field.
    {
      code: 'declare function decryptToken<P>(token: string): Promise<P | null>;\nexport async function permission(res: { json(body: unknown): void }, token: string) {\n  const claims = await decryptToken<{ userId: string }>(token);\n  res.json(claims);\n}',
      ...typed,
    },
    // GraphQL sends only the fields its schema names: returning a whole record is not a leak; issuing a token is not either.
    'const resolvers = { Query: { me: (_parent: unknown, _args: unknown, ctx: Ctx) => ctx.user } };',
    'const resolvers = { Mutation: { login: async (_p: unknown, args: Args) => ({ token: jwt.sign({ sub: args.email }, key) }) } };',
    { code: `${USER}declare const user: User;\nconst resolvers = { Query: { me: () => user } };`, ...typed },
    // tRPC procedures returning public fields; a function under a `Query` key that is no resolver map value.
    'export const appRouter = router({ me: protectedProcedure.query(({ ctx }) => ({ id: ctx.user.id, email: ctx.user.email })) });',
    'const cache = { Query: "select 1" };\nconst parse = (row: Row) => row.password;',
    // A `query` method that is not a tRPC builder.
    'const rows = await db.query(() => user.password);',
    // Not in recommended: a credential made in the handler for its caller (a login result, a "create key" or
    // RFC 7591 registration response), a stored token, what only a function's name suggests.
    "app.post('/login', async (c) => {\n  const session = await createSession(user.id);\n  return c.json({ token: session.token, user });\n});",
    "app.post('/register', async (c) => {\n  const client = await registerClient(c.req.body);\n  return c.json({ client_id: client.id, client_secret: client.clientSecret });\n});",
    "app.post('/oauth/clients', async (req, res) => {\n  const clientSecret = generateClientSecret();\n  res.json({ clientId, clientSecret });\n});",
    "const buildApplicationResponse = (app) => ({ ...app, secret: app.clientSecret });\napp.get('/apps/:id', async (ctx) => {\n  ctx.body = buildApplicationResponse(await findApplication(ctx.params.id));\n});",
    // The requester's own session, read from the request context, handed back to it.
    "app.post('/verify', async (ctx) => {\n  const session = await getSessionFromCtx(ctx);\n  return ctx.json({ status: true, token: session.session.token });\n});",
    // Sanitized at the sink; the omit helper takes the secret out.
    "res.json(omit(user, ['password']));",
    'ctx.body = omitInternalApplicationSecret(application);',
    // A domain-ownership token is published by its owner in DNS; recovery codes are shown once to their owner.
    'res.json({ domainVerificationToken: record.domainVerificationToken });',
    'c.json({ recoveryCodes: result.recoveryCodes });',
    // Typed: a collection of credential records (ids, scopes, dates) is no secret value.
    {
      code: 'interface ManagedCredential { id: string; scopes: string[] }\ninterface Connection { id: string; credentials: ManagedCredential[] }\ndeclare const connection: Connection;\nres.json(connection);',
      ...typed,
    },
    // Public fields.
    'res.json({ id: user.id, email: user.email });',
    // Login and token endpoints issue tokens to their caller.
    'const accessToken = jwt.sign({ sub: user.id }, key);\nres.json({ accessToken, expiresIn: 3600 });',
    'res.status(201).json({ token: await issueSessionToken(user) });',
    'const { accessToken, refreshToken } = await auth.login(body);\nreply.send({ accessToken, refreshToken });',
    '// A new API key is shown once, on creation.\nconst apiKey = randomBytes(32).toString("base64url");\nres.status(201).json({ apiKey });',
    'res.json({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });',
    // An invite link is copied by the admin who made it; a reset token sent by mail is not returned.
    'const inviteToken = await invites.create(email);\nres.json({ url: `https://app.test/join?token=${inviteToken}` });',
    'const resetToken = await resets.create(email);\nawait mailer.send(email, resetToken);\nres.json({ ok: true });',
    // Messages about secrets are not secrets.
    "res.status(400).json({ error: 'Invalid password' });",
    "res.send('Password updated');",
    // Express ignores return values.
    "app.get('/me', (req, res) => { return user.password; });",
    'const session = await createSession(user);\nres.json({ token: session.token });',
    // A webhook signing secret is shown once, when the webhook is created.
    'const created = await webhooks.create(body);\nres.status(201).json({ id: created.id, webhookSecret: created.webhookSecret });',
    // Masked values.
    'res.json({ apiKeyLast4: user.apiKey.slice(-4) });',
    'res.json({ key: integration.apiKey.slice(-4) });',
    'res.json({ tokenPreview: account.refreshToken.substring(0, 6) });',
    'res.json({ apiKey: redact(user.apiKey) });',
    // Names that only describe a secret.
    'res.json({ hasPassword: Boolean(user.passwordHash), passwordUpdatedAt: user.passwordUpdatedAt });',
    'res.json({ tokenExpiresAt: session.expiresAt, keyId: user.keyId });',
    // A hash key set to a constant.
    'res.json({ ...profile, passwordHash: undefined });',
    // Not a response.
    'logger.json({ password });',
    'cache.send(user.password);',
    'return { password };',
    'function handler(req, res) { return user.password; }',
    // Options: stored tokens and hashes off.
    { code: 'res.json({ apiKey: user.apiKey });', options: [{ checkStoredTokens: false }] },
    { code: 'res.json({ passwordHash: user.passwordHash });', options: [{ checkHashes: false }] },
    // Nest: a method without a route decorator, or outside a controller.
    '@Controller("users")\nclass UsersController {\n  helper() { return this.user.password; }\n}',
    'class UsersService {\n  @Get()\n  find() { return { password: this.password }; }\n}',
    // Typed: the sent type has no secret property.
    {
      code: 'interface PublicUser { id: string; email: string }\ndeclare const user: PublicUser;\nres.json(user);',
      ...typed,
    },
    {
      code: `${USER}declare const users: User[];\nres.json(users.map((u) => ({ id: u.id, email: u.email })));`,
      ...typed,
    },
    { code: `${USER}declare const user: User;\nres.json({ ...user, passwordHash: undefined });`, ...typed },
  ],
  invalid: [
    // Out-of-band tokens (password reset, e-mail verification) go to the mailbox, never to the requester.
    leak(
      'const resetToken = await db.resets.create(req.body.email);\nres.json({ resetUrl: `https://app.test/reset?token=${resetToken}` });',
      ['secretInResponse', 'resetToken}'],
    ),
    leak('const verificationToken = crypto.randomUUID();\nc.json({ verificationToken });', [
      'secretInResponse',
      'verificationToken }',
    ]),
    // Passwords and keys are never sent.
    leak('res.json({ id: user.id, password: user.password });', ['secretInResponse', 'user.password']),
    leak('res.status(200).json({ user: { email, password } });', ['secretInResponse', 'password }']),
    leak('res.send(config.stripeSecretKey);', ['secretInResponse', 'config.stripeSecretKey']),
    leak('reply.send({ privateKey: keys.privateKey });', ['secretInResponse', 'keys.privateKey']),
    leak('res.json({ databaseUrl: settings.databaseUrl });', ['secretInResponse', 'settings.databaseUrl']),
    // Environment secrets and decrypted values.
    leak('res.json({ key: process.env.STRIPE_SECRET_KEY });', ['secretInResponse', 'process.env']),
    leak('const plain = decrypt(row.ssnCiphertext, key);\nres.json({ ssn: plain });', ['secretInResponse', 'plain }']),
    leak(
      "const decipher = createDecipheriv('aes-256-gcm', key, iv);\nconst value = decipher.update(data, undefined, 'utf8') + decipher.final('utf8');\nres.send(value);",
      ['secretInResponse', 'value);'],
    ),
    // Stored tokens and API keys read from a record.
    leak('res.json({ apiKey: user.apiKey });', ['secretInResponse', 'user.apiKey']),
    leak('const { refreshToken } = account;\nres.json({ email: account.email, refreshToken });', [
      'secretInResponse',
      'refreshToken });',
    ]),
    leak('res.json({ token: existingIntegration.accessToken.trim() });', ['secretInResponse', 'existingIntegration']),
    leak('res.jsonp(customer.apiKey);', ['secretInResponse', 'customer.apiKey']),
    // Echoing request credentials.
    leak('res.json({ headers: req.headers });', ['secretInResponse', 'req.headers']),
    leak("app.get('/whoami', (c) => c.text(`authorization: ${c.req.header('authorization')}`));", [
      'secretInResponse',
      'c.req.header',
    ]),
    leak("res.send(req.get('x-api-key'));", ['secretInResponse', 'req.get']),
    leak(
      'const session = await db.sessions.find(req.params.id);\nres.json({ id: session.id, token: session.token });',
      ['secretInResponse', 'session.token'],
    ),
    // Password hashes.
    leak('res.json({ id: user.id, passwordHash: user.passwordHash });', ['hashInResponse', 'passwordHash:']),
    leak('res.json([{ hashedPassword: row.hashed_password }]);', ['hashInResponse', 'hashedPassword']),
    // Other frameworks.
    leak('return Response.json({ password: user.password });', ['secretInResponse', 'user.password']),
    leak('return NextResponse.json({ apiKey: account.apiKey });', ['secretInResponse', 'account.apiKey']),
    leak('return new Response(JSON.stringify({ secret: process.env.JWT_SECRET }));', [
      'secretInResponse',
      'process.env',
    ]),
    leak('ctx.body = { password: user.password };', ['secretInResponse', 'user.password']),
    leak("app.get('/me', (c) => c.json({ apiKey: user.apiKey }));", ['secretInResponse', 'user.apiKey']),
    leak(
      "fastify.get('/me', async (request, reply) => {\n  const user = await load(request);\n  return { email: user.email, password: user.password };\n});",
      ['secretInResponse', 'user.password'],
    ),
    leak("fastify.get('/key', async () => ({ key: process.env.API_KEY }));", ['secretInResponse', 'process.env']),
    // Next.js server actions: file-level and function-level 'use server'.
    leak(
      "'use server';\nexport async function getAccount(id: string) {\n  const account = await db.account.find(id);\n  return { id, apiKey: account.apiKey };\n}",
      ['secretInResponse', 'account.apiKey'],
    ),
    leak("async function reveal() {\n  'use server';\n  return { clientSecret: oauth.clientSecret };\n}", [
      'secretInResponse',
      'oauth.clientSecret',
    ]),
    leak("'use server';\nexport const settings = async () => ({ dsn: config.dsn });", [
      'secretInResponse',
      'config.dsn',
    ]),
    // NestJS controllers.
    leak(
      "@Controller('users')\nclass UsersController {\n  @Get(':id')\n  async find(id: string) {\n    const user = await this.users.find(id);\n    return { email: user.email, passwordHash: user.passwordHash };\n  }\n}",
      ['hashInResponse', 'passwordHash:'],
    ),
    // tRPC procedures: the resolver's return value is serialized to the client whole.
    leak(
      'export const appRouter = router({\n  me: protectedProcedure.query(({ ctx }) => ({ email: ctx.user.email, password: ctx.user.password })),\n});',
      ['secretInResponse', 'ctx.user.password'],
    ),
    leak(
      'export const keys = t.router({\n  reveal: t.procedure.input(z.string()).mutation(async ({ input }) => {\n    const integration = await db.integration.findUnique(input);\n    return { apiKey: integration.apiKey };\n  }),\n});',
      ['secretInResponse', 'integration.apiKey'],
    ),
    // GraphQL resolvers: a resolver map's root types and NestJS / TypeGraphQL resolver methods.
    leak('const resolvers = { Query: { webhookSecret: () => process.env.WEBHOOK_SECRET } };', [
      'secretInResponse',
      'process.env',
    ]),
    leak(
      'const resolvers = {\n  Query: {\n    apiKey(_parent: unknown, _args: unknown, { user }: Ctx) {\n      return user.apiKey;\n    },\n  },\n};',
      ['secretInResponse', 'user.apiKey'],
    ),
    leak(
      '@Resolver(() => Account)\nclass AccountResolver {\n  @ResolveField(() => String)\n  async resetToken(@Parent() account: Account) {\n    const resetToken = await this.resets.create(account.email);\n    return resetToken;\n  }\n}',
      ['secretInResponse', 'resetToken;'],
    ),
    // Below high: the cases above, in strict.
    medium(
      leak(
        "app.post('/oauth/clients', async (req, res) => {\n  const clientSecret = generateClientSecret();\n  res.json({ clientId, clientSecret });\n});",
        ['secretInResponse', 'clientSecret }'],
      ),
      'low',
    ),
    medium(
      leak(
        "const buildApplicationResponse = (app) => ({ ...app, secret: app.clientSecret });\napp.get('/apps/:id', async (ctx) => {\n  ctx.body = buildApplicationResponse(await findApplication(ctx.params.id));\n});",
        ['secretInResponse', 'buildApplicationResponse(await'],
      ),
    ),
    medium(
      leak(
        "app.post('/verify', async (ctx) => {\n  const session = await getSessionFromCtx(ctx);\n  return ctx.json({ status: true, token: session.session.token });\n});",
        ['secretInResponse', 'session.session.token'],
      ),
    ),
    // A reset token made in the handler still must not go back to the requester.
    leak(
      "app.post('/forgot', async (req, res) => {\n  const resetToken = await createResetToken(req.body.email);\n  res.json({ resetToken });\n});",
      ['secretInResponse', 'resetToken }'],
    ),
    // A declared response schema re-parses the body: a name-only finding drops to medium.
    medium(
      leak(
        "router.patch('/secrets/:id', koaGuard({ response: secretResponseGuard }), async (ctx) => {\n  const samlApplicationSecret = await findSecret(ctx.params.id);\n  ctx.body = samlApplicationSecret;\n});",
        ['secretInResponse', 'samlApplicationSecret;'],
      ),
    ),
    leak(
      "router.patch('/secrets/:id', koaGuard({ body: bodyGuard }), async (ctx) => {\n  const samlApplicationSecret = await findSecret(ctx.params.id);\n  ctx.body = samlApplicationSecret;\n});",
      ['secretInResponse', 'samlApplicationSecret;'],
    ),
    // Typed: a tRPC procedure returning a record whose type has a password hash.
    {
      code: `${USER}declare const user: User;\nexport const me = publicProcedure.query(() => user);`,
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 3, column: 47 }],
    },
    // Typed: a decrypted string, or a decrypted record with a secret field, is still the secret.
    {
      code: 'declare function decryptToken<P>(token: string): Promise<P | null>;\nexport async function reveal(res: { json(body: unknown): void }, blob: string) {\n  const value = await decryptToken<{ apiKey: string }>(blob);\n  res.json(value);\n}',
      ...typed,
      errors: [{ messageId: 'secretInResponse', line: 4 }],
    },
    {
      code: 'declare function decrypt(blob: string): string;\nexport function reveal(res: { json(body: unknown): void }, blob: string) {\n  res.json({ value: decrypt(blob) });\n}',
      ...typed,
      errors: [{ messageId: 'secretInResponse', line: 3 }],
    },
    // Typed: a Sequelize model whose password is a branded string (`CreationOptional<string>`), nested in the body.
    {
      code: 'declare const brand: unique symbol;\ntype CreationOptional<T> = T & { [brand]?: true };\nclass User {\n  declare id: CreationOptional<number>;\n  declare password: CreationOptional<string>;\n}\nexport function reply(res: { json(body: unknown): void }, user: User) {\n  res.json({ user });\n}',
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 8 }],
    },
    // Typed: a whole record whose type has a password hash.
    {
      code: `${USER}declare const user: User;\nres.json(user);`,
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 3, column: 10 }],
    },
    {
      code: `${USER}declare const users: User[];\nres.json(users);`,
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 3, column: 10 }],
    },
    {
      code: `${USER}declare const user: User;\nres.json({ ...user, role: 'admin' });`,
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 3, column: 10 }],
    },
    {
      code: `${USER}declare function findUser(id: string): Promise<User>;\nexport async function load(id: string) {\n  'use server';\n  return await findUser(id);\n}`,
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 5, column: 10 }],
    },
    {
      code: `${USER}declare const users: { findOne(id: string): Promise<User> };\n@Controller('users')\nclass UsersController {\n  @Get(':id')\n  async find(id: string) {\n    return users.findOne(id);\n  }\n}`,
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 7, column: 12 }],
    },
    // Typed: an issuing call's record with a password hash, or a read call's record with a client secret, stays high.
    {
      code: `${USER}declare function createUser(dto: unknown): Promise<User>;\nexport async function signUp(res: { json(body: unknown): void }, dto: unknown) {\n  const user = await createUser(dto);\n  res.json(user);\n}`,
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 5, column: 12 }],
    },
    {
      code: `interface OAuthApp { id: string; clientSecret: string }\ndeclare function findApp(id: string): Promise<OAuthApp>;\nexport async function show(res: { json(body: unknown): void }, id: string) {\n  res.json(await findApp(id));\n}`,
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 4, column: 12 }],
    },
    {
      code: `interface Pair { id: string; privateKey: string }\ndeclare function generateKeyPair(): Promise<Pair>;\nexport async function make(res: { json(body: unknown): void }) {\n  res.json(await generateKeyPair());\n}`,
      ...typed,
      errors: [{ messageId: 'entityWithSecret', line: 4, column: 12 }],
    },
    // Options: custom record words.
    {
      code: 'res.json({ apiKey: vendor.apiKey });',
      options: [{ recordWords: ['vendor'] }],
      errors: [{ messageId: 'secretInResponse', ...at('res.json({ apiKey: vendor.apiKey });', 'vendor.apiKey') }],
    },
  ],
});

const USERS_DB = 'declare const db: { user: { findMany(): Promise<User[]>; findFirst(): Promise<User> } };\n';

const OMIT_ROWS =
  "declare function omit<T>(v: T, k: string[]): Partial<T>;\ndeclare const repo: { find(): Promise<any[]> };\nasync function getAllCredentials() {\n  const rows = await repo.find();\n  return rows.map((c) => omit(c, ['encryptedData']));\n}\n";

ruleTester.run('no-secret-in-response: an accessor whose body the program holds', rule, {
  valid: [
    // The body returns nothing secret (rows with the secret omitted): only the name is left, medium.
    `${OMIT_ROWS}export const list = async (req: any, res: { json(b: unknown): void }) => {\n  res.json(await getAllCredentials());\n};`,
  ],
  invalid: [
    medium(
      leak(
        `${OMIT_ROWS}export const list = async (req: any, res: { json(b: unknown): void }) => {\n  res.json(await getAllCredentials());\n};`,
        ['secretInResponse', 'getAllCredentials());'],
      ),
    ),
    // A body that returns a secret keeps the accessor's promise: high.
    leak(
      'async function getClientSecret() {\n  return process.env.CLIENT_SECRET;\n}\nexport const show = async (req: any, res: { json(b: unknown): void }) => {\n  res.json({ secret: await getClientSecret() });\n};',
      ['secretInResponse', 'getClientSecret() }'],
    ),
  ],
});

const APP = 'interface OAuthApp { id: string; clientId: string; clientSecret: string }\n';

ruleTester.run('no-secret-in-response: records nested in the body', rule, {
  valid: [
    // Typed: what an issuing call returned, whose secret field is the credential just made for the caller (low).
    {
      code: `${APP}declare const oauth: { rotateSecret(org: string): Promise<{ clientSecret: string }> };\n@Controller('oauth-app')\nclass OAuthAppController {\n  @Post('rotate-secret')\n  async rotate(org: string) {\n    return oauth.rotateSecret(org);\n  }\n}`,
      ...typed,
    },
    {
      code: `${APP}declare function createApp(dto: unknown): Promise<OAuthApp>;\nexport async function create(res: { json(body: unknown): void }, dto: unknown) {\n  const app = await createApp(dto);\n  res.json(app);\n}`,
      ...typed,
    },
    // Picked fields, public types, and no types at all.
    { code: `${USER}declare const users: User[];\nres.json({ users: users.map((u) => ({ id: u.id })) });`, ...typed },
    {
      code: 'interface PublicUser { id: string; email: string }\ndeclare const users: PublicUser[];\nres.json({ users, total: users.length });',
      ...typed,
    },
    { code: `${USER}declare const user: User;\nres.json({ user: { id: user.id, email: user.email } });`, ...typed },
    { code: `${USER}declare const user: User;\nres.json({ data: { ...user, passwordHash: undefined } });`, ...typed },
    'res.json({ users });',
    // GraphQL sends only the fields the schema names.
    { code: `${USER}declare const user: User;\nconst resolvers = { Query: { me: () => ({ user }) } };`, ...typed },
    // Bounded depth: a record four literals down is not looked for.
    { code: `${USER}declare const user: User;\nres.json({ a: { b: { c: { user } } } });`, ...typed },
  ],
  invalid: [
    { ...leak(`${USER}declare const users: User[];\nres.json({ users });`, ['entityWithSecret', 'users }']), ...typed },
    {
      ...leak(`${USER}declare const rows: User[];\nres.json({ data: rows, total: rows.length });`, [
        'entityWithSecret',
        'rows,',
      ]),
      ...typed,
    },
    {
      ...leak(
        `${USER}${USERS_DB}export async function GET() {\n  return Response.json({ items: await db.user.findMany() });\n}`,
        ['entityWithSecret', 'await db.user.findMany()'],
      ),
      ...typed,
    },
    {
      ...leak(
        `${USER}declare const owner: User;\ndeclare const members: User[];\nres.json([owner, ...members]);`,
        ['entityWithSecret', 'owner,'],
        ['entityWithSecret', 'members]'],
      ),
      ...typed,
    },
    {
      ...leak(`${USER}declare const users: User[];\nres.json({ ok: true, data: { users, page: 1 } });`, [
        'entityWithSecret',
        'users,',
      ]),
      ...typed,
    },
    {
      ...leak(`${USER}${USERS_DB}app.get('/me', async (c) => c.json({ user: await db.user.findFirst() }));`, [
        'entityWithSecret',
        'await db.user.findFirst()',
      ]),
      ...typed,
    },
    {
      ...leak(`${USER}declare const user: User;\nexport const me = publicProcedure.query(() => ({ user }));`, [
        'entityWithSecret',
        'user }',
      ]),
      ...typed,
    },
    {
      ...leak(`${USER}declare const users: User[];\nres.json({ first: users[0], total: users.length });`, [
        'entityWithSecret',
        'users[0]',
      ]),
      ...typed,
    },
    // A response schema re-parses the body: medium.
    medium({
      ...leak(
        `${USER}declare const users: User[];\nrouter.get('/users', koaGuard({ response: usersGuard }), async (ctx) => {\n  ctx.body = { users };\n});`,
        ['entityWithSecret', 'users }'],
      ),
      ...typed,
    }),
  ],
});

ruleTester.run('no-secret-in-response: a secret made in the handler, or nothing', rule, {
  valid: [
    // A new client secret (none for a PKCE public client) shown once to its creator: low.
    'const clientSecret = !pkce ? createToken({ length: 32 }) : undefined;\nreturn NextResponse.json({ clientId, ...(clientSecret && { clientSecret }) });',
    'const apiKey = rotate ? undefined : await generateApiKey(workspace.id);\nres.json({ apiKey });',
  ],
  invalid: [
    medium(
      leak(
        'const clientSecret = !pkce ? createToken({ length: 32 }) : undefined;\nreturn NextResponse.json({ clientId, ...(clientSecret && { clientSecret }) });',
        ['secretInResponse', '...(clientSecret'],
      ),
      'low',
    ),
    // A stored secret or nothing is still the stored secret.
    leak('const clientSecret = existing ? existing.clientSecret : undefined;\nres.json({ clientSecret });', [
      'secretInResponse',
      'clientSecret }',
    ]),
    // A placeholder or an environment secret: the secret is the environment's, not one made here.
    leak("const clientSecret = pkce ? 'none' : process.env.OAUTH_CLIENT_SECRET;\nres.json({ clientSecret });", [
      'secretInResponse',
      'clientSecret }',
    ]),
  ],
});

// Across functions (issue 14): a secret handed to a helper that sends it, or returned by a helper and sent.
ruleTester.run('no-secret-in-response across functions', rule, {
  valid: [
    'function send(res, body) { res.json(body); }\nsend(res, { id: user.id });',
    'function sendMasked(res, value) { res.json({ value: mask(value) }); }\nsendMasked(res, process.env.STRIPE_SECRET_KEY);',
    {
      code: "import { sendMasked } from './summaries/response.js';\ndeclare const res: { json(body: unknown): void };\nsendMasked(res, process.env.STRIPE_SECRET_KEY ?? '');",
      ...typed,
    },
    {
      code: "import { sendJson } from './summaries/response.js';\ndeclare const res: { json(body: unknown): void };\nsendJson(res, { ok: true });",
      ...typed,
    },
  ],
  invalid: [
    leak('function send(res, body) { res.json(body); }\nsend(res, { key: process.env.STRIPE_SECRET_KEY });', [
      'secretInResponse',
      'process.env.STRIPE_SECRET_KEY',
    ]),
    {
      ...leak(
        "import { sendJson } from './summaries/response.js';\ndeclare const res: { json(body: unknown): void };\nsendJson(res, { key: process.env.STRIPE_SECRET_KEY });",
        ['secretInResponse', 'process.env.STRIPE_SECRET_KEY'],
      ),
      ...typed,
    },
    {
      ...leak(
        "import { KeyStore } from './summaries/response.js';\ndeclare const store: KeyStore;\ndeclare const res: { json(body: unknown): void };\nres.json({ key: store.load('blob') });",
        ['secretInResponse', "store.load('blob')"],
      ),
      ...typed,
    },
  ],
});

// Held-out real code: a display form of a secret is the masking the message asks for; a domain-ownership
// challenge is published in DNS by the owner who reads it.
ruleTester.run('no-secret-in-response: display forms and published challenges', rule, {
  valid: [
    // A helper named for a display form whose body returns a short slice or a masked copy of its parameter.
    "const getDisplayCredential = (secret: string) => '...' + secret.slice(-4);\nres.json({ token: getDisplayCredential(decrypt(row.encryptedToken)) });",
    "function displayKey(key: string) {\n  return key.replace(/.(?=.{4})/g, '*');\n}\nres.json({ key: displayKey(process.env.STRIPE_SECRET_KEY) });",
    // Its body not visible: the name says it.
    "import { getDisplaySecretKey } from './keys';\nres.json({ key: getDisplaySecretKey(process.env.API_SECRET_KEY) });",
    {
      code: "import { sendMasked } from './summaries/response.js';\ndeclare function truncateToken(t: string): string;\nres.json({ token: truncateToken(process.env.API_TOKEN ?? '') });",
      ...typed,
    },
    // A stored display form, named so.
    'res.json({ displaySecretKey: dataset.remoteExperimentDisplaySecretKey, tokenDisplay: user.apiTokenDisplay });',
    // A challenge token of a record read from the domain model.
    'const existing = await db.verifiedDomain.findUnique({ where });\nif (existing) return res.json({ recordValue: `site-verification=${existing.verificationToken}` });',
    'let row;\nrow = await prisma.domain.create({ data });\nres.json({ value: row.verificationToken });',
    'res.json({ token: domain.verificationToken });',
  ],
  invalid: [
    // The body returns a secret of its own, not a display form of what it is given.
    leak(
      'function truncateLabel(label: string) {\n  return process.env.DB_PASSWORD;\n}\nres.json({ label: truncateLabel(user.name) });',
      ['secretInResponse', 'truncateLabel(user'],
    ),
    // The body hands the secret back whole, or all of it but a prefix.
    leak('const displayToken = (t: string) => t;\nres.json({ token: displayToken(decrypt(blob)) });', [
      'secretInResponse',
      'displayToken(decrypt',
    ]),
    leak(
      'const truncateToken = (t: string) => t.slice(7);\nres.json({ token: truncateToken(process.env.API_TOKEN) });',
      ['secretInResponse', 'truncateToken(process'],
    ),
    // A verification token of a user record goes to the mailbox, not to the requester.
    leak('const existing = await db.user.findUnique({ where });\nres.json({ token: existing.verificationToken });', [
      'secretInResponse',
      'existing.verificationToken',
    ]),
    // A DNS provider's stored API token names no challenge.
    leak('res.json({ token: integration.dnsApiToken });', ['secretInResponse', 'integration.dnsApiToken']),
    // A domain record's stored API key is no challenge.
    leak('const domain = await db.domain.findFirst({ where });\nres.json({ apiKey: domain.apiKey });', [
      'secretInResponse',
      'domain.apiKey',
    ]),
  ],
});

// Held-out real code: a cookie whose name has no credential word is an analytics id or a preference.
ruleTester.run('no-secret-in-response: cookies that are no credentials', rule, {
  valid: [
    'const uniqueId = req?.cookies?.track || makeId(10);\nres.status(200).json({ track: uniqueId });',
    "res.json({ theme: req.cookies.theme, locale: req.cookies['NEXT_LOCALE'] });",
    'const { utm_source } = req.cookies;\nres.json({ utm_source });',
  ],
  invalid: [
    leak("res.json({ sid: req.cookies['connect.sid'] });", ['secretInResponse', "req.cookies['connect.sid']"]),
    leak('res.json({ value: req.cookies.session });', ['secretInResponse', 'req.cookies.session']),
    leak("res.json({ value: req.cookies['__Host-authjs.csrf-token'] });", [
      'secretInResponse',
      "req.cookies['__Host-authjs.csrf-token']",
    ]),
    leak('res.json({ cookies: req.cookies });', ['secretInResponse', 'req.cookies }']),
  ],
});

// Flowise held-out: a field named `credential` that holds a Credential row's id, and responses
// whose body redacted the decrypted data before returning it.
const ENTITY = (column: string, extra = '') =>
  `declare function Column(options?: unknown): PropertyDecorator;\n${extra}class Assistant { id!: string; details!: string; @Column(${column}) credential!: string }\ndeclare const repo: { findOne(): Promise<Assistant> };\nexport const get = async (req: any, res: { json(b: unknown): void }) => {\n  const assistant = await repo.findOne();\n  res.json(assistant);\n};`;
const LOADER = (extra: string) =>
  `${extra}interface Loader { id?: string; loaderName?: string; credential?: string }\ndeclare function save(body: unknown): Promise<Loader>;\nexport const saveLoader = async (req: any, res: { json(b: unknown): void }) => {\n  const loader = await save(req.body);\n  res.json(loader);\n};`;
const REVEAL = (redact: string) =>
  `declare function decryptCredentialData(v: string): Promise<Record<string, string>>;\nconst REDACTED_CREDENTIAL_VALUE = '_FLOWISE_BLANK_';\nasync function revealCredentialById(row: { encryptedData: string }) {\n  const plainDataObj: Record<string, string> = { ...(await decryptCredentialData(row.encryptedData)) };\n  for (const key in plainDataObj) ${redact};\n  return { plainDataObj };\n}\nconst credentialsService = { revealCredentialById };\nexport const reveal = async (req: any, res: { json(b: unknown): void }) => {\n  const apiResponse = await credentialsService.revealCredentialById(req.body);\n  return res.json(apiResponse);\n};`;

ruleTester.run('no-secret-in-response: references to credential rows, redacted bodies', rule, {
  valid: [
    { code: ENTITY("{ type: 'uuid' }"), options: [{ minConfidence: 'low' }], ...typed },
    // The program declares a `Credential` record: a text field of that name refers to one.
    {
      code: LOADER('class Credential { id!: string; credentialName!: string; encryptedData!: string }\n'),
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    // The body overwrites every decrypted field with a redaction marker: medium, not in the default.
    { code: REVEAL('plainDataObj[key] = REDACTED_CREDENTIAL_VALUE'), ...typed },
  ],
  invalid: [
    // A text column named `credential`, with no `Credential` record in sight, may hold the credential.
    { ...leak(ENTITY("{ type: 'text' }"), ['secretInResponse', 'assistant);']), ...typed },
    { ...medium(leak(LOADER(''), ['secretInResponse', 'loader);'])), ...typed },
    // A specific credential name stays a secret whatever its column type: a random UUID is a fine API key.
    {
      ...leak(
        ENTITY("{ type: 'uuid' }").replace(
          'credential!: string',
          'credential!: string; @Column({ type: "uuid" }) password!: string',
        ),
        ['secretInResponse', 'assistant);'],
      ),
      ...typed,
    },
    {
      ...medium(leak(REVEAL('plainDataObj[key] = REDACTED_CREDENTIAL_VALUE'), ['secretInResponse', 'apiResponse);'])),
      ...typed,
    },
    // Without the redaction the decrypted data is returned (the service object's shorthand member is followed): high.
    { ...leak(REVEAL('console.log(key)'), ['secretInResponse', 'apiResponse);']), ...typed },
  ],
});

// growthbook held-out: a store read through a context object, a payment intent's client secret, and
// credentials a visible model method maps to their last four characters.
const FRONT_END_CREDENTIALS = (body: string) =>
  `class AICredentialModel {\n  async getAll(): Promise<any> { return []; }\n  async getAllForFrontEnd() {\n    const docs = await this.getAll();\n    ${body}\n  }\n}\ndeclare const context: { models: { aiCredentials: AICredentialModel } };\ndeclare function getSettings(): Promise<{ keySource: string }>;\nexport async function getAICredentials(req: any, res: { status(n: number): { json(b: unknown): void } }) {\n  const [credentials, { keySource }] = await Promise.all([context.models.aiCredentials.getAllForFrontEnd(), getSettings()]);\n  return res.status(200).json({ status: 200, credentials, keySource });\n}`;

ruleTester.run('no-secret-in-response: stores behind a context, payment intents, mapped credentials', rule, {
  valid: [
    // `context.models.sessionReplays.getBySessionId()` reads a store; it is no request accessor.
    {
      code: 'declare function loadChunks(id: string): Promise<any>;\nclass SessionReplayModel {\n  async getBySessionId(id: string) {\n    const doc = await loadChunks(id);\n    return { sessionId: doc.sessionId, url: doc.url };\n  }\n}\ndeclare const context: { models: { sessionReplays: SessionReplayModel } };\nexport async function getSession(req: any, res: any) {\n  const metadata = await context.models.sessionReplays.getBySessionId(req.params.sessionId);\n  res.status(200).json({ metadata });\n}',
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    // A payment intent's client secret goes to the paying browser (Stripe's documented flow).
    'declare function postNewProSubscriptionIntentToLicenseServer(id: string): Promise<{ clientSecret: string }>;\nexport const postNewProSubscriptionIntent = async (req: any, res: any) => {\n  const result = await postNewProSubscriptionIntentToLicenseServer(req.org.id);\n  res.status(200).json({ clientSecret: result.clientSecret });\n};',
    {
      code: "declare const stripe: any;\napp.post('/pay', async (req, res) => {\n  const paymentIntent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });\n  res.json({ clientSecret: paymentIntent.client_secret });\n});",
      options: [{ minConfidence: 'low' }],
    },
    // The model maps each credential to its provider and last four characters: medium, not in the default.
    {
      code: FRONT_END_CREDENTIALS('return docs.map(({ provider, last4 }) => ({ provider, last4 }));'),
      ...typed,
    },
  ],
  invalid: [
    leak(
      "export async function echo(req: any, res: any) {\n  res.json({ auth: req.headers.get('authorization') });\n}",
      ['secretInResponse', "req.headers.get('authorization')"],
    ),
    // An OAuth client secret is no payment intent's.
    leak(
      'declare function loadOAuthApp(id: string): Promise<{ clientSecret: string }>;\nexport const showApp = async (req: any, res: any) => {\n  const app = await loadOAuthApp(req.params.id);\n  res.json({ clientSecret: app.clientSecret });\n};',
      ['secretInResponse', 'app.clientSecret'],
    ),
    {
      ...medium(
        leak(FRONT_END_CREDENTIALS('return docs.map(({ provider, last4 }) => ({ provider, last4 }));'), [
          'secretInResponse',
          'credentials, keySource',
        ]),
      ),
      ...typed,
    },
    // A body that returns the stored keys keeps the name's weight: high.
    {
      ...leak(FRONT_END_CREDENTIALS('const apiKeys = docs.map((doc: any) => doc.apiKey);\n    return apiKeys;'), [
        'secretInResponse',
        'credentials, keySource',
      ]),
      ...typed,
    },
  ],
});
