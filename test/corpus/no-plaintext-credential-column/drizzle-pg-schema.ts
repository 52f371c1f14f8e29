import { boolean, customType, integer, pgTable, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: varchar('email', { length: 320 }).notNull().unique(),
  password: text('password').notNull(), // expect-strict: no-plaintext-credential-column
  passwordHash: text('password_hash'),
  passwordUpdatedAt: timestamp('password_updated_at', { withTimezone: true }),
  mustChangePassword: boolean('must_change_password').default(false),
  createdAt: timestamp('created_at').defaultNow().notNull(),
});

export const apiKeys = pgTable('api_keys', {
  id: serial('id').primaryKey(),
  userId: uuid('user_id').references(() => users.id),
  key: varchar('api_key', { length: 64 }).notNull().unique(), // expect-strict: no-plaintext-credential-column
  keyPrefix: varchar('key_prefix', { length: 8 }).notNull(),
  keyHash: text('key_hash').notNull(),
  lastUsedAt: timestamp('last_used_at'),
});

export const oauthAccounts = pgTable('oauth_accounts', {
  id: serial('id').primaryKey(),
  provider: text('provider').notNull(),
  providerAccountId: text('provider_account_id').notNull(),
  accessToken: text('access_token'), // expect-strict: no-plaintext-credential-column
  refreshToken: text('refresh_token'), // expect-strict: no-plaintext-credential-column
  tokenType: text('token_type'),
  scope: text('scope'),
  expiresAt: integer('expires_at'),
  idTokenCiphertext: bytea('id_token_ciphertext'),
  idTokenNonce: bytea('id_token_nonce'),
  keyVersion: integer('key_version').notNull().default(1),
});

export const sessions = pgTable('sessions', (t) => ({
  id: t.text('id').primaryKey(),
  sessionToken: t.text('session_token').notNull().unique(), // expect-strict: no-plaintext-credential-column
  userId: t.uuid('user_id').notNull(),
  expires: t.timestamp('expires', { mode: 'date' }).notNull(),
}));

export const passwordResets = pgTable('password_resets', {
  id: serial('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  tokenExpiresAt: timestamp('token_expires_at').notNull(),
  usedAt: timestamp('used_at'),
});
