import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  convertRecord,
  CryptoError,
  DecryptionError,
  FormatError,
  Keyring,
  nobleBackend,
  parseRecord,
  recordFromBytes,
  recordFromText,
  recordToBytes,
  recordToText,
  UnsupportedVersionError,
  type AeadAlgorithm,
  type EncryptedRecord,
  type RecordLayer,
} from '../src/index.js';
import { nodeBackend } from '../src/node.js';

// Property tests run thousands of cases; CI shares two cores with other suites.
vi.setConfig({ testTimeout: 30_000 });

const keyId = fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/);
const algorithm = fc.constantFrom<AeadAlgorithm>('aes-256-gcm', 'xchacha20-poly1305');
const layer = (alg: AeadAlgorithm, committed: boolean, ctLength?: number): fc.Arbitrary<RecordLayer> =>
  fc
    .record({
      nonce: fc.uint8Array({ minLength: alg === 'aes-256-gcm' ? 12 : 24, maxLength: alg === 'aes-256-gcm' ? 12 : 24 }),
      commitment: committed ? fc.uint8Array({ minLength: 32, maxLength: 32 }) : fc.constant(undefined),
      ciphertext:
        ctLength === undefined
          ? fc.uint8Array({ minLength: 16, maxLength: 200 })
          : fc.uint8Array({ minLength: ctLength, maxLength: ctLength }),
    })
    .map((l) => (l.commitment ? l : { nonce: l.nonce, ciphertext: l.ciphertext }));

const record: fc.Arbitrary<EncryptedRecord> = fc
  .record({ keyId, algorithm, envelope: fc.boolean(), committed: fc.boolean() })
  .chain((h) =>
    fc
      .record({
        data: layer(h.algorithm, h.committed),
        wrappedKey: h.envelope ? fc.uint8Array({ minLength: 32, maxLength: 32 }) : fc.constant(undefined),
      })
      .map((l) =>
        l.wrappedKey
          ? { version: 1 as const, ...h, data: l.data, wrappedKey: l.wrappedKey }
          : { version: 1 as const, ...h, data: l.data },
      ),
  );

const plain = (r: EncryptedRecord) =>
  JSON.parse(JSON.stringify(r, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)));

