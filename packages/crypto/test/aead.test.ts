import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  aeadDecrypt,
  aeadEncrypt,
  createNonce,
  CryptoError,
  DecryptionError,
  defaultBackend,
  InvalidArgumentError,
  InvalidKeyError,
  nobleBackend,
  type AeadAlgorithm,
  type AeadBackend,
  type AeadConstruction,
} from '../src/index.js';
import { nodeBackend } from '../src/node.js';

// Property tests run thousands of cases; CI shares two cores with other suites.
vi.setConfig({ testTimeout: 30_000 });

const node = nodeBackend();
const backends: readonly AeadBackend[] = [nobleBackend, node];
const algorithms: readonly AeadAlgorithm[] = ['aes-256-gcm', 'xchacha20-poly1305'];
const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
const bytes = (max: number) => fc.uint8Array({ maxLength: max });

describe('aead round trip', () => {
  for (const backend of backends) {
    for (const algorithm of algorithms) {
      it(`${algorithm} on ${backend.name}: decrypt(encrypt(m)) = m, and the nonce has the right size`, () => {
        fc.assert(
          fc.property(key32, bytes(300), bytes(64), (key, msg, aad) => {
            const sealed = aeadEncrypt(algorithm, key, msg, { aad, backend });
            expect(sealed.nonce.length).toBe(algorithm === 'aes-256-gcm' ? 12 : 24);
            expect(sealed.ciphertext.length).toBe(msg.length + 16);
            expect(aeadDecrypt(algorithm, key, sealed.nonce, sealed.ciphertext, { aad, backend })).toEqual(msg);
          }),
          { numRuns: 200 },
        );
      });
    }
  }
});

describe('noble and node:crypto agree', () => {
  const cases: readonly {
    construction: AeadConstruction;
    keyLengths: readonly number[];
    nonce: fc.Arbitrary<Uint8Array>;
  }[] = [
    { construction: 'aes-gcm', keyLengths: [16, 24, 32], nonce: fc.uint8Array({ minLength: 8, maxLength: 128 }) },
    { construction: 'chacha20-poly1305', keyLengths: [32], nonce: fc.uint8Array({ minLength: 12, maxLength: 12 }) },
    { construction: 'xchacha20-poly1305', keyLengths: [32], nonce: fc.uint8Array({ minLength: 24, maxLength: 24 }) },
  ];
  for (const { construction, keyLengths, nonce } of cases) {
    it(`${construction}: same ciphertext and tag for the same inputs, each opens the other's`, () => {
      const key = fc.constantFrom(...keyLengths).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
      fc.assert(
        fc.property(key, nonce, bytes(600), bytes(80), (k, n, msg, aad) => {
          const a = nobleBackend.seal(construction, k, n, msg, aad);
          const b = node.seal(construction, k, n, msg, aad);
          expect(b).toEqual(a);
          expect(node.open(construction, k, n, a, aad)).toEqual(msg);
          expect(nobleBackend.open(construction, k, n, b, aad)).toEqual(msg);
        }),
        { numRuns: 300 },
      );
    });
    it(`${construction}: both reject the same tampered input`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), nonce, bytes(100), fc.nat(), (k, n, msg, bit) => {
          const nn = construction === 'aes-gcm' ? n : n;
          const sealed = nobleBackend.seal(construction, k, nn, msg, new Uint8Array(0));
          const i = bit % (sealed.length * 8);
          sealed[i >> 3]! ^= 1 << (i & 7);
          expect(() => nobleBackend.open(construction, k, nn, sealed, new Uint8Array(0))).toThrow(DecryptionError);
          expect(() => node.open(construction, k, nn, sealed, new Uint8Array(0))).toThrow(DecryptionError);
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('nonces', () => {
  it('no repeated nonce over 1,000,000 encryptions (the nonce code path encrypt uses, default backend)', () => {
    // Sort the first 48 bits of each nonce as exact doubles; check full 96-bit equality on the rare ties.
    const backend = defaultBackend();
    const n = 1_000_000;
    const all = new Uint8Array(n * 12);
    const prefix = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = createNonce('aes-256-gcm', backend);
      all.set(x, i * 12);
      prefix[i] = x[0]! * 2 ** 40 + x[1]! * 2 ** 32 + (((x[2]! << 24) | (x[3]! << 16) | (x[4]! << 8) | x[5]!) >>> 0);
    }
    const sorted = prefix.slice().sort();
    const tied = new Set<number>();
    for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) tied.add(sorted[i]!);
    const full = new Set<string>();
    let candidates = 0;
    for (let i = 0; i < n; i++) {
      if (!tied.has(prefix[i]!)) continue;
      candidates++;
      full.add(Buffer.from(all.subarray(i * 12, i * 12 + 12)).toString('hex'));
    }
    expect(full.size).toBe(candidates);
    expect(tied.size).toBeLessThan(10); // 48-bit prefixes: even a tie is rare (expected 0.002)
  });

  it('no repeated nonce over 50,000 draws on the portable (noble/getRandomValues) path', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const nonce = createNonce('aes-256-gcm', nobleBackend);
      seen.add(Buffer.from(nonce.buffer, nonce.byteOffset, 12).toString('latin1'));
    }
    expect(seen.size).toBe(50_000);
  });

  it('two encryptions of the same message under the same key differ', () => {
    for (const backend of backends) {
      const key = new Uint8Array(32);
      const a = aeadEncrypt('aes-256-gcm', key, new Uint8Array(16), { backend });
      const b = aeadEncrypt('aes-256-gcm', key, new Uint8Array(16), { backend });
      expect(a.nonce).not.toEqual(b.nonce);
      expect(a.ciphertext).not.toEqual(b.ciphertext);
    }
  });
});

