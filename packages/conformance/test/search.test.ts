import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { constants, deflateRawSync, deflateSync, gzipSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCanary, Needles } from '../src/index.js';
import { base32, mayBeRawDeflate } from '../src/search/encodings.js';
import { findKeystreamReuse } from '../src/search/keystream.js';
import { candidateKeys, decryptsWith, findStoredKeys } from '../src/search/stored-keys.js';

const xor = (data: Buffer, key: Buffer): Buffer => Buffer.from(data.map((byte, i) => byte ^ key[i % key.length]!));

const canaryArb = fc.tuple(fc.boolean(), fc.integer()).map(([unicode]) => makeCanary(unicode));

/** Every way a store might hide a secret, with a name for the failure message. */
const disguises: Array<[string, (s: string) => Buffer | string]> = [
  ['raw inside text', (s) => `{"token":"${s}"}`],
  ['hex', (s) => Buffer.from(s).toString('hex')],
  ['upper-case hex', (s) => `0x${Buffer.from(s).toString('hex').toUpperCase()}`],
  ['base64 at offset 1', (s) => `x${Buffer.from(`a${s}`).toString('base64')}`],
  ['base64 inside a longer value', (s) => Buffer.from(`prefix-${s}-suffix`).toString('base64')],
  ['base64url', (s) => Buffer.from(`ab${s}`).toString('base64url')],
  ['URL-encoded', (s) => `a=${encodeURIComponent(s)}&b=1`],
  ['UTF-16LE', (s) => Buffer.from(s, 'utf16le')],
  ['UTF-16BE', (s) => Buffer.from(s, 'utf16le').swap16()],
  [
    'JSON-escaped',
    (s) =>
      JSON.stringify({ v: s }).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
  ],
  ['gzip', (s) => gzipSync(Buffer.from(s))],
  ['deflate', (s) => deflateSync(Buffer.from(s))],
  ['raw deflate (fixed codes)', (s) => deflateRawSync(Buffer.from(`v=${s}`))],
  ['raw deflate (stored block)', (s) => deflateRawSync(Buffer.from(s), { level: 0 })],
  ['raw deflate (dynamic codes)', (s) => deflateRawSync(Buffer.from(`${s} ${'lorem ipsum dolor '.repeat(30)}`))],
  ['base64 of gzip', (s) => gzipSync(Buffer.from(s)).toString('base64')],
  ['bytea hex text', (s) => `\\x${Buffer.from(s).toString('hex')}`],
  ['upper-cased', (s) => `TOKEN=${s.toUpperCase()}`],
  ['reversed', (s) => [...s].reverse().join('')],
  ['base32', (s) => base32(Buffer.from(`k:${s}`))],
  ['lower-case base32', (s) => base32(Buffer.from(s)).toLowerCase()],
  ['XOR with a constant byte', (s) => xor(Buffer.from(`v1${s}`), Buffer.of(0x5a))],
  ['XOR with a repeated 5-byte key, base64', (s) => xor(Buffer.from(s), Buffer.from('k3y!9')).toString('base64')],
  ['XOR with a repeated 16-byte key', (s) => xor(Buffer.from(s), Buffer.from('0123456789abcdef'))],
  ['SHA-256 hex', (s) => `fp=${createHash('sha256').update(s).digest('hex')}`],
  ['SHA-256 bytes', (s) => Buffer.concat([Buffer.of(1), createHash('sha256').update(s).digest()])],
  ['SHA-1 base64', (s) => createHash('sha1').update(s).digest('base64')],
  ['MD5 upper-case hex', (s) => createHash('md5').update(s).digest('hex').toUpperCase()],
  ['SHA-512 base64url', (s) => createHash('sha512').update(s).digest('base64url')],
];

