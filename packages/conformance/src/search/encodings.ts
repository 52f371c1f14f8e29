import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** One way a secret may be spelled in storage or logs. */
export interface Spelling {
  /** Name of the encoding, e.g. `base64url` or `utf-16le`. */
  readonly encoding: string;
  readonly bytes: Buffer;
}

/** The base64 text of `data` as it appears inside a longer base64 text, at byte offset `shift` mod 3. */
function base64Inside(data: Buffer, shift: number, alphabet: 'base64' | 'base64url'): string | undefined {
  const encoded = Buffer.concat([Buffer.alloc(shift), data])
    .toString(alphabet)
    .replace(/=+$/, '');
  // Characters that mix in bits of the unknown neighbouring bytes are dropped at both ends.
  const start = Math.ceil((shift * 8) / 6);
  const end = Math.floor(((shift + data.length) * 8) / 6);
  const inner = encoded.slice(start, end);
  return inner.length >= 8 ? inner : undefined;
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (upper case, no padding). */
export function base32(data: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** The base32 text of `data` inside a longer base32 text, at byte offset `shift` mod 5 (characters mixing in unknown bits dropped). */
function base32Inside(data: Buffer, shift: number): string | undefined {
  const encoded = base32(Buffer.concat([Buffer.alloc(shift), data]));
  const start = Math.ceil((shift * 8) / 5);
  const end = Math.floor(((shift + data.length) * 8) / 5);
  const inner = encoded.slice(start, end);
  return inner.length >= 8 ? inner : undefined;
}

function jsonEscapedAscii(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Spellings of the secrets of a run: each canary is spelled for the redactor and for every search that looks for it. */
const spelled = new Map<string, readonly Spelling[]>();
/** Secrets whose spellings are kept (a run makes a few hundred; a long-lived process starts over). */
const maxSpelled = 4096;

/**
 * Every spelling of `secret` the search looks for: raw UTF-8, upper- and lower-cased, reversed,
 * hex (both cases), base64 and base64url at the three byte alignments, base32 (both cases) at the
 * five alignments, URL-encoded, UTF-16 LE/BE, and JSON-escaped. Computed once per secret.
 */
export function spellings(secret: string): readonly Spelling[] {
  const known = spelled.get(secret);
  if (known !== undefined) return known;
  if (spelled.size >= maxSpelled) spelled.clear();
  const out = spell(secret);
  spelled.set(secret, out);
  return out;
}

function spell(secret: string): readonly Spelling[] {
  const raw = Buffer.from(secret, 'utf8');
  const out: Spelling[] = [{ encoding: 'raw', bytes: raw }];
  const texts = new Set([secret]);
  const add = (encoding: string, text: string | undefined): void => {
    if (text === undefined || texts.has(text)) return;
    texts.add(text);
    out.push({ encoding, bytes: Buffer.from(text, 'utf8') });
  };
  add('upper-cased', secret.toUpperCase());
  add('lower-cased', secret.toLowerCase());
  add('reversed', [...secret].reverse().join(''));
  add('hex', raw.toString('hex'));
  add('hex', raw.toString('hex').toUpperCase());
  for (const shift of [0, 1, 2]) {
    add('base64', base64Inside(raw, shift, 'base64'));
    add('base64url', base64Inside(raw, shift, 'base64url'));
  }
  for (const shift of [0, 1, 2, 3, 4]) {
    const text = base32Inside(raw, shift);
    add('base32', text);
    add('base32', text?.toLowerCase());
  }
  add('url-encoded', encodeURIComponent(secret));
  add(
    'url-encoded',
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  );
  add('json-escaped', JSON.stringify(secret).slice(1, -1));
  add('json-escaped', jsonEscapedAscii(secret));
  out.push({ encoding: 'utf-16le', bytes: Buffer.from(secret, 'utf16le') });
  out.push({ encoding: 'utf-16be', bytes: Buffer.from(secret, 'utf16le').swap16() });
  return out;
}

const maxInflated = 16 * 1024 * 1024;

/** Tries gzip, zlib and raw deflate; returns what decompressed, labelled. */
export function inflateAll(data: Buffer): Array<{ via: string; bytes: Buffer }> {
  if (data.length < 8) return [];
  const out: Array<{ via: string; bytes: Buffer }> = [];
  const attempt = (via: string, fn: () => Buffer): void => {
    // Almost every value is not compressed: the error zlib throws then is the common case, and
    // capturing its stack was a sixth of the harness's CPU time. No stack is ever shown.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const bytes = fn();
      if (bytes.length > 0) out.push({ via, bytes });
    } catch {
      // Not compressed this way.
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  if (data[0] === 0x1f && data[1] === 0x8b) attempt('gzip', () => gunzipSync(data, { maxOutputLength: maxInflated }));
  if (data[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(data[1] ?? -1)) {
    attempt('deflate', () => inflateSync(data, { maxOutputLength: maxInflated }));
  }
  if (out.length === 0 && mayBeRawDeflate(data)) {
    attempt('raw-deflate', () => inflateRawSync(data, { maxOutputLength: maxInflated }));
  }
  return out;
}

/** Base lengths and extra bits of deflate's length symbols 257-285 (RFC 1951, 3.2.5). */
const lengthBase = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Base distances of distance symbols 0-29; symbol d >= 4 has (d >> 1) - 1 extra bits. */
const distanceBase = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
/** Fixed-Huffman symbols decoded before a stream that is still valid is handed to zlib. */
const maxCheckedSymbols = 2048;

/**
 * False only when zlib's raw inflate must fail on `data`: it walks the stream's blocks as zlib does
 * and stops at the first error zlib reports (a header type of 11, a stored block whose length and
 * its complement disagree, a fixed-code symbol 286-287 or distance 30-31, a distance before the
 * start of the output, a dynamic header with too many symbols or an over-subscribed or incomplete
 * code-length code, the input ending before the final block does). A dynamic block's codes, a long
 * valid stream, or a final block reached are left to zlib (true). Almost every value searched is not
 * compressed, and a failed `inflateRawSync` (a zlib stream made and torn down) was the largest
 * single cost of the leak search.
 */
export function mayBeRawDeflate(data: Buffer): boolean {
  const totalBits = data.length * 8;
  let bit = 0;
  /** `count` bits, least significant first (deflate's order for header fields and extra bits); -1 past the end. */
  const bits = (count: number): number => {
    if (bit + count > totalBits) return -1;
    let value = 0;
    for (let i = 0; i < count; i++, bit++) value |= ((data[bit >> 3]! >> (bit & 7)) & 1) << i;
    return value;
  };
  /** `count` bits of a Huffman code, most significant first. */
  const code = (count: number, prefix = 0): number => {
    if (bit + count > totalBits) return -1;
    let value = prefix;
    for (let i = 0; i < count; i++, bit++) value = (value << 1) | ((data[bit >> 3]! >> (bit & 7)) & 1);
    return value;
  };
  let output = 0;
  let symbols = 0;
  for (;;) {
    const header = bits(3);
    if (header < 0) return false;
    const final = (header & 1) === 1;
    const type = header >> 1;
    if (type === 3) return false;
    if (type === 0) {
      bit = (bit + 7) & ~7;
      const length = bits(16);
      const complement = bits(16);
      if (length < 0 || complement < 0 || (length ^ 0xffff) !== complement) return false;
      if (bit + length * 8 > totalBits) return false;
      bit += length * 8;
      output += length;
    } else if (type === 2) {
      const literals = bits(5);
      const distances = bits(5);
      const lengthCodes = bits(4);
      if (lengthCodes < 0 || literals > 29 || distances > 29) return false;
      // The code-length code's lengths (which symbol each belongs to does not matter for its shape).
      const count = new Array<number>(8).fill(0);
      for (let i = 0; i < lengthCodes + 4; i++) {
        const length = bits(3);
        if (length < 0) return false;
        count[length]!++;
      }
      count[0] = 0;
      // No code at all: zlib fails later, on the first code length it cannot decode.
      if (count.every((c) => c === 0)) return true;
      let left = 1;
      for (let length = 1; length <= 7; length++) {
        left = left * 2 - count[length]!;
        if (left < 0) return false;
      }
      return left === 0;
    } else {
      for (;;) {
        if (++symbols > maxCheckedSymbols) return true;
        // Fixed code: 7 bits 0-23 → 256-279; 8 bits 48-191 → 0-143, 192-199 → 280-287; 9 bits 400-511 → 144-255.
        let symbol: number;
        const seven = code(7);
        if (seven < 0) return false;
        if (seven <= 23) symbol = 256 + seven;
        else {
          const eight = code(1, seven);
          if (eight < 0) return false;
          if (eight >= 48 && eight <= 191) symbol = eight - 48;
          else if (eight >= 192 && eight <= 199) symbol = 280 + eight - 192;
          else {
            const nine = code(1, eight);
            if (nine < 0) return false;
            symbol = 144 + nine - 400;
          }
        }
        if (symbol < 256) output++;
        else if (symbol === 256) break;
        else {
          if (symbol > 285) return false;
          const extra = bits(lengthExtra[symbol - 257]!);
          const distanceSymbol = code(5);
          if (extra < 0 || distanceSymbol < 0 || distanceSymbol > 29) return false;
          const distanceExtra = bits(distanceSymbol < 4 ? 0 : (distanceSymbol >> 1) - 1);
          if (distanceExtra < 0 || distanceBase[distanceSymbol]! + distanceExtra > output) return false;
          output += lengthBase[symbol - 257]! + extra;
        }
      }
    }
    if (final) return true;
  }
}

/** Byte strings hidden inside a text: base64/base64url runs, hex runs and bytea `\x` literals. */
export function decodedRuns(text: string): Array<{ via: string; bytes: Buffer }> {
  const out: Array<{ via: string; bytes: Buffer }> = [];
  for (const match of text.matchAll(/\\\\?x([0-9a-fA-F]{16,})/g)) {
    out.push({ via: 'bytea-hex', bytes: Buffer.from(match[1] ?? '', 'hex') });
  }
  for (const match of text.matchAll(/(?<![0-9a-fA-F])[0-9a-fA-F]{16,}(?![0-9a-fA-F])/g)) {
    if (match[0].length % 2 === 0) out.push({ via: 'hex', bytes: Buffer.from(match[0], 'hex') });
  }
  for (const match of text.matchAll(/[A-Za-z0-9+/_-]{12,}={0,2}/g)) {
    const run = match[0];
    const alphabet = /[-_]/.test(run) ? 'base64url' : 'base64';
    out.push({ via: alphabet, bytes: Buffer.from(run, alphabet) });
  }
  return out;
}
