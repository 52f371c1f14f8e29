import { xchacha20poly1305, chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { gcm, gcmsiv } from '@noble/ciphers/aes.js';
import { managedNonce, randomBytes } from '@noble/ciphers/utils.js';

const ZERO_NONCE = new Uint8Array(24);
const sharedNonce = randomBytes(12);

export function sealMessage(key: Uint8Array, message: Uint8Array): Uint8Array {
  return xchacha20poly1305(key, ZERO_NONCE).encrypt(message); // expect: no-iv-reuse
}

export function sealRecord(key: Uint8Array, record: Uint8Array): Uint8Array {
  return chacha20poly1305(key, sharedNonce).encrypt(record); // expect: no-iv-reuse
}

export function sealKeyDerived(key: Uint8Array, record: Uint8Array): Uint8Array {
  const nonce = key.subarray(0, 12);
  return gcm(key, nonce).encrypt(record); // expect: no-iv-reuse
}

export function sealFresh(key: Uint8Array, record: Uint8Array): Uint8Array {
  const nonce = randomBytes(24);
  const ciphertext = xchacha20poly1305(key, nonce).encrypt(record);
  const out = new Uint8Array(nonce.length + ciphertext.length);
  out.set(nonce);
  out.set(ciphertext, nonce.length);
  return out;
}

export const sealManaged = (key: Uint8Array, message: Uint8Array) => managedNonce(xchacha20poly1305)(key).encrypt(message);

export function sealSiv(key: Uint8Array, message: Uint8Array): Uint8Array {
  return gcmsiv(key, ZERO_NONCE.subarray(0, 12)).encrypt(message);
}

export function openMessage(key: Uint8Array, sealed: Uint8Array): Uint8Array {
  return xchacha20poly1305(key, sealed.subarray(0, 24)).decrypt(sealed.subarray(24));
}

export function openLegacy(key: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  return xchacha20poly1305(key, ZERO_NONCE).decrypt(ciphertext);
}
