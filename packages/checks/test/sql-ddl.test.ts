import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  credentialColumnVerdict,
  ddlColumnVerdict,
  readDdlColumns,
  readDdlSchema,
} from '@secret-hygiene/checks/internal';

const names = (sql: string) =>
  readDdlColumns(sql).map((c) => `${c.schema ? `${c.schema}.` : ''}${c.table}.${c.column}:${c.type}`);

describe('readDdlColumns', () => {
  it('reads a CREATE TABLE column list with offsets of the names', () => {
    const sql = 'CREATE TABLE users (id serial PRIMARY KEY, password text NOT NULL)';
    const columns = readDdlColumns(sql);
    expect(columns.map((c) => [c.table, c.column, c.type, c.constraints, c.statement])).toEqual([
      ['users', 'id', 'serial', 'PRIMARY KEY', 'create'],
      ['users', 'password', 'text', 'NOT NULL', 'create'],
    ]);
    expect(sql.slice(columns[1]!.start, columns[1]!.end)).toBe('password');
  });

  it('handles quoted identifiers, schemas and IF NOT EXISTS', () => {
    const sql =
      'create table if not exists "auth"."user accounts" ("Api""Key" varchar(64), `token` text, [secret] nvarchar(max))';
    expect(names(sql)).toEqual([
      'auth.user accounts.Api"Key:varchar(64)',
      'auth.user accounts.token:text',
      'auth.user accounts.secret:nvarchar(max)',
    ]);
    const first = readDdlColumns(sql)[0]!;
    expect(sql.slice(first.start, first.end)).toBe('"Api""Key"');
  });

  it('keeps multi-word and array types whole, and stops at constraints', () => {
    expect(
      names(
        "CREATE TABLE t (a character varying ( 255 ) DEFAULT '', b timestamp with time zone, c text[] NOT NULL, d double precision)",
      ),
    ).toEqual(['t.a:character varying(255)', 't.b:timestamp with time zone', 't.c:text[]', 't.d:double precision']);
    expect(names('CREATE TABLE t (a varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, b)')).toEqual([
      't.a:varchar(64)',
      't.b:',
    ]);
  });

  it('skips table constraints but not columns named like keywords', () => {
    const sql = `CREATE TABLE t (
      id int,
      CONSTRAINT pk PRIMARY KEY (id),
      UNIQUE (api_key),
      FOREIGN KEY (token) REFERENCES x(id),
      CHECK (length(password) > 8),
      KEY idx_token (token),
      INDEX (secret),
      key varchar(255)
    )`;
    expect(names(sql)).toEqual(['t.id:int', 't.key:varchar(255)']);
  });

  it('ignores comments and strings, and splits statements', () => {
    const sql = `-- CREATE TABLE fake (password text);
      /* CREATE TABLE nope (token text); /* nested */ still comment */
      INSERT INTO t VALUES ('CREATE TABLE x (secret text)');
      CREATE TABLE a (x text DEFAULT 'a,b', y text); CREATE TABLE b (z text)`;
    expect(names(sql)).toEqual(['a.x:text', 'a.y:text', 'b.z:text']);
  });

  it('skips dollar-quoted bodies', () => {
    expect(
      names(
        'CREATE FUNCTION f() RETURNS void AS $body$ CREATE TABLE x (password text); $body$ LANGUAGE sql; CREATE TABLE y (token text)',
      ),
    ).toEqual(['y.token:text']);
  });

  it('reads ALTER TABLE ... ADD [COLUMN] [IF NOT EXISTS] and several actions', () => {
    const sql =
      'ALTER TABLE IF EXISTS ONLY public.users ADD COLUMN IF NOT EXISTS api_token varchar(64), ADD reset_token text, ADD CONSTRAINT u UNIQUE (api_token), DROP COLUMN x';
    expect(names(sql)).toEqual(['public.users.api_token:varchar(64)', 'public.users.reset_token:text']);
    expect(readDdlColumns(sql).every((c) => c.statement === 'alter')).toBe(true);
    expect(names('ALTER TABLE users ADD (a text, b int)')).toEqual(['users.a:text', 'users.b:int']);
  });

  it('ignores other statements and CREATE TABLE ... AS', () => {
    expect(
      names(
        'CREATE TABLE copy AS SELECT password FROM users; CREATE INDEX i ON users (token); ALTER TABLE users RENAME COLUMN a TO b; DROP TABLE x',
      ),
    ).toEqual([]);
    expect(names('CREATE TEMPORARY TABLE t (password text)')).toEqual(['t.password:text']);
    expect(names('CREATE OR REPLACE VIEW v AS SELECT 1')).toEqual([]);
  });

  it('never throws and keeps offsets inside the text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'CREATE TABLE ALTER ADD COLUMN ( ) , ; \' " ` [ ] $ - / * \n x y'.split(' ')),
          maxLength: 60,
        }),
        (sql) => {
          for (const c of readDdlColumns(sql)) {
            expect(c.start).toBeGreaterThanOrEqual(0);
            expect(c.end).toBeLessThanOrEqual(sql.length);
            expect(c.start).toBeLessThan(c.end);
          }
        },
      ),
    );
  });
});

