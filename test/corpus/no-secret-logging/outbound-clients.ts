import axios, { type InternalAxiosRequestConfig } from 'axios';
import { randomBytes } from 'node:crypto';
import pino from 'pino';

const logger = pino();
const redisUrl = process.env.REDIS_URL;

export function attachToken(config: InternalAxiosRequestConfig, token: string): InternalAxiosRequestConfig {
  config.headers.Authorization = `Bearer ${token}`;
  logger.debug({ config }, 'outgoing request'); // expect: no-secret-logging
  logger.debug({ url: config.url, method: config.method }, 'outgoing request');
  return config;
}

export function connectRedis(): void {
  logger.info({ url: redisUrl }, 'connecting to redis'); // expect: no-secret-logging
  console.log(process.env); // expect: no-secret-logging
}

export async function exchangeCode(code: string, clientId: string, clientSecret: string): Promise<void> {
  try {
    await axios.post('https://oauth.example.com/token', { code, client_id: clientId, client_secret: clientSecret });
  } catch (error) {
    logger.error({ code, clientId, clientSecret }, 'oauth exchange failed'); // expect: no-secret-logging
    logger.error({ clientId, status: axios.isAxiosError(error) ? error.response?.status : undefined }, 'oauth exchange failed');
  }
}

export function rotateWebhookSecret(webhookId: string): string {
  const newSecret = randomBytes(32).toString('hex');
  logger.info(`Webhook ${webhookId} secret rotated to ${newSecret}`); // expect: no-secret-logging
  logger.info({ webhookId }, 'webhook secret rotated');
  return newSecret;
}

export function logVerified(payload: { sub: string }, header: { kid: string }, user: { id: string; email: string; passwordHash: string }): void {
  logger.info({ sub: payload.sub, jwtKid: header.kid }, 'token verified');
  logger.info({ user: { id: user.id, email: user.email } }, 'user loaded');
}
