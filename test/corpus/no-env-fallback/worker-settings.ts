const settings = {
  queueUrl: process.env.QUEUE_URL ?? 'amqp://localhost',
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4),
};

const DEFAULTS = { awsSecretAccessKey: 'Qm9sd2VyLXNlY3JldC0xMjM0eK7p', region: 'us-east-1' } as const; // expect: no-hardcoded-secret

export const s3 = {
  region: process.env.AWS_REGION ?? DEFAULTS.region,
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? DEFAULTS.awsSecretAccessKey, // expect: no-env-fallback
};

const sentryAuthToken = process.env.SENTRY_AUTH_TOKEN;
export const uploadSourcemaps = sentryAuthToken !== undefined && sentryAuthToken !== '';

export function twilio() {
  const authToken = process.env.TWILIO_AUTH_TOKEN || ``; // expect-strict: no-env-fallback
  const accountSid = process.env.TWILIO_ACCOUNT_SID ?? 'AC_local';
  return { accountSid, authToken };
}

export function slackBot(token = process.env.SLACK_BOT_TOKEN ?? 'xoxb-local') { // expect: no-env-fallback
  return { token, channel: process.env.SLACK_CHANNEL ?? '#alerts' };
}

export { settings };

export const mongoUri = process.env.MONGO_URI ?? 'mongodb://root:example@localhost:27017'; // expect: no-env-fallback
export const encryptionSecret = process.env['ENCRYPTION_SECRET'] ?? 'enc-secret-dev'; // expect: no-env-fallback
