import forge from 'node-forge';
import crypto from 'node:crypto';
import { ctr, cbc } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';

const APP_IV = crypto.randomBytes(16);
const HEX_NONCE = '000102030405060708090a0b';
const textIv = new TextEncoder().encode('abcdefghijklmnop');

export function forgeEncrypt(key: string, data: string): string {
  const cipher = forge.cipher.createCipher('AES-CBC', key);
  cipher.start({ iv: 'fedcba9876543210' }); // expect: no-iv-reuse
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.toHex();
}

export function forgeEncryptFresh(key: string, data: string): { iv: string; body: string } {
  const iv = forge.random.getBytesSync(16);
  const cipher = forge.cipher.createCipher('AES-CBC', key);
  cipher.start({ iv });
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return { iv, body: cipher.output.toHex() };
}

export function ctrStream(key: Buffer, data: Buffer): Buffer {
  const cipher = crypto.createCipheriv('aes-256-ctr', key, APP_IV); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function gcmHex(key: Buffer, data: Buffer): Buffer {
  const cipher = crypto.createCipheriv('aes-256-gcm', key, Buffer.from(HEX_NONCE, 'hex')); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}

export function nobleCtr(key: Uint8Array, data: Uint8Array): Uint8Array {
  return ctr(key, textIv).encrypt(data); // expect: no-iv-reuse
}

export function nobleCbcFresh(key: Uint8Array, data: Uint8Array): Uint8Array {
  const iv = randomBytes(16);
  return new Uint8Array([...iv, ...cbc(key, iv).encrypt(data)]);
}

export function nobleCbcStatic(key: Uint8Array, data: Uint8Array): Uint8Array {
  return cbc(key, new Uint8Array(16)).encrypt(data); // expect: no-iv-reuse
}

export function gcmEnvIv(key: Buffer, data: Buffer): Buffer {
  const cipher = crypto.createCipheriv('aes-256-gcm', key, Buffer.from(process.env.GCM_IV!, 'base64')); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}

export function ctrDecrypt(key: Buffer, data: Buffer): Buffer {
  const decipher = crypto.createDecipheriv('aes-256-ctr', key, APP_IV);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

export function ecbNoIv(key: Buffer, block: Buffer): Buffer {
  const cipher = crypto.createCipheriv('aes-128-ecb', key, null); // expect: no-weak-crypto
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

export async function main(): Promise<void> {
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  process.stdout.write(Buffer.concat([cipher.update('hello'), cipher.final()]).toString('hex'));
}
