/**
 * The catalog of database writes: ORM, query-builder and driver calls that store the values they are
 * given. Data only; `no-plaintext-secret-write` reads it. Prisma delegates, Drizzle/Kysely
 * `.values()`/`.set()` chains and Knex `.insert()`/`.update()` are in `./orm-columns.ts`
 * (`PRISMA_WRITE_METHODS`, `ROW_BUILDER_METHODS`, `KNEX_WRITE_METHODS`), shared with
 * `no-plaintext-credential-column`.
 */

/** Who a write method is called on. */
export type WriteReceiver =
  /** TypeORM repositories, by name: `userRepository`, `this.usersRepo`, `repo`. */
  | 'repository'
  /** TypeORM and MikroORM entity managers: `em`, `manager`, `dataSource.manager`; the entity class comes first. */
  | 'manager'
  /** Sequelize and Mongoose models: a PascalCase class (`User`) or a name ending in `model` (`this.userModel`). */
  | 'model';

/** One way a method writes rows: its receiver, the ORM and the argument positions that hold rows. */
export interface RowWriteMethod {
  readonly orm: string;
  readonly receiver: WriteReceiver;
  /** Argument positions of the rows (objects, arrays of them, or entities); for `manager`, after the entity class. */
  readonly rows: readonly number[];
}

/** Methods that write the rows they are given, by receiver. */
export const ROW_WRITE_METHODS: Readonly<Record<string, readonly RowWriteMethod[]>> = {
  save: [
    { orm: 'TypeORM', receiver: 'repository', rows: [0] },
    { orm: 'TypeORM', receiver: 'manager', rows: [0] },
    { orm: 'TypeORM', receiver: 'model', rows: [0] },
  ],
  insert: [
    { orm: 'TypeORM', receiver: 'repository', rows: [0] },
    { orm: 'MikroORM', receiver: 'manager', rows: [0] },
  ],
  update: [
    { orm: 'TypeORM', receiver: 'repository', rows: [1] },
    { orm: 'TypeORM', receiver: 'manager', rows: [1] },
    { orm: 'Sequelize', receiver: 'model', rows: [0] },
  ],
  upsert: [
    { orm: 'TypeORM', receiver: 'repository', rows: [0] },
    { orm: 'MikroORM', receiver: 'manager', rows: [0] },
    { orm: 'Sequelize', receiver: 'model', rows: [0] },
  ],
  create: [
    { orm: 'Sequelize/Mongoose', receiver: 'model', rows: [0] },
    // MikroORM `em.create(User, data)` makes a managed entity that the next flush inserts.
    { orm: 'MikroORM', receiver: 'manager', rows: [0] },
  ],
  bulkCreate: [{ orm: 'Sequelize', receiver: 'model', rows: [0] }],
  insertMany: [{ orm: 'Mongoose', receiver: 'model', rows: [0] }],
  updateOne: [{ orm: 'Mongoose', receiver: 'model', rows: [1] }],
  updateMany: [{ orm: 'Mongoose', receiver: 'model', rows: [1] }],
  findOneAndUpdate: [{ orm: 'Mongoose', receiver: 'model', rows: [1] }],
  findByIdAndUpdate: [{ orm: 'Mongoose', receiver: 'model', rows: [1] }],
  replaceOne: [{ orm: 'Mongoose', receiver: 'model', rows: [1] }],
  nativeInsert: [{ orm: 'MikroORM', receiver: 'manager', rows: [0] }],
  nativeUpdate: [{ orm: 'MikroORM', receiver: 'manager', rows: [1] }],
  assign: [{ orm: 'MikroORM', receiver: 'manager', rows: [1] }],
  persist: [{ orm: 'MikroORM', receiver: 'manager', rows: [0] }],
  persistAndFlush: [{ orm: 'MikroORM', receiver: 'manager', rows: [0] }],
};

/** Words that make a receiver a TypeORM repository: `userRepository`, `repo`. */
export const REPOSITORY_NAME_WORDS: readonly string[] = ['repository', 'repo'];

/** Receiver names (lower-case, last segment) of entity managers: `em`, `this.em`, `dataSource.manager`. */
export const ENTITY_MANAGER_NAMES: readonly string[] = ['em', 'manager', 'entitymanager', 'transactionalentitymanager'];

/** Words that make a receiver a model: NestJS's injected `this.userModel`. */
export const MODEL_NAME_WORDS: readonly string[] = ['model'];

/**
 * Last words of PascalCase names that say the class builds a message or a client, not rows:
 * `CreateUserCommand.create(...)`, `LoginDto.create(...)`, `AxiosClient.create(...)`.
 */
export const NOT_MODEL_NAME_WORDS: readonly string[] = [
  'command',
  'query',
  'event',
  'dto',
  'input',
  'payload',
  'request',
  'response',
  'params',
  'options',
  'config',
  'message',
  'action',
  'result',
  'error',
  'exception',
  'client',
  'factory',
  'builder',
  'schema',
  'validator',
];

/** Words of a base class that make a class a model: `Model`, `BaseEntity`, sequelize-typescript `Model<User>`, Objection. */
export const MODEL_BASE_WORDS: readonly string[] = ['model', 'entity', 'document', 'record', 'table'];

