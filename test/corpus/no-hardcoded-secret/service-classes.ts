export class MailerService {
  private smtpPassword = 'Rt5yU8iO2pL6kJ9hG3fD'; // expect: no-hardcoded-secret
  private readonly smtpUser = 'mailer@acme.test';
  private readonly passwordResetPath = '/reset-password';

  constructor(private readonly host = 'smtp.acme.test') {}

  configure(options: { clientSecret?: string }) {
    this.smtpPassword = options.clientSecret ?? this.smtpPassword;
  }
}

export class OAuthClient {
  clientId = 'acme-web';
  clientSecret = 'Zx8Cv7Bn6Mq5Wl4Ek3Rj2Tk1'; // expect: no-hardcoded-secret
  redirectUri = 'https://app.acme.test/callback';
  tokenEndpoint = 'https://auth.acme.test/oauth/token';
}

export function setAuth(client: { token?: string; apiKey?: string }) {
  client.token = 'Bq4Nw8Lz2Xp6Rt9Vm3Kc7Yh1'; // expect: no-hardcoded-secret
  client.apiKey = process.env.CLIENT_API_KEY;
}

export function connect({ password = 'Lk9Jh8Gf7Ds6Aq5Wz4Xe' }: { password?: string } = {}) { // expect: no-hardcoded-secret
  return { password };
}

export const keyId = 'key_2024_01';
export const tokenCount = 42;
export const secretName = 'prod/payments/stripe';
export const passwordHash = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$J1Fk0RHkz6T9oB2fQdlj7w';
export const apiKeyPlaceholder = 'xxxxxxxxxxxxxxxxxxxxxxxx';
