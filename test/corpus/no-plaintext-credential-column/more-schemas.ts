import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonb, pgTable, serial, text, boolean, timestamp, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

@Entity('service_accounts')
export class ServiceAccount {
  @PrimaryColumn() id!: string;
  @Column('text') apiSecret!: string; // expect-strict: no-plaintext-credential-column
  @Column({ select: false }) password!: string; // expect-strict: no-plaintext-credential-column
  @Column({ type: 'varchar', name: 'secret_question' }) secretQuestion!: string;
  @Column({ type: 'varchar', name: 'secret_answer' }) secretAnswer!: string; // expect-strict: no-plaintext-credential-column
  @Column({ type: 'boolean', name: 'password_reset_required', default: false }) passwordResetRequired!: boolean;
}

export const connectors = pgTable('connectors', {
  id: serial('id').primaryKey(),
  kind: varchar('kind', { length: 32 }).notNull(),
  credentials: jsonb('credentials').notNull(), // expect-strict: no-plaintext-credential-column
  oauthTokens: jsonb('oauth_tokens'), // expect-strict: no-plaintext-credential-column
  passwordPlain: text('password_plain'), // expect-strict: no-plaintext-credential-column
  tokenType: varchar('token_type', { length: 16 }),
  apiKeyId: varchar('api_key_id', { length: 32 }),
  lastPasswordChange: timestamp('last_password_change'),
  secretRotationEnabled: boolean('secret_rotation_enabled').default(false),
});

export const createVault = sql`
  CREATE TABLE vault_entries (
    id uuid PRIMARY KEY,
    "label" text NOT NULL,
    "Password" VARCHAR(255) NOT NULL -- expect-strict: no-plaintext-credential-column
  )
`;

export const createAudit = sql`
  CREATE TABLE auth_events (
    id bigserial PRIMARY KEY,
    token_id uuid,
    password_changed boolean DEFAULT false,
    created_at timestamptz DEFAULT now()
  )
`;
