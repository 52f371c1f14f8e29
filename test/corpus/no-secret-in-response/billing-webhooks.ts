import { Router } from 'express';
import { db } from '../support/db';

export const billing = Router();

billing.get('/merchants/:id/credentials', async (req, res) => {
  const merchant = await db.merchants.find(req.params.id);
  res.json({ merchantId: merchant.id, secretKey: merchant.stripeSecretKey, webhookSecret: merchant.webhookSecret }); // expect: no-secret-in-response
});

billing.get('/merchants/:id', async (req, res) => {
  const merchant = await db.merchants.find(req.params.id);
  res.json({ merchantId: merchant.id, name: merchant.name, webhookConfigured: Boolean(merchant.webhookSecret) });
});

billing.get('/webhooks/:id', async (req, res) => {
  const webhook = await db.webhooks.find(req.params.id);
  res.status(200).send(JSON.stringify({ url: webhook.url, secret: webhook.secret })); // expect: no-secret-in-response
});

billing.get('/subscribers/:id', async (req, res) => {
  const subscriber = await db.subscribers.find(req.params.id);
  const { unsubscribeToken, email } = subscriber;
  res.json({ email, unsubscribeToken }); // expect: no-secret-in-response
});

billing.get('/status', (_req, res) => {
  res.json({ ok: true, stripeMode: process.env.STRIPE_SECRET_KEY?.startsWith('sk_live_') ? 'live' : 'test' });
});

billing.post('/keys', async (req, res) => {
  const created = await db.apiKeys.create(req.body.name);
  res.status(201).json({ id: created.id, key: created.plaintextKey, note: 'Store it now: it will not be shown again' });
});

billing.get('/connections/:id', async (req, res) => {
  const connection = await db.connections.find(req.params.id);
  res.json({ id: connection.id, connectionString: connection.connectionString }); // expect: no-secret-in-response
});
