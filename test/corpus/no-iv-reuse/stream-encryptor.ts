import { createCipheriv, randomBytes, randomFillSync } from 'node:crypto';
import { Transform } from 'node:stream';

const CHUNK_NONCE = Buffer.from('chunk-nonce!');

export function encryptChunks(key: Buffer): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const cipher = createCipheriv('aes-256-gcm', key, CHUNK_NONCE); // expect: no-iv-reuse
      done(null, Buffer.concat([cipher.update(chunk), cipher.final(), cipher.getAuthTag()]));
    },
  });
}

export function encryptChunksFresh(key: Buffer): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const nonce = randomFillSync(Buffer.alloc(12));
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      done(null, Buffer.concat([nonce, cipher.update(chunk), cipher.final(), cipher.getAuthTag()]));
    },
  });
}

export function makeEncryptor(key: Buffer): (data: Buffer) => Buffer {
  const iv = randomBytes(12);
  return (data) => {
    const cipher = createCipheriv('aes-256-gcm', key, iv); // expect: no-iv-reuse
    return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  };
}

export function makeEncryptorFresh(key: Buffer): (data: Buffer) => Buffer {
  return (data) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  };
}

export function encryptWithTimestampIv(key: Buffer, data: Buffer): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeDoubleBE(new Date().getTime(), 0);
  const cipher = createCipheriv('aes-256-cbc', key, iv); // expect: no-iv-reuse
  return Buffer.concat([iv, cipher.update(data), cipher.final()]);
}

export function encryptUserIdIv(key: Buffer, userId: string, data: Buffer): Buffer {
  const iv = Buffer.from(userId.padEnd(16, '0').slice(0, 16));
  const cipher = createCipheriv('aes-256-cbc', key, iv); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(data), cipher.final()]);
}
