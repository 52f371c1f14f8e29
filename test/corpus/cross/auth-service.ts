import express, { type Request, type Response } from 'express';
import pino from 'pino';
import jwt from 'jsonwebtoken';
import bcrypt from 'bcrypt';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { db } from '../support/db';

const logger = pino();

const JWT_SECRET = process.env.JWT_SECRET || 'super-secret-jwt'; // expect: no-env-fallback
const REFRESH_SECRET = process.env.REFRESH_SECRET ?? randomBytes(32).toString('hex');
const SERVICE_PASSWORD = 'Xk7#pL9qW2@zR4vN'; // expect: no-hardcoded-secret
const BCRYPT_COST = 12;

export const refreshTokens = pgTable('refresh_tokens', {
  id: serial('id').primaryKey(),
  userId: text('user_id').notNull(),
  token: text('token').notNull(), // expect-strict: no-plaintext-credential-column
  tokenHash: text('token_hash'),
  expiresAt: timestamp('expires_at').notNull(),
});

export const app = express();

app.post('/auth/login', async (req: Request, res: Response) => {
  const { email, password } = req.body as { email: string; password: string };
  logger.info({ email }, 'login');
  logger.debug({ body: req.body }, 'login body'); // expect: no-secret-logging
  const user = await db.users.findByEmail(email);
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    return res.status(401).json({ error: 'Invalid email or password' });
  }
  const accessToken = jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '15m' });
  const refreshToken = randomBytes(48).toString('base64url');
  await db.refreshTokens.insert({ userId: user.id, tokenHash: createHash('sha256').update(refreshToken).digest('hex') });
  res.cookie('refresh_token', refreshToken, { httpOnly: true, secure: true, sameSite: 'strict', path: '/auth' });
  res.cookie('access_token', accessToken, { secure: true }); // expect: no-secret-in-client-storage
  logger.info({ userId: user.id, accessToken }, 'issued tokens'); // expect: no-secret-logging
  return res.json({ accessToken, user: { id: user.id, email: user.email, passwordHash: user.passwordHash } }); // expect: no-secret-in-response
});

app.post('/auth/service', (req: Request, res: Response) => {
  const presented = req.get('x-service-password') ?? '';
  if (presented !== SERVICE_PASSWORD) return res.sendStatus(401); // expect: no-timing-unsafe-compare
  return res.json({ ok: true });
});

app.post('/auth/reset', async (req: Request, res: Response) => {
  const resetCode = Math.random().toString().slice(2, 8); // expect: no-weak-crypto
  await db.resets.insert({ email: req.body.email, codeHash: await bcrypt.hash(resetCode, BCRYPT_COST) });
  logger.info({ email: req.body.email }, 'reset code sent');
  res.sendStatus(204);
});

app.post('/auth/webhook', (req: Request, res: Response) => {
  const signature = req.get('x-signature') ?? '';
  const expected = createHmac('sha256', REFRESH_SECRET).update(JSON.stringify(req.body)).digest('hex');
  if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
    logger.warn('bad webhook signature');
    return res.sendStatus(401);
  }
  return res.sendStatus(204);
});
