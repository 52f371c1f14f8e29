import { cleanEnv, port, str, url } from 'envalid';

export const env = cleanEnv(process.env, {
  NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
  PORT: port({ default: 4000 }),
  API_BASE_URL: url({ default: 'http://localhost:4000' }),
  SESSION_SECRET: str({ default: 'insecure-session-secret' }), // expect: no-env-fallback
  MAILGUN_API_KEY: str({ devDefault: 'key-dev' }),
  ENCRYPTION_KEY: str(),
  WEBHOOK_SECRET: str({ default: '' }), // expect-strict: no-env-fallback
  SLACK_BOT_TOKEN: str({ devDefault: '' }),
});
