import type { Request, Response } from 'express';

export async function oauthCallback(req: Request, res: Response) {
  const { state, code } = req.query as { state?: string; code?: string };
  const expectedState = req.signedCookies.oauth_state as string | undefined;
  if (!state || !code || !expectedState) return res.status(400).send('missing state');
  if (state !== expectedState) return res.status(400).send('state mismatch');
  const clientSecret = process.env.OAUTH_CLIENT_SECRET!;
  const provided = req.get('x-client-secret');
  if (provided && provided !== clientSecret) return res.sendStatus(401); // expect: no-timing-unsafe-compare
  return res.redirect('/');
}

export function verifyAppToken(req: Request, res: Response) {
  const appToken = req.query.app_token as string;
  const known = (process.env.APP_TOKENS ?? '').split(','); // expect: no-env-fallback
  if (known.some((t) => t === appToken)) return res.sendStatus(204); // expect: no-timing-unsafe-compare
  return res.sendStatus(403);
}

export function verifyApiKeyHeader(req: Request, res: Response, expectedApiKey: string) {
  const apiKey = req.headers['x-api-key'];
  if (Array.isArray(apiKey)) return res.sendStatus(400);
  if (expectedApiKey.startsWith(apiKey ?? '\u0000')) return res.sendStatus(204); // expect: no-timing-unsafe-compare
  return res.sendStatus(403);
}

export function refreshMatches(sessionRefresh: { refreshToken: string }, cookieToken: string) {
  return sessionRefresh.refreshToken.localeCompare(cookieToken) === 0; // expect-strict: no-timing-unsafe-compare
}
