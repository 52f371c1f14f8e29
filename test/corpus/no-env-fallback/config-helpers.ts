import { ConfigService } from '@nestjs/config';
import convict from 'convict';

// A project helper that reads the environment with a chain of defaults.
export function getEnv(name: string, fallback?: string): string {
  return process.env[name] ?? fallback ?? '';
}

export const jwtSecret = getEnv('JWT_SECRET', 'dev-jwt-secret'); // expect: no-env-fallback
export const sessionSecret = getEnv('SESSION_SECRET'); // the helper's own '' default is a second one
export const port = getEnv('PORT', '3000');
export const logLevel = getEnv('LOG_LEVEL', 'info');

// A ConfigService made outside Nest's injector, or handed over as a parameter.
const cs = new ConfigService();
export const signingKey = cs.get('SIGNING_KEY', 'local-signing-key'); // expect: no-env-fallback
export const appName = cs.get('APP_NAME', 'acme');
export const timeout = cs.get('HTTP_TIMEOUT_MS', 5000);
export const webhookSecret = new ConfigService().get<string>('WEBHOOK_SECRET') ?? 'whk-dev-secret'; // expect: no-env-fallback

export function mailerOptions(settings: ConfigService) {
  return {
    host: settings.get('SMTP_HOST', 'localhost'),
    password: settings.get<string>('SMTP_PASSWORD') || 'mailpass-dev', // expect: no-env-fallback
  };
}

// Namespaced settings (`registerAs('auth', ...)`), named for a secret or not.
export function authSettings(config: ConfigService) {
  return {
    secret: config.get<string>('auth.jwtSecret', 'auth-dev-secret'), // expect: no-env-fallback
    clientSecret: config.get<string>('oauth.clientSecret') ?? 'oauth-dev-client-secret', // expect: no-env-fallback
    issuer: config.get<string>('auth.issuer', 'https://auth.acme.test'),
    ttl: config.get<number>('auth.ttlSeconds') ?? 3600,
  };
}

// A map of settings is no config service.
const overrides = new Map<string, string>();
export const overrideSecret = overrides.get('JWT_SECRET') ?? 'fallback';

// convict: each setting's default, overridden by the variable named in `env`.
export const conf = convict({
  env: { doc: 'The application environment.', format: ['production', 'development', 'test'], default: 'development', env: 'NODE_ENV' },
  port: { doc: 'The port to bind.', format: 'port', default: 8080, env: 'PORT' },
  db: {
    host: { doc: 'Database host', format: String, default: 'localhost', env: 'DB_HOST' },
    password: {
      doc: 'Database password',
      format: String,
      sensitive: true,
      default: 'postgres-dev-password', // expect: no-env-fallback
      env: 'DB_PASSWORD',
    },
  },
  jwt: {
    secret: { doc: 'JWT signing secret', format: String, default: 'change-this-secret', env: 'JWT_SECRET' }, // expect: no-env-fallback
    required: { doc: 'Refresh secret', format: String, default: null, env: 'JWT_REFRESH_SECRET', sensitive: true },
  },
});

// Defaults the environment is spread over; an override written after the spread is no default.
export const runtimeEnv = { PORT: '3000', NODE_ENV: 'development', JWT_SECRET: 'spread-dev-secret', ...process.env }; // expect: no-env-fallback
export const mergedEnv = Object.assign({ API_TOKEN: 'merged-dev-token', LOG_LEVEL: 'info' }, process.env); // expect: no-env-fallback
export const forcedEnv = { ...process.env, NODE_ENV: 'production' };
