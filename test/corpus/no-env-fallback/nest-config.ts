import { registerAs } from '@nestjs/config';

export default registerAs('auth', () => ({
  accessTokenTtl: process.env.ACCESS_TOKEN_TTL ?? '15m',
  refreshTokenTtl: process.env.REFRESH_TOKEN_TTL ?? '30d',
  accessTokenSecret: process.env.ACCESS_TOKEN_SECRET ?? 'access-secret', // expect: no-env-fallback
  refreshTokenSecret: process.env.REFRESH_TOKEN_SECRET || 'refresh-secret', // expect: no-env-fallback
  bcryptRounds: Number(process.env.BCRYPT_ROUNDS ?? 12),
  googleClientSecret: process.env.GOOGLE_CLIENT_SECRET,
  totpEncryptionKey: process.env.TOTP_ENCRYPTION_KEY ?? process.env.APP_ENCRYPTION_KEY,
  passwordMinLength: Number(process.env.PASSWORD_MIN_LENGTH ?? 12),
  tokenIssuer: process.env.TOKEN_ISSUER ?? 'acme-auth',
  secretRotationDays: Number(process.env.SECRET_ROTATION_DAYS ?? 90),
}));

export const mailer = registerAs('mailer', () => ({
  host: process.env.SMTP_HOST ?? 'localhost',
  port: Number(process.env.SMTP_PORT ?? 1025),
  auth: {
    user: process.env.SMTP_USER ?? 'mailhog',
    pass: process.env.SMTP_PASS ?? 'mailhog', // expect: no-env-fallback
  },
}));
