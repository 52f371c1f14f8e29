import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../src/index.js';

const rule = rules['no-plaintext-credential-column']!;
const ruleTester = new RuleTester();

const password = (line: number, column: number) => ({ messageId: 'plaintextPassword' as const, line, column });
const credential = (line: number, column: number) => ({ messageId: 'plaintextCredential' as const, line, column });
/** A declaration names a column, it does not show how it is written: medium at most (strict). */
const MEDIUM = [{ minConfidence: 'medium' as const }];
const LOW = [{ minConfidence: 'low' as const }];
const inStrict = <T extends object>(c: T) => ({ options: MEDIUM, ...c });

/** What the declaration says besides its name, at the confidence it earns. */
const COLUMN_FACTS_INVALID = [
  // The table says what a `value` is.
  {
    code: "const m = 'CREATE TABLE personal_access_tokens (id uuid, value text NOT NULL)';",
    options: MEDIUM,
    errors: [{ ...credential(1, 58), endColumn: 63 }],
  },
  {
    code: "export const verification = pgTable('verification', { identifier: text('identifier'), value: text('value') });",
    options: MEDIUM,
    errors: [credential(1, 87)],
  },
  // A reference-shaped name, a UUID, or a value public by protocol: low.
  {
    code: "const m = 'CREATE TABLE sessions (session_id varchar(64) PRIMARY KEY, data text)';",
    options: LOW,
    errors: [{ ...credential(1, 35), endColumn: 45 }],
  },
  {
    code: "const m = 'CREATE TABLE visits (visit_token uuid)';",
    options: LOW,
    errors: [{ ...credential(1, 33), endColumn: 44 }],
  },
  {
    code: "export const acmeChallenges = mysqlTable('acme_challenges', { token: varchar('token', { length: 255 }) });",
    options: LOW,
    errors: [credential(1, 63)],
  },
  // A sibling salt or nonce column: hashed or encrypted where it is written (low, not gone).
  {
    code: "@Entity() class ApiKey { @Property({ columnType: 'text' }) token: string; @Property({ columnType: 'text' }) salt: string; }",
    options: LOW,
    errors: [credential(1, 60)],
  },
  // Auth.js hashes VerificationToken.token; a domain's verification token is published in DNS.
  {
    code: "const m = 'CREATE TABLE verification_token (identifier text, token text, expires timestamptz)';",
    options: LOW,
    errors: [{ ...credential(1, 62), endColumn: 67 }],
  },
  {
    code: "export const customDomains = mysqlTable('custom_domains', { verificationToken: varchar('verification_token', { length: 64 }) });",
    options: LOW,
    errors: [credential(1, 61)],
  },
  // Names from constants, Sequelize types as strings, Payload field configs.
  {
    code: "const COLUMNS = { secret: 'api_secret' } as const;\nknex.schema.createTable('apps', (t) => { t.string(COLUMNS.secret); });",
    options: MEDIUM,
    errors: [credential(2, 51)],
  },
  {
    code: "const PASSWORD = 'password';\nawait queryRunner.addColumn('users', new TableColumn({ name: PASSWORD, type: 'varchar' }));",
    options: MEDIUM,
    errors: [password(2, 62)],
  },
  {
    code: "sequelize.define('User', { password: 'TEXT', apiToken: { type: 'VARCHAR(255)' }, createdAt: 'DATE' });",
    options: MEDIUM,
    errors: [password(1, 28), credential(1, 46)],
  },
  {
    code: "export const Integrations: CollectionConfig = {\n  slug: 'integrations',\n  fields: [\n    { name: 'label', type: 'text' },\n    { name: 'apiKey', type: 'text', hooks: { beforeChange: [trimValue] } },\n    { type: 'tabs', tabs: [{ label: 'Auth', fields: [{ name: 'clientSecret', type: 'text' }] }] },\n  ],\n};",
    options: MEDIUM,
    errors: [credential(5, 13), credential(6, 62)],
  },
  {
    code: "export function authFields(): Field[] {\n  const fields: Field[] = [];\n  fields.push({ name: 'webhookSecret', type: 'text' });\n  return fields;\n}",
    options: MEDIUM,
    errors: [credential(3, 23)],
  },
  // The column survives what comes after it in the same text: dropped, then declared again.
  {
    code: "const m = 'CREATE TABLE t (reset_token text); ALTER TABLE t DROP COLUMN reset_token; ALTER TABLE t ADD COLUMN reset_token text';",
    options: MEDIUM,
    errors: [{ ...credential(1, 111), endColumn: 122 }],
  },
];

