// Sessions, refresh tokens and device codes on Drizzle (PostgreSQL).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '../support/drizzle';
import { deviceCodes, refreshTokens, sessions, users, webhooks } from '../support/schema';

const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 30;

export async function createSession(userId: string) {
  const sessionToken = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    userId,
    sessionToken, // expect: no-plaintext-secret-write
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  return sessionToken;
}

export async function issueRefreshToken(userId: string, family: string) {
  const refreshToken = randomBytes(48).toString('hex');
  await db.insert(refreshTokens).values({ userId, family, refreshToken }); // expect: no-plaintext-secret-write
  return refreshToken;
}

export async function resetApiKey(userId: string) {
  await db
    .update(users)
    .set({ apiKey: `key_${randomBytes(24).toString('hex')}` }) // expect: no-plaintext-secret-write
    .where(eq(users.id, userId));
}

export async function createWebhook(ownerId: string, url: string) {
  const signingSecret = `whsec_${randomBytes(24).toString('base64')}`;
  const [row] = await db.insert(webhooks).values({ ownerId, url, signingSecret }).returning(); // expect: no-plaintext-secret-write
  return row;
}

export async function startDeviceFlow(clientId: string) {
  const deviceCode = randomBytes(32).toString('hex');
  const userCode = randomBytes(4).toString('hex').toUpperCase();
  await db.insert(deviceCodes).values({ clientId, deviceCode, userCode, expiresAt: new Date(Date.now() + 600_000) });
  return { deviceCode, userCode };
}

// Look-alikes.

export async function createHashedSession(userId: string) {
  const sessionToken = randomBytes(32).toString('base64url');
  const id = createHash('sha256').update(sessionToken).digest('hex');
  await db.insert(sessions).values({ id, userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
  return sessionToken;
}

export async function issueHmacRefreshToken(userId: string, family: string, pepper: string) {
  const refreshToken = randomBytes(48).toString('hex');
  await db.insert(refreshTokens).values({
    userId,
    family,
    tokenHash: createHmac('sha256', pepper).update(refreshToken).digest('hex'),
  });
  return refreshToken;
}

export async function touchSession(id: string) {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

export async function renameUser(id: string, name: string) {
  await db.update(users).set({ name, apiKeyCreatedAt: new Date() }).where(eq(users.id, id));
}
