import { createDecipheriv, createCipheriv, generateKeyPairSync, generateKeyPair, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export function legacyKeys() {
  return generateKeyPairSync('rsa', { modulusLength: 1024 }); // expect: no-weak-crypto
}

export function modernKeys() {
  return generateKeyPairSync('rsa', { modulusLength: 3072, publicExponent: 0x10001 });
}

export function edKeys() {
  return generateKeyPairSync('ed25519');
}

export function asyncLegacyKeys(cb: (err: Error | null, publicKey: string, privateKey: string) => void): void {
  generateKeyPair('rsa-pss', { modulusLength: 1536, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }, cb); // expect: no-weak-crypto
}

export function forgeKeys() {
  return forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 }); // expect: no-weak-crypto
}

export async function webCryptoRsa() {
  return crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']); // expect: no-weak-crypto
}

export async function webCryptoRsaOk() {
  return crypto.subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
}

export function openNoTag(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv); // expect: no-weak-crypto
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

export function openWithTag(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

export function openShortTag(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag.subarray(0, 8)); // expect: no-weak-crypto
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

export function sealShortTag(key: Buffer, data: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 8 }); // expect: no-weak-crypto
  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}

export function decipherFor(key: Buffer, iv: Buffer) {
  return createDecipheriv('aes-256-gcm', key, iv);
}

export async function webCryptoShortTag(key: CryptoKey, data: Uint8Array) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 64 }, key, data); // expect: no-weak-crypto
}
