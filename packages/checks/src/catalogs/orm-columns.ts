/**
 * The catalog of ORM and query-builder column declarations: which calls, decorators and builder
 * methods declare a database column, where its name and type sit, and which column types cannot
 * hold a credential. `no-plaintext-credential-column` reads it; the scanner's Prisma and SQL
 * readers share the type lists through `credentialColumnVerdict`.
 */

/** Drizzle table factories: `pgTable('users', { ... })`. `pgSchema('auth').table(...)` is matched by `table` with an object. */
export const DRIZZLE_TABLE_FACTORIES: readonly string[] = [
  'pgTable',
  'mysqlTable',
  'sqliteTable',
  'singlestoreTable',
  'gelTable',
  'table',
];

/** Decorators that declare a column on an entity class, with the ORM they belong to. */
export const COLUMN_DECORATORS: Readonly<Record<string, { readonly orm: string; readonly needsEntity: boolean }>> = {
  // TypeORM: `@Column` is its own; sequelize-typescript uses the same name.
  Column: { orm: 'TypeORM', needsEntity: false },
  // MikroORM: `@Property` is also a common JSON-schema decorator name, so an entity class is required.
  Property: { orm: 'MikroORM', needsEntity: true },
};

/** Class decorators that make a class a database entity (TypeORM, MikroORM, sequelize-typescript). */
export const ENTITY_DECORATORS: readonly string[] = ['Entity', 'ChildEntity', 'ViewEntity', 'Embeddable', 'Table'];

/** Roots of Sequelize data types: `DataTypes.STRING`, `Sequelize.TEXT`, `DataType.STRING` (sequelize-typescript). */
export const SEQUELIZE_TYPE_ROOTS: readonly string[] = ['DataTypes', 'Sequelize', 'DataType'];

/** Sequelize types that are not stored: a `VIRTUAL` password attribute only feeds a setter. */
export const SEQUELIZE_UNSTORED_TYPES: readonly string[] = ['VIRTUAL'];

/**
 * Calls that store a value under an attribute name, with the argument positions of name and value:
 * Sequelize's `this.setDataValue('password', hash)` and `instance.set('password', hash)`.
 */
export const ATTRIBUTE_SETTERS: Readonly<Record<string, { readonly name: number; readonly value: number }>> = {
  setDataValue: { name: 0, value: 1 },
  set: { name: 0, value: 1 },
};

/** Sequelize calls that declare attributes: `define(name, attrs)`, `Model.init(attrs, opts)`, `queryInterface.createTable(table, attrs)`. */
export const SEQUELIZE_ATTRIBUTE_CALLS: Readonly<
  Record<string, { readonly table: number | undefined; readonly attributes: number }>
> = {
  define: { table: 0, attributes: 1 },
  init: { table: undefined, attributes: 0 },
  createTable: { table: 0, attributes: 1 },
};

/** TypeORM migration classes: `new Table({ name, columns: [{ name, type }] })`, `new TableColumn({ name, type })`. */
export const TYPEORM_MIGRATION_CLASSES = { table: 'Table', column: 'TableColumn' } as const;

/**
 * Classes whose options object declares fields: TypeORM and MikroORM `new EntitySchema({ columns | properties })`,
 * Mongoose `new Schema({ ... })` (a document field is a column in all but name).
 */
export const SCHEMA_CLASSES = { entitySchema: 'EntitySchema', mongoose: 'Schema' } as const;

/** Knex schema methods whose callback declares columns: `knex.schema.createTable('users', (t) => { ... })`. */
export const KNEX_TABLE_METHODS: readonly string[] = ['createTable', 'createTableIfNotExists', 'alterTable', 'table'];

/**
 * Knex table-builder methods that create a column, with the SQL type they declare. Only these:
 * `t.unique('api_key')`, `t.index(...)` or `t.dropColumn(...)` do not create a column.
 */
export const KNEX_COLUMN_METHODS: Readonly<Record<string, string>> = {
  string: 'varchar',
  text: 'text',
  uuid: 'uuid',
  json: 'json',
  jsonb: 'jsonb',
  binary: 'binary',
  enu: 'enum',
  enum: 'enum',
  specificType: '',
  integer: 'integer',
  bigInteger: 'bigint',
  tinyint: 'tinyint',
  smallint: 'smallint',
  mediumint: 'mediumint',
  bigint: 'bigint',
  float: 'float',
  double: 'double',
  decimal: 'decimal',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  time: 'time',
  timestamp: 'timestamp',
};

