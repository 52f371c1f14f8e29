// OAuth callbacks that keep the provider's tokens to call its API later.
import type { Request, Response } from 'express';
import { prisma } from '../support/prisma';
import { db } from '../support/drizzle';
import { connections } from '../support/schema';
import { encryptToken } from '../support/token-crypto';
import { google, slack } from '../support/oauth-clients';

export async function googleCallback(req: Request, res: Response) {
  const { tokens } = await google.getToken(String(req.query.code));
  await prisma.account.upsert({
    where: { provider_userId: { provider: 'google', userId: req.user.id } },
    create: {
      provider: 'google',
      userId: req.user.id,
      accessToken: tokens.access_token, // expect: no-plaintext-secret-write
      refreshToken: tokens.refresh_token, // expect: no-plaintext-secret-write
    },
    update: { accessToken: tokens.access_token }, // expect: no-plaintext-secret-write
  });
  res.redirect('/settings/integrations');
}

export async function slackCallback(req: Request, res: Response) {
  const response = await slack.oauth.v2.access({ code: String(req.query.code) });
  const { access_token, refresh_token } = response;
  await db.insert(connections).values({
    teamId: req.user.teamId,
    provider: 'slack',
    access_token, // expect: no-plaintext-secret-write
    refresh_token, // expect: no-plaintext-secret-write
  });
  res.redirect('/settings/integrations');
}

export async function refreshGoogle(accountId: string, refreshToken: string) {
  const { credentials } = await google.refreshToken(refreshToken);
  await prisma.account.update({ where: { id: accountId }, data: { refreshToken: credentials.refresh_token, idToken: credentials.id_token } }); // expect: no-plaintext-secret-write
}

// Look-alikes: encrypted before the write, metadata only.

export async function googleCallbackEncrypted(req: Request, res: Response) {
  const { tokens } = await google.getToken(String(req.query.code));
  await prisma.account.create({
    data: {
      provider: 'google',
      userId: req.user.id,
      accessToken: await encryptToken(tokens.access_token),
      refreshToken: await encryptToken(tokens.refresh_token),
      expiresAt: tokens.expiry_date,
      scope: tokens.scope,
    },
  });
  res.redirect('/settings/integrations');
}

export async function markExpired(accountId: string) {
  await prisma.account.update({ where: { id: accountId }, data: { tokenExpiresAt: new Date(0), tokenType: 'bearer' } });
}