describe('serialize / parse', () => {
  it('text and bytes forms round-trip any record', () => {
    fc.assert(
      fc.property(record, (r) => {
        const text = recordToText(r);
        expect(text).toMatch(/^shc:v1:[A-Za-z0-9._-]+:[a-z0-9]+(\+env)?(\+kc)?:[A-Za-z0-9_-]+$/);
        expect(plain(recordFromText(text))).toEqual(plain(r));
        expect(plain(recordFromBytes(recordToBytes(r)))).toEqual(plain(r));
        expect(convertRecord(convertRecord(text, 'bytes'), 'text')).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('the text form is ASCII-safe and starts with the documented prefix', () => {
    const keyring = new Keyring([{ id: 'k1', key: new Uint8Array(32).fill(1), state: 'primary' }]);
    expect(keyring.encryptToString('x')).toMatch(/^shc:v1:k1:aes256gcm:[A-Za-z0-9_-]+$/);
    expect(keyring.encryptToString('x', { envelope: true, commit: true })).toMatch(/^shc:v1:k1:aes256gcm\+env\+kc:/);
    expect(Array.from(keyring.encrypt('x').subarray(0, 9))).toEqual([0x53, 0x48, 0x43, 1, 1, 0, 2, 0x6b, 0x31]);
  });

  it('has the sizes docs/crypto.md states (header 7+L, wrapped key 32, nonce, commitment 32, tag 16)', () => {
    const keyring = new Keyring([{ id: 'k1', key: new Uint8Array(32).fill(1), state: 'primary' }]);
    const m = new Uint8Array(64);
    expect(keyring.encrypt(m).length).toBe(101);
    expect(keyring.encrypt(m, { envelope: true }).length).toBe(133);
    expect(keyring.encrypt(m, { commit: true }).length).toBe(133);
    expect(keyring.encrypt(m, { envelope: true, commit: true }).length).toBe(165);
    const x = new Keyring([
      { id: 'k1', key: new Uint8Array(32).fill(1), state: 'primary', algorithm: 'xchacha20-poly1305' },
    ]);
    expect(Array.from(x.encrypt(m).subarray(3, 6))).toEqual([1, 2, 0]);
    expect(x.encrypt(m).length).toBe(113);
    expect(Array.from(keyring.encrypt(m, { envelope: true, commit: true }).subarray(3, 6))).toEqual([1, 1, 3]);
  });

  it('unknown versions are UnsupportedVersionError in both forms', () => {
    expect(() => parseRecord('shc:v2:k1:aes256gcm:AAAA')).toThrow(UnsupportedVersionError);
    expect(() => parseRecord('shc:v0:k1:aes256gcm:AAAA')).toThrow(UnsupportedVersionError);
    expect(() => parseRecord(Uint8Array.of(0x53, 0x48, 0x43, 2, 1, 0, 1, 0x6b))).toThrow(UnsupportedVersionError);
  });

  it.each([
    ['empty', ''],
    ['vault prefix', 'vault:v1:abc'],
    ['missing body', 'shc:v1:k1:aes256gcm'],
    ['bad key id', 'shc:v1:k 1:aes256gcm:AAAA'],
    ['unknown algorithm', 'shc:v1:k1:aes128cbc:' + 'A'.repeat(40)],
    ['flags out of order', 'shc:v1:k1:aes256gcm+kc+env:' + 'A'.repeat(40)],
    ['padding', 'shc:v1:k1:aes256gcm:' + 'A'.repeat(38) + '=='],
    ['standard base64 alphabet', 'shc:v1:k1:aes256gcm:' + '+'.repeat(40)],
    ['truncated body', 'shc:v1:k1:aes256gcm:AAAA'],
    ['non-canonical trailing bits', 'shc:v1:k1:aes256gcm:' + 'A'.repeat(38) + 'B'],
    ['trailing newline', 'shc:v1:k1:aes256gcm:' + 'A'.repeat(40) + '\n'],
  ])('text: %s is a FormatError', (_name, text) => {
    expect(() => parseRecord(text)).toThrow(FormatError);
  });

  it.each([
    ['empty', []],
    ['wrong magic', [0x53, 0x48, 0x44, 1, 1, 0, 1, 0x6b]],
    ['unknown algorithm id', [0x53, 0x48, 0x43, 1, 9, 0, 1, 0x6b, ...new Array(28).fill(0)]],
    ['unknown flag bit', [0x53, 0x48, 0x43, 1, 1, 4, 1, 0x6b, ...new Array(28).fill(0)]],
    ['zero-length key id', [0x53, 0x48, 0x43, 1, 1, 0, 0, ...new Array(28).fill(0)]],
    ['key id past the end', [0x53, 0x48, 0x43, 1, 1, 0, 60, 0x6b]],
    ['key id with a colon', [0x53, 0x48, 0x43, 1, 1, 0, 1, 0x3a, ...new Array(28).fill(0)]],
    ['shorter than nonce + tag', [0x53, 0x48, 0x43, 1, 1, 0, 1, 0x6b, ...new Array(27).fill(0)]],
  ])('bytes: %s is a FormatError', (_name, bytes) => {
    expect(() => parseRecord(Uint8Array.from(bytes))).toThrow(FormatError);
  });

  it('fuzzed strings and bytes give a record or a typed error, never anything else', () => {
    const keyring = new Keyring([{ id: 'k1', key: new Uint8Array(32).fill(3), state: 'primary' }], {
      backend: nobleBackend,
    });
    const valid = keyring.encryptToString('hello', { envelope: true, commit: true });
    const validBytes = keyring.encrypt('hello');
    const mutatedText = fc
      .tuple(fc.nat(valid.length), fc.nat(valid.length), fc.string({ maxLength: 8 }))
      .map(([a, b, s]) => valid.slice(0, Math.min(a, b)) + s + valid.slice(Math.max(a, b)));
    const mutatedBytes = fc
      .tuple(fc.nat(validBytes.length), fc.uint8Array({ maxLength: 8 }))
      .map(([a, s]) => Uint8Array.from([...validBytes.subarray(0, a), ...s, ...validBytes.subarray(a + s.length)]));
    const inputs = fc.oneof(
      fc.string(),
      fc.string().map((s) => 'shc:v1:' + s),
      fc.stringMatching(/^shc:v[0-9]:[a-z0-9:+._-]{0,80}$/),
      mutatedText,
      fc.uint8Array({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x53, 0x48, 0x43, 1, ...b])),
      mutatedBytes,
    );
    fc.assert(
      fc.property(inputs, (input) => {
        try {
          parseRecord(input);
        } catch (error) {
          expect(error).toBeInstanceOf(CryptoError);
        }
        try {
          keyring.decrypt(input);
        } catch (error) {
          expect(error).toBeInstanceOf(CryptoError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('tamper rejection', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i);
  for (const backend of [nobleBackend, nodeBackend()]) {
    const keyring = new Keyring([{ id: 'tenant-key.1', key, state: 'primary' }], { backend });
    const options = fc.record({ envelope: fc.boolean(), commit: fc.boolean() });
    it(`${backend.name}: any single-bit flip anywhere in a record (header, nonce, commitment, wrapped key, ciphertext, tag) is rejected`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 100 }), options, fc.nat(), (msg, opts, bit) => {
          const sealed = keyring.encrypt(msg, { ...opts, aad: { row: 7 } });
          const i = bit % (sealed.length * 8);
          sealed[i >> 3]! ^= 1 << (i & 7);
          expect(() => keyring.decrypt(sealed, { aad: { row: 7 } })).toThrow(CryptoError);
        }),
        { numRuns: 400 },
      );
    });

    it(`${backend.name}: any single-bit flip of the associated data is rejected with DecryptionError`, () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 64 }),
          fc.uint8Array({ minLength: 1, maxLength: 40 }),
          options,
          fc.nat(),
          (msg, aad, opts, bit) => {
            const sealed = keyring.encrypt(msg, { ...opts, aad });
            const flipped = aad.slice();
            const i = bit % (aad.length * 8);
            flipped[i >> 3]! ^= 1 << (i & 7);
            expect(() => keyring.decrypt(sealed, { aad: flipped })).toThrow(DecryptionError);
            expect(keyring.decrypt(sealed, { aad })).toEqual(msg);
          },
        ),
        { numRuns: 300 },
      );
    });

    it(`${backend.name}: a ciphertext moved to another row, column or tenant does not decrypt`, () => {
      const context = { tenant: 't1', table: 'users', column: 'api_key', row: 42 };
      const stored = keyring.encryptToString('sk_live_value', { aad: context });
      expect(keyring.decryptToString(stored, { aad: context })).toBe('sk_live_value');
      for (const moved of [
        { ...context, row: 43 },
        { ...context, column: 'password' },
        { ...context, tenant: 't2' },
        { ...context, row: '42' },
      ]) {
        expect(() => keyring.decrypt(stored, { aad: moved })).toThrow(DecryptionError);
      }
      expect(() => keyring.decrypt(stored)).toThrow(DecryptionError);
    });

    it(`${backend.name}: editing the text header (flags, algorithm) fails authentication or parsing`, () => {
      const stored = keyring.encryptToString('v', { envelope: false });
      const variants = [
        stored.replace(':aes256gcm:', ':aes256gcm+kc:'),
        stored.replace(':aes256gcm:', ':xchacha20poly1305:'),
        stored.replace(':aes256gcm:', ':aes256gcm+env:'),
      ];
      for (const v of variants) expect(() => keyring.decrypt(v)).toThrow(CryptoError);
    });
  }

  it('decryption uses only the key the header names (no trial decryption)', () => {
    const k1 = new Uint8Array(32).fill(1);
    const k2 = new Uint8Array(32).fill(2);
    const a = new Keyring([{ id: 'k1', key: k1, state: 'primary' }]);
    const both = new Keyring([
      { id: 'k1', key: k2, state: 'primary' }, // same id, different material: must fail, not fall back
      { id: 'k0', key: k1, state: 'staged' },
    ]);
    expect(() => both.decrypt(a.encrypt('m'))).toThrow(DecryptionError);
  });
});
