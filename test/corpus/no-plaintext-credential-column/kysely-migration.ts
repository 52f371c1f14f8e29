import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('connections')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('connection_string', 'text') // expect-strict: no-plaintext-credential-column
    .addColumn('db_password', 'varchar(255)') // expect-strict: no-plaintext-credential-column
    .addColumn('password_updated_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.defaultTo(sql`now()`).notNull())
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('recovery_codes', 'text') // expect-strict: no-plaintext-credential-column
    .addColumn('recovery_codes_hash', 'text')
    .addColumn('mfa_enabled', 'boolean', (col) => col.defaultTo(false))
    .execute();

  await db.schema.alterTable('bots').addColumn('bot_token', 'text').execute(); // expect-strict: no-plaintext-credential-column
  await db.schema.alterTable('bots').addColumn('bot_token_sha256', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('connections').execute();
}
