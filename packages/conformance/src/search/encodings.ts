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

/**
 * Every spelling of `secret` the search looks for: raw UTF-8, upper- and lower-cased, reversed,
 * hex (both cases), base64 and base64url at the three byte alignments, base32 (both cases) at the
 * five alignments, URL-encoded, UTF-16 LE/BE, and JSON-escaped.
 */
export function spellings(secret: string): Spelling[] {
  const raw = Buffer.from(secret, 'utf8');
  const out: Spelling[] = [{ encoding: 'raw', bytes: raw }];
  const add = (encoding: string, text: string | undefined): void => {
    if (text === undefined) return;
    const bytes = Buffer.from(text, 'utf8');
    if (!out.some((s) => s.bytes.equals(bytes))) out.push({ encoding, bytes });
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
  // A raw deflate stream starts with a block header whose type bits (1-2) are never 11.
  if (out.length === 0 && (data[0]! & 0b110) !== 0b110) {
    attempt('raw-deflate', () => inflateRawSync(data, { maxOutputLength: maxInflated }));
  }
  return out;
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
