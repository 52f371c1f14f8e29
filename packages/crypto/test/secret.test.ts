import { format, inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  constantTimeEqual,
  DisposedError,
  InvalidArgumentError,
  mask,
  REDACTED,
  Secret,
  secret,
} from '../src/index.js';

// Property tests run thousands of cases; CI shares two cores with other suites.
vi.setConfig({ testTimeout: 30_000 });

// Not a real credential format, so secret scanners (ours included) have nothing to flag here.
const VALUE = 'example-token-4eC39HqLyjWDarjtT1zdp7dc';

describe('Secret', () => {
  const s = secret(VALUE);

  it('prints [REDACTED] through String, template literals, concatenation and JSON', () => {
    expect(String(s)).toBe(REDACTED);
    expect(`${s}`).toBe(REDACTED);
    expect('key=' + s).toBe('key=' + REDACTED);
    expect(JSON.stringify({ apiKey: s })).toBe(`{"apiKey":"${REDACTED}"}`);
    expect(s.toString()).toBe(REDACTED);
  });

  it('prints [REDACTED] through util.inspect, util.format and console-style formatting', () => {
    for (const text of [
      inspect(s),
      inspect(s, { showHidden: true, depth: Infinity, getters: true }),
      inspect({ nested: { s } }),
      format('%s %o', s, s),
      format('%O %j %s', s, { s }, [s]),
      format(s),
    ]) {
      expect(text).toContain(REDACTED);
      expect(text).not.toContain(VALUE);
      expect(text).not.toContain('example-token');
    }
  });

  it('does not leak through Object.keys, entries, spread, Object.assign or structuredClone', () => {
    expect(Object.keys(s)).toEqual([]);
    expect(Object.entries(s)).toEqual([]);
    expect(Object.getOwnPropertyNames(s)).toEqual([]);
    expect(JSON.stringify({ ...s })).toBe('{}');
    expect(JSON.stringify(Object.assign({}, s))).toBe('{}');
    expect(JSON.stringify(structuredClone(s))).toBe('{}');
    expect(Object.prototype.toString.call(s)).toBe('[object Secret]');
  });

  it('reveal() is the way out; dispose() zeroes bytes and closes it', () => {
    expect(s.reveal()).toBe(VALUE);
    expect(s.use((v) => v.length)).toBe(VALUE.length);
    const bytes = Uint8Array.of(1, 2, 3);
    const b = new Secret(bytes);
    b.dispose();
    expect(Array.from(bytes)).toEqual([0, 0, 0]);
    expect(b.disposed).toBe(true);
    expect(() => b.reveal()).toThrow(DisposedError);
  });

  it('equals compares in constant time against values and Secrets', () => {
    expect(s.equals(VALUE)).toBe(true);
    expect(s.equals(secret(VALUE))).toBe(true);
    expect(s.equals(VALUE + 'x')).toBe(false);
    expect(() => secret(42).equals(42)).toThrow(InvalidArgumentError);
  });
});

describe('constantTimeEqual', () => {
  it('agrees with ordinary equality on bytes and strings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(Buffer.compare(a, b) === 0);
        expect(constantTimeEqual(a, a.slice())).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b);
      }),
    );
    expect(constantTimeEqual(Uint8Array.of(0), new Uint8Array(0))).toBe(false);
  });
});

describe('mask', () => {
  it('shows a short prefix and suffix, at most a quarter of the value', () => {
    expect(mask(VALUE)).toBe('exam…p7dc');
    expect(mask(VALUE, { prefix: 8, suffix: 0 })).toBe('example-…');
    expect(mask('abcdefghijkl')).toBe('abc…');
    expect(mask('short')).toBe(REDACTED);
    expect(mask(secret(VALUE))).toBe('exam…p7dc');
  });

  it('never reveals more than a quarter of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.nat(20), fc.nat(20), (value, prefix, suffix) => {
        const out = mask(value, { prefix, suffix, fill: '' });
        if (out !== REDACTED)
          expect(Array.from(out).length).toBeLessThanOrEqual(Math.floor(Array.from(value).length / 4));
      }),
    );
  });
});