describe('aead input checks', () => {
  const secretKey = Uint8Array.from({ length: 31 }, (_, i) => 0xa0 + i);
  it.each(backends.map((b) => [b.name, b] as const))(
    '%s: a 31-byte key is an InvalidKeyError that does not print the key',
    (_name, backend) => {
      let error: unknown;
      try {
        aeadEncrypt('aes-256-gcm', secretKey, new Uint8Array(1), { backend });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidKeyError);
      const message = (error as Error).message;
      expect(message).toContain('32 bytes');
      expect(message).not.toContain(Buffer.from(secretKey).toString('hex'));
      expect(message).not.toContain(Buffer.from(secretKey).toString('base64'));
    },
  );

  it('rejects unknown algorithms, wrong nonce sizes and non-bytes with typed errors', () => {
    const key = new Uint8Array(32);
    expect(() => aeadEncrypt('aes-128-cbc' as AeadAlgorithm, key, new Uint8Array(1))).toThrow(InvalidArgumentError);
    expect(() => aeadDecrypt('aes-256-gcm', key, new Uint8Array(24), new Uint8Array(16))).toThrow(InvalidArgumentError);
    expect(() => aeadEncrypt('aes-256-gcm', key, 'text' as unknown as Uint8Array)).toThrow(InvalidArgumentError);
    expect(() => aeadEncrypt('aes-256-gcm', 'k'.repeat(32) as unknown as Uint8Array, new Uint8Array(1))).toThrow(
      InvalidKeyError,
    );
    for (const backend of backends) {
      expect(() => aeadDecrypt('aes-256-gcm', key, new Uint8Array(12), new Uint8Array(15), { backend })).toThrow(
        DecryptionError,
      );
      expect(() => backend.randomBytes(-1)).toThrow(InvalidArgumentError);
    }
  });

  it('wrong key or associated data fails authentication on every backend', () => {
    fc.assert(
      fc.property(key32, key32, bytes(64), bytes(16), bytes(16), (k1, k2, msg, a1, a2) => {
        fc.pre(Buffer.compare(k1, k2) !== 0 && Buffer.compare(a1, a2) !== 0);
        for (const backend of backends) {
          const s = aeadEncrypt('aes-256-gcm', k1, msg, { aad: a1, backend });
          expect(() => aeadDecrypt('aes-256-gcm', k2, s.nonce, s.ciphertext, { aad: a1, backend })).toThrow(
            CryptoError,
          );
          expect(() => aeadDecrypt('aes-256-gcm', k1, s.nonce, s.ciphertext, { aad: a2, backend })).toThrow(
            DecryptionError,
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});
