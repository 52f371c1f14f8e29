import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';

export async function migrate(pool: Pool): Promise<void> {
  await pool.query('CREATE TABLE IF NOT EXISTS api_credentials (id serial PRIMARY KEY, owner_id int NOT NULL, secret_key text NOT NULL)'); // expect-strict: no-plaintext-credential-column
  await pool.query(`ALTER TABLE users ADD COLUMN reset_token text`); // expect-strict: no-plaintext-credential-column
  await pool.query(`ALTER TABLE users ADD COLUMN reset_token_hash text, ADD COLUMN reset_token_expires_at timestamptz`);
  await pool.query(`CREATE TABLE audit_log (id bigserial PRIMARY KEY, actor text, action text, token_id uuid)`);
  await pool.query(`ALTER TABLE users ADD COLUMN password_changed_at timestamptz`);
  await pool.query('SELECT id, password_hash FROM users WHERE email = $1', ['a@example.com']);
  await pool.query(`UPDATE users SET password_hash = $1 WHERE id = $2`, ['x', 1]);
}

export const createSessions = sql`CREATE TABLE sessions (sid varchar(64) PRIMARY KEY, session_token text NOT NULL, expires_at timestamptz)`; // expect-strict: no-plaintext-credential-column

export const createKeys = sql`CREATE TABLE signing_keys (kid text PRIMARY KEY, private_key_ciphertext bytea NOT NULL, private_key_nonce bytea NOT NULL, key_version int NOT NULL)`;

export const addMsSql = `ALTER TABLE dbo.Customers ADD SSN_Token nvarchar(64) ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = CEK1, ENCRYPTION_TYPE = Deterministic, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256')`;

export const createLegacy = 'CREATE TABLE legacy_users (id int, username varchar(50), passwd varchar(50))'; // expect-strict: no-plaintext-credential-column
