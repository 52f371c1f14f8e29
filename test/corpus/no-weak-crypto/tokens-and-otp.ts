import { createHash, randomBytes, randomInt } from 'node:crypto';

export function generateResetToken(): string {
  return Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2); // expect: no-weak-crypto
}

export function generateOtp(): string {
  return String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0'); // expect: no-weak-crypto
}

export function generateOtpSecure(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function createApiKey(): string {
  const apiKey = 'ak_' + Math.random().toString(16).slice(2, 18); // expect: no-weak-crypto
  return apiKey;
}

export function createApiKeySecure(): { apiKey: string; apiKeyHash: string } {
  const apiKey = 'ak_' + randomBytes(24).toString('base64url');
  const apiKeyHash = createHash('sha256').update(apiKey).digest('hex');
  return { apiKey, apiKeyHash };
}

export function hashResetToken(resetToken: string): string {
  return createHash('md5').update(resetToken).digest('hex'); // expect: no-weak-crypto
}

export function hashSessionToken(sessionToken: string): string {
  return createHash('sha256').update(sessionToken).digest('hex');
}

export function jitter(ms: number): number {
  return ms + Math.floor(Math.random() * 250);
}

export function shuffle<T>(items: T[]): T[] {
  return items
    .map((item) => ({ item, sort: Math.random() }))
    .sort((a, b) => a.sort - b.sort)
    .map(({ item }) => item);
}

export function shouldSample(rate: number): boolean {
  return Math.random() < rate;
}

export function makeSalt(): string {
  let salt = '';
  for (let i = 0; i < 16; i++) salt += Math.floor(Math.random() * 16).toString(16); // expect: no-weak-crypto
  return salt;
}

export function gravatarUrl(email: string): string {
  return `https://www.gravatar.com/avatar/${createHash('md5').update(email.trim().toLowerCase()).digest('hex')}`;
}
