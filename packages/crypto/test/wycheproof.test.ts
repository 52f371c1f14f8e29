// Project Wycheproof (C2SP/wycheproof, commit dac1dd4729fd1f8dd9e1e9f3dce51d783da6c166, testvectors_v1/,
// Apache-2.0; see shared/vectors/wycheproof/README.md) for every AEAD backend and for HKDF.
import { describe, expect, it, vi } from 'vitest';
import {
  aeadDecrypt,
  aeadEncrypt,
  DecryptionError,
  hkdf,
  InvalidArgumentError,
  nobleBackend,
  type AeadBackend,
  type AeadConstruction,
  type HkdfHash,
} from '../src/index.js';
import { nodeBackend } from '../src/node.js';
import { hex, loadWycheproof, toHex, type AeadGroup, type HkdfGroup } from './vectors.js';

// Property tests run thousands of cases; CI shares two cores with other suites.
vi.setConfig({ testTimeout: 30_000 });

const backends: readonly AeadBackend[] = [nobleBackend, nodeBackend()];

const aeadFiles: readonly { file: string; construction: AeadConstruction }[] = [
  { file: 'aes_gcm_test.json', construction: 'aes-gcm' },
  { file: 'chacha20_poly1305_test.json', construction: 'chacha20-poly1305' },
  { file: 'xchacha20_poly1305_test.json', construction: 'xchacha20-poly1305' },
];

/** Our rule for raw inputs (both backends): GCM nonces of 8..128 bytes; (X)ChaCha nonces of exactly 12/24. */
const nonceAccepted = (construction: AeadConstruction, ivBits: number): boolean =>
  construction === 'aes-gcm'
    ? ivBits >= 64 && ivBits <= 1024
    : ivBits === (construction === 'chacha20-poly1305' ? 96 : 192);

