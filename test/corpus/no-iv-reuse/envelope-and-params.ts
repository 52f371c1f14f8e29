import { createCipheriv, randomBytes } from 'node:crypto';

export function sealWith(key: Buffer, data: Buffer, iv: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}

export function sealProfile(key: Buffer, profile: Buffer): Buffer {
  return sealWith(key, profile, Buffer.alloc(12)); // expect: no-iv-reuse
}

export function sealAvatar(key: Buffer, avatar: Buffer): Buffer {
  return sealWith(key, avatar, randomBytes(12));
}

export function sealDefault(key: Buffer, data: Buffer, iv = Buffer.alloc(12, 1)): Buffer { // expect: no-iv-reuse
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}

export function envelopeEncrypt(data: Buffer): { dek: Buffer; ciphertext: Buffer } {
  const dek = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', dek, Buffer.alloc(12));
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  return { dek, ciphertext };
}

export function sealHrtime(key: Buffer, data: Buffer): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(process.hrtime.bigint(), 4);
  const cipher = createCipheriv('aes-256-gcm', key, iv); // expect: no-iv-reuse
  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}

export function sealBranches(key: Buffer, data: Buffer, compress: boolean): Buffer {
  const iv = randomBytes(12);
  if (compress) {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  } else {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  }
}
