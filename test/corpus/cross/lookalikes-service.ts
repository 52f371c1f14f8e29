import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import pino from 'pino';
import argon2 from 'argon2';
import bcrypt from 'bcrypt';
import { db } from '../support/db';

const logger = pino();

export const authSettings = {
  tokenUrl: process.env.TOKEN_URL ?? 'https://oauth2.googleapis.com/token',
  jwtAlgorithm: process.env.JWT_ALGORITHM ?? 'HS256',
  tokenExpiry: process.env.TOKEN_EXPIRY ?? '1h',
  keyRotationDays: Number(process.env.KEY_ROTATION_DAYS ?? '30'),
  secretManagerRegion: process.env.SECRET_MANAGER_REGION ?? 'us-east-1',
  apiKeyHeader: process.env.API_KEY_HEADER ?? 'x-api-key',
  jwksUri: process.env.JWKS_URI ?? 'https://auth.acme.test/.well-known/jwks.json',
  privateKeyPath: process.env.PRIVATE_KEY_PATH ?? './keys/private.pem',
  secretsDir: process.env.SECRETS_DIR ?? '/run/secrets',
  oauthCallbackUrl: process.env.OAUTH_CALLBACK_URL ?? 'http://localhost:3000/auth/callback',
};

const PASSWORD_RESET_TEMPLATE_ID = 'd-8f3b2a1c9e7d4b6a0c5e';
const STRIPE_PRICE_ID = 'price_1Nq2Lx9Pz4Vt8RmQ';
const GOOGLE_CLIENT_ID = '123456789012-abcdefghijk.apps.googleusercontent.com';
const CSRF_COOKIE = 'XSRF-TOKEN';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const WEBHOOK_SECRET_HEADER = 'X-Webhook-Secret';

export async function changePassword(req: Request, res: Response) {
  const { currentPassword, newPassword, confirmPassword } = req.body as Record<string, string>;
  if (newPassword === undefined || newPassword !== confirmPassword) return res.status(400).json({ error: 'Passwords do not match' });
  if (newPassword === currentPassword) return res.status(400).json({ error: 'Choose a new password' });
  const user = await db.users.find(req.params.id!);
  if (!(await bcrypt.compare(currentPassword!, user.passwordHash))) return res.status(401).json({ error: 'Wrong password' });
  await db.users.update(user.id, { passwordHash: await argon2.hash(newPassword!, { memoryCost: 65536, timeCost: 3 }) });
  logger.info({ userId: user.id }, 'password changed');
  logger.info(`Password policy: min ${user.policy.minLength} characters`);
  res.cookie(CSRF_COOKIE, randomBytes(32).toString('hex'), { secure: true, sameSite: 'strict' });
  return res.json({ ok: true, tokenType: 'Bearer', expiresIn: 3600, passwordChangedAt: new Date().toISOString() });
}

export async function listApiKeys(req: Request, res: Response) {
  const keys = await db.apiKeys.list(req.params.accountId!);
  logger.info({ count: keys.length, apiKeyIds: keys.map((k: { id: string }) => k.id) }, 'api keys listed');
  const account = await db.accounts.find(req.params.accountId!);
  return res.json({ hasApiKey: Boolean(account.apiKey), apiKeys: keys.map((k: { id: string; prefix: string }) => ({ id: k.id, prefix: k.prefix })) });
}

export function verifyWebhook(req: Request, secret: string): boolean {
  const presented = Buffer.from(req.get(WEBHOOK_SECRET_HEADER) ?? '');
  const expected = Buffer.from(createHmac('sha256', secret).update(JSON.stringify(req.body)).digest('hex'));
  if (req.headers['x-api-version'] === '2') logger.debug('webhook v2');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

export function tokenLooksValid(token: string, tokens: string[], session: { userId: string }, userId: string): boolean {
  if (tokens.length === 0 || session.userId !== userId) return false;
  return TOKEN_PATTERN.test(token);
}

export function cacheKey(query: object): string {
  return createHash('md5').update(JSON.stringify(query)).digest('hex');
}

export function elementId(): string {
  return `field-${Math.random().toString(36).slice(2)}`;
}

export function abBucket(): 'a' | 'b' {
  return Math.random() < 0.5 ? 'a' : 'b';
}

export function rememberLogin(email: string, expiresAt: number): void {
  localStorage.setItem('lastLoginEmail', email);
  localStorage.setItem('tokenExpiry', String(expiresAt));
  localStorage.setItem('hasSession', 'true');
}

export const ids = { PASSWORD_RESET_TEMPLATE_ID, STRIPE_PRICE_ID, GOOGLE_CLIENT_ID };
