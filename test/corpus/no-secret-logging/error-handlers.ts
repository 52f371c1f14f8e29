import type { NextFunction, Request, Response } from 'express';
import pino from 'pino';
import winston from 'winston';

const logger = pino();
const audit = winston.createLogger({ transports: [new winston.transports.Console()] });

export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  logger.error({ err, path: req.path, method: req.method }, 'unhandled error');
  logger.error({ err, body: req.body }, 'unhandled error with body');
  res.status(500).json({ error: 'Internal error' });
}

export function connectLog(): void {
  logger.info(`Connecting to ${process.env.DATABASE_URL}`); // expect: no-secret-logging
  logger.info(`Connecting to database host ${new URL(process.env.DATABASE_URL!).hostname}`);
}

export function auditLogin(email: string, password: string, apiKey: string): void {
  audit.log('info', 'login %s with %s', email, password); // expect: no-secret-logging
  audit.log('info', 'login %s', email);
  logger.info(`using api key ${apiKey.substring(0, 4)}…`);
  logger.info({ email, password: '***' }, 'login');
  logger.info({ email, password: undefined }, 'login');
  logger.warn('Invalid password for user %s', email);
}

export function dumpConfig(): void {
  const config = {
    port: process.env.PORT,
    jwtSecret: process.env.JWT_SECRET,
  };
  console.log(JSON.stringify(config, null, 2)); // expect: no-secret-logging
  console.log(JSON.stringify({ port: config.port }, null, 2));
}

export function logResetLink(email: string, resetToken: string): void {
  const link = `https://app.acme.test/reset?token=${resetToken}`;
  logger.info({ email, link }, 'password reset link'); // expect: no-secret-logging
  logger.info({ email }, 'password reset link sent');
}
