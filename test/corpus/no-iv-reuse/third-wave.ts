import crypto from 'node:crypto';
import { v4 as uuid } from 'uuid';

const SALT = new TextEncoder().encode('static-salt-1234');

export function encryptInlineRandom(key: Buffer, data: Buffer): Buffer {
  const cipher = crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16));
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function encryptUuidIv(key: Buffer, data: Buffer): Buffer {
  const iv = Buffer.from(uuid().replace(/-/g, ''), 'hex').subarray(0, 12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}

export function encryptUserScoped(key: Buffer, userId: string, data: Buffer): Buffer {
  const iv = crypto.createHash('md5').update(userId).digest();
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export async function encryptWithSaltAsIv(key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer> {
  return crypto.webcrypto.subtle.encrypt({ name: 'AES-GCM', iv: SALT.subarray(0, 12) }, key, data); // expect: no-iv-reuse
}
