const crypto = require('crypto');
const winston = require('winston');
const { Client } = require('pg');

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

const {
  QUEUE_NAME = 'jobs',
  QUEUE_PASSWORD = 'guest', // expect: no-env-fallback
} = process.env;

const db = new Client({
  connectionString: process.env.DATABASE_URL,
  password: 'pg-Pr0d-Passw0rd-7731', // expect: no-hardcoded-secret
});

async function migrate() {
  await db.query('CREATE TABLE IF NOT EXISTS workers (id serial, name text, auth_token text)'); // expect-strict: no-plaintext-credential-column
  await db.query('CREATE TABLE IF NOT EXISTS jobs (id serial, payload jsonb, payload_sha256 text)');
}

function signJob(payload) {
  const jobToken = crypto.randomBytes(16).toString('hex');
  logger.info(`job token ${jobToken} for queue ${QUEUE_NAME}`); // expect: no-secret-logging
  logger.info(`queue ${QUEUE_NAME} connected with password set: ${QUEUE_PASSWORD.length > 0}`);
  return { payload, checksum: crypto.createHash('md5').update(JSON.stringify(payload)).digest('hex') };
}

module.exports = { migrate, signJob };
