// Sequelize models: accounts, API credentials and bots.
const { randomBytes, createHash } = require('node:crypto');
const { v4: uuidv4 } = require('uuid');
const { Account, ApiCredential, Bot, PasswordReset } = require('../support/sequelize-models');

async function registerAccount(req, res) {
  const account = await Account.create({
    email: req.body.email,
    password: req.body.password, // expect-strict: no-plaintext-secret-write
  });
  res.status(201).json({ id: account.id });
}

async function issueCredentials(accountId) {
  const clientSecret = randomBytes(32).toString('hex');
  await ApiCredential.create({ accountId, clientId: uuidv4(), clientSecret }); // expect: no-plaintext-secret-write
  return clientSecret;
}

async function importBots(rows) {
  await Bot.bulkCreate(rows.map((row) => ({ name: row.name, apiToken: randomBytes(20).toString('hex') }))); // expect: no-plaintext-secret-write
}

async function regenerateBotToken(botId) {
  const apiToken = uuidv4();
  await Bot.update({ apiToken }, { where: { id: botId } }); // expect: no-plaintext-secret-write
  return apiToken;
}

async function storeProviderKey(req, res) {
  const { apiKey } = req.body;
  await ApiCredential.upsert({ accountId: req.user.id, provider: 'openai', apiKey }); // expect: no-plaintext-secret-write
  res.status(204).end();
}

async function startPasswordReset(accountId) {
  const resetToken = randomBytes(32).toString('hex');
  await PasswordReset.create({ accountId, token: resetToken, expiresAt: new Date(Date.now() + 3600_000) }); // expect-strict: no-plaintext-secret-write
  return resetToken;
}

// Look-alikes.

async function issueHashedCredentials(accountId) {
  const clientSecret = randomBytes(32).toString('hex');
  await ApiCredential.create({
    accountId,
    clientId: uuidv4(),
    clientSecretHash: createHash('sha256').update(clientSecret).digest('hex'),
  });
  return clientSecret;
}

async function renameBot(botId, name) {
  await Bot.update({ name }, { where: { id: botId } });
}

async function createBot(name) {
  return Bot.create({ id: uuidv4(), name, tokenCount: 0 });
}

module.exports = { registerAccount, issueCredentials, importBots, regenerateBotToken, storeProviderKey, startPasswordReset, issueHashedCredentials, renameBot, createBot };
