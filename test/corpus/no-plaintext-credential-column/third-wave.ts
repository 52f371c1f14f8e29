import type { Knex } from 'knex';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { mysqlTable, serial, varchar } from 'drizzle-orm/mysql-core';

export const legacyUsers = mysqlTable('legacy_users', {
  id: serial('id').primaryKey(),
  pwd: varchar('pwd', { length: 255 }), // expect-strict: no-plaintext-credential-column
  pwdHash: varchar('pwd_hash', { length: 255 }),
});

@Entity()
export class Account {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 255, select: false, nullable: true }) twoFactorSecret?: string; // expect-strict: no-plaintext-credential-column
  @Column({ nullable: true }) googleRefreshToken?: string; // expect-strict: no-plaintext-credential-column
  @Column() passwordHash!: string;
  @Column() apiKeyPrefix!: string;
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.string('totp_secret'); // expect-strict: no-plaintext-credential-column
    t.string('secret_key_id');
  });
  await knex.raw('CREATE TABLE oauth_clients (client_id text PRIMARY KEY, client_secret text NOT NULL)'); // expect-strict: no-plaintext-credential-column
  await knex.raw('ALTER TABLE users RENAME COLUMN password TO password_hash');
  await knex.raw('ALTER TABLE users DROP COLUMN password');
  await knex.raw('SELECT password_hash FROM users WHERE id = ?', [1]);
  await knex.raw('CREATE INDEX users_api_key_prefix_idx ON users (api_key_prefix)');
}
