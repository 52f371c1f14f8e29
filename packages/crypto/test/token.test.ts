import { describe, expect, it } from 'vitest';
import {
  FormatError,
  generateToken,
  hashPassword,
  InvalidArgumentError,
  needsRehash,
  nobleBackend,
  OWASP_SCRYPT,
  parsePasswordHash,
  tokenLookupHash,
  verifyPassword,
  verifyTokenLookupHash,
} from '../src/index.js';
import { nodeBackend } from '../src/node.js';

const pepper = new Uint8Array(32).fill(9);
const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('API tokens', () => {
  it('generates prefixed random tokens', () => {
    const a = generateToken({ prefix: 'myapp_live' });
    expect(a).toMatch(/^myapp_live_[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(generateToken());
    expect(() => generateToken({ prefix: 'bad prefix' })).toThrow(InvalidArgumentError);
    expect(() => generateToken({ bytes: 8 })).toThrow(InvalidArgumentError);
  });

  it('lookup hash: deterministic HMAC-SHA256 with a pepper, same on both backends, verified in constant time', () => {
    const token = generateToken();
    const stored = tokenLookupHash(token, pepper);
    expect(stored).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(token.slice(4, 20));
    expect(tokenLookupHash(token, pepper, nodeBackend())).toBe(stored);
    expect(tokenLookupHash(token, new Uint8Array(32).fill(8))).not.toBe(stored);
    expect(verifyTokenLookupHash(token, stored, pepper)).toBe(true);
    expect(verifyTokenLookupHash(token + 'x', stored, pepper)).toBe(false);
    expect(() => tokenLookupHash(token, new Uint8Array(16))).toThrow(InvalidArgumentError);
  });
});

describe('passwords (scrypt, PHC string)', () => {
  it('uses the OWASP parameters by default: N=2^17, r=8, p=1', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    expect(encoded).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', encoded)).toBe(false);
    expect(needsRehash(encoded)).toBe(false);
    expect(OWASP_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('node:crypto and noble scrypt agree (RFC 7914 test vector through the PHC parser too)', async () => {
    const encoded = await hashPassword('pässword', { params: cheap, implementation: 'noble', backend: nobleBackend });
    expect(await verifyPassword('pässword', encoded, { implementation: 'auto' })).toBe(true);
    expect(await verifyPassword('pässword', encoded, { implementation: 'noble' })).toBe(true);
    expect(needsRehash(encoded)).toBe(true);
    // RFC 7914 §12: scrypt("password", "NaCl", N=1024, r=8, p=16, dkLen=64); first 32 bytes.
    const salt = Buffer.from('NaCl').toString('base64').replace(/=+$/, '');
    const hash = Buffer.from('fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162', 'hex')
      .toString('base64')
      .replace(/=+$/, '');
    expect(await verifyPassword('password', `$scrypt$ln=10,r=8,p=16$${salt}$${hash}`)).toBe(true);
  });

  it('rejects malformed or abusive stored strings with FormatError', async () => {
    const good = await hashPassword('x', { params: cheap });
    for (const bad of [
      '',
      '$argon2id$v=19$m=65536',
      good.replace('ln=10', 'ln=40'),
      good.replace('p=1', 'p=99'),
      good.slice(0, -2),
      good + 'A',
    ]) {
      await expect(verifyPassword('x', bad)).rejects.toBeInstanceOf(FormatError);
    }
    expect(() => parsePasswordHash(good.replace('ln=10', 'ln=25'))).toThrow(FormatError);
    await expect(hashPassword('x', { params: { N: 1000, r: 8, p: 1 } })).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
