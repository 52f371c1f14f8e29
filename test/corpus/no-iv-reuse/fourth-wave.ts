import crypto from 'node:crypto';

function encryptWith(key: Buffer, value: string, iv: Buffer): Buffer {
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final()]);
}

export function encryptAll(key: Buffer, values: string[]): Buffer[] {
  const iv = crypto.randomBytes(16);
  return values.map((value) => encryptWith(key, value, iv)); // expect: no-iv-reuse
}

export function encryptAllFresh(key: Buffer, values: string[]): Buffer[] {
  return values.map((value) => encryptWith(key, value, crypto.randomBytes(16)));
}

export function encryptFilled(key: Buffer, value: string): Buffer {
  const iv = Buffer.alloc(16);
  crypto.randomFillSync(iv);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final()]);
}
