import jwt from 'jsonwebtoken';
import session from 'express-session';
import cookieParser from 'cookie-parser';
import express from 'express';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { NextAuthOptions } from 'next-auth';
import { getIronSession, type SessionOptions } from 'iron-session';

// Weak secrets made of words, written once and passed to the API that signs with them.
const JWT_SECRET = 'changeme'; // expect: no-hardcoded-secret
const REFRESH_SECRET = 'example-refresh-secret-123'; // expect: no-hardcoded-secret
const ENCRYPTION_KEY = 'my-32-character-ultra-secure-key'; // expect: no-hardcoded-secret
const WEBHOOK_KEY = 'webhook-signing-phrase'; // expect: no-hardcoded-secret

const appConfig = {
  session: { secret: 'purple-monkey-dishwasher', maxAge: 86_400 }, // expect: no-hardcoded-secret
  cookies: { signingSecret: 'my_super_secret_cookie_phrase' }, // expect: no-hardcoded-secret
  jwt: { issuer: 'acme-api', audience: 'acme-web' },
};

export const app = express();
app.use(session({ secret: appConfig.session.secret, resave: false, saveUninitialized: false }));
app.use(cookieParser(appConfig.cookies.signingSecret));

export function issueTokens(userId: string) {
  const access = jwt.sign({ sub: userId }, JWT_SECRET, { expiresIn: '15m', issuer: appConfig.jwt.issuer });
  const refresh = jwt.sign({ sub: userId }, REFRESH_SECRET, { expiresIn: '30d' });
  return { access, refresh };
}

export function encryptNote(note: string) {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', Buffer.from(ENCRYPTION_KEY), iv);
  return Buffer.concat([iv, cipher.update(note, 'utf8'), cipher.final()]).toString('base64');
}

export const signWebhook = (body: string) => createHmac('sha256', WEBHOOK_KEY).update(body).digest('hex');

const joseKey = new TextEncoder().encode('jose-signing-secret-phrase'); // expect: no-hardcoded-secret

export async function mintEdgeToken(sub: string) {
  return new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(joseKey);
}

export async function readEdgeToken(token: string) {
  return jwtVerify(token, joseKey);
}

export const authOptions: NextAuthOptions = {
  providers: [],
  secret: 'supersecretnextauthvalue', // expect: no-hardcoded-secret
  session: { strategy: 'jwt' },
};

export const ironOptions: SessionOptions = {
  cookieName: 'acme_session',
  password: 'complex_password_at_least_32_characters_long', // expect: no-hardcoded-secret
};

export async function currentSession(req: Request, res: Response) {
  return getIronSession(req, res, ironOptions);
}

// Made-up phrases under a secret's name that no call shows in use: the name is the evidence (strict).
export const legacySettings = {
  cookieSecret: 'banana_republic_kingdom', // expect-strict: no-hardcoded-secret
  adminPassword: 'correct horse battery', // expect-strict: no-hardcoded-secret
};

// Not secrets: stand-ins, names of fields and headers, sentences, values from the environment.
const PLACEHOLDER_SECRET = '<your-jwt-secret>';
export const verifyLegacy = (t: string) => jwt.verify(t, PLACEHOLDER_SECRET);
export const envSigned = (p: object) => jwt.sign(p, process.env.JWT_SECRET!);
export const oauthFields = { clientSecret: 'client_secret', refreshToken: 'refresh_token', password: 'password' };
export const formLabels = { password: 'Enter your password', secret: 'Your secret is safe with us' };
export const headerNames = { apiKey: 'x-api-key', authorization: 'Authorization' };
export const i18nKeys = { password: 'auth.password.label', secret: 'settings.secret.title' };
export const issuer = jwt.sign({ iss: appConfig.jwt.issuer }, process.env.ISSUER_KEY ?? '');