describe('Needles', () => {
  it.each(disguises)('finds a canary stored as %s', (_, disguise) => {
    fc.assert(
      fc.property(canaryArb, (canary) => {
        expect(new Needles([canary]).search(disguise(canary), 'here').map((h) => h.needle)).toContain(0);
      }),
      { numRuns: 20 },
    );
  });

  it('finds nothing in other random secrets, their encodings or random bytes', () => {
    fc.assert(
      fc.property(canaryArb, canaryArb, fc.uint8Array({ minLength: 0, maxLength: 300 }), (needle, other, bytes) => {
        const needles = new Needles([needle]);
        for (const [, disguise] of disguises) expect(needles.search(disguise(other), 'here')).toEqual([]);
        expect(needles.search(Buffer.from(bytes), 'here')).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('finds a secret XOR-ed with a repeated key of every length up to 16 and names the shortest key', () => {
    const secrets = [makeCanary(), makeCanary(true), 'shc-short-secret-20b'];
    for (const secret of secrets) {
      const raw = Buffer.from(secret);
      for (let length = 1; length <= Math.min(16, raw.length - 12); length++) {
        const key = randomBytes(length);
        const hits = new Needles([secret]).search(Buffer.concat([randomBytes(3), xor(raw, key)]), 'here');
        const expected =
          length === 1 ? 'XOR with a constant byte' : `XOR with a repeated key of ${length} bytes or fewer`;
        // A random key may repeat itself (period 2 for a 4-byte key ab ab): the key found is then shorter.
        const period = [...Array(length).keys()]
          .map((p) => p + 1)
          .find((p) => length % p === 0 && key.subarray(p).equals(key.subarray(0, length - p)));
        expect(hits.map((h) => h.encoding)).toEqual([
          period === length
            ? expected
            : period === 1
              ? 'XOR with a constant byte'
              : `XOR with a repeated key of ${period} bytes or fewer`,
        ]);
      }
    }
  });

  it('names the place of each search when the same value is searched again', () => {
    const canary = makeCanary();
    const needles = new Needles([canary]);
    const long = `${'x'.repeat(100)}${Buffer.from(canary).toString('base64')}`;
    for (const value of [canary, long, Buffer.from(long)]) {
      const first = needles.search(value, 'first');
      expect(first.length).toBeGreaterThan(0);
      expect(first.every((h) => h.location === 'first')).toBe(true);
      expect(needles.search(value, 'second')).toEqual(first.map((h) => ({ ...h, location: 'second' })));
    }
    expect(needles.search(long.replace('x', 'y'), 'third').length).toBeGreaterThan(0);
    expect(needles.search('x'.repeat(100), 'fourth')).toEqual([]);
  });

  it('finds raw byte strings (a deleted ciphertext) as bytes, hex and base64', () => {
    const bytes = Buffer.from('53484301a1b2c3d4e5f60718293a4b5c6d7e8f90', 'hex');
    const needles = new Needles([], [bytes]);
    expect(needles.search(Buffer.concat([Buffer.of(1, 2), bytes]), 't')).toHaveLength(1);
    expect(needles.search(`\\x${bytes.toString('hex')}`, 't').length).toBeGreaterThan(0);
    expect(needles.search(bytes.toString('base64'), 't').length).toBeGreaterThan(0);
  });

  it('with fragments, finds any 8 characters of a secret in a row, in any case, and allows a last-4 hint', () => {
    fc.assert(
      fc.property(canaryArb, fc.integer({ min: 4, max: 22 }), (canary, start) => {
        const needles = new Needles([canary], [], { fragments: true });
        expect(needles.search(`prefix=${canary.slice(0, 12)}`, 'here').map((h) => h.needle)).toEqual([0]);
        expect(needles.search(canary.slice(start, start + 8).toUpperCase(), 'here').map((h) => h.needle)).toEqual([0]);
        expect(needles.search(`hint=…${canary.slice(-4)}`, 'here')).toEqual([]);
        expect(new Needles([canary]).search(canary.slice(0, 12), 'here')).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('with fragments, finds a prefix of 5 characters past shc- and a suffix of 6, not a first-4 or last-4 hint', () => {
    fc.assert(
      fc.property(canaryArb, (canary) => {
        const needles = new Needles([canary], [], { fragments: true });
        expect(needles.search(`{"preview":"${canary.slice(0, 9)}…"}`, 'here').map((h) => h.needle)).toEqual([0]);
        expect(needles.search(`…${canary.slice(-6).toUpperCase()}`, 'here').map((h) => h.needle)).toEqual([0]);
        expect(needles.search(`${canary.slice(0, 8)}… …${canary.slice(-4)}`, 'here')).toEqual([]);
        expect(new Needles([canary]).search(canary.slice(0, 10), 'here')).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});

describe('findStoredKeys', () => {
  /** A record of `secret` under `key`: a header of random length, the nonce, the ciphertext, the tag. */
  const seal = (mode: string, key: Buffer, secret: string): Buffer => {
    const iv = randomBytes(mode === 'aes-256-gcm' ? 12 : 16);
    const cipher = createCipheriv(mode, key, mode === 'aes-256-ecb' ? null : iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    const tag = mode === 'aes-256-gcm' ? (cipher as unknown as { getAuthTag(): Buffer }).getAuthTag() : Buffer.alloc(0);
    return Buffer.concat([randomBytes(1 + (iv[0]! % 9)), mode === 'aes-256-ecb' ? Buffer.alloc(0) : iv, body, tag]);
  };

  it.each(['aes-256-gcm', 'aes-256-ctr', 'aes-256-cbc', 'aes-256-ecb'])(
    'finds the key of a %s record stored beside it (hex, base64 or bytes), and no other key',
    (mode) => {
      fc.assert(
        fc.property(canaryArb, fc.constantFrom('hex', 'base64', 'bytes'), (secret, spelling) => {
          const key = randomBytes(32);
          const record = { plaintext: secret, bytes: seal(mode, key, secret), label: 'r' };
          const stored = spelling === 'bytes' ? key : key.toString(spelling as 'hex' | 'base64');
          const candidates = [...candidateKeys(stored, 'keys table'), ...candidateKeys(randomBytes(32), 'elsewhere')];
          expect(findStoredKeys(candidates, [record]).map((f) => f.location)).toEqual(['keys table']);
          expect(decryptsWith(randomBytes(32), record)).toBeUndefined();
        }),
        { numRuns: 10 },
      );
    },
  );

  it('finds a key inside JSON text, and nothing with random keys', () => {
    const key = randomBytes(32);
    const secret = makeCanary();
    const record = { plaintext: secret, bytes: seal('aes-256-gcm', key, secret), label: 'r' };
    const json = JSON.stringify({ alg: 'A256GCM', dek: key.toString('base64'), created: 1 });
    expect(findStoredKeys(candidateKeys(json, 'meta'), [record])).toHaveLength(1);
    const noise = Array.from({ length: 50 }, () => candidateKeys(randomBytes(32), 'noise')).flat();
    expect(findStoredKeys(noise, [record])).toEqual([]);
  });
});

describe('findKeystreamReuse', () => {
  it('pairs two different secrets encrypted with one keystream at any offset, and nothing among random records', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), canaryArb, canaryArb, (offset, first, second) => {
        const keystream = randomBytes(offset + 80);
        const seal = (secret: string) => {
          const out = Buffer.from(keystream);
          Buffer.from(secret).forEach((byte, i) => (out[offset + i] = keystream[offset + i]! ^ byte));
          return out;
        };
        const random = Array.from({ length: 20 }, () => ({
          plaintext: makeCanary(),
          bytes: randomBytes(90),
          label: 'r',
        }));
        expect(findKeystreamReuse(random)).toEqual([]);
        const reused = findKeystreamReuse([
          ...random,
          { plaintext: first, bytes: seal(first), label: 'a' },
          { plaintext: second, bytes: seal(second), label: 'b' },
        ]);
        expect(reused.map((r) => [r.first.label, r.second.label, r.offset])).toEqual([['a', 'b', offset]]);
      }),
      { numRuns: 20 },
    );
  });
});

describe('mayBeRawDeflate', () => {
  const inflates = (bytes: Buffer): boolean => {
    try {
      return inflateRawSync(bytes).length > 0;
    } catch {
      return false;
    }
  };
  const streamArb = fc
    .tuple(
      fc.uint8Array({ minLength: 1, maxLength: 300 }),
      fc.constantFrom(
        constants.Z_DEFAULT_STRATEGY,
        constants.Z_FIXED,
        constants.Z_HUFFMAN_ONLY,
        constants.Z_RLE,
        constants.Z_FILTERED,
      ),
      fc.integer({ min: 0, max: 9 }),
      fc.boolean(),
    )
    .map(([data, strategy, level, text]) =>
      deflateRawSync(text ? Buffer.from(Buffer.from(data).toString('base64').repeat(2)) : Buffer.from(data), {
        strategy,
        level,
      }),
    );

  it('never rejects what zlib inflates: real streams, cut short, with a bit flipped, and random bytes', () => {
    fc.assert(
      fc.property(streamArb, fc.nat(), fc.nat(), (stream, at, bit) => {
        const flipped = Buffer.from(stream);
        flipped[at % flipped.length]! ^= 1 << (bit % 8);
        for (const bytes of [stream, stream.subarray(0, stream.length - 1 - (at % 4)), flipped]) {
          if (inflates(bytes)) expect(mayBeRawDeflate(bytes)).toBe(true);
        }
        expect(mayBeRawDeflate(stream)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 200 }), (data) => {
        const bytes = Buffer.from(data);
        if (inflates(bytes)) expect(mayBeRawDeflate(bytes)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects almost every random byte string and text without calling zlib', () => {
    const samples = [
      ...Array.from({ length: 1000 }, (_, i) => randomBytes(16 + (i % 100))),
      ...Array.from({ length: 1000 }, (_, i) =>
        Buffer.from(randomBytes(12 + (i % 90)).toString(i % 2 ? 'hex' : 'base64')),
      ),
    ];
    const plausible = samples.filter((bytes) => mayBeRawDeflate(bytes)).length;
    expect(plausible).toBeLessThan(samples.length / 20);
  });
});
