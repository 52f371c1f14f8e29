import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/index.js';

const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url));
const typed = { languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixturesDir } } };
/** A program with a Prisma client extension that encrypts the fields it lists (prisma-extension-program/prisma-extensions.ts). */
const withEncryptingExtension = {
  languageOptions: {
    parserOptions: {
      project: './tsconfig.json',
      tsconfigRootDir: fileURLToPath(new URL('./prisma-extension-program', import.meta.url)),
    },
  },
  // Its path runs through tests/: declare it product code, so that confidence is not capped at low.
  settings: { 'secret-hygiene': { fileKinds: { product: ['**/prisma-extension-program/**'] } } },
};

const rule = rules['no-plaintext-secret-write']!;
const ruleTester = new RuleTester();

type MessageId = 'plaintextSecretWrite' | 'plaintextPasswordWrite';

/** Line and column of the first occurrence of `text` in `code`. */
function at(code: string, text: string, messageId: MessageId) {
  const offset = code.indexOf(text);
  if (offset < 0) throw new Error(`"${text}" is not in the code`);
  const before = code.slice(0, offset);
  return { messageId, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** A high-confidence finding (reported by `recommended`) at each `text`. */
function high(code: string, ...texts: string[]) {
  return { code, errors: texts.map((text) => at(code, text, 'plaintextSecretWrite')) };
}

/** A plaintext password write at `text`. */
function password(code: string, text: string) {
  return { code, errors: [at(code, text, 'plaintextPasswordWrite')] };
}

/** A finding below high: reported at `minConfidence: 'medium'`, and not at the default (see the valid list). */
function medium(code: string, text: string, messageId: MessageId = 'plaintextSecretWrite') {
  return { code, options: [{ minConfidence: 'medium' as const }], errors: [at(code, text, messageId)] };
}

/** Below high only: the default configuration reports nothing. */
const MEDIUM_ONLY = [
  // A one-time reset token: usable once and for a short time.
  `const resetToken = randomBytes(32).toString('hex');
   await prisma.passwordReset.create({ data: { userId, token: resetToken } });`,
  // A name only: where the value came from is out of sight.
  `async function store(userId: string, apiKey: string) { await prisma.integration.create({ data: { userId, apiKey } }); }`,
  // From an imported helper whose body the check cannot see: it may hash.
  `const token = await createSessionToken(user);
   await db.insert(sessions).values({ userId: user.id, token });`,
  // A minted value, stored in a column whose name says nothing.
  `const secret = randomBytes(32).toString('hex');
   await prisma.setting.create({ data: { name: 'signing', value: secret } });`,
  // Invite and verification tokens.
  `await knex('invites').insert({ email, token: nanoid(32) });`,
  `const verificationToken = crypto.randomUUID();
   await User.update({ verificationToken }, { where: { id } });`,
  `await userRepository.save({ email, password: req.body.password });`,
  `await User.create({ email, password: ctx.request.body.password });`,
  // A recipient's signing link and a share link: capability tokens put in URLs again.
  `await tx.recipient.create({ data: { documentId, email, token: nanoid() } });`,
  `await prisma.shareLink.create({ data: { documentId, token: randomBytes(16).toString('hex') } });`,
];

ruleTester.run('no-plaintext-secret-write', rule, {
  valid: [
    ...MEDIUM_ONLY,
    // Hashed or encrypted on the way.
    `const apiKey = randomBytes(32).toString('hex');
     await prisma.apiKey.create({ data: { userId, hashedKey: createHash('sha256').update(apiKey).digest('hex') } });`,
    `const apiKey = randomBytes(32).toString('hex');
     await prisma.apiKey.create({ data: { userId, key: await hashToken(apiKey) } });`,
    `const { password } = req.body;
     await prisma.user.create({ data: { email, password: await bcrypt.hash(password, 12) } });`,
    `const { password } = req.body;
     await prisma.user.create({ data: { email, password: await argon2.hash(password) } });`,
    `let { password } = req.body;
     password = await hashPassword(password);
     await prisma.user.create({ data: { email, password } });`,
    `const hashed = await scrypt(req.body.password, salt, 64);
     await db.insert(users).values({ email, password: hashed });`,
    `const refreshToken = tokens.refresh_token;
     await prisma.account.update({ where: { id }, data: { refreshToken: symmetricEncrypt(refreshToken, key) } });`,
    `await prisma.account.update({ where: { id }, data: { accessToken: encrypt(tokens.access_token) } });`,
    `const sealed = await seal(tokens.access_token);
     await prisma.account.update({ where: { id }, data: { accessToken: sealed } });`,
    `const token = randomBytes(32).toString('hex');
     const tokenHash = createHash('sha256').update(token).digest('hex');
     await prisma.apiToken.create({ data: { userId, tokenHash } });`,
    `await prisma.apiKey.create({ data: { userId, key: keyring.encrypt(randomBytes(32).toString('hex')) } });`,
    // Columns that say they hold no raw secret.
    `await prisma.user.update({ where: { id }, data: { passwordHash: hash, tokenExpiresAt: new Date() } });`,
    // Row ids minted at random are no secrets.
    `await prisma.user.create({ data: { id: randomUUID(), email } });`,
    `await db.insert(events).values({ id: nanoid(), kind: 'login' });`,
    // Not a database write: no row key, an SDK, a map.
    `await stripe.customers.create({ email, metadata: { token } });`,
    `cache.set('token', token);`,
    `await Object.create({ token });`,
    `const created = await prisma.user.findFirst({ where: { token } });`,
    // SQL: a read, and a column computed by pgcrypto.
    `await pool.query('SELECT * FROM users WHERE token = $1', [token]);`,
    `await pool.query("INSERT INTO users (email, password) VALUES ($1, crypt($2, gen_salt('bf')))", [email, req.body.password]);`,
    // Push-notification device tokens address a device; they grant nothing.
    `const { fcmToken } = req.body;
     await prisma.device.upsert({ where: { userId }, create: { userId, fcmToken }, update: { fcmToken } });`,
    `await db.insert(devices).values({ userId, pushToken: req.body.expoPushToken });`,
    // An id named after a session: a reference, not a credential column (low at most).
    `await ctx.context.adapter.create({ model: 'oauthAccessToken', data: { sessionId: session.id, sessionId2: sessionId } });`,
    // Metadata of a secret, and masked display forms.
    `await prisma.apiKey.create({ data: { userId, prefix: apiKey.slice(0, 8), lastFour: apiKey.slice(-4) } });`,
    `const clientSecret = randomBytes(32).toString('hex');
     await prisma.oAuthApp.create({ data: { hashedClientSecret: await hashToken(clientSecret), partialClientSecret: \`sec_****\${clientSecret.slice(-8)}\` } });`,
    `await prisma.apiKey.create({ data: { userId, lastFour: randomBytes(32).toString('hex').slice(-4) } });`,
    // A helper whose every return hashes or encrypts the value is the protection, at any confidence.
    {
      code: `import { storeClientSecret } from './no-plaintext-secret-write/store.js';
       const clientSecret = randomBytes(32).toString('hex');
       await prisma.oauthClient.update({ where: { id }, data: { clientSecret: await storeClientSecret(opts, clientSecret) } });`,
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    {
      code: `import { storeClientSecret } from './no-plaintext-secret-write/store.js';
       const clientSecret = opts.generate?.() || randomBytes(32).toString('hex');
       const storedClientSecret = clientSecret ? await storeClientSecret(opts, clientSecret) : undefined;
       await prisma.oauthClient.update({ where: { id }, data: { clientSecret: storedClientSecret } });`,
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    // Rows built by map with hashed values.
    `await Bot.bulkCreate(rows.map((row) => ({ name: row.name, tokenHash: sha256(nanoid()) })));`,
    // `create` on a class that is no model: the NestJS command pattern, DTOs, HTTP clients (at any confidence).
    ...[
      `class BaseCommand { static create<T>(this: new () => T, data: object): T { return Object.assign(new this(), data); } }
       class UserRegisterCommand extends BaseCommand { email!: string; password!: string }
       const command = UserRegisterCommand.create({ email, password: req.body.password });`,
      `class PasswordReset { static create(input: { token: string; password: string }) { return input; } }
       PasswordReset.create({ token: body.token, password: body.password });`,
      `await this.userRegister.execute(UserRegisterCommand.create({ email, password: body.password }));`,
      `const payload = LoginDto.create({ email, password: req.body.password });`,
      `const client = Axios.create({ headers: { Authorization: \`Bearer \${apiKey}\` } });`,
      `const message = CheckIntegrationCommand.create({ credentials: { apiKey: body.apiKey } });`,
    ].map((code) => ({ code, options: [{ minConfidence: 'low' as const }] })),
    // A Prisma client extension of the program encrypts the fields it names on every write.
    {
      code: `declare const prisma: any; declare const tokens: { access_token: string; refresh_token: string };
       await prisma.account.create({ data: { userId, access_token: tokens.access_token, refresh_token: tokens.refresh_token } });
       await prisma.integration.update({ where: { id }, data: { apiKey: tokens.access_token } });`,
      options: [{ minConfidence: 'low' as const }],
      ...withEncryptingExtension,
    },
    // Any other field of a Prisma write may be encrypted too (the list can be built at run time): not high.
    {
      code: `declare const prisma: any; declare const tokens: { access_token: string };
       await prisma.connection.create({ data: { url, accessToken: tokens.access_token } });`,
      ...withEncryptingExtension,
    },
    // The model encrypts the column: a decorator named for encryption, or an encrypting transformer.
    `class Integration extends Model {
       @Column(DataType.BLOB)
       @Encrypted
       token: string;
     }
     await Integration.create({ userId, token: tokens.access_token });`,
    `class ApiClient extends Model {
       @Column({ type: 'text', transformer: new EncryptionTransformer(key) })
       clientSecret: string;
     }
     const clientSecret = randomBytes(32).toString('hex');
     await ApiClient.create({ clientSecret });`,
    // With types: the model in another module, its column encrypted there (also through a subclass, and on an instance).
    {
      code: `import { IntegrationAuthentication, EncryptedToken } from './no-plaintext-secret-write/models.js';
       declare const tokens: { access_token: string };
       await IntegrationAuthentication.create({ token: tokens.access_token });
       await EncryptedToken.create({ token: tokens.access_token });
       const auth = new IntegrationAuthentication();
       auth.token = tokens.access_token;
       await auth.save();`,
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
  ],
  invalid: [
    // An encrypted sibling column does not protect a plain one.
    {
      ...high(
        `import { IntegrationAuthentication } from './no-plaintext-secret-write/models.js';
         declare const tokens: { access_token: string; refresh_token: string };
         await IntegrationAuthentication.create({ token: tokens.access_token, refreshToken: tokens.refresh_token });`,
        'refreshToken: tokens',
      ),
      ...typed,
    },
    // With an encrypting Prisma extension, an unlisted field is medium; other ORMs are not rewritten by it.
    {
      ...medium(
        `declare const prisma: any; declare const tokens: { access_token: string };
         await prisma.connection.create({ data: { url, accessToken: tokens.access_token } });`,
        'accessToken:',
      ),
      ...withEncryptingExtension,
    },
    {
      ...high(
        `declare const db: any; declare const connections: any; declare const tokens: { access_token: string };
         await db.insert(connections).values({ userId, accessToken: tokens.access_token });`,
        'accessToken: tokens',
      ),
      ...withEncryptingExtension,
    },
    // Without the extension in the program, the same Prisma write is high.
    {
      ...high(
        `declare const prisma: any; declare const tokens: { access_token: string };
         await prisma.account.create({ data: { userId, access_token: tokens.access_token } });`,
        'access_token: tokens',
      ),
      ...typed,
    },
    // Classes that are models: a model base class up the chain, or a decorated class.
    high(
      `class AppModel extends Model {}
       class ApiToken extends AppModel {}
       await ApiToken.create({ userId, token: randomBytes(32).toString('hex') });`,
      'token: randomBytes',
    ),
    high(
      `@Table({ tableName: 'api_keys' })
       class ApiKey { userId!: string; key!: string }
       await ApiKey.create({ userId, key: randomBytes(32).toString('hex') });`,
      'key: randomBytes',
    ),
    high(
      `class Integration extends Model {
         @Column(DataType.BLOB)
         @Encrypted
         token: string;
         @Column(DataType.STRING)
         refreshToken: string;
       }
       await Integration.create({ token: tokens.access_token, refreshToken: tokens.refresh_token });`,
      'refreshToken: tokens',
    ),
    // A helper that returns the value unchanged on one path protects nothing on that path.
    {
      ...medium(
        `import { storeClientSecretOrPlain } from './no-plaintext-secret-write/store.js';
         const clientSecret = randomBytes(32).toString('hex');
         await prisma.oauthClient.update({ where: { id }, data: { clientSecret: await storeClientSecretOrPlain(opts, clientSecret) } });`,
        'clientSecret: await storeClientSecretOrPlain',
      ),
      ...typed,
    },
    medium(
      `async function storeClientSecret(opts: { plain?: boolean }, clientSecret: string) {
         if (opts.plain) return clientSecret;
         return await defaultHasher(clientSecret);
       }
       const clientSecret = randomBytes(32).toString('hex');
       await prisma.oauthClient.update({ where: { id }, data: { clientSecret: await storeClientSecret(opts, clientSecret) } });`,
      'clientSecret: await storeClientSecret',
    ),
    // Generated tokens, stored as issued.
    high(
      `const apiKey = randomBytes(32).toString('hex');
       await prisma.apiKey.create({ data: { userId, key: apiKey } });`,
      'key: apiKey',
    ),
    high(
      `const token = 'sk_' + randomBytes(24).toString('base64url');
       await prisma.apiToken.create({ data: { userId, token } });`,
      'token }',
    ),
    high(
      `await prisma.apiKey.create({ data: { userId, apiKey: \`sk_\${randomBytes(24).toString('hex')}\` } });`,
      'apiKey:',
    ),
    high(
      `const sessionToken = crypto.randomUUID();
       await db.insert(sessions).values({ userId, sessionToken, expires });`,
      'sessionToken,',
    ),
    high(
      `function newKey() { return nanoid(40); }
       const apiKey = newKey();
       await db.insert(apiKeys).values({ ownerId, apiKey });`,
      'apiKey }',
    ),
    high(`await db.update(users).set({ apiKey: randomBytes(32).toString('hex') }).where(eq(users.id, id));`, 'apiKey:'),
    high(`await kysely.insertInto('api_keys').values({ owner_id: id, api_key: nanoid(48) }).execute();`, 'api_key:'),
    high(`await knex('api_keys').insert({ user_id: id, secret_key: randomBytes(32).toString('hex') });`, 'secret_key:'),
    // Received credentials.
    password(
      `app.post('/signup', async (req, res) => {
         const { email, password } = req.body;
         await prisma.user.create({ data: { email, password } });
       });`,
      'password } })',
    ),
    password(
      `await prisma.user.create({ data: { email: req.body.email, password: req.body.password } });`,
      'password: req.body.password',
    ),

    high(
      `const { apiKey } = req.body;
       await prisma.integration.upsert({ where: { userId }, create: { userId, apiKey }, update: { apiKey } });`,
      'apiKey }, update',
      'apiKey } })',
    ),
    high(
      `const tokens = await oauth.getToken(code);
       await prisma.account.create({ data: { userId, accessToken: tokens.access_token, provider } });`,
      'accessToken:',
    ),
    high(
      `const { refresh_token } = await exchange(code);
       await db.insert(accounts).values({ userId, refreshToken: refresh_token });`,
      'refreshToken:',
    ),
    // Decrypted values and env secrets written back.
    high(
      `await prisma.webhook.update({ where: { id }, data: { secret: decrypt(hook.secretCiphertext) } });`,
      'secret:',
    ),
    high(`await prisma.tenant.create({ data: { name, apiKey: process.env.PARTNER_API_KEY } });`, 'apiKey:'),
    // TypeORM, Sequelize, Mongoose, MikroORM.
    high(
      `const user = userRepository.create({ email });
       user.apiKey = randomBytes(32).toString('hex');
       await userRepository.save(user);`,
      'user.apiKey',
    ),
    high(
      `await this.tokenRepository.insert({ userId, accessToken: randomBytes(32).toString('hex') });`,
      'accessToken:',
    ),
    high(`await this.usersRepository.update({ id }, { apiKey: nanoid(40) });`, 'apiKey:'),
    high(`await this.em.create(ApiKey, { owner, secretKey: randomBytes(32).toString('hex') });`, 'secretKey:'),
    high(`await ApiKey.bulkCreate([{ ownerId, apiKey: nanoid(32) }]);`, 'apiKey:'),
    high(`await this.clientModel.create({ name, clientSecret: randomBytes(32).toString('hex') });`, 'clientSecret:'),
    high(`await Account.updateOne({ _id: id }, { $set: { refreshToken: tokens.refresh_token } });`, 'refreshToken:'),
    high(
      `const doc = new Client({ name });
       doc.clientSecret = randomBytes(32).toString('hex');
       await doc.save();`,
      'doc.clientSecret',
    ),
    // Nested Prisma writes; a `key` column is named by its relation.
    high(`await prisma.user.create({ data: { email, apiKeys: { create: { key: nanoid(40) } } } });`, 'key:'),
    high(
      `await prisma.project.create({ data: { name, apiKeys: { create: [{ label: 'default', key: nanoid(40) }] } } });`,
      'key:',
    ),
    // Rows built by `map`, tokens from a generator factory, a decrypted value behind a secret name.
    high(
      `await Bot.bulkCreate(rows.map((row) => ({ name: row.name, apiToken: randomBytes(20).toString('hex') })));`,
      'apiToken:',
    ),
    high(
      `const makeToken = customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 40);
       const apiToken = makeToken();
       await Team.findByIdAndUpdate(teamId, { $set: { apiToken } });`,
      'apiToken }',
    ),
    high(
      `const clientSecret = await decrypt(ciphertext);
       await db.updateTable('organizations').set({ client_secret: clientSecret }).where('id', '=', id).execute();`,
      'client_secret:',
    ),
    // SQL drivers.
    high(
      `const apiKey = randomBytes(32).toString('hex');
       await pool.query('INSERT INTO api_keys (user_id, api_key) VALUES ($1, $2)', [userId, apiKey]);`,
      'apiKey]',
    ),
    high(
      `const apiKey = randomBytes(32).toString('hex');
       await conn.execute('UPDATE users SET api_key = ? WHERE id = ?', [apiKey, id]);`,
      'apiKey,',
    ),
    high(
      `const apiKey = randomBytes(32).toString('hex');
       await sql\`INSERT INTO api_keys (user_id, api_key) VALUES (\${userId}, \${apiKey})\`;`,
      'apiKey}',
    ),
    password(
      `await client.query({ text: 'INSERT INTO users (email, password) VALUES ($1, $2)', values: [email, req.body.password] });`,
      'req.body.password',
    ),
    // Below high, seen in strict.
    medium(
      `const resetToken = randomBytes(32).toString('hex');
       await prisma.passwordReset.create({ data: { userId, token: resetToken } });`,
      'token: resetToken',
    ),
    medium(
      `async function store(userId: string, apiKey: string) { await prisma.integration.create({ data: { userId, apiKey } }); }`,
      'apiKey }',
    ),
    medium(
      `const token = await createSessionToken(user);
       await db.insert(sessions).values({ userId: user.id, token });`,
      'token }',
    ),
    medium(
      `const secret = randomBytes(32).toString('hex');
       await prisma.setting.create({ data: { name: 'signing', value: secret } });`,
      'value: secret',
    ),
    medium(`await knex('invites').insert({ email, token: nanoid(32) });`, 'token:'),
    // A password through an ORM with model hooks (TypeORM @BeforeInsert, Mongoose pre('save')): hashed there as often as not.
    medium(`await userRepository.save({ email, password: req.body.password });`, 'password:', 'plaintextPasswordWrite'),
    medium(`await User.create({ email, password: ctx.request.body.password });`, 'password:', 'plaintextPasswordWrite'),
    medium(
      `const user = new User({ email });
       user.password = req.body.password;
       await user.save();`,
      'user.password',
      'plaintextPasswordWrite',
    ),
    // An OpenID Connect id_token: a short-lived identity assertion, by its name only.
    medium(`await prisma.account.update({ where: { id }, data: { idToken: tokens.id_token } });`, 'idToken:'),
    medium(`await tx.recipient.create({ data: { documentId, email, token: nanoid() } });`, 'token:'),
    medium(
      `const verificationToken = crypto.randomUUID();
       await User.update({ verificationToken }, { where: { id } });`,
      'verificationToken }',
    ),
  ],
});

// Flowise held-out: `Assistant.credential` is the id of a Credential row (a `uuid` column), not its data.
const ASSISTANT_ENTITY = (column: string) =>
  `declare function Column(options?: unknown): PropertyDecorator;
   class Assistant { id!: string; details!: string; @Column(${column}) credential!: string }
   declare const appServer: any;
   export async function update(id: string, body: any) {
     const assistant = await appServer.AppDataSource.getRepository(Assistant).findOneBy({ id });
     assistant.credential = body.credential;
     return appServer.AppDataSource.getRepository(Assistant).save(assistant);
   }`;

ruleTester.run('no-plaintext-secret-write: a field that references a credentials row', rule, {
  valid: [
    // The entity the repository writes declares the column as a `uuid`: a foreign key, even for an untyped row.
    { code: ASSISTANT_ENTITY("{ type: 'uuid' }"), options: [{ minConfidence: 'low' }], ...typed },
    { code: ASSISTANT_ENTITY("'uuid'"), options: [{ minConfidence: 'low' }], ...typed },
  ],
  invalid: [
    // A text column of the same name may hold the credential itself.
    {
      ...medium(ASSISTANT_ENTITY("{ type: 'text' }"), 'assistant.credential ='),
      options: [{ minConfidence: 'low' as const }],
      ...typed,
    },
  ],
});

// Misses the held-out readers found: an API key copied into an entity that `repo.create(entity)` copies
// (Flowise), a key column named by its table (cosmo), a write helper's row parameter (Reactive-Resume).
ruleTester.run('no-plaintext-secret-write: rows built elsewhere', rule, {
  valid: [
    // Only the hash is written.
    `import { randomBytes, createHash } from 'crypto';
     declare const repo: any;
     declare class ApiKey { apiSecret: string }
     const generateAPIKey = () => { const buffer = randomBytes(32); return buffer.toString('base64url'); };
     export async function createKey() {
       const apiKey = generateAPIKey();
       const newKey = new ApiKey();
       newKey.apiSecret = createHash('sha256').update(apiKey).digest('hex');
       await repo.getRepository(ApiKey).save(repo.getRepository(ApiKey).create(newKey));
     }`,
    // A helper whose write does not take the parameter as its row.
    {
      code: `declare const prisma: any;
       class UserService { touch(email: string, data: { note: string }) { return prisma.user.update({ where: { email }, data: { seenAt: new Date() } }); } }
       export async function enable(users: UserService, email: string, backupCodes: string[]) {
         await users.touch(email, { note: 'x' });
         return { backupCodes };
       }`,
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
  ],
  invalid: [
    high(
      `import { randomBytes } from 'crypto';
       declare const appServer: any;
       declare class ApiKey { apiKey: string; apiSecret: string }
       const generateAPIKey = () => { const buffer = randomBytes(32); return buffer.toString('base64url'); };
       export async function createKey() {
         const apiKey = generateAPIKey();
         const newKey = new ApiKey();
         newKey.apiKey = apiKey;
         const key = appServer.AppDataSource.getRepository(ApiKey).create(newKey);
         await appServer.AppDataSource.getRepository(ApiKey).save(key);
       }`,
      'newKey.apiKey =',
    ),
    medium(
      `declare const tx: any;
       declare const apiKeys: unknown;
       export function addAPIKey(input: { key: string; name: string }) {
         return tx.insert(apiKeys).values({ key: input.key, name: input.name });
       }`,
      'key: input.key',
    ),
    {
      ...medium(
        `import { randomBytes } from 'crypto';
       declare const prisma: any;
       class UserService { updateByEmail(email: string, data: unknown) { return prisma.user.update({ where: { email }, data }); } }
       export async function enable(users: UserService, email: string) {
         const backupCodes = Array.from({ length: 8 }, () => randomBytes(5).toString('hex'));
         await users.updateByEmail(email, { twoFactorEnabled: true, secrets: { update: { twoFactorBackupCodes: backupCodes } } });
       }`,
        'twoFactorBackupCodes:',
      ),
      // Through a helper: one step below the medium of a named one-time code written directly.
      options: [{ minConfidence: 'low' as const }],
      ...typed,
    },
  ],
});

// cosmo held-out: a secret handed to a service's constructor, passed to a project repository's own `update`.
const PUBLISH = (repository: string, built: string) =>
  `declare class CompositionService { constructor(tx: unknown, org: string, config: { webhookJWTSecret: string }) }
   declare class Subgraph { constructor(row: { webhookJWTSecret: string }) }
   ${repository}
   export function publish(opts: { admissionWebhookJWTSecret: string }, tx: unknown) {
     const compositionService = ${built};
     return subgraphRepo.update({ schemaSDL: '' }, compositionService);
   }`;

ruleTester.run('no-plaintext-secret-write: services and project repositories', rule, {
  valid: [
    // The project's own repository method is no ORM write, whatever it is given.
    {
      code: PUBLISH(
        'class SubgraphRepository { update(data: { schemaSDL: string }, row: Subgraph) { return [data, row]; } }\nconst subgraphRepo = new SubgraphRepository();',
        'new Subgraph({ webhookJWTSecret: opts.admissionWebhookJWTSecret })',
      ),
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    {
      code: PUBLISH(
        'class SubgraphRepository { update(data: { schemaSDL: string }, composer: CompositionService) { return [data, composer]; } }\nconst subgraphRepo = new SubgraphRepository();',
        "new CompositionService(tx, 'org', { webhookJWTSecret: opts.admissionWebhookJWTSecret })",
      ),
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
    {
      code: PUBLISH(
        'declare const subgraphRepo: any;',
        "new CompositionService(tx, 'org', { webhookJWTSecret: opts.admissionWebhookJWTSecret })",
      ),
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
  ],
  invalid: [
    // An ORM repository's `update(criteria, entity)` with an entity built from one object: a row.
    {
      code: PUBLISH(
        'declare const subgraphRepo: any;',
        'new Subgraph({ webhookJWTSecret: opts.admissionWebhookJWTSecret })',
      ),
      options: [{ minConfidence: 'low' as const }],
      errors: [
        at(
          PUBLISH(
            'declare const subgraphRepo: any;',
            'new Subgraph({ webhookJWTSecret: opts.admissionWebhookJWTSecret })',
          ),
          'webhookJWTSecret: opts',
          'plaintextSecretWrite',
        ),
      ],
      ...typed,
    },
  ],
});

// dittofeed held-out miss: an admin API key written raw into a JSON config field of the secrets table.
ruleTester.run('no-plaintext-secret-write: a bare key in a JSON field', rule, {
  valid: [
    // A settings table's JSON `key` names a setting.
    `import { randomBytes } from 'crypto';
     declare const tx: any; declare const dbSetting: unknown;
     const id = randomBytes(8).toString('hex');
     await tx.insert(dbSetting).values({ name: 'theme', configValue: { key: id, value: 'dark' } });`,
  ],
  invalid: [
    high(
      `import { randomBytes } from 'crypto';
       declare const tx: any; declare const dbSecret: unknown;
       const newKey = randomBytes(32).toString('hex');
       await tx.insert(dbSecret).values({ name: 'admin-api-key', configValue: { type: 'AdminApiKey', key: newKey } });`,
      'key: newKey',
    ),
  ],
});

// Flowise held-out: an SDK's factory (`Sandbox.create({ apiKey })` of an imported package) writes no row.
ruleTester.run('no-plaintext-secret-write: library factories', rule, {
  valid: [
    {
      code: "import { Sandbox } from '@e2b/code-interpreter';\nexport const run = () => Sandbox.create({ apiKey: process.env.E2B_APIKEY, timeoutMs: 1000 });",
      options: [{ minConfidence: 'low' }],
      ...typed,
    },
  ],
  invalid: [
    // A model the program declares, imported through a workspace package name, is still a model.
    {
      ...medium(
        "import { IntegrationAuthentication } from '@acme/models';\nexport const save = () => IntegrationAuthentication.create({ refreshToken: process.env.REFRESH_TOKEN });",
        'refreshToken:',
      ),
      options: [{ minConfidence: 'low' as const }],
      ...typed,
    },
  ],
});
