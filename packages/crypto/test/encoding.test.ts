import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, base64urlDecode, base64urlEncode, EncodingError, hexDecode, hexEncode, utf8Decode } from '../src/index.js';

describe('encoding', () => {
  it('matches Buffer on round trips, small (pure JS) and large (native) inputs alike', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 500, maxLength: 1500 })), (bytes) => {
        const buf = Buffer.from(bytes);
        expect(base64urlEncode(bytes)).toBe(buf.toString('base64url'));
        expect(base64Encode(bytes)).toBe(buf.toString('base64'));
        expect(hexEncode(bytes)).toBe(buf.toString('hex'));
        // Buffer.compare: toEqual walks typed arrays element by element, which is slow at this size.
        expect(Buffer.compare(base64urlDecode(buf.toString('base64url')), buf)).toBe(0);
        expect(Buffer.compare(base64Decode(buf.toString('base64')), buf)).toBe(0);
        expect(Buffer.compare(hexDecode(buf.toString('hex')), buf)).toBe(0);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('is canonical: a changed character is an error or different bytes, at any size', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.uint8Array({ minLength: 600, maxLength: 1200 })), fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (bytes, at, ch) => {
        const text = base64urlEncode(bytes);
        const i = at % text.length;
        const changed = text.slice(0, i) + ch + text.slice(i + 1);
        fc.pre(changed !== text);
        try {
          expect(Buffer.compare(base64urlDecode(changed), bytes)).not.toBe(0);
        } catch (error) {
          expect(error).toBeInstanceOf(EncodingError);
        }
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it.each(['A', 'AB=', 'AB==', 'A B', 'AB+', 'AB/', 'AF', '\u00e9A'])('base64url rejects %j', (text) => {
    expect(() => base64urlDecode(text)).toThrow(EncodingError);
  });
  it.each(['A', 'AB=', 'A===', 'AB=A', 'AF==', 'AB-_'])('base64 rejects %j', (text) => {
    expect(() => base64Decode(text)).toThrow(EncodingError);
  });
  it.each(['a', 'zz', '0g', ' 00'])('hex rejects %j', (text) => {
    expect(() => hexDecode(text)).toThrow(EncodingError);
  });
  it('utf8Decode rejects invalid sequences with EncodingError', () => {
    expect(() => utf8Decode(Uint8Array.of(0xc3, 0x28))).toThrow(EncodingError);
  });
  it('error messages never quote the input', () => {
    const input = 'c2VjcmV0LXZhbHVl!';
    try {
      base64Decode(input);
      expect.fail('should throw');
    } catch (error) {
      expect((error as Error).message).not.toContain('c2VjcmV0');
    }
  });
});
