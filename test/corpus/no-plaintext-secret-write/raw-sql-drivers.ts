// Raw SQL through node-postgres, mysql2 and postgres.js.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import mysql from 'mysql2/promise';
import { Pool } from 'pg';
import postgres from 'postgres';

const pool = new Pool();
const sql = postgres();
const conn = await mysql.createConnection({ uri: process.env.DATABASE_URL });

export async function createApiKey(userId: string) {
  const apiKey = `sk_${randomBytes(24).toString('hex')}`;
  await pool.query('INSERT INTO api_keys (user_id, api_key, created_at) VALUES ($1, $2, now())', [userId, apiKey]); // expect: no-plaintext-secret-write
  return apiKey;
}

export async function signup(req: Request, res: Response) {
  const { email, password } = req.body;
  await pool.query({
    text: 'INSERT INTO users (email, password) VALUES ($1, $2) RETURNING id',
    values: [email, password], // expect: no-plaintext-secret-write
  });
  res.status(201).end();
}

export async function rotateMysqlToken(userId: number) {
  const accessToken = randomBytes(32).toString('hex');
  await conn.execute('UPDATE users SET access_token = ?, token_rotated_at = NOW() WHERE id = ?', [accessToken, userId]); // expect: no-plaintext-secret-write
  return accessToken;
}

export async function storeSessionPg(userId: string) {
  const sessionToken = randomBytes(32).toString('base64url');
  await sql`INSERT INTO sessions (user_id, session_token) VALUES (${userId}, ${sessionToken})`; // expect: no-plaintext-secret-write
  return sessionToken;
}

export async function updateWebhookSecret(id: string) {
  const webhookSecret = randomBytes(24).toString('hex');
  await sql`UPDATE webhooks SET webhook_secret = ${webhookSecret} WHERE id = ${id}`; // expect: no-plaintext-secret-write
  return webhookSecret;
}

// Look-alikes.

export async function signupPgcrypto(req: Request, res: Response) {
  const { email, password } = req.body;
  await pool.query("INSERT INTO users (email, password) VALUES ($1, crypt($2, gen_salt('bf', 12)))", [email, password]);
  res.status(201).end();
}

export async function createApiKeyDigest(userId: string) {
  const apiKey = `sk_${randomBytes(24).toString('hex')}`;
  await pool.query("INSERT INTO api_keys (user_id, key_digest) VALUES ($1, encode(digest($2, 'sha256'), 'hex'))", [userId, apiKey]);
  return apiKey;
}

export async function findSession(sessionToken: string) {
  const { rows } = await pool.query('SELECT user_id FROM sessions WHERE session_token = $1', [sessionToken]);
  return rows[0];
}

export async function deleteToken(accessToken: string) {
  await conn.execute('DELETE FROM tokens WHERE access_token = ?', [accessToken]);
}

export async function touch(userId: string) {
  await sql`UPDATE users SET last_seen_at = now() WHERE id = ${userId}`;
}
