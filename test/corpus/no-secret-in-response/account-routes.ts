import { Router, type Request, type Response } from 'express';
import { randomBytes, createHash } from 'node:crypto';
import { db } from '../support/db';
import { decryptField } from '../support/field-crypto';

export const accountRouter = Router();

accountRouter.get('/accounts/:id', async (req: Request, res: Response) => {
  const account = await db.accounts.find(req.params.id!);
  res.json({
    id: account.id,
    email: account.email,
    passwordHash: account.passwordHash, // expect: no-secret-in-response
    apiKey: account.apiKey, // expect: no-secret-in-response
    hasPassword: Boolean(account.passwordHash),
    apiKeyLast4: account.apiKey.slice(-4),
    createdAt: account.createdAt,
  });
});

accountRouter.get('/accounts/:id/tax', async (req: Request, res: Response) => {
  const account = await db.accounts.find(req.params.id!);
  const taxId = decryptField(account.taxIdCiphertext);
  res.json({ taxId }); // expect: no-secret-in-response
});

accountRouter.get('/accounts/:id/tax-summary', async (req: Request, res: Response) => {
  const account = await db.accounts.find(req.params.id!);
  res.json({ taxIdLast4: account.taxIdLast4, country: account.country });
});

accountRouter.post('/accounts/:id/api-keys', async (req: Request, res: Response) => {
  const apiKey = randomBytes(32).toString('base64url');
  await db.apiKeys.insert({ accountId: req.params.id!, keyHash: createHash('sha256').update(apiKey).digest('hex') });
  res.status(201).json({ apiKey });
});

accountRouter.get('/accounts/:id/integration', async (req: Request, res: Response) => {
  const integration = await db.integrations.findByAccount(req.params.id!);
  const { refreshToken, provider } = integration;
  res.status(200).json({ provider, refreshToken }); // expect: no-secret-in-response
});

accountRouter.get('/debug/config', (_req: Request, res: Response) => {
  res.json({ jwtSecret: process.env.JWT_SECRET, region: process.env.AWS_REGION }); // expect: no-secret-in-response
});

accountRouter.get('/debug/echo', (req: Request, res: Response) => {
  res.send({ headers: req.headers }); // expect: no-secret-in-response
});

accountRouter.post('/login-error', (_req: Request, res: Response) => {
  res.status(401).json({ error: 'Invalid password' });
});
