import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  DATA_KEY_LENGTH,
  DisposedError,
  hexDecode,
  hexEncode,
  InvalidArgumentError,
  InvalidKeyError,
  nobleBackend,
  type AeadBackend,
} from '../src/index.js';
import { nodeBackend } from '../src/node.js';

// Property tests run thousands of cases; CI shares two cores with other suites.
vi.setConfig({ testTimeout: 30_000 });

const backends: readonly AeadBackend[] = [nobleBackend, nodeBackend()];
const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('envelope data-key wrap (AES-256 on two blocks)', () => {
  // FIPS 197 Appendix C.3 (AES-256): the wrap is the bare block cipher on each 16-byte half.
  const fipsKey = hexDecode('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
  const fipsPlain = hexDecode('00112233445566778899aabbccddeeff');
  const fipsCipher = '8ea2b7ca516745bfeafc49904b496089';

  for (const backend of backends) {
    it(`${backend.name}: matches the FIPS 197 AES-256 known answer on both halves, and unwraps it`, () => {
      const wrap = backend.createDataKeyWrap(fipsKey);
      const out = new Uint8Array(32);
      wrap.wrap(Uint8Array.from([...fipsPlain, ...fipsPlain]), out);
      expect(hexEncode(out)).toBe(fipsCipher + fipsCipher);
      expect(hexEncode(wrap.unwrap(out))).toBe(hexEncode(fipsPlain) + hexEncode(fipsPlain));
    });

    it(`${backend.name}: generate() gives distinct random keys whose wrapped form unwraps to them (across batch boundaries)`, () => {
      const wrap = backend.createDataKeyWrap(new Uint8Array(32).fill(7));
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) {
        const wrapped = new Uint8Array(32);
        const dataKey = wrap.generate(wrapped);
        expect(dataKey.length).toBe(DATA_KEY_LENGTH);
        expect(hexEncode(wrap.unwrap(wrapped))).toBe(hexEncode(dataKey));
        const check = new Uint8Array(32);
        wrap.wrap(dataKey, check);
        expect(check).toEqual(wrapped);
        seen.add(hexEncode(dataKey));
      }
      expect(seen.size).toBe(300);
    });

    it(`${backend.name}: a batch of keys wraps and unwraps in one call, as each key would alone`, () => {
      fc.assert(
        fc.property(key32, fc.array(key32, { minLength: 1, maxLength: 20 }), (wrappingKey, dataKeys) => {
          const wrap = backend.createDataKeyWrap(wrappingKey);
          const batch = new Uint8Array(dataKeys.length * 32);
          dataKeys.forEach((k, i) => batch.set(k, i * 32));
          const out = new Uint8Array(batch.length);
          wrap.wrap(batch, out);
          dataKeys.forEach((k, i) => {
            const one = new Uint8Array(32);
            wrap.wrap(k, one);
            expect(out.subarray(i * 32, i * 32 + 32)).toEqual(one);
          });
          expect(wrap.unwrap(out)).toEqual(batch);
        }),
        { numRuns: 50 },
      );
    });

    it(`${backend.name}: refuses wrong sizes with typed errors and works no more after destroy()`, () => {
      expect(() => backend.createDataKeyWrap(new Uint8Array(16))).toThrow(InvalidKeyError);
      const wrap = backend.createDataKeyWrap(new Uint8Array(32).fill(1));
      expect(() => wrap.wrap(new Uint8Array(31), new Uint8Array(32))).toThrow(InvalidArgumentError);
      expect(() => wrap.wrap(new Uint8Array(32), new Uint8Array(16))).toThrow(InvalidArgumentError);
      expect(() => wrap.unwrap(new Uint8Array(48))).toThrow(InvalidArgumentError);
      expect(() => wrap.unwrap(new Uint8Array(0))).toThrow(InvalidArgumentError);
      expect(() => wrap.wrap(new Uint8Array(64), new Uint8Array(32))).toThrow(InvalidArgumentError);
      expect(() => wrap.generate(new Uint8Array(8))).toThrow(InvalidArgumentError);
      wrap.destroy();
      expect(() => wrap.generate(new Uint8Array(32))).toThrow(DisposedError);
      expect(() => wrap.unwrap(new Uint8Array(32))).toThrow(DisposedError);
    });
  }

  it('both backends compute the same wrap for any key and data key, and each unwraps the other', () => {
    const [noble, node] = backends;
    fc.assert(
      fc.property(key32, key32, (wrappingKey, dataKey) => {
        const a = new Uint8Array(32);
        const b = new Uint8Array(32);
        noble!.createDataKeyWrap(wrappingKey).wrap(dataKey, a);
        node!.createDataKeyWrap(wrappingKey).wrap(dataKey, b);
        expect(hexEncode(a)).toBe(hexEncode(b));
        expect(node!.createDataKeyWrap(wrappingKey).unwrap(a)).toEqual(dataKey);
        expect(noble!.createDataKeyWrap(wrappingKey).unwrap(b)).toEqual(dataKey);
      }),
      { numRuns: 200 },
    );
  });

  it('the caller may zero the wrapping key after creating the wrap (the wrap keeps its own copy)', () => {
    for (const backend of backends) {
      const wrappingKey = new Uint8Array(32).fill(9);
      const wrap = backend.createDataKeyWrap(wrappingKey);
      const reference = new Uint8Array(32);
      backend.createDataKeyWrap(new Uint8Array(32).fill(9)).wrap(new Uint8Array(32).fill(3), reference);
      wrappingKey.fill(0);
      const out = new Uint8Array(32);
      wrap.wrap(new Uint8Array(32).fill(3), out);
      expect(out).toEqual(reference);
    }
  });
});
