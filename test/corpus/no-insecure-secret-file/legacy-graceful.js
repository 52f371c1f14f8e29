// An older service on graceful-fs and callbacks: keys and tokens written by a bootstrap script.
const gfs = require('graceful-fs');
const { promises: fsp } = require('fs');
const { join } = require('path');
const { generateKeyPairSync } = require('crypto');

function bootstrap(dataDir, cb) {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 3072,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  gfs.mkdir(join(dataDir, 'secrets'), { recursive: true }, (err) => { // expect: no-insecure-secret-file
    if (err) return cb(err);
    gfs.writeFile(join(dataDir, 'secrets', 'jwt.key'), privateKey, cb); // expect: no-insecure-secret-file
  });
}

function bootstrapSafely(dataDir, cb) {
  gfs.mkdir(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 }, (err) => {
    if (err) return cb(err);
    gfs.writeFile(join(dataDir, 'secrets', 'jwt.key'), 'placeholder', { mode: 0o600 }, cb);
  });
}

function storeWebhookSecret(dataDir, webhookSecret, cb) {
  gfs.writeFile(join(dataDir, 'webhook-secret.txt'), webhookSecret, 'utf8', cb); // expect-strict: no-insecure-secret-file
}

async function storeAdminToken(dataDir) {
  await fsp.writeFile(join(dataDir, 'admin.token'), process.env.ADMIN_TOKEN); // expect: no-insecure-secret-file
}

async function storePublicKey(dataDir, publicKey) {
  await fsp.writeFile(join(dataDir, 'jwt.pub'), publicKey);
}

async function loosenSecrets(dataDir) {
  await fsp.chmod(join(dataDir, 'secrets', 'jwt.key'), '0644'); // expect: no-insecure-secret-file
}

async function makeSecretsDir(dataDir) {
  await fsp.mkdir(join(dataDir, '.secrets'), 0o755); // expect: no-insecure-secret-file
}

module.exports = { bootstrap, bootstrapSafely, storeWebhookSecret, storeAdminToken, storePublicKey, loosenSecrets, makeSecretsDir };
