// Writes that strict reports and recommended does not: one-time tokens, names only, opaque helpers.
import { randomBytes } from 'node:crypto';
import { nanoid } from 'nanoid';
import { prisma } from '../support/prisma';
import { knex } from '../support/knex';
import { createInviteToken, mintSessionToken } from '../support/tokens';

export async function requestPasswordReset(userId: string) {
  const token = randomBytes(32).toString('hex');
  await prisma.passwordResetToken.create({ data: { userId, token, expires: new Date(Date.now() + 3600_000) } }); // expect-strict: no-plaintext-secret-write
  return token;
}

export async function inviteMember(teamId: string, email: string) {
  await knex('invitations').insert({ team_id: teamId, email, token: nanoid(32) }); // expect-strict: no-plaintext-secret-write
}

export async function sendVerification(email: string) {
  const verificationToken = crypto.randomUUID();
  await prisma.user.update({ where: { email }, data: { verificationToken } }); // expect-strict: no-plaintext-secret-write
  return verificationToken;
}

export async function saveProviderKey(userId: string, apiKey: string) {
  await prisma.integration.create({ data: { userId, provider: 'stripe', apiKey } }); // expect-strict: no-plaintext-secret-write
}

export async function startSession(userId: string) {
  const sessionToken = await mintSessionToken(userId);
  await prisma.session.create({ data: { userId, sessionToken } }); // expect-strict: no-plaintext-secret-write
  return sessionToken;
}

export async function inviteByHelper(teamId: string, email: string) {
  const inviteToken = await createInviteToken();
  await knex('invitations').insert({ team_id: teamId, email, invite_token: inviteToken }); // expect-strict: no-plaintext-secret-write
}
