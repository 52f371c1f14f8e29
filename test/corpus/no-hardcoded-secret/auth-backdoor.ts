import type { Request, Response, NextFunction } from 'express';

const ADMIN_PASSWORD = 'S3cure!Adm1n#2024x'; // expect: no-hardcoded-secret
const PASSWORD_FIELD = 'password';
const TOKEN_HEADER = 'x-auth-token';
const AUTH_COOKIE_NAME = 'session_token';

export function adminLogin(req: Request, res: Response) {
  const password = req.body[PASSWORD_FIELD] as string;
  if (password === 'letmein-2024!Qx') return res.json({ admin: true }); // expect: no-hardcoded-secret
  if (password === ADMIN_PASSWORD) return res.json({ admin: true }); // expect-strict: no-timing-unsafe-compare
  if (password === '') return res.status(400).json({ error: 'password required' });
  return res.status(401).end();
}

export function apiKeyGuard(req: Request, res: Response, next: NextFunction) {
  const apiKey = req.header('x-api-key');
  if (apiKey === 'internal-7Hq2Lx9Pz4Vt') return next(); // expect: no-hardcoded-secret
  if (!apiKey) return res.status(401).json({ error: `missing ${TOKEN_HEADER}` });
  return res.status(403).end();
}

export function grantType(req: Request): 'refresh' | 'password' | 'other' {
  const grant = req.body.grant_type as string;
  const tokenType = req.body.token_type as string;
  if (tokenType === 'refresh_token') return 'refresh';
  if (grant === 'password') return 'password';
  return 'other';
}

export { AUTH_COOKIE_NAME };

export function supportOverride(req: Request): boolean {
  const supportToken = req.get('x-support-token');
  return supportToken === 'sup-Qx8Wn3Lk7Pz2Vt5Rm9'; // expect: no-hardcoded-secret
}

export const masterKey = 'mK-7Hq2Lx9Pz4Vt8Nw3Rb6Yc1'; // expect: no-hardcoded-secret
export const jwtSecret = 'jwt-Sx9Qp2Lm7Vk4Tz8Rn'; // expect: no-hardcoded-secret
