import winston from 'winston';

export const logger = winston.createLogger({
  level: 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

export function logStartup(): void {
  logger.info('starting api', { port: process.env.PORT, nodeEnv: process.env.NODE_ENV });
  logger.info('database', { url: process.env.DATABASE_URL }); // expect: no-secret-logging
  logger.info('stripe configured', { configured: Boolean(process.env.STRIPE_SECRET_KEY) });
  logger.info(`stripe key ${process.env.STRIPE_SECRET_KEY}`); // expect: no-secret-logging
  logger.debug('environment', process.env); // expect: no-secret-logging
  logger.debug('environment keys', { keys: Object.keys(process.env).length });
  logger.info('feature flags', { flags: process.env.FEATURE_FLAGS });
}

export function logSmtp(): void {
  const smtp = {
    host: process.env.SMTP_HOST,
    user: process.env.SMTP_USER,
    pass: process.env.SMTP_PASSWORD,
  };
  logger.info('smtp relay', { host: smtp.host, user: smtp.user });
  logger.verbose('smtp relay settings', smtp); // expect: no-secret-logging
  const redisPassword = process.env.REDIS_PASSWORD;
  logger.info('redis auth', { enabled: redisPassword !== undefined && redisPassword !== '' });
  logger.warn('redis connecting with ' + redisPassword); // expect: no-secret-logging
}

export function describeKey(keyId: string, keyVersion: number): void {
  logger.info('active signing key', { keyId, keyVersion });
  logger.info(`password policy: min length ${process.env.PASSWORD_MIN_LENGTH ?? 12}`);
}