/** Valid in the default configuration (high only): a declaration alone is at most medium. */
const DECLARATIONS_BELOW_HIGH = [
  '@Entity()\nclass User {\n  @Column()\n  password: string;\n}',
  "export const users = pgTable('users', { password: text('password'), apiKey: text('api_key') });",
  "await db.query('CREATE TABLE users (id serial, password text)');",
];

/** Not reported even in strict: what the column or the write shows rules the finding out. */
const FACTS_VALID = [
  // Numeric and aggregate types (ClickHouse spellings too) hold counts.
  {
    code: "const m = 'CREATE TABLE r (tokens UInt64, passed_tokens SimpleAggregateFunction(sum, Int64), n Nullable(Int32))';",
    options: LOW,
  },
  { code: "const m = 'CREATE TABLE r (passed_tokens AggregateFunction(sum, Int64))';", options: LOW },
  // A foreign key holds the id of another row.
  {
    code: "const m = 'CREATE TABLE payment (payment_session_id text NOT NULL REFERENCES payment_session(id))';",
    options: LOW,
  },
  {
    code: "const m = 'CREATE TABLE payment (payment_session_id text, CONSTRAINT fk FOREIGN KEY (payment_session_id) REFERENCES payment_session (id))';",
    options: LOW,
  },
  {
    code: "const m = 'CREATE TABLE payment (payment_session_id text); ALTER TABLE payment ADD CONSTRAINT fk FOREIGN KEY (payment_session_id) REFERENCES s(id)';",
    options: LOW,
  },
  {
    code: "@Entity() class ApiKey { @Property({ columnType: 'text' }) token: string; @Property({ columnType: 'text' }) salt: string; }",
    options: MEDIUM,
  },
  {
    code: "const m = 'CREATE TABLE verification_token (identifier text, token text, expires timestamptz)';",
    options: MEDIUM,
  },
  {
    code: "export const customDomains = mysqlTable('custom_domains', { verificationToken: varchar('verification_token', { length: 64 }) });",
    options: MEDIUM,
  },
  // Payload: encrypted or hashed by the field's hooks, virtual, not a stored type, or not a Payload field list.
  "export const Users: CollectionConfig = { slug: 'users', fields: [{ name: 'apiKey', type: 'text', hooks: { beforeChange: [encryptKey], afterRead: [decryptKey] } }] };",
  {
    code: "export const Users: CollectionConfig = { slug: 'users', fields: [{ name: 'token', type: 'text', virtual: true }, { name: 'tokenExpiry', type: 'date' }] };",
    options: LOW,
  },
  { code: "const form = [{ name: 'password', type: 'password' }, { name: 'apiKey', type: 'text' }];", options: LOW },
  { code: "i18n.init({ apiKey: 'EN' });", options: LOW },
  { code: "export const keys = pgTable('keys', { privateKey: bytea('private_key') });", options: MEDIUM },
  // A masked display form.
  {
    code: "export const apps = pgTable('apps', { partialClientSecret: text('partial_client_secret') });",
    options: LOW,
  },
  {
    code: "const m = 'ALTER TABLE m ADD COLUMN total_tokens SimpleAggregateFunction(sum, Int64) AFTER total, ADD COLUMN passed_tokens UInt64 AFTER total_tokens';",
    options: LOW,
  },
  // Dropped or renamed later in the same text.
  { code: "const m = 'CREATE TABLE magic_links (token text); DROP TABLE magic_links;';", options: LOW },
  {
    code: "const m = 'CREATE TABLE d (session_key varchar(500)); ALTER TABLE d RENAME COLUMN session_key TO data_name';",
    options: LOW,
  },
  { code: "const m = 'CREATE TABLE d (api_key text); ALTER TABLE d DROP COLUMN IF EXISTS api_key';", options: LOW },
  // A row written with a raw value is no-plaintext-secret-write's finding, not a column declaration.
  'async function signUp(body: { password: string }) { await prisma.user.create({ data: { password: body.password } }); }',
];

