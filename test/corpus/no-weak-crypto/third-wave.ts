import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import { v4 as uuid } from 'uuid';

export function saltSync(): string {
  return bcrypt.genSaltSync(5); // expect: no-weak-crypto
}

export function derive(password: string, salt: Buffer): Buffer {
  return crypto.pbkdf2Sync(password, salt, 1000, 64, 'sha512'); // expect: no-weak-crypto
}

export function apiKeyLookupHash(apiKey: string): string {
  return crypto.createHash('md5').update(apiKey).digest('hex'); // expect: no-weak-crypto
}

export function makeOtp(): number {
  const otp = Math.floor(100000 + Math.random() * 900000); // expect: no-weak-crypto
  return otp;
}

export function makeResetToken(): string {
  return uuid();
}

export function makeNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}
