import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';

const internalApiKey = process.env.INTERNAL_API_KEY!;
const validApiKeys = (process.env.PARTNER_API_KEYS ?? '').split(','); // expect: no-env-fallback

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function requireInternalKey(req: Request, res: Response, next: NextFunction) {
  if (req.get('x-api-key') !== process.env.INTERNAL_API_KEY) return res.sendStatus(401); // expect: no-timing-unsafe-compare
  next();
}

export function requireInternalKeySafe(req: Request, res: Response, next: NextFunction) {
  const presented = req.get('x-api-key');
  if (!presented || !safeEqual(presented, internalApiKey)) return res.sendStatus(401);
  next();
}

export function requirePartnerKey(req: Request, res: Response, next: NextFunction) {
  const apiKey = req.header('x-api-key') ?? '';
  if (apiKey === '') return res.sendStatus(401);
  if (apiKey.length !== 40) return res.sendStatus(400);
  if (!validApiKeys.includes(apiKey)) return res.sendStatus(403); // expect: no-timing-unsafe-compare
  next();
}

export function requireAdminToken(req: Request, res: Response, next: NextFunction) {
  const token = req.headers['x-admin-token'];
  if (typeof token !== 'string') return res.sendStatus(401);
  if (token == process.env.ADMIN_TOKEN) return next(); // expect: no-timing-unsafe-compare
  return res.sendStatus(403);
}

export function requireBearer(req: Request, res: Response, next: NextFunction) {
  const authorization = req.headers.authorization ?? '';
  if (!authorization.startsWith('Bearer ')) return res.sendStatus(401);
  const token = authorization.slice('Bearer '.length);
  if (token !== internalApiKey) return res.sendStatus(403); // expect: no-timing-unsafe-compare
  next();
}
