import bcrypt from 'bcryptjs';
import CryptoJS from 'crypto-js';
import { randomUUID } from 'node:crypto';

export function newSessionId(): string {
  const sessionId = Math.random().toString(36).substring(2) + Date.now().toString(36); // expect: no-weak-crypto
  return sessionId;
}

export function newRequestId(): string {
  return Math.random().toString(36).substring(2);
}

export function newSessionIdSecure(): string {
  return randomUUID();
}

export function hashPasswordSync(password: string): string {
  return bcrypt.hashSync(password, 4); // expect: no-weak-crypto
}

export function tokenSignature(token: string): string {
  return CryptoJS.SHA1(token).toString(); // expect: no-weak-crypto
}

export function cacheBuster(url: string): string {
  return CryptoJS.MD5(url).toString();
}
