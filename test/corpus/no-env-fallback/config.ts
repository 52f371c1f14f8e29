import 'dotenv/config';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  logLevel: process.env.LOG_LEVEL || 'info',
  nodeEnv: process.env.NODE_ENV ?? 'development',
  jwtSecret: process.env.JWT_SECRET ?? 'dev-jwt-secret', // expect: no-env-fallback
  jwtIssuer: process.env.JWT_ISSUER ?? 'https://auth.acme.test',
  jwtExpiresIn: process.env.JWT_EXPIRES_IN ?? '15m',
  sessionSecret: process.env.SESSION_SECRET || 'keyboard cat', // expect: no-env-fallback
  cookieSecret: requireEnv('COOKIE_SECRET'),
  stripe: {
    secretKey: process.env.STRIPE_SECRET_KEY || '', // expect-strict: no-env-fallback
    publishableKey: process.env.STRIPE_PUBLISHABLE_KEY ?? '',
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? requireEnv('STRIPE_WEBHOOK_SIGNING_SECRET'),
  },
  database: {
    host: process.env.DB_HOST ?? 'localhost',
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USER ?? 'app',
    password: process.env.DB_PASSWORD ?? 'postgres', // expect: no-env-fallback
    name: process.env.DB_NAME ?? 'app',
  },
  redis: {
    url: process.env.REDIS_URL ?? 'redis://localhost:6379',
    password: process.env.REDIS_PASSWORD, // optional: local redis has no auth
  },
  sentryDsn: process.env.SENTRY_DSN ?? undefined,
  encryptionKey: process.env.DATA_ENCRYPTION_KEY ?? process.env.LEGACY_ENCRYPTION_KEY,
  smtpPassword: process.env.SMTP_PASSWORD ?? null,
};
