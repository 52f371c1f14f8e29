import { int, mysqlTable, varchar, datetime, boolean as mysqlBoolean } from 'drizzle-orm/mysql-core';
import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const merchants = mysqlTable('merchants', {
  id: int('id').primaryKey().autoincrement(),
  name: varchar('name', { length: 200 }).notNull(),
  stripeSecretKey: varchar('stripe_secret_key', { length: 128 }), // expect-strict: no-plaintext-credential-column
  stripeAccountId: varchar('stripe_account_id', { length: 64 }),
  webhookSecret: varchar('webhook_secret', { length: 128 }), // expect-strict: no-plaintext-credential-column
  webhookSecretRotatedAt: datetime('webhook_secret_rotated_at'),
  hasApiAccess: mysqlBoolean('has_api_access').default(false),
});

export const devices = sqliteTable('devices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull(),
  pushToken: text('push_token'), // expect-strict: no-plaintext-credential-column
  pairingCode: text('pairing_code'),
  privateKey: blob('private_key', { mode: 'buffer' }), // expect-strict: no-plaintext-credential-column
  publicKey: blob('public_key', { mode: 'buffer' }),
  privateKeyCiphertext: blob('private_key_ciphertext', { mode: 'buffer' }),
});

export const smtpSettings = sqliteTable('smtp_settings', {
  id: integer('id').primaryKey(),
  host: text('host').notNull(),
  username: text('username').notNull(),
  smtpPassword: text('smtp_password'), // expect-strict: no-plaintext-credential-column
  passwordSalt: text('password_salt'),
  tokenCount: integer('token_count').default(0),
});
