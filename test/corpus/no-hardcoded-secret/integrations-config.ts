export interface IntegrationConfig {
  name: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

export const integrations: IntegrationConfig[] = [
  {
    name: 'hubspot',
    clientId: 'a4b1c2d3-hubspot-client',
    clientSecret: 'Hs9Kq2Lw7Xz4Vp8Rt3Nm6Yb1', // expect: no-hardcoded-secret
    scopes: ['crm.objects.contacts.read'],
  },
  {
    name: 'zendesk',
    clientId: 'zendesk-acme',
    clientSecret: process.env.ZENDESK_CLIENT_SECRET ?? '', // expect-strict: no-env-fallback
    scopes: ['read'],
  },
];

export const mailgun = {
  domain: 'mg.acme.test',
  apiKey: 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0', // expect: no-hardcoded-secret
};

export const twilio = {
  accountSid: 'AC00000000000000000000000000000000',
  authToken: 'e7Qw3Rt9Yu2Io5Pa8Sd1Fg4Hj6Kl0Zx', // expect: no-hardcoded-secret
};

export const redis = { url: 'redis://:Rp4ssW0rd8xYz2Qk@cache.internal:6379/0' }; // expect: no-hardcoded-secret

export const encryptionKey = Buffer.from('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'hex'); // expect: no-hardcoded-secret

export const placeholders = {
  apiKey: 'YOUR_API_KEY',
  secret: '********',
  token: 'TODO',
  password: '',
};

export const passwordResetTemplate = 'password-reset-v2';
export const tokenAudience = 'https://api.acme.test';
export const secretManagerPath = 'projects/acme/secrets/db-password/versions/latest';
