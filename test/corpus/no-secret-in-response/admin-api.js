const express = require('express');

const router = express.Router();

router.get('/admin/accounts/:id', async (req, res) => {
  const account = await req.db.accounts.find(req.params.id);
  res.json({ id: account.id, resetToken: account.resetToken }); // expect: no-secret-in-response
});

router.get('/admin/accounts/:id/status', async (req, res) => {
  const account = await req.db.accounts.find(req.params.id);
  res.json({ id: account.id, resetPending: Boolean(account.resetToken), resetTokenExpiresAt: account.resetTokenExpiresAt });
});

router.get('/admin/app/:id', async (req, res) => {
  const application = await req.db.apps.find(req.params.id);
  res.jsonp({ clientId: application.clientId, clientSecret: application.clientSecret }); // expect: no-secret-in-response
});

router.get('/admin/app/:id/mask', async (req, res) => {
  const application = await req.db.apps.find(req.params.id);
  res.json({ clientId: application.clientId, clientSecretHint: application.clientSecret.slice(-4) });
});

router.get('/admin/keys', (_req, res) => {
  res.status(200).send(process.env.STRIPE_SECRET_KEY); // expect: no-secret-in-response
});

module.exports = router;
