import { createHash, createHmac } from 'node:crypto';
import type { Request, Response } from 'express';

export function adminKey(req: Request, res: Response) {
  if (req.query.key !== process.env.ADMIN_KEY) return res.sendStatus(403); // expect: no-timing-unsafe-compare
  return res.sendStatus(204);
}

export function hashedApiKey(presented: string, storedHash: string): boolean {
  return createHash('sha256').update(presented).digest('hex') === storedHash; // expect: no-timing-unsafe-compare
}

export function hubSignature(req: Request, secret: string): boolean {
  const hmac = createHmac('sha1', secret).update(JSON.stringify(req.body));
  return 'sha1=' + hmac.digest('hex') === req.headers['x-hub-signature']; // expect: no-timing-unsafe-compare
}

export function sameVersion(version: string, expectedVersion: string): boolean {
  return version === expectedVersion;
}