describe('credentialColumnVerdict', () => {
  it.each([
    ['password', 'text', 'plaintext'],
    ['api_key', 'varchar(64)', 'plaintext'],
    ['apiToken', undefined, 'plaintext'],
    ['password', 'bytea', 'plaintext'],
    ['password_hash', 'text', 'protected'],
    ['apiKeyCiphertext', 'bytea', 'protected'],
    ['token_nonce', 'bytea', 'protected'],
    ['key_version', 'int', 'none'],
    ['password_reset_at', 'timestamp', 'metadata'],
    ['reset_token', 'timestamp with time zone', 'metadata'],
    ['api_token', 'boolean', 'metadata'],
    ['api_token', 'integer', 'metadata'],
    ['password', 'integer', 'plaintext'],
    ['email', 'text', 'none'],
    ['passwordDigest', 'text', 'protected'],
    ['encrypted_token', 'text', 'protected'],
    ['secret_iv', 'bytea', 'protected'],
    ['api_key_id', 'uuid', 'metadata'],
    ['token_expires_at', 'timestamptz', 'metadata'],
    ['refresh_token', 'String', 'plaintext'],
    ['otp', 'Int', 'plaintext'],
  ])('%s %s is %s', (name, type, verdict) => {
    expect(credentialColumnVerdict(name, type).verdict).toBe(verdict);
  });

  it('lets a protected or metadata name win over a secret one', () => {
    expect(credentialColumnVerdict(['passwordHash', 'password'], 'text').verdict).toBe('protected');
    expect(credentialColumnVerdict(['apiKey', 'api_key'], 'text')).toMatchObject({
      verdict: 'plaintext',
      name: 'apiKey',
    });
    expect(credentialColumnVerdict(['', 'token'], 'String').verdict).toBe('plaintext');
  });

  it('uses the classifier options', () => {
    expect(credentialColumnVerdict('frobnicator', 'text').verdict).toBe('none');
    expect(credentialColumnVerdict('frobnicator', 'text', { extraSecretWords: ['frobnicator'] }).verdict).toBe(
      'plaintext',
    );
    expect(credentialColumnVerdict('password', 'text', { ignoredNames: ['password'] }).verdict).toBe('none');
  });
});

describe('ddlColumnVerdict', () => {
  it('treats Always Encrypted columns as protected and others like credentialColumnVerdict', () => {
    const [encrypted, plain, hashed] = readDdlColumns(
      'CREATE TABLE t (api_key nvarchar(64) ENCRYPTED WITH (ENCRYPTION_TYPE = RANDOMIZED), api_token text NOT NULL, password_hash text)',
    );
    expect(ddlColumnVerdict(encrypted!).verdict).toBe('protected');
    expect(ddlColumnVerdict(plain!).verdict).toBe('plaintext');
    expect(ddlColumnVerdict(hashed!).verdict).toBe('protected');
  });
});

