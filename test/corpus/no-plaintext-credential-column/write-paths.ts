// Rows written to the database: a password as it came in, an API key as it was generated.
// These are the high-confidence findings; the column declarations elsewhere are medium (strict).
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { nanoid } from 'nanoid';

declare const prisma: any;
declare const db: any;
declare const knex: any;
declare const users: unknown;
declare const apiKeys: unknown;
declare function sha256(value: string): string;

export async function register(body: { email: string; password: string }) {
  return prisma.user.create({ data: { email: body.email, password: body.password } }); // expect: no-plaintext-credential-column
}

export async function registerHashed(body: { email: string; password: string }) {
  return prisma.user.create({ data: { email: body.email, password: await bcrypt.hash(body.password, 12) } });
}

export async function changePassword(id: string, newPassword: string) {
  await db.update(users).set({ password: newPassword }).where({ id }); // expect: no-plaintext-credential-column
}

export async function changePasswordHashed(id: string, newPassword: string) {
  const hashed = await bcrypt.hash(newPassword, 12);
  await db.update(users).set({ password: hashed }).where({ id });
}

export async function invite(email: string, password: string) {
  await knex('accounts').insert({ email, password }); // expect: no-plaintext-credential-column
}

export async function importUser(row: { login: string; password: string }) {
  await db.insertInto('users').values({ login: row.login, password: row.password }).execute(); // expect: no-plaintext-credential-column
}

export async function issueKey(ownerId: string) {
  const apiKey = `sk_live_${randomBytes(24).toString('base64url')}`;
  await prisma.apiKey.create({ data: { ownerId, apiKey } }); // expect: no-plaintext-credential-column
  return apiKey;
}

export async function issueKeyHashed(ownerId: string) {
  const apiKey = `sk_live_${randomBytes(24).toString('base64url')}`;
  await prisma.apiKey.create({ data: { ownerId, apiKey: sha256(apiKey) } });
  return apiKey;
}

export async function issueServiceKey(service: string) {
  const key = nanoid(40);
  await db.insert(apiKeys).values({ service, api_key: key }); // expect: no-plaintext-credential-column
  return key;
}

// A provider key the customer pastes in must stay readable: judged on its column (medium), not here.
export async function connectProvider(body: { apiKey: string }) {
  await prisma.integration.create({ data: { apiKey: body.apiKey } });
}

// Not a database write: a login request to another service.
export async function login(password: string) {
  await fetch('/api/login', { method: 'POST', body: JSON.stringify({ password }) });
}
