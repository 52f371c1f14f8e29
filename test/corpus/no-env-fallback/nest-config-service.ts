import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import env from 'env-var';

@Injectable()
export class JwtConfig {
  constructor(private readonly config: ConfigService) {}

  get secret(): string {
    return this.config.get<string>('JWT_SECRET', 'nest-dev-secret'); // expect: no-env-fallback
  }

  get expiresIn(): string {
    return this.config.get<string>('JWT_EXPIRES_IN', '1h');
  }

  get refreshSecret(): string {
    return this.config.getOrThrow<string>('JWT_REFRESH_SECRET');
  }

  get apiKey(): string {
    return this.config.get('PARTNER_API_KEY') ?? 'partner-dev-key'; // expect: no-env-fallback
  }
}

export const mailerPassword = env.get('MAILER_PASSWORD').default('mailer-dev').asString(); // expect: no-env-fallback
export const mailerHost = env.get('MAILER_HOST').default('localhost').asString();
export const encryptionKey = env.get('ENCRYPTION_KEY').required().asString();

process.env.SESSION_SECRET = process.env.SESSION_SECRET || 'session-dev-secret'; // expect: no-env-fallback
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'info';

export const iterations = Number(process.env.PBKDF2_ITERATIONS ?? 600_000);
export const tokenTtlSeconds = Number(process.env.TOKEN_TTL_SECONDS ?? 3600);
export const passwordResetUrl = process.env.PASSWORD_RESET_URL ?? 'http://localhost:3000/reset';
