const encoder = new TextEncoder();
const FIXED_IV = new Uint8Array(12);

export async function encryptDraft(key: CryptoKey, draft: string): Promise<ArrayBuffer> {
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: FIXED_IV }, key, encoder.encode(draft)); // expect: no-iv-reuse
}

export async function encryptByTime(key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer> {
  const iv = encoder.encode(String(Date.now()).padStart(12, '0'));
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data); // expect: no-iv-reuse
}

export async function encryptCbcConstant(key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer> {
  return window.crypto.subtle.encrypt({ name: 'AES-CBC', iv: encoder.encode('0000000000000000') }, key, data); // expect: no-iv-reuse
}

export async function encryptCtrZero(key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer> {
  return globalThis.crypto.subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 64 }, key, data); // expect: no-iv-reuse
}

export async function encryptFresh(key: CryptoKey, data: Uint8Array): Promise<{ iv: Uint8Array; ciphertext: Uint8Array }> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data));
  return { iv, ciphertext };
}

export async function decryptWithStoredIv(key: CryptoKey, iv: Uint8Array, ciphertext: Uint8Array): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext);
  return new TextDecoder().decode(plain);
}

export async function decryptLegacy(key: CryptoKey, ciphertext: Uint8Array): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: FIXED_IV }, key, ciphertext);
}
