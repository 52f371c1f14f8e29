// Mongoose models: third-party integrations, bots and personal tokens.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { customAlphabet } from 'nanoid';
import { Integration, PersonalToken, Team, type IntegrationDoc } from '../support/mongoose-models';
import { encryptSecret } from '../support/secret-box';

const makeToken = customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 40);

export async function connectGithub(req: Request, res: Response) {
  const { accessToken } = req.body;
  await Integration.create({ teamId: req.params.teamId, provider: 'github', accessToken }); // expect: no-plaintext-secret-write
  res.status(201).end();
}

export async function rotateTeamToken(teamId: string) {
  const apiToken = makeToken();
  await Team.findByIdAndUpdate(teamId, { $set: { apiToken } }); // expect: no-plaintext-secret-write
  return apiToken;
}

export async function createPersonalToken(userId: string, name: string) {
  const doc = new PersonalToken({ userId, name });
  doc.token = `ptk_${randomBytes(24).toString('hex')}`; // expect: no-plaintext-secret-write
  await doc.save();
  return doc.token;
}

export async function bulkInviteBots(teamId: string, names: string[]) {
  await Integration.insertMany(names.map((name) => ({ teamId, name, botToken: randomBytes(16).toString('hex') }))); // expect: no-plaintext-secret-write
}

export async function updateSlackToken(req: Request, res: Response) {
  await Integration.updateOne({ _id: req.params.id }, { botToken: req.body.botToken }); // expect: no-plaintext-secret-write
  res.status(204).end();
}

// Look-alikes.

export async function connectGithubEncrypted(req: Request, res: Response) {
  const { accessToken } = req.body;
  await Integration.create({ teamId: req.params.teamId, provider: 'github', accessToken: await encryptSecret(accessToken) });
  res.status(201).end();
}

export async function renameIntegration(integration: IntegrationDoc, name: string) {
  integration.name = name;
  integration.updatedAt = new Date();
  await integration.save();
}

export async function disconnect(id: string) {
  await Integration.updateOne({ _id: id }, { $unset: { accessToken: 1 }, $set: { disconnectedAt: new Date() } });
}

// A password through a Mongoose model: its schema's pre('save') hook (in another file) usually hashes it.
export async function registerMember(req: Request, res: Response) {
  const member = await Team.create({ email: req.body.email, password: req.body.password }); // expect-strict: no-plaintext-secret-write
  res.status(201).json({ id: member.id });
}
