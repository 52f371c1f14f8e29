import { createHash, pbkdf2Sync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcrypt';
import argon2 from 'argon2';

const LEGACY_ITERATIONS = 10_000;
const PBKDF2 = { iterations: 600_000, keyLength: 32, digest: 'sha256' } as const;

export function hashPasswordMd5(password: string): string {
  return createHash('md5').update(password).digest('hex'); // expect: no-weak-crypto
}

export function hashPasswordSha1(password: string, salt: string): string {
  return createHash('sha1').update(salt + password).digest('hex'); // expect: no-weak-crypto
}

export function hashPasswordSha256(password: string): string {
  return createHash('sha256').update(password).digest('hex'); // expect: no-weak-crypto
}

export function legacyPbkdf2(password: string, salt: Buffer): Buffer {
  return pbkdf2Sync(password, salt, LEGACY_ITERATIONS, 32, 'sha256'); // expect: no-weak-crypto
}

export function modernPbkdf2(password: string, salt: Buffer): Buffer {
  return pbkdf2Sync(password, salt, PBKDF2.iterations, PBKDF2.keyLength, PBKDF2.digest);
}

export function pbkdf2Md5(password: string, salt: Buffer): Buffer {
  return pbkdf2Sync(password, salt, 1_000_000, 32, 'md5'); // expect: no-weak-crypto
}

export function scryptDefault(password: string, salt: Buffer): Buffer {
  return scryptSync(password, salt, 64); // expect: no-weak-crypto
}

export function scryptStrong(password: string, salt: Buffer): Buffer {
  return scryptSync(password, salt, 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
}

export async function bcryptWeak(password: string): Promise<string> {
  return bcrypt.hash(password, 8); // expect: no-weak-crypto
}

export async function bcryptGood(password: string): Promise<string> {
  return bcrypt.hash(password, 12);
}

export async function argon2Weak(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1 }); // expect: no-weak-crypto
}

export async function argon2Default(password: string): Promise<string> {
  return argon2.hash(password);
}

export function verifyScrypt(password: string, stored: Buffer, salt: Buffer): boolean {
  const candidate = scryptSync(password, salt, 64, { N: 131072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return timingSafeEqual(candidate, stored);
}

export const newSalt = () => randomBytes(16);
