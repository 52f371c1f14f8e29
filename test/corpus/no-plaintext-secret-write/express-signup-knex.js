// Express routes on Knex: sign-up, password change, API credentials for partners.
const crypto = require('node:crypto');
const express = require('express');
const bcrypt = require('bcrypt');
const knex = require('../support/knex');
const mailer = require('../support/mailer');

const router = express.Router();

router.post('/signup', async (req, res) => {
  const { email, password } = req.body;
  await knex('users').insert({ email, password }); // expect: no-plaintext-secret-write
  res.status(201).json({ ok: true });
});

router.post('/password', async (req, res) => {
  await knex('users')
    .where({ id: req.user.id })
    .update({ password: req.body.newPassword }); // expect: no-plaintext-secret-write
  res.json({ ok: true });
});

router.post('/partners', async (req, res) => {
  const clientSecret = crypto.randomBytes(32).toString('hex');
  const [partner] = await knex('partners').insert({ name: req.body.name, client_id: crypto.randomUUID(), client_secret: clientSecret }).returning('id'); // expect: no-plaintext-secret-write
  await mailer.sendPartnerCredentials(req.body.contactEmail, partner.id);
  res.status(201).json({ id: partner.id });
});

router.post('/integrations/slack', async (req, res) => {
  const { webhookUrl, botToken } = req.body;
  await knex('integrations').insert({ team_id: req.user.teamId, webhook_url: webhookUrl, bot_token: botToken }); // expect: no-plaintext-secret-write
  res.status(201).end();
});

router.post('/keys/rotate', async (req, res) => {
  const apiKey = crypto.randomBytes(32).toString('base64url');
  await knex.table('api_keys').where({ owner_id: req.user.id }).update({ api_key: apiKey }); // expect: no-plaintext-secret-write
  res.json({ apiKey });
});

// Look-alikes.

router.post('/signup-hashed', async (req, res) => {
  const { email, password } = req.body;
  const passwordHash = await bcrypt.hash(password, 12);
  await knex('users').insert({ email, password_hash: passwordHash });
  res.status(201).json({ ok: true });
});

router.post('/password-hashed', async (req, res) => {
  let { newPassword } = req.body;
  newPassword = await bcrypt.hash(newPassword, 12);
  await knex('users').where({ id: req.user.id }).update({ password: newPassword });
  res.json({ ok: true });
});

router.post('/profile', async (req, res) => {
  const { displayName, timezone } = req.body;
  await knex('users').where({ id: req.user.id }).update({ display_name: displayName, timezone });
  res.json({ ok: true });
});

router.post('/partners/hashed', async (req, res) => {
  const clientSecret = crypto.randomBytes(32).toString('hex');
  const secretHash = crypto.createHash('sha256').update(clientSecret).digest('hex');
  const [partner] = await knex('partners').insert({ name: req.body.name, client_secret_hash: secretHash }).returning('id');
  res.status(201).json({ id: partner.id });
});

module.exports = router;
