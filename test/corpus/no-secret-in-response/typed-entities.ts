import type { Request, Response } from 'express';

export interface User {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
}

export interface PublicUser {
  id: string;
  displayName: string;
}

declare const users: { findById(id: string): Promise<User>; list(): Promise<User[]> };

export function toPublicUser(user: User): PublicUser {
  return { id: user.id, displayName: user.displayName };
}

export async function getUser(req: Request, res: Response) {
  const found = await users.findById(String(req.params.id));
  res.json(found); // expect-typed: no-secret-in-response
}

export async function listUsers(_req: Request, res: Response) {
  const all = await users.list();
  res.json(all); // expect-typed: no-secret-in-response
}

export async function listPublicUsers(_req: Request, res: Response) {
  const all = await users.list();
  res.json(all.map(toPublicUser));
}

export async function getUserSpread(req: Request, res: Response) {
  const found = await users.findById(String(req.params.id));
  res.json({ ...found, online: true }); // expect-typed: no-secret-in-response
}

export async function getUserSafe(req: Request, res: Response) {
  const { passwordHash: _omit, ...rest } = await users.findById(String(req.params.id));
  res.json(rest);
}