/** PascalCase globals and SDK namespaces that have `create`/`update` methods but are no models. */
export const NOT_MODEL_RECEIVERS: readonly string[] = [
  'Object',
  'Array',
  'Promise',
  'Reflect',
  'Map',
  'Set',
  'WeakMap',
  'Date',
  'JSON',
  'Math',
  'Buffer',
  'Symbol',
  'URL',
  'Response',
  'Request',
  'Headers',
  'Intl',
  'Proxy',
  'React',
  'Stripe',
  'Axios',
  'Vue',
  'Effect',
  'Layer',
  'Schema',
  'Context',
  'Ref',
  'Option',
  'Either',
];

/**
 * Instance methods that store an entity with whatever was assigned to it before: Mongoose
 * `doc.save()`, TypeORM `BaseEntity#save()`, Sequelize `instance.save()`.
 */
export const ENTITY_SAVE_METHODS: readonly string[] = ['save'];

/** Calls that build an entity from an object, to be saved later: `repo.create({...})`, `User.build({...})`, `em.merge(...)`. */
export const ENTITY_FACTORY_METHODS: readonly string[] = ['create', 'build', 'merge'];

/**
 * Keys inside a written row whose object value is written as rows too: Prisma nested writes
 * (`apiKeys: { create: { key } }`), Mongoose update operators (`{ $set: { token } }`).
 */
export const NESTED_ROW_KEYS: readonly string[] = [
  'create',
  'createMany',
  'connectOrCreate',
  'upsert',
  'update',
  'updateMany',
  'data',
  '$set',
  '$setOnInsert',
  '$push',
];

/**
 * Driver methods that run a SQL statement with parameters, and where the parameters start:
 * node-postgres `client.query(text, values)`, mysql2 `conn.execute(sql, values)`, postgres.js
 * `sql.unsafe(text, params)`, Prisma `$executeRawUnsafe(text, ...params)` (spread: every later argument).
 */
export const SQL_QUERY_METHODS: Readonly<Record<string, { readonly params: number; readonly spread: boolean }>> = {
  query: { params: 1, spread: false },
  execute: { params: 1, spread: false },
  unsafe: { params: 1, spread: false },
  $executeRawUnsafe: { params: 1, spread: true },
  $queryRawUnsafe: { params: 1, spread: true },
};

/** Leading SQL verbs of statements that write rows. */
export const SQL_WRITE_VERBS: readonly string[] = ['insert', 'update', 'replace', 'upsert'];

/**
 * Calls that mint a random token: `randomBytes(32).toString('hex')`, `crypto.randomUUID()`,
 * `nanoid()`, `uuidv4()`, `createId()`. Matched against the callee's last name, case-insensitively.
 */
export const TOKEN_GENERATOR_CALLS: readonly string[] = [
  'randomBytes',
  'randomUUID',
  'nanoid',
  'customAlphabet',
  'getRandomValues',
  'uuid',
  'v4',
  'uuidv4',
  'createId',
  'cuid',
  'ulid',
  'generateRandomString',
  'randomString',
  'cryptoRandomString',
];

/**
 * OAuth token-response fields (RFC 6749): a value read from one is a bearer credential the provider
 * issued, not a name that happens to sound secret. OpenID Connect's `id_token` is not here: a
 * signed identity assertion that expires soon and opens no API, so it counts by its name only.
 */
export const OAUTH_TOKEN_FIELDS: readonly string[] = ['access_token', 'refresh_token'];

/**
 * Calls besides the shared sanitizers that protect a value before it is stored: sealing and
 * signing (iron-session `seal`, `jwt.sign`), password hashers by module name, pgcrypto's `crypt`,
 * a keyring or KMS client, a cipher. Matched like the sanitizers (`flow/sanitizers.ts`).
 */
export const WRITE_PROTECTION_CALLS: readonly string[] = [
  'seal',
  'sign',
  'bcrypt',
  'argon2',
  'crypt',
  'keyring',
  'kms',
  'cipher',
];

/**
 * Words (of the column, the value's name or the table) of short-lived one-time tokens: a reset,
 * verification or invite token stored raw is usable only until it is used or expires, so such a
 * finding is medium, not high.
 */
export const ONE_TIME_TOKEN_WORDS: readonly string[] = [
  'reset',
  'verification',
  'verify',
  'invite',
  'invitation',
  'magic',
  'confirm',
  'confirmation',
  'otp',
  'onetime',
  'activation',
  'challenge',
  'state',
  'nonce',
  'csrf',
  'code',
];

/**
 * Words (of the column, the value's name or the table) of capability-link tokens: a signing link
 * sent to a document's recipient, a share or direct link, an unsubscribe link. The application
 * must put the same token in a URL again (reminders, a link page), so it keeps it readable; the
 * token opens one resource, not an account. A QR token is printed on a document for anyone holding it
 * (documenso's certificate QR code). Medium, like one-time tokens.
 */
export const LINK_TOKEN_WORDS: readonly string[] = [
  'link',
  'links',
  'share',
  'shared',
  'sharing',
  'recipient',
  'recipients',
  'direct',
  'embed',
  'unsubscribe',
  'public',
  'qr',
];

/**
 * Words (of the column or the value's name) of tokens that address something rather than grant
 * access: a push-notification device token (FCM, APNs, Expo) must be stored as given to send to the
 * device, and a CAPTCHA response token is verified once with its provider. Not reported.
 */
export const ADDRESSING_TOKEN_WORDS: readonly string[] = [
  'push',
  'fcm',
  'apns',
  'expo',
  'device',
  'captcha',
  'recaptcha',
  'hcaptcha',
  'turnstile',
];