for (const { file, construction } of aeadFiles) {
  const data = loadWycheproof<AeadGroup>(file);
  const vectors = data.testGroups.flatMap((g) => g.tests.map((t) => ({ g, t })));
  const count = (pred: (x: (typeof vectors)[number]) => boolean) => vectors.filter(pred).length;
  const valid = count((x) => x.t.result === 'valid');
  const invalid = count((x) => x.t.result === 'invalid');
  const rejectedNonce = count((x) => !nonceAccepted(construction, x.g.ivSize));

  for (const backend of backends) {
    describe(`${file} on ${backend.name} (${vectors.length} vectors: ${valid} valid, ${invalid} invalid; ${rejectedNonce} with nonce sizes we refuse)`, () => {
      it(`the file is complete (${data.numberOfTests} tests)`, () => {
        expect(vectors.length).toBe(data.numberOfTests);
        expect(count((x) => x.t.result === 'acceptable')).toBe(0);
      });

      it(`valid vectors encrypt to ct||tag and decrypt to msg (${valid - count((x) => x.t.result === 'valid' && !nonceAccepted(construction, x.g.ivSize))} with accepted nonce sizes)`, () => {
        let checked = 0;
        for (const { g, t } of vectors) {
          if (t.result !== 'valid' || !nonceAccepted(construction, g.ivSize)) continue;
          const [key, iv, aad, msg] = [hex(t.key), hex(t.iv), hex(t.aad), hex(t.msg)];
          const sealed = backend.seal(construction, key, iv, msg, aad);
          expect(toHex(sealed), `tcId ${t.tcId}`).toBe(t.ct + t.tag);
          expect(toHex(backend.open(construction, key, iv, sealed, aad)), `tcId ${t.tcId}`).toBe(t.msg);
          checked++;
        }
        expect(checked).toBeGreaterThan(0);
      });

      it(`invalid vectors are rejected (${invalid})`, () => {
        for (const { g, t } of vectors) {
          if (t.result !== 'invalid') continue;
          const open = () => backend.open(construction, hex(t.key), hex(t.iv), hex(t.ct + t.tag), hex(t.aad));
          // Invalid tags fail authentication; invalid nonce sizes fail our input check.
          expect(open, `tcId ${t.tcId}`).toThrow(
            nonceAccepted(construction, g.ivSize) ? DecryptionError : InvalidArgumentError,
          );
        }
      });

      it(`vectors with nonce sizes we refuse are refused in both directions (${rejectedNonce}; SmallIv/ZeroLengthIv/InvalidNonceSize)`, () => {
        for (const { g, t } of vectors) {
          if (nonceAccepted(construction, g.ivSize)) continue;
          expect(
            () => backend.seal(construction, hex(t.key), hex(t.iv), hex(t.msg), hex(t.aad)),
            `tcId ${t.tcId}`,
          ).toThrow(InvalidArgumentError);
          expect(
            () => backend.open(construction, hex(t.key), hex(t.iv), hex(t.ct + t.tag), hex(t.aad)),
            `tcId ${t.tcId}`,
          ).toThrow(InvalidArgumentError);
        }
      });

      if (construction !== 'chacha20-poly1305') {
        const algorithm = construction === 'aes-gcm' ? 'aes-256-gcm' : 'xchacha20-poly1305';
        const ivBits = construction === 'aes-gcm' ? 96 : 192;
        const profile = vectors.filter((x) => x.g.keySize === 256 && x.g.ivSize === ivBits);
        it(`production profile through aeadDecrypt (${profile.length} vectors with 256-bit key, ${ivBits}-bit nonce)`, () => {
          expect(profile.length).toBeGreaterThan(0);
          for (const { t } of profile) {
            const run = () =>
              aeadDecrypt(algorithm, hex(t.key), hex(t.iv), hex(t.ct + t.tag), { aad: hex(t.aad), backend });
            if (t.result === 'valid') expect(toHex(run()), `tcId ${t.tcId}`).toBe(t.msg);
            else expect(run, `tcId ${t.tcId}`).toThrow(DecryptionError);
          }
          // And our encrypt path opens under the vector keys.
          const { t } = profile[0]!;
          const sealed = aeadEncrypt(algorithm, hex(t.key), hex(t.msg), { aad: hex(t.aad), backend });
          expect(
            toHex(aeadDecrypt(algorithm, hex(t.key), sealed.nonce, sealed.ciphertext, { aad: hex(t.aad), backend })),
          ).toBe(t.msg);
        });
      }
    });
  }
}

const hkdfFiles: readonly { file: string; hash: HkdfHash }[] = [
  { file: 'hkdf_sha256_test.json', hash: 'sha256' },
  { file: 'hkdf_sha384_test.json', hash: 'sha384' },
  { file: 'hkdf_sha512_test.json', hash: 'sha512' },
  { file: 'hkdf_sha1_test.json', hash: 'sha1' },
];

for (const { file, hash } of hkdfFiles) {
  const data = loadWycheproof<HkdfGroup>(file);
  const vectors = data.testGroups.flatMap((g) => g.tests);
  const valid = vectors.filter((t) => t.result === 'valid');
  const invalid = vectors.filter((t) => t.result === 'invalid');
  describe(`${file} (${vectors.length} vectors: ${valid.length} valid, ${invalid.length} invalid)`, () => {
    it(`the file is complete (${data.numberOfTests} tests)`, () => {
      expect(vectors.length).toBe(data.numberOfTests);
    });
    it(`valid vectors derive okm (${valid.length})`, () => {
      for (const t of valid)
        expect(toHex(hkdf(hash, hex(t.ikm), hex(t.salt), hex(t.info), t.size)), `tcId ${t.tcId}`).toBe(t.okm);
    });
    it(`invalid vectors (SizeTooLarge) throw (${invalid.length})`, () => {
      expect(invalid.length).toBeGreaterThan(0);
      for (const t of invalid)
        expect(() => hkdf(hash, hex(t.ikm), hex(t.salt), hex(t.info), t.size), `tcId ${t.tcId}`).toThrow(
          InvalidArgumentError,
        );
    });
  });
}
