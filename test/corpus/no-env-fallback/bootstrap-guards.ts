import crypto from 'node:crypto';

if (!process.env.INTERNAL_API_TOKEN) process.env.INTERNAL_API_TOKEN = 'internal-dev-token'; // expect: no-env-fallback

process.env.ENCRYPTION_SECRET ??= 'local-encryption-secret'; // expect: no-env-fallback
process.env.TZ ??= 'UTC';

const rawWebhookSecret = process.env.WEBHOOK_SECRET;
export const webhookSecret = rawWebhookSecret ? rawWebhookSecret : 'whsec_local'; // expect: no-env-fallback

const rawSigningKey = process.env.SIGNING_KEY;
export const signingKey = rawSigningKey !== undefined ? rawSigningKey : 'signing-key-dev'; // expect: no-env-fallback

const isProduction = process.env.NODE_ENV === 'production';
export const csrfSecret = process.env.CSRF_SECRET ?? crypto.randomBytes(32).toString('hex');

export const previewToken = process.env.PREVIEW_TOKEN ?? (() => {
  throw new Error('PREVIEW_TOKEN is not set');
})();

export const appName = process.env.APP_NAME ?? 'acme';
export const usePrettyLogs = process.env.PRETTY_LOGS ? process.env.PRETTY_LOGS === 'true' : !isProduction;

let apiSecret = process.env.API_SECRET;
apiSecret ||= 'api-secret-dev'; // expect: no-env-fallback
export { apiSecret };
