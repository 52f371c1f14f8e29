import { createHash } from 'node:crypto';
import bcrypt from 'bcrypt';

export enum TokenType {
  Access = 'access',
  Refresh = 'refresh',
}

export const AUTH_METHODS = { USERNAME_PASSWORD: 'password', API_KEY: 'api_key' } as const;

interface StoredToken {
  tokenHash: string;
  type: TokenType;
  expiresAt: Date;
}

export function matchesStoredToken(stored: StoredToken, presentedToken: string): boolean {
  const presentedHash = createHash('sha256').update(presentedToken).digest('hex');
  return presentedHash === stored.tokenHash; // expect: no-timing-unsafe-compare
}

export function isRefresh(stored: StoredToken): boolean {
  return stored.type === TokenType.Refresh;
}

export function usesPassword(method: string): boolean {
  return method === AUTH_METHODS.USERNAME_PASSWORD;
}

export async function checkPassword(password: string, passwordHash: string): Promise<boolean> {
  return bcrypt.compare(password, passwordHash);
}

export function checkLegacyPassword(password: string, user: { passwordHash: string; salt: string }): boolean {
  const candidate = createHash('sha512').update(user.salt + password).digest('hex'); // expect: no-weak-crypto
  return candidate === user.passwordHash; // expect: no-timing-unsafe-compare
}

export function sameRefreshToken(refreshToken: string, stored: { refreshToken: string }): boolean {
  return refreshToken === stored.refreshToken; // expect-strict: no-timing-unsafe-compare
}

export function isExpired(stored: StoredToken, now = new Date()): boolean {
  return stored.expiresAt.getTime() <= now.getTime();
}

export function sameEtag(etag: string, ifNoneMatch: string | undefined): boolean {
  return etag === ifNoneMatch;
}

export function sameApiKeyDigest(apiKeyDigest: string, presentedDigest: string): boolean {
  return apiKeyDigest === presentedDigest; // expect-strict: no-timing-unsafe-compare
}
