import { describe, expect, it } from 'vitest';
import { supersededColumnDeclarations, type SchemaSource } from '@secret-hygiene/checks/internal';

const sql = (path: string, ...lines: string[]): SchemaSource => ({ path, kind: 'sql', text: lines.join('\n') });

describe('supersededColumnDeclarations', () => {
  it('replays migrations of one directory in path order: dropped and renamed columns are gone, re-added ones stand', () => {
    const result = supersededColumnDeclarations([
      sql(
        'db/migrations/02_drop/migration.sql',
        'ALTER TABLE "t" DROP COLUMN "reset_token";',
        'DROP TABLE "magic_links";',
      ),
      sql(
        'db/migrations/01_init/migration.sql',
        'CREATE TABLE "t" (',
        '  "reset_token" TEXT,',
        '  "api_key" TEXT',
        ');',
        'CREATE TABLE "magic_links" ("token" TEXT);',
      ),
      sql(
        'db/migrations/03_rename/migration.sql',
        'ALTER TABLE t RENAME COLUMN api_key TO key_name;',
        'ALTER TABLE t ADD COLUMN reset_token text;',
      ),
    ]);
    expect([...result].sort()).toEqual([
      'db/migrations/01_init/migration.sql:2:3',
      'db/migrations/01_init/migration.sql:3:3',
      'db/migrations/01_init/migration.sql:5:29',
    ]);
  });

  it('keeps a column at its last migration, and at the schema when a schema declares it', () => {
    const prisma: SchemaSource = {
      path: 'prisma/schema.prisma',
      kind: 'prisma',
      text: 'model User {\n  id Int @id\n  password String\n  @@map("users")\n}',
    };
    const result = supersededColumnDeclarations([
      prisma,
      sql('prisma/migrations/01/migration.sql', 'CREATE TABLE users (id int, password text, secret text);'),
      sql(
        'prisma/migrations/02/migration.sql',
        'ALTER TABLE users DROP COLUMN secret;',
        'ALTER TABLE users ADD COLUMN secret text;',
      ),
      sql('schema.sql', 'CREATE TABLE keys (api_key text);'),
      sql('drizzle/0000_init.sql', 'CREATE TABLE keys (api_key text);'),
    ]);
    // `id` and `password` are in the schema, `secret` was declared again by 02.
    expect([...result].sort()).toEqual([
      'drizzle/0000_init.sql:1:20',
      'prisma/migrations/01/migration.sql:1:21',
      'prisma/migrations/01/migration.sql:1:29',
      'prisma/migrations/01/migration.sql:1:44',
    ]);
  });

  it('judges a column retyped by a later migration at the migration that retyped it', () => {
    const result = supersededColumnDeclarations([
      sql('migrations/0001_init.sql', 'CREATE TABLE accounts (id int, refresh_token text);'),
      sql('migrations/0002_encrypt.sql', 'ALTER TABLE accounts ALTER COLUMN refresh_token TYPE bytea;'),
    ]);
    expect([...result].sort()).toEqual(['migrations/0001_init.sql:1:32']);
  });

  it('ignores down migrations and unreadable text', () => {
    const result = supersededColumnDeclarations([
      sql('hasura/migrations/1_init/up.sql', 'CREATE TABLE s (session_token text);'),
      sql('hasura/migrations/1_init/down.sql', 'DROP TABLE s;'),
      sql('migrations/2_broken.sql', 'CREATE TABLE ((( "'),
    ]);
    expect([...result]).toEqual([]);
  });
});