/** Kysely schema builders whose chain declares columns with `.addColumn(name, type)`. */
export const KYSELY_TABLE_METHODS: readonly string[] = ['createTable', 'alterTable'];

/** The method that declares a column in Kysely (and, with three arguments, in Sequelize's query interface). */
export const ADD_COLUMN_METHOD = 'addColumn';

/**
 * Words that, in the name of a transformer, custom column type or column builder, say that the
 * value is encrypted before it is stored: `encryptedTransformer`, `EncryptionTransformer`,
 * `encryptedText('api_key')`, `sealedColumn`. Matched against the name's words (`splitWords`).
 */
export const ENCRYPTING_WORDS: readonly string[] = [
  'encrypt',
  'encrypted',
  'encrypting',
  'encryption',
  'encryptor',
  'cipher',
  'ciphertext',
  'seal',
  'sealed',
  'aead',
  'kms',
];

/** Words that, in a setter's callee, say that the value is hashed before it is stored: `bcrypt.hash(v)`, `hashPassword(v)`. */
export const HASHING_WORDS: readonly string[] = [
  'hash',
  'hashed',
  'bcrypt',
  'argon2',
  'argon2id',
  'scrypt',
  'pbkdf2',
  'hashsync',
  'sha256',
  'sha384',
  'sha512',
  'digest',
  'hmac',
];

/**
 * Column types (SQL, ORM builder and Prisma spellings, lower-case, first word) that cannot hold a
 * credential: a `password_reset timestamp` is metadata about a password, not one.
 */
export const NON_TEXT_COLUMN_TYPES: Readonly<Record<'temporal' | 'boolean' | 'numeric', readonly string[]>> = {
  temporal: [
    'date',
    'dateonly',
    'datetime',
    'datetime2',
    'datetimeoffset',
    'smalldatetime',
    'time',
    'timetz',
    'timestamp',
    'timestamptz',
    'interval',
    'year',
  ],
  boolean: ['boolean', 'bool', 'bit'],
  numeric: [
    'uint8',
    'uint16',
    'uint32',
    'uint64',
    'uint128',
    'uint256',
    'int16',
    'int32',
    'int64',
    'int128',
    'int256',
    'float32',
    'float64',
    'decimal32',
    'decimal64',
    'decimal128',
    'decimal256',
    'integer',
    'int',
    'int2',
    'int4',
    'int8',
    'smallint',
    'bigint',
    'tinyint',
    'mediumint',
    'serial',
    'smallserial',
    'bigserial',
    'numeric',
    'decimal',
    'real',
    'double',
    'doubleprecision',
    'float',
    'float4',
    'float8',
    'money',
    'number',
    'increments',
    'biginteger',
  ],
};

/**
 * Types (lower-case base, as `credentialColumnVerdict` sees them) that hold identifiers: a
 * `session_id uuid` is a row or analytics id far more often than a session secret.
 */
export const IDENTIFIER_COLUMN_TYPES: ReadonlySet<string> = new Set(['uuid', 'uniqueidentifier', 'objectid']);

/**
 * Type wrappers and the argument that holds the stored type: ClickHouse `Nullable(String)`,
 * `LowCardinality(String)`, `SimpleAggregateFunction(sum, Int64)`.
 */
export const TYPE_WRAPPERS: Readonly<Record<string, number>> = {
  nullable: 0,
  lowcardinality: 0,
  simpleaggregatefunction: 1,
};

/** Words that make a column a masked display form of a secret: `partialClientSecret`, `masked_key`, `token_preview`. */
export const MASKED_VALUE_WORDS: ReadonlySet<string> = new Set([
  'partial',
  'masked',
  'mask',
  'truncated',
  'preview',
  'obfuscated',
  'last4',
  'display',
]);

/**
 * Words (in the column or its table) of values that a protocol makes public: an ACME HTTP-01
 * token and key authorization are served to anyone, a WebAuthn challenge is sent to the browser.
 */
export const PUBLIC_BY_PROTOCOL_WORDS: ReadonlySet<string> = new Set(['acme', 'challenge', 'challenges']);

/** Column names that say nothing by themselves: `personal_access_tokens.value` is a token because of its table. */
export const VALUE_COLUMN_NAMES: ReadonlySet<string> = new Set(['value', 'val']);

/** Table words that make a `value` column a credential although the word is not secret: better-auth's `verification`. */
export const CREDENTIAL_TABLE_WORDS: ReadonlySet<string> = new Set(['verification', 'verifications']);

