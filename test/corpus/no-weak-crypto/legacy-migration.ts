import crypto from 'node:crypto';
import { sha1 } from '@noble/hashes/legacy.js';
import { ecb } from '@noble/ciphers/aes.js';

export function legacyTokenDigest(apiToken: string): string {
  return crypto.hash('sha1', apiToken); // expect: no-weak-crypto
}

export function legacyPasswordNoble(password: string): Uint8Array {
  return sha1(new TextEncoder().encode(password)); // expect: no-weak-crypto
}

export function ecbWrap(key: Uint8Array, block: Uint8Array): Uint8Array {
  return ecb(key).encrypt(block); // expect: no-weak-crypto
}

export function contentHash(body: string): string {
  return crypto.hash('sha1', body);
}

export function cast5(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = crypto.createCipheriv('cast5-cbc', key, iv); // expect: no-weak-crypto
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function aes128Cbc(key: Buffer, data: Buffer): Buffer {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-128-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final()]);
}

export function pbkdf2Sha512(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => crypto.pbkdf2(password, salt, 100_000, 64, 'sha512', (err, key) => (err ? reject(err) : resolve(key)))); // expect: no-weak-crypto
}

export function pbkdf2Sha512Ok(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => crypto.pbkdf2(password, salt, 210_000, 64, 'sha512', (err, key) => (err ? reject(err) : resolve(key))));
}