ruleTester.run('no-plaintext-credential-column', rule, {
  valid: [
    ...DECLARATIONS_BELOW_HIGH,
    ...FACTS_VALID,
    // Drizzle: protected and metadata columns.
    "export const users = pgTable('users', { id: serial('id').primaryKey(), passwordHash: text('password_hash').notNull() });",
    "export const keys = pgTable('api_keys', { apiKeyCiphertext: bytea('api_key_ciphertext'), apiKeyNonce: bytea('api_key_nonce'), keyVersion: integer('key_version') });",
    "export const users = pgTable('users', { passwordResetAt: timestamp('password_reset_at'), email: text('email') });",
    "export const users = pgTable('users', { resetToken: timestamp('reset_token') });",
    "export const users = pgTable('users', { apiKey: encryptedText('api_key') });",
    // Either name saying hash protects the column.
    "export const users = pgTable('users', { passwordHash: text('password') });",
    // Not a table factory.
    "const form = makeForm('login', { password: text('password') });",
    // TypeORM / MikroORM.
    '@Entity() class User { @Column() passwordHash: string; @Column() email: string; }',
    '@Entity() class User { @Column({ transformer: encryptedTransformer }) apiToken: string; }',
    '@Entity() class User { @Column({ type: "varchar", transformer: new EncryptionTransformer(opts) }) apiToken: string; }',
    '@Entity() class User { @Column({ transformer: [trim, sealedValue] }) apiToken: string; }',
    '@Entity() class User { @Column() passwordChangedAt: Date; }',
    '@Entity() class User { @Column() resetTokenExpires: Date; }',
    '@Entity() class User { @Property({ type: EncryptedType }) apiKey!: string; }',
    '@Entity() class User { @Property({ persist: false }) password?: string; }',
    // @Property outside an entity is a schema decorator, not a column.
    'class LoginDto { @Property() password: string; }',
    // Sequelize: hashed by a setter; other libraries' init.
    "User.init({ password: { type: DataTypes.STRING, set(value) { this.setDataValue('password', bcrypt.hashSync(value, 10)); } } }, { sequelize });",
    "Sentry.init({ dsn: 'https://x@sentry.io/1' });",
    // A VIRTUAL attribute is not stored.
    'User.init({ password: { type: DataTypes.VIRTUAL }, passwordHash: DataTypes.STRING }, { sequelize });',
    // Hooks in the same file hash the value before it is stored.
    '@Entity() class User {\n  @Column() password: string;\n  @BeforeInsert() async hashPassword() { this.password = await bcrypt.hash(this.password, 12); }\n}',
    'User.init({ password: DataTypes.STRING }, { sequelize, hooks: { beforeSave: async (user) => { user.password = await argon2.hash(user.password); } } });',
    "sequelize.define('User', { apiToken: { type: DataTypes.STRING, set(v) { this.setDataValue('apiToken', encrypt(v)); } } });",
    "sequelize.define('User', { passwordDigest: DataTypes.STRING, email: DataTypes.STRING });",
    // Knex: index and constraint methods are not columns.
    "knex.schema.createTable('users', (t) => { t.unique('api_key'); t.index(['token']); t.string('password_hash'); });",
    "knex.schema.alterTable('users', (t) => { t.dropColumn('password'); t.renameColumn('password', 'password_hash'); });",
    // Kysely.
    "db.schema.createTable('users').addColumn('password_hash', 'text').addColumn('token_nonce', 'bytea').execute();",
    // SQL.
    'const sql = `CREATE TABLE users (id serial, password_hash text NOT NULL, api_key_ciphertext bytea, key_version int)`;',
    "db.exec('ALTER TABLE users ADD COLUMN password_reset_at timestamptz');",
    "const q = 'SELECT password FROM users';",
    "const ddl = 'CREATE TABLE t (ssn char(11) ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = k), api_key nvarchar(64) ENCRYPTED WITH (ENCRYPTION_TYPE = RANDOMIZED))';",
    '// CREATE TABLE users (password text)\nconst x = 1;',
    'const ddl = `CREATE TABLE ${name} (${column} text)`;',
    "await queryRunner.createTable(new Table({ name: 'users', columns: [{ name: 'password_hash', type: 'varchar' }, { name: 'token_expires_at', type: 'timestamp' }] }));",
    "await queryRunner.addColumn('users', new TableColumn({ name: 'api_key_ciphertext', type: 'bytea' }));",
    "const t = new Table({ name: 'x' });",
    "const s = new EntitySchema({ name: 'user', columns: { passwordHash: { type: String }, password: { type: String, transformer: encryptedTransformer } } });",
    "const userSchema = new Schema({ password: { type: String, required: true } });\nuserSchema.pre('save', async function () { this.password = await bcrypt.hash(this.password, 12); });",
    // A hook registered on the model itself, and a hash assigned where the model is unknown (file-wide).
    'class User extends Model {}\nUser.init({ password: DataTypes.STRING }, { sequelize });\nUser.beforeSave(async (user) => { user.password = await bcrypt.hash(user.password, 12); });',
    "export const users = pgTable('users', { password: text('password') });\nexport class UsersService {\n  async create(input: { password: string }) { input.password = await argon2.hash(input.password); }\n}",
    'const s = new Schema({ apiToken: { type: String, set: encryptValue }, tokenExpires: Date, credentials: { provider: String } });',
    'const s = new Schema({ resetTokenExpiresAt: Date, hasPassword: Boolean });',
  ],
  invalid: [
    ...[
      // Drizzle, pg-core / mysql-core / sqlite-core.
      {
        code: "export const users = pgTable('users', {\n  id: serial('id').primaryKey(),\n  password: text('password').notNull(),\n});",
        errors: [password(3, 3)],
      },
      {
        code: "export const users = pgTable('users', { apiKey: varchar('api_key', { length: 64 }).notNull().unique() });",
        errors: [credential(1, 41)],
      },
      {
        code: "export const users = mysqlTable('users', { apiToken: varchar('api_token', { length: 255 }) });",
        errors: [credential(1, 44)],
      },
      {
        code: "export const sessions = sqliteTable('sessions', { refreshToken: text('refresh_token') });",
        errors: [credential(1, 51)],
      },
      // Drizzle: the name is the key alone, or the database name alone.
      {
        code: "export const users = pgTable('users', { password: text() });",
        errors: [password(1, 41)],
      },
      {
        code: "export const users = pgTable('users', { secretValue: text('api_key') });",
        errors: [credential(1, 41)],
      },
      // Drizzle callback form and schemas.
      {
        code: "export const users = pgTable('users', (t) => ({ password: t.text() }));",
        errors: [password(1, 49)],
      },
      {
        code: "export const users = authSchema.table('users', { password: text('password') });",
        errors: [password(1, 50)],
      },
      // A binary column named like a secret may still be plaintext bytes: low (mostly ciphertext or a digest).
      {
        code: "export const keys = pgTable('keys', { privateKey: bytea('private_key') });",
        options: LOW,
        errors: [credential(1, 39)],
      },
      {
        code: "export const users = pgTable('users', { credentials: jsonb('credentials') });",
        errors: [credential(1, 41)],
      },
      // TypeORM.
      {
        code: '@Entity()\nclass User {\n  @Column()\n  password: string;\n}',
        errors: [password(4, 3)],
      },
      {
        code: "@Entity() class User { @Column({ type: 'varchar' }) apiToken: string; }",
        errors: [credential(1, 53)],
      },
      {
        code: "@Entity() class User { @Column({ name: 'api_key', select: false }) key: string; }",
        errors: [credential(1, 68)],
      },
      {
        code: "@Entity() class User { @Column('text') refreshToken: string; }",
        errors: [credential(1, 40)],
      },
      {
        code: '@Entity() class User { @Column({ transformer: lowercase }) apiToken: string; }',
        errors: [credential(1, 60)],
      },
      // A hook protects its own model only, not another model of the same file.
      {
        code: '@Entity() class User { @Column() password: string; }\n@Entity() class Admin {\n  @Column() password: string;\n  @BeforeInsert() async hash() { this.password = await bcrypt.hash(this.password, 12); }\n}',
        errors: [password(1, 34)],
      },
      {
        code: "const userSchema = new Schema({ password: String });\nconst adminSchema = new Schema({ password: String });\nadminSchema.pre('save', async function () { this.password = await argon2.hash(this.password); });",
        errors: [password(1, 33)],
      },
      {
        code: "const User = sequelize.define('User', { password: DataTypes.STRING });\nconst Member = sequelize.define('Member', { password: DataTypes.STRING }, { hooks: { beforeSave: async (m) => { m.password = await bcrypt.hash(m.password, 12); } } });",
        errors: [password(1, 41)],
      },
      {
        code: 'class User extends Model {}\nUser.init({ password: DataTypes.STRING }, { sequelize });\nclass Member extends Model {}\nMember.init({ password: DataTypes.STRING }, { sequelize });\nMember.beforeSave(async (member) => { member.password = await bcrypt.hash(member.password, 12); });',
        errors: [password(2, 13)],
      },
      {
        code: "const User = sequelize.define('User', { password: DataTypes.STRING });\nconst Operator = sequelize.define('Operator', { password: { type: DataTypes.STRING, set(v) { this.setDataValue('password', bcrypt.hashSync(v, 12)); } } });",
        errors: [password(1, 41)],
      },
      // A hook that does not hash protects nothing.
      {
        code: '@Entity() class User {\n  @Column() password: string;\n  @BeforeInsert() normalize() { this.password = this.password.trim(); }\n}',
        errors: [password(2, 13)],
      },
      // TypeORM without @Entity (embedded) still counts.
      {
        code: 'class Credentials { @Column() clientSecret: string; }',
        errors: [credential(1, 31)],
      },
      // MikroORM.
      {
        code: '@Entity() class User { @Property() password!: string; }',
        errors: [password(1, 36)],
      },
      {
        code: "@Entity() class User { @Property({ fieldName: 'api_key', hidden: true }) apiKey!: string; }",
        errors: [credential(1, 74)],
      },
      // sequelize-typescript.
      {
        code: '@Table class User extends Model { @Column(DataType.STRING) password!: string; }',
        errors: [password(1, 60)],
      },
      // Sequelize define / init / migrations.
      {
        code: "sequelize.define('User', { email: DataTypes.STRING, password: DataTypes.STRING });",
        errors: [password(1, 53)],
      },
      {
        code: "User.init({ apiKey: { type: DataTypes.STRING(64), allowNull: false } }, { sequelize, tableName: 'users' });",
        errors: [credential(1, 13)],
      },
      {
        code: "User.init({ token: { type: Sequelize.TEXT, field: 'auth_token' } }, { sequelize });",
        errors: [credential(1, 13)],
      },
      {
        code: "User.init({ password: { type: DataTypes.STRING, set(value) { this.setDataValue('password', value.trim()); } } }, { sequelize });",
        errors: [password(1, 13)],
      },
      {
        code: "await queryInterface.createTable('users', { password: { type: Sequelize.STRING } });",
        errors: [password(1, 45)],
      },
      {
        code: "await queryInterface.addColumn('users', 'api_token', Sequelize.STRING);",
        errors: [credential(1, 41)],
      },
      // Knex.
      {
        code: "knex.schema.createTable('users', (table) => {\n  table.increments('id');\n  table.string('password');\n});",
        errors: [password(3, 16)],
      },
      {
        code: "knex.schema.alterTable('users', function (t) { t.text('api_key').notNullable(); });",
        errors: [credential(1, 55)],
      },
      {
        code: "knex.schema.table('users', (t) => t.specificType('api_token', 'citext'));",
        errors: [credential(1, 50)],
      },
      {
        code: "knex.schema.createTableIfNotExists('users', (t) => { t.string('token', 64); t.boolean('token_revoked'); t.timestamp('token'); });",
        errors: [credential(1, 63)],
      },
      // TypeORM migrations.
      {
        code: "await queryRunner.createTable(new Table({ name: 'users', columns: [{ name: 'id', type: 'int' }, { name: 'password', type: 'varchar' }] }));",
        errors: [password(1, 105)],
      },
      {
        code: "await queryRunner.addColumn('users', new TableColumn({ name: 'api_token', type: 'text' }));",
        errors: [credential(1, 62)],
      },
      {
        code: "await queryRunner.addColumns('users', [new TableColumn({ name: 'token', type: 'varchar', isNullable: true })]);",
        errors: [credential(1, 64)],
      },
      // EntitySchema (TypeORM, MikroORM) and Mongoose.
      {
        code: "export const UserSchema = new EntitySchema({ name: 'user', columns: { id: { type: Number, primary: true }, password: { type: String } } });",
        errors: [password(1, 108)],
      },
      {
        code: "export const User = new EntitySchema({ name: 'User', tableName: 'users', properties: { apiKey: { type: 'string', fieldName: 'api_key' } } });",
        errors: [credential(1, 88)],
      },
      {
        code: 'const userSchema = new mongoose.Schema({ email: { type: String, required: true }, password: String });',
        errors: [password(1, 83)],
      },
      {
        code: 'const integration = new Schema({ provider: String, accessToken: { type: String, select: false } });',
        errors: [credential(1, 52)],
      },
      // Kysely.
      {
        code: "await db.schema.createTable('users').addColumn('id', 'serial').addColumn('password', 'text').execute();",
        errors: [password(1, 74)],
      },
      {
        code: "await db.schema.alterTable('users').addColumn('api_key', sql`bytea`).execute();",
        options: LOW,
        errors: [credential(1, 47)],
      },
      // SQL in strings and templates.
      {
        code: "await db.query('CREATE TABLE users (id serial, password text)');",
        errors: [{ ...password(1, 48), endColumn: 56 }],
      },
      {
        code: 'await db.query(`\n  CREATE TABLE IF NOT EXISTS "users" (\n    id serial PRIMARY KEY,\n    "api_key" varchar(64) NOT NULL,\n    CONSTRAINT u UNIQUE (api_key)\n  )\n`);',
        errors: [{ ...credential(4, 5), endColumn: 14 }],
      },
      {
        code: 'await sql`ALTER TABLE users ADD COLUMN IF NOT EXISTS api_token varchar(64)`;',
        errors: [{ ...credential(1, 54), endColumn: 63 }],
      },
      {
        code: 'await sql`CREATE TABLE ${tableName} (id int, password text, created_at ${type})`;',
        errors: [{ ...password(1, 46), endColumn: 54 }],
      },
      {
        code: "const m = 'CREATE TABLE auth.users (\\n  password varchar(255)\\n);\\nCREATE TABLE keys (secret_key text)';",
        errors: [
          { ...password(1, 41), endColumn: 49 },
          { ...credential(1, 87), endColumn: 97 },
        ],
      },
      // Settings: extra secret words.
      {
        code: "export const users = pgTable('users', { frobnicator: text('frobnicator') });",
        settings: { 'secret-hygiene': { extraSecretWords: ['frobnicator'] } },
        errors: [credential(1, 41)],
      },
      // Several in one table.
      {
        code: "export const users = pgTable('users', { password: text('password'), apiKey: text('api_key'), email: text('email') });",
        errors: [password(1, 41), credential(1, 69)],
      },
    ].map(inStrict),
    ...COLUMN_FACTS_INVALID,
  ],
});

// Column names kept in constants and types written as strings (issue 13, misses on real code): strict.
ruleTester.run('no-plaintext-credential-column: names from constants, string types', rule, {
  valid: [
    {
      code: "const Columns = { DISPLAY_NAME: 'display_name' } as const;\nexport const users = pgTable('users', { name: text(Columns.DISPLAY_NAME) });",
      options: MEDIUM,
    },
    { code: "sequelize.define('Key', { secretHash: { type: 'CHAR(64)' } });", options: MEDIUM },
  ],
  invalid: [
    inStrict({
      code: "const COL_API_KEY = 'api_key';\nexport const keys = pgTable('keys', { key: text(COL_API_KEY) });",
      errors: [credential(2, 39)],
    }),
    inStrict({
      code: "const Columns = { PASSWORD: 'password' } as const;\nexport const users = pgTable('users', { pw: varchar(Columns.PASSWORD, { length: 255 }) });",
      errors: [password(2, 41)],
    }),
    inStrict({
      code: "sequelize.define('Integration', { clientSecret: { type: 'TEXT' }, webhookSecret: 'VARCHAR(255)' });",
      errors: [credential(1, 35), credential(1, 67)],
    }),
  ],
});
