import express from 'express';
import morgan from 'morgan';
import pino from 'pino';

const logger = pino();
export const app = express();

app.use(morgan(':method :url :status :req[authorization]')); // expect: no-secret-logging
app.use(morgan(':method :url :status :response-time ms'));

app.use((req, _res, next) => {
  const log = logger.child({ requestId: req.get('x-request-id'), apiKey: req.get('x-api-key') }); // expect: no-secret-logging
  log.info('request');
  logger.debug({ cookie: req.headers.cookie }, 'cookies'); // expect: no-secret-logging
  logger.info(`Authorization: ${req.get('Authorization')}`); // expect: no-secret-logging
  logger.info({ hasCookie: req.headers.cookie !== undefined }, 'cookies');
  next();
});

export function logTokenRefresh(token: { access_token: string; expires_in: number }, apiKey: string): void {
  logger.info({ expiresIn: token.expires_in }, 'token refreshed');
  logger.info(`Token ${token.access_token ? 'present' : 'absent'}`);
  logger.info({ tokenLength: token.access_token.length }, 'token size');
  logger.info('API key:', maskApiKey(apiKey));
  console.error('Token refresh failed', { token: token.access_token }); // expect: no-secret-logging
}

declare function maskApiKey(key: string): string;
