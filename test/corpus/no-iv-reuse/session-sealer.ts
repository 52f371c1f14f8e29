import { createCipheriv, randomBytes, webcrypto } from 'node:crypto';

let messageCounter = 0;
const SESSION_NONCE = Buffer.from('session-nonce');

export function sealSession(key: Buffer, session: object): string {
  const cipher = createCipheriv('chacha20-poly1305', key, SESSION_NONCE.subarray(0, 12), { authTagLength: 16 }); // expect: no-iv-reuse
  const body = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
  return `${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

export function sealCounter(key: Buffer, payload: string): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUInt32BE(++messageCounter, 8);
  const cipher = createCipheriv('aes-256-gcm', key, nonce); // expect: no-iv-reuse
  return Buffer.concat([nonce, cipher.update(payload, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export async function sealWebcrypto(key: webcrypto.CryptoKey, payload: Uint8Array): Promise<Uint8Array> {
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const body = new Uint8Array(await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, payload));
  const out = new Uint8Array(12 + body.length);
  out.set(iv);
  out.set(body, 12);
  return out;
}

export async function sealWebcryptoStatic(key: webcrypto.CryptoKey, payload: Uint8Array): Promise<ArrayBuffer> {
  return webcrypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, payload); // expect: no-iv-reuse
}

export function sealOnce(key: Buffer, payload: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([nonce, cipher.update(payload, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}