describe('readDdlSchema', () => {
  it('replays drops and renames of the same text, and marks foreign keys', () => {
    const sql = [
      'CREATE TABLE a (token text, x int, owner_token text REFERENCES o(id));',
      'CREATE TABLE b (secret text);',
      'ALTER TABLE a DROP COLUMN token;',
      'ALTER TABLE a RENAME COLUMN x TO y;',
      'ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY ("owner_token") REFERENCES o (id);',
      'DROP TABLE IF EXISTS b;',
      'CREATE TABLE b (secret text);',
      'ALTER TABLE a ADD COLUMN token text;',
    ].join('\n');
    expect(readDdlSchema(sql).map((c) => `${c.table}.${c.column}${c.foreignKey ? ' fk' : ''}`)).toEqual([
      'a.owner_token fk',
      'b.secret',
      'a.token',
    ]);
  });

  it('reads a type changed in place as the column declared again, by its new type', () => {
    const sql = [
      'CREATE TABLE a (api_key text, refresh_token text, secret text, token text);',
      'ALTER TABLE a ALTER COLUMN api_key SET DATA TYPE bytea USING api_key::bytea;',
      'ALTER TABLE "a" ALTER "refresh_token" TYPE varchar(2048), ALTER COLUMN token SET DEFAULT \'\';',
      'ALTER TABLE a MODIFY COLUMN secret varbinary(512) NOT NULL;',
      'ALTER TABLE a CHANGE token token_hash char(64);',
    ].join('\n');
    expect(readDdlSchema(sql).map((c) => `${c.table}.${c.column}:${c.type}`)).toEqual([
      'a.api_key:bytea',
      'a.refresh_token:varchar(2048)',
      'a.secret:varbinary(512)',
      'a.token_hash:char(64)',
    ]);
  });

  it('keeps ALTER TABLE ... DROP CONSTRAINT / INDEX from dropping a column', () => {
    const sql =
      'CREATE TABLE a (api_key text); ALTER TABLE a DROP CONSTRAINT api_key; ALTER TABLE a DROP INDEX api_key;';
    expect(readDdlSchema(sql).map((c) => c.column)).toEqual(['api_key']);
  });
});

describe('credentialColumnVerdict: confidence and column facts', () => {
  it.each([
    ['password', 'text', {}, 'plaintext', 'medium'],
    ['session_id', 'varchar(64)', {}, 'plaintext', 'low'],
    ['session_token', 'uuid', {}, 'plaintext', 'low'],
    ['token', 'text', { table: 'acme_challenges' }, 'plaintext', 'low'],
    ['token', 'text', { siblings: ['token', 'salt'] }, 'plaintext', 'low'],
    ['token', 'text', { table: 'VerificationToken' }, 'plaintext', 'low'],
    ['value', 'text', { table: 'personal_access_tokens' }, 'plaintext', 'medium'],
    ['value', 'text', { table: 'settings' }, 'none', undefined],
    ['payment_session_id', 'text', { foreignKey: true }, 'none', undefined],
    ['partialClientSecret', 'text', {}, 'metadata', undefined],
    ['passed_tokens', 'SimpleAggregateFunction(sum, Int64) AFTER total', {}, 'metadata', undefined],
    ['tokens', 'Nullable(UInt64)', {}, 'metadata', undefined],
    ['api_key', 'Nullable(String)', {}, 'plaintext', 'medium'],
    ['data_key', 'varchar(500)', { siblings: ['data_key', 'string_value', 'number_value'] }, 'none', undefined],
    ['api_key', 'text', { siblings: ['api_key', 'value'] }, 'plaintext', 'medium'],
  ] as const)('%s %s %o -> %s %s', (name, type, facts, verdict, confidence) => {
    const result = credentialColumnVerdict(name, type, {}, facts);
    expect(result.verdict).toBe(verdict);
    expect(result.confidence).toBe(confidence);
  });
});
