import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export function checkQuerySignature(req: Request, secret: string): boolean {
  const hmac = createHmac('sha256', secret).update(req.originalUrl.split('&signature=')[0]!).digest('hex');
  return hmac === req.query.signature; // expect: no-timing-unsafe-compare
}

export function checkUserKey(user: { apiKey: string }, providedKey: string): boolean {
  return user.apiKey === providedKey; // expect-strict: no-timing-unsafe-compare
}

export function checkOtp(otp: string, storedOtp: string): boolean {
  return otp !== storedOtp ? false : true; // expect-strict: no-timing-unsafe-compare
}

export function checkSafe(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function sameUserId(a: { userId: string }, b: { userId: string }): boolean {
  return a.userId === b.userId;
}
