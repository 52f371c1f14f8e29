// Key commitment, demonstrated: an AES-GCM ciphertext crafted to authenticate under two keys (the
// "invisible salamanders" / partitioning-oracle construction of Dodis et al. 2018 and Len et al. 2021)
// opens under both keyrings without commitment, and under only one with it.
import { createCipheriv, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, encodeAssociatedData, encodeHeader, Keyring } from '../src/index.js';

const toBig = (b: Uint8Array): bigint => BigInt('0x' + (Buffer.from(b).toString('hex') || '0'));
const toBlock = (x: bigint): Uint8Array => Uint8Array.from(Buffer.from(x.toString(16).padStart(32, '0'), 'hex'));
const R = 0xe1n << 120n;

/** Multiplication in GF(2^128) with GCM's bit order (NIST SP 800-38D, Algorithm 1). */
function gmul(x: bigint, y: bigint): bigint {
  let z = 0n;
  let v = y;
  for (let i = 127n; i >= 0n; i--) {
    if ((x >> i) & 1n) z ^= v;
    v = v & 1n ? (v >> 1n) ^ R : v >> 1n;
  }
  return z;
}
/** x^(2^128 - 2) = x^-1. */
function ginv(x: bigint): bigint {
  let result = 1n << 127n; // the field's 1 in GCM bit order
  let base = x;
  let e = (1n << 128n) - 2n;
  while (e > 0n) {
    if (e & 1n) result = gmul(result, base);
    base = gmul(base, base);
    e >>= 1n;
  }
  return result;
}
const aesBlock = (key: Uint8Array, block: Uint8Array): bigint => {
  // One raw AES block, as GCM itself computes H = AES_K(0^128) and AES_K(J0); not used to encrypt data.
  const c = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  return toBig(Uint8Array.from(Buffer.concat([c.update(block), c.final()])));
};
const blocks = (data: Uint8Array): bigint[] => {
  const out: bigint[] = [];
  for (let i = 0; i < data.length; i += 16) {
    const b = new Uint8Array(16);
    b.set(data.subarray(i, i + 16));
    out.push(toBig(b));
  }
  return out;
};
/** GCM tag for a 96-bit nonce. */
function gcmTag(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ct: Uint8Array): bigint {
  const h = aesBlock(key, new Uint8Array(16));
  let y = 0n;
  for (const b of [...blocks(aad), ...blocks(ct), (BigInt(aad.length * 8) << 64n) | BigInt(ct.length * 8)])
    y = gmul(y ^ b, h);
  const j0 = new Uint8Array(16);
  j0.set(nonce);
  j0[15] = 1;
  return y ^ aesBlock(key, j0);
}

const k1 = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const k2 = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);

/** A direct record under key id "k1" whose two-block ciphertext authenticates under both k1 and k2. */
function salamander(committed: boolean): Uint8Array {
  const header = encodeHeader({ keyId: 'k1', algorithm: 'aes-256-gcm', envelope: false, committed });
  const aad = Uint8Array.from([...header, 0x00, ...encodeAssociatedData(undefined)]);
  const nonce = new Uint8Array(12).fill(7);
  const ct = new Uint8Array(32).fill(0x42);
  ct.fill(0, 16); // second block is solved for
  const h1 = aesBlock(k1, new Uint8Array(16));
  const h2 = aesBlock(k2, new Uint8Array(16));
  // The tag is linear in the last ciphertext block, with coefficient H^2: solve T1 = T2 for it.
  const c2 = gmul(gcmTag(k1, nonce, aad, ct) ^ gcmTag(k2, nonce, aad, ct), ginv(gmul(h1, h1) ^ gmul(h2, h2)));
  ct.set(toBlock(c2), 16);
  const tag = gcmTag(k1, nonce, aad, ct);
  expect(gcmTag(k2, nonce, aad, ct)).toBe(tag);
  let commitment = new Uint8Array(0);
  if (committed) {
    const commitKey = createHmac('sha256', k1).update('secret-hygiene/v1 key-commitment\x01').digest();
    commitment = Uint8Array.from(
      createHmac('sha256', commitKey)
        .update(Uint8Array.from([...header, 0x00, ...nonce]))
        .digest(),
    );
  }
  return Uint8Array.from([...header, ...nonce, ...commitment, ...ct, ...toBlock(tag)]);
}

describe('key commitment', () => {
  it('the GHASH model matches node:crypto (so the crafted records below are real GCM)', () => {
    const nonce = new Uint8Array(12).fill(3);
    const aad = Uint8Array.of(1, 2, 3);
    // A fixed nonce on purpose: one encryption, to check the GHASH model against OpenSSL.
    const c = createCipheriv('aes-256-gcm', k1, nonce);
    c.setAAD(aad);
    const ct = Uint8Array.from(Buffer.concat([c.update(new Uint8Array(40).fill(9)), c.final()]));
    expect(toBlock(gcmTag(k1, nonce, aad, ct))).toEqual(Uint8Array.from(c.getAuthTag()));
  });

  const alice = (commit: boolean) => new Keyring([{ id: 'k1', key: k1, state: 'primary' }], { commit });
  const mallory = (commit: boolean) => new Keyring([{ id: 'k1', key: k2, state: 'primary' }], { commit });

  it('without commitment, one crafted AES-GCM record decrypts under two different keys', () => {
    const record = salamander(false);
    const a = alice(false).decrypt(record);
    const b = mallory(false).decrypt(record);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('with commitment, the same construction opens under the committed key only', () => {
    const record = salamander(true);
    expect(alice(true).decrypt(record).length).toBe(32);
    const error = (() => {
      try {
        mallory(true).decrypt(record);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DecryptionError);
    expect((error as Error).message).toContain('commitment');
  });

  it('requireCommitment refuses uncommitted records, so the attacker cannot just drop the commitment', () => {
    const strict = new Keyring([{ id: 'k1', key: k2, state: 'primary' }], { commit: true, requireCommitment: true });
    expect(() => strict.decrypt(salamander(false))).toThrow(DecryptionError);
    expect(() => strict.rewrap(salamander(false))).toThrow(DecryptionError);
    expect(strict.decryptToString(strict.encrypt('ok'))).toBe('ok');
  });
});
