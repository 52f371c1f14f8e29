/**
 * The catalog of ORM and query-builder column declarations: which calls, decorators and builder
 * methods declare a database column, where its name and type sit, and which column types cannot
 * hold a credential. `no-plaintext-credential-column` reads it; the scanner's Prisma and SQL
 * readers share the type lists through `credentialColumnVerdict`.
 */

/** Drizzle table factories: `pgTable('users', { ... })`. `pgSchema('auth').table(...)` is matched by `table` with an object. */
export const DRIZZLE_TABLE_FACTORIES: readonly string[] = ['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable', 'gelTable', 'table'];

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
export const SEQUELIZE_ATTRIBUTE_CALLS: Readonly<Record<string, { readonly table: number | undefined; readonly attributes: number }>> = {
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
export const ENCRYPTING_WORDS: readonly string[] = ['encrypt', 'encrypted', 'encrypting', 'encryption', 'encryptor', 'cipher', 'ciphertext', 'seal', 'sealed', 'aead', 'kms'];

/** Words that, in a setter's callee, say that the value is hashed before it is stored: `bcrypt.hash(v)`, `hashPassword(v)`. */
export const HASHING_WORDS: readonly string[] = ['hash', 'hashed', 'bcrypt', 'argon2', 'argon2id', 'scrypt', 'pbkdf2', 'hashsync'];

/**
 * Column types (SQL, ORM builder and Prisma spellings, lower-case, first word) that cannot hold a
 * credential: a `password_reset timestamp` is metadata about a password, not one.
 */
export const NON_TEXT_COLUMN_TYPES: Readonly<Record<'temporal' | 'boolean' | 'numeric', readonly string[]>> = {
  temporal: ['date', 'dateonly', 'datetime', 'datetime2', 'datetimeoffset', 'smalldatetime', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval', 'year'],
  boolean: ['boolean', 'bool', 'bit'],
  numeric: [
    'integer', 'int', 'int2', 'int4', 'int8', 'smallint', 'bigint', 'tinyint', 'mediumint', 'serial', 'smallserial', 'bigserial',
    'numeric', 'decimal', 'real', 'double', 'doubleprecision', 'float', 'float4', 'float8', 'money', 'number', 'increments', 'biginteger',
  ],
};
