import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

interface DataKey {
  plaintext: Buffer;
  ciphertextBlob: Buffer;
}

declare function generateDataKey(): Promise<DataKey>;

const FIXED_NONCE = Buffer.alloc(12, 0);

export async function encryptDocument(doc: Buffer) {
  const dataKey = await generateDataKey();
  const cipher = createCipheriv('aes-256-gcm', dataKey.plaintext, FIXED_NONCE);
  return { key: dataKey.ciphertextBlob, body: Buffer.concat([cipher.update(doc), cipher.final(), cipher.getAuthTag()]) };
}

export async function encryptDocumentFresh(doc: Buffer) {
  const dataKey = await generateDataKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey.plaintext, iv);
  return { key: dataKey.ciphertextBlob, iv, body: Buffer.concat([cipher.update(doc), cipher.final(), cipher.getAuthTag()]) };
}

export function decryptDocument(plaintextKey: Buffer, body: Buffer) {
  const decipher = createDecipheriv('aes-256-gcm', plaintextKey, FIXED_NONCE);
  decipher.setAuthTag(body.subarray(-16));
  return Buffer.concat([decipher.update(body.subarray(0, -16)), decipher.final()]);
}

export function encryptMany(masterKey: Buffer, docs: Buffer[]) {
  return docs.map((doc) => {
    const cipher = createCipheriv('aes-256-gcm', masterKey, FIXED_NONCE); // expect: no-iv-reuse
    return Buffer.concat([cipher.update(doc), cipher.final(), cipher.getAuthTag()]);
  });
}

export function encryptSameNonceTwice(key: Buffer, header: Buffer, body: Buffer) {
  const nonce = randomBytes(12);
  const headerCipher = createCipheriv('aes-256-gcm', key, nonce);
  const bodyCipher = createCipheriv('aes-256-gcm', key, nonce); // expect: no-iv-reuse
  return [Buffer.concat([headerCipher.update(header), headerCipher.final()]), Buffer.concat([bodyCipher.update(body), bodyCipher.final()])];
}

const sharedKey = randomBytes(32);
const sharedIv = randomBytes(12);

export function encryptShared(doc: Buffer) {
  const cipher = createCipheriv('aes-256-gcm', sharedKey, sharedIv); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(doc), cipher.final(), cipher.getAuthTag()]);
}

export function encryptWithIvFromConfig(key: Buffer, doc: Buffer, config: { iv: string }) {
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(config.iv, 'hex'));
  return Buffer.concat([cipher.update(doc), cipher.final(), cipher.getAuthTag()]);
}
