import type { Request, Response } from 'express';
import { db } from '../support/db';

export async function getProfile(req: Request, res: Response) {
  const profile = await db.profiles.find(req.params.id!);
  const body = { id: profile.id, bio: profile.bio, recoveryCodes: profile.recoveryCodes };
  res.json(body); // expect: no-secret-in-response
}

export async function getProfileSafe(req: Request, res: Response) {
  const profile = await db.profiles.find(req.params.id!);
  res.json({ id: profile.id, bio: profile.bio, recoveryCodesRemaining: profile.recoveryCodes.length });
}

export async function getDevice(req: Request, res: Response) {
  const device = await db.devices.find(req.params.id!);
  res.json({ ...device.publicInfo, privateKey: device.privateKey }); // expect: no-secret-in-response
}

export async function getOwner(req: Request, res: Response) {
  const owner = await db.owners.find(req.params.id!);
  res.write(JSON.stringify({ owner: owner.name, accessToken: owner.accessToken })); // expect: no-secret-in-response
  res.end();
}

export async function me(req: Request, res: Response) {
  res.json({ authenticated: Boolean(req.headers.authorization), userAgent: req.headers['user-agent'] });
}

export async function echoCookie(req: Request, res: Response) {
  res.json({ session: req.cookies.sid }); // expect: no-secret-in-response
}
