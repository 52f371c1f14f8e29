import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64Decode,
  base64Encode,
  base64urlDecode,
  base64urlEncode,
  EncodingError,
  hexDecode,
  hexEncode,
  utf8Decode,
} from '../src/index.js';
import { prefixedBase64url } from '../src/encoding.js';

const NodeBuffer = Buffer;

/** Runs `fn` with globalThis.Buffer hidden, so the encoders take their pure-JS (browser) path. */
function withoutBuffer(fn: () => void): void {
  const g = globalThis as { Buffer?: unknown };
  g.Buffer = undefined;
  try {
    fn();
  } finally {
    g.Buffer = NodeBuffer;
  }
}

for (const path of ['native', 'pure JS'] as const) {
  const run = path === 'native' ? (fn: () => void) => fn() : withoutBuffer;
  describe(`encoding (${path} path)`, () => {
    it('matches Buffer on round trips', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 500, maxLength: 1500 })),
          (bytes) => {
            const buf = NodeBuffer.from(bytes);
            const [b64url, b64, hx] = [buf.toString('base64url'), buf.toString('base64'), buf.toString('hex')];
            run(() => {
              expect(base64urlEncode(bytes)).toBe(b64url);
              expect(base64Encode(bytes)).toBe(b64);
              expect(hexEncode(bytes)).toBe(hx);
              expect(NodeBuffer.compare(base64urlDecode(b64url), buf)).toBe(0);
              expect(NodeBuffer.compare(base64Decode(b64), buf)).toBe(0);
              expect(NodeBuffer.compare(hexDecode(hx), buf)).toBe(0);
            });
          },
        ),
        { numRuns: 100 },
      );
    });

    it('is canonical: a changed character is an error or different bytes', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.uint8Array({ minLength: 600, maxLength: 1200 })),
          fc.nat(),
          fc.string({ minLength: 1, maxLength: 1 }),
          (bytes, at, ch) => {
            const text = NodeBuffer.from(bytes).toString('base64url');
            const i = at % text.length;
            const changed = text.slice(0, i) + ch + text.slice(i + 1);
            fc.pre(changed !== text);
            run(() => {
              try {
                expect(NodeBuffer.compare(base64urlDecode(changed), bytes)).not.toBe(0);
              } catch (error) {
                expect(error).toBeInstanceOf(EncodingError);
              }
            });
          },
        ),
        { numRuns: 300 },
      );
    });

    it.each(['A', 'AB=', 'AB==', 'A B', 'AB+', 'AB/', 'AF', '\u00e9A', 'AAAA\n'])('base64url rejects %j', (text) => {
      run(() => expect(() => base64urlDecode(text)).toThrow(EncodingError));
    });
  });
}

describe('encoding', () => {
  it.each(['A', 'AB=', 'A===', 'AB=A', 'AF==', 'AB-_'])('base64 rejects %j', (text) => {
    expect(() => base64Decode(text)).toThrow(EncodingError);
  });
  it.each(['a', 'zz', '0g', ' 00'])('hex rejects %j', (text) => {
    expect(() => hexDecode(text)).toThrow(EncodingError);
  });
  it('utf8Decode rejects invalid sequences with EncodingError', () => {
    expect(() => utf8Decode(Uint8Array.of(0xc3, 0x28))).toThrow(EncodingError);
  });
  it('large texts (over a megabyte of base64, built and decoded on their own path) are exactly as strict', () => {
    const bytes = Uint8Array.from({ length: 800_000 }, (_, i) => (i * 7919) & 0xff);
    const text = prefixedBase64url('shc:v1:k1:aes256gcm:', bytes);
    expect(text).toBe('shc:v1:k1:aes256gcm:' + NodeBuffer.from(bytes).toString('base64url'));
    const body = text.slice('shc:v1:k1:aes256gcm:'.length);
    expect(body.length).toBeGreaterThan(1_031_913);
    // A byte comparison: toEqual walks 800,000 elements one by one (10-17 s on a loaded machine).
    expect(NodeBuffer.from(base64urlDecode(body)).equals(bytes)).toBe(true);
    const at = 400_001;
    for (const bad of ['+', '/', ':']) {
      expect(() => base64urlDecode(body.slice(0, at) + bad + body.slice(at + 1))).toThrow(EncodingError);
    }
    expect(body.length % 4).toBe(3);
    expect(() => base64urlDecode(body + 'AA')).toThrow(EncodingError); // impossible length
    expect(prefixedBase64url('p:', Uint8Array.of(1, 2, 3))).toBe('p:AQID');
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