/**
 * Prisma delegate methods that write rows, and the keys of their argument that hold the row:
 * `prisma.user.create({ data: { password } })`, `upsert({ create, update })`.
 */
export const PRISMA_WRITE_METHODS: readonly string[] = [
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
];
export const PRISMA_ROW_KEYS: readonly string[] = ['data', 'create', 'update'];

/**
 * Builder methods that take the row of an insert or update, with the calls that start such a
 * statement somewhere before them in the chain: Drizzle `db.insert(users).values({...})` and
 * `db.update(users).set({...})`, Kysely `insertInto('users').values(...)`, `updateTable('users').set(...)`.
 */
export const ROW_BUILDER_METHODS: Readonly<Record<string, readonly string[]>> = {
  values: ['insert', 'insertInto', 'replaceInto'],
  set: ['update', 'updateTable'],
};

/** Knex query methods that write the row they are given: `knex('users').insert({...})`, `.update({...})`. */
export const KNEX_WRITE_METHODS: readonly string[] = ['insert', 'update'];

/** Knex calls that name the table of a query: `knex('users')`, `.table('users')`, `.into('users')`, `.from('users')`. */
export const KNEX_TABLE_CALLS: readonly string[] = ['table', 'into', 'from'];

/** Table words of a custom-domain table, whose `verification_token` the customer publishes in DNS. */
export const DOMAIN_TABLE_WORDS: ReadonlySet<string> = new Set(['domain', 'domains', 'hostname', 'hostnames']);

/** Last words of a column that hashing or encryption needs beside the credential: `salt`, `iv`, `nonce`. */
export const SALT_OR_NONCE_WORDS: ReadonlySet<string> = new Set(['salt', 'iv', 'nonce']);

/**
 * Columns a widespread framework hashes before its database adapter writes them, so a schema that
 * declares them as text holds a hash: Auth.js (NextAuth) stores `VerificationToken.token` as a
 * SHA-256 of the emailed token and the app secret. Keys are the table and column as lower-case
 * words joined by `_`, a plural `s` dropped from the table.
 */
export const FRAMEWORK_HASHED_COLUMNS: readonly {
  readonly table: string;
  readonly column: string;
  readonly reason: string;
}[] = [
  {
    table: 'verification_token',
    column: 'token',
    reason: 'Auth.js hashes VerificationToken.token before the adapter stores it',
  },
];

/**
 * Type names Sequelize accepts as strings in place of `DataTypes.X` (`password: 'TEXT'`,
 * `{ type: 'VARCHAR(255)' }`), upper case; the numeric and temporal ones come from `NON_TEXT_COLUMN_TYPES`.
 */
export const SQL_TEXT_TYPE_NAMES: readonly string[] = [
  'STRING',
  'TEXT',
  'CHAR',
  'VARCHAR',
  'CITEXT',
  'TINYTEXT',
  'MEDIUMTEXT',
  'LONGTEXT',
  'UUID',
  'BLOB',
  'BINARY',
  'VARBINARY',
  'JSON',
  'JSONB',
];

/**
 * Payload CMS field configs: `{ slug: 'users', fields: [{ name: 'apiKey', type: 'text' }] }`.
 * Field types that store what they are given as a column, and the types whose `fields` (or `tabs[].fields`)
 * nest more fields; `Field` / `Field[]` annotations mark a list of fields outside a collection.
 */
export const PAYLOAD_STORED_FIELD_TYPES: readonly string[] = ['text', 'textarea', 'email', 'code', 'json'];
export const PAYLOAD_NESTING_FIELD_TYPES: readonly string[] = [
  'group',
  'array',
  'row',
  'collapsible',
  'tabs',
  'blocks',
];
export const PAYLOAD_FIELD_TYPE_NAMES: readonly string[] = [
  'Field',
  'TextField',
  'TextareaField',
  'FieldAffectingData',
];

/**
 * Binary types (lower-case base): a credential-named `bytea` / `Bytes` column mostly holds
 * ciphertext or a digest (a raw password or key would be text), so it is a low finding, not none:
 * `password bytea` may still be plaintext bytes.
 */
export const BINARY_COLUMN_TYPES: ReadonlySet<string> = new Set([
  'bytea',
  'blob',
  'tinyblob',
  'mediumblob',
  'longblob',
  'binary',
  'varbinary',
  'bytes',
  'buffer',
  'image',
]);
