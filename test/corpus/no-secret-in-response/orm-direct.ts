import { Router } from 'express';
import { db } from '../support/db';

export const users = Router();

users.get('/users/:id/token', async (req, res) => {
  const user = await db.users.findById(req.params.id);
  res.json({ token: user.apiToken }); // expect: no-secret-in-response
});

users.get('/users/:id/name', async (req, res) => {
  const user = await db.users.findById(req.params.id);
  res.json({ name: user.name, tokenCount: user.tokenCount });
});

users.post('/users/:id/password', async (req, res) => {
  const { password } = req.body as { password: string };
  res.json({ ok: true, password }); // expect: no-secret-in-response
});
