import { boolean, integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { Knex } from 'knex';

export const apiKeys = pgTable('api_keys', {
  id: serial('id').primaryKey(),
  apiKeyName: text('api_key_name').notNull(),
  apiKeyLastUsedAt: timestamp('api_key_last_used_at'),
  tokenCount: integer('token_count').default(0),
  isTokenRevoked: boolean('is_token_revoked').default(false),
  tokenHint: varchar('token_hint', { length: 4 }),
  keyFingerprint: varchar('key_fingerprint', { length: 64 }),
  publicKey: text('public_key'),
  passwordAlgo: varchar('password_algo', { length: 16 }),
  passwordExpiresAt: timestamp('password_expires_at'),
  accessTokenScope: text('access_token_scope'),
  refreshTokenExpiresAt: timestamp('refresh_token_expires_at'),
  signingSecret: text('signing_secret'), // expect-strict: no-plaintext-credential-column
});

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_tokens', (t) => {
    t.increments('id');
    t.string('token_type', 16);
    t.timestamp('token_created_at');
    t.string('token_sha256', 64).unique();
    t.string('token', 64).unique(); // expect-strict: no-plaintext-credential-column
  });
}
