import { createCipheriv, createDecipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';

const log = new Logger('Vault');
const MASTER_PASSWORD = process.env.VAULT_MASTER_PASSWORD ?? ''; // expect-strict: no-env-fallback
const SALT = Buffer.from('vault-salt-v1');
const VAULT_IV = randomBytes(12);

export function deriveKey(password: string): Buffer {
  return pbkdf2Sync(password, SALT, 50_000, 32, 'sha256'); // expect: no-weak-crypto
}

export function seal(plaintext: string): Buffer {
  const key = deriveKey(MASTER_PASSWORD);
  const cipher = createCipheriv('aes-256-gcm', key, VAULT_IV); // expect: no-iv-reuse
  log.debug(`sealing ${plaintext.length} bytes`);
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export function sealFresh(plaintext: string): Buffer {
  const key = deriveKey(MASTER_PASSWORD);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export function open(sealed: Buffer): string {
  const key = deriveKey(MASTER_PASSWORD);
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(-16));
  const secretValue = Buffer.concat([decipher.update(sealed.subarray(12, -16)), decipher.final()]).toString('utf8');
  log.verbose(`opened vault entry: ${secretValue}`); // expect: no-secret-logging
  log.verbose(`opened vault entry (${secretValue.length} chars)`);
  return secretValue;
}

export function openUnauthenticated(key: Buffer, iv: Buffer, body: Buffer): Buffer {
  const decipher = createDecipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 }); // expect: no-weak-crypto
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

export function masterPasswordCheck(candidate: string): boolean {
  const hashed = createHash('md5').update(candidate).digest('hex'); // expect: no-weak-crypto
  return hashed === createHash('md5').update(MASTER_PASSWORD).digest('hex'); // expect: no-weak-crypto // expect-strict: no-timing-unsafe-compare
}
