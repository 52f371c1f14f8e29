import type { Request, Response } from 'express';
import { db } from '../support/db';

export async function getSession(req: Request, res: Response) {
  const session = await db.sessions.find(req.params.id!);
  res.json({ id: session.id, token: session.token }); // expect: no-secret-in-response
}

export async function getUserSafe(req: Request, res: Response) {
  const user = await db.users.find(req.params.id!);
  res.json({ user: { ...user, password: undefined, passwordHash: undefined } });
}

export async function requestReset(req: Request, res: Response) {
  const resetToken = await db.resets.create(req.body.email);
  res.json({ ok: true, resetUrl: `https://app.acme.test/reset?token=${resetToken}` }); // expect: no-secret-in-response
}

export async function getApiKeyRecord(req: Request, res: Response) {
  const key = await db.apiKeys.find(req.params.id!);
  res.json({ id: key.id, name: key.name, createdAt: key.createdAt, prefix: key.prefix });
}
