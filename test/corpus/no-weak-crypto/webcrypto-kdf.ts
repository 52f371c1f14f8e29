const encoder = new TextEncoder();

export async function deriveVaultKey(password: string, salt: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 100_000, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']); // expect: no-weak-crypto
}

export async function deriveVaultKeyStrong(password: string, salt: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600_000, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function deriveBitsSha1(password: string, salt: Uint8Array): Promise<ArrayBuffer> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  return crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 500_000, hash: 'SHA-1' }, material, 256); // expect: no-weak-crypto
}

export async function contentDigest(body: Uint8Array): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-1', body);
}

export async function passwordDigest(password: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', encoder.encode(password)); // expect: no-weak-crypto
}
