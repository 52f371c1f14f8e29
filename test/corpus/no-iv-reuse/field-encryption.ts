import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const STATIC_IV = Buffer.from('a1b2c3d4e5f6a7b8c9d0e1f2', 'hex');
const MODULE_IV = randomBytes(12);

export function encryptEmail(key: Buffer, email: string): Buffer {
  const cipher = createCipheriv(ALGORITHM, key, STATIC_IV); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(email, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export function encryptPhone(key: Buffer, phone: string): Buffer {
  const cipher = createCipheriv(ALGORITHM, key, MODULE_IV); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(phone, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export function encryptSsn(key: Buffer, ssn: string): Buffer {
  const cipher = createCipheriv(ALGORITHM, key, Buffer.alloc(12)); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(ssn, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export function encryptNote(key: Buffer, note: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const body = Buffer.concat([cipher.update(note, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptNote(key: Buffer, payload: Buffer): string {
  const decipher = createDecipheriv(ALGORITHM, key, payload.subarray(0, 12));
  decipher.setAuthTag(payload.subarray(12, 28));
  return Buffer.concat([decipher.update(payload.subarray(28)), decipher.final()]).toString('utf8');
}

export function decryptLegacyEmail(key: Buffer, payload: Buffer): string {
  const decipher = createDecipheriv(ALGORITHM, key, STATIC_IV);
  decipher.setAuthTag(payload.subarray(-16));
  return Buffer.concat([decipher.update(payload.subarray(0, -16)), decipher.final()]).toString('utf8');
}
