import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { TypeScript } from '@secret-hygiene/checks';
import {
  apiLocationOf,
  cipherApis,
  cipherCallOf,
  cipherFamilyOf,
  classifyCryptoCall,
  dataKeyApis,
  findCipherApi,
  findDataKeyApi,
  nonceLengthOf,
  nonceReuseImpact,
  normalizeModuleId,
  randomSourceApis,
} from '@secret-hygiene/checks/internal';

const t = ts as unknown as TypeScript;

/** The last call expression in `code` (the outermost one on the last line). */
function lastCall(code: string): ts.CallExpression {
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  let found: ts.CallExpression | undefined;
  const walk = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) found = node;
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(file.statements[file.statements.length - 1]!, walk);
  if (!found) throw new Error('no call');
  // The outermost call of the last statement.
  let outer: ts.Node = found;
  while (outer.parent && !ts.isExpressionStatement(outer.parent) && !ts.isSourceFile(outer.parent))
    outer = outer.parent;
  return ts.isCallExpression(outer) ? outer : found;
}

describe('crypto API catalog', () => {
  it.each([
    ['crypto', 'node:crypto'],
    ['node:crypto', 'node:crypto'],
    ['@noble/ciphers/aes.js', '@noble/ciphers/aes'],
    ['@noble/ciphers/aes', '@noble/ciphers/aes'],
    ['@noble/ciphers/utils.js', '@noble/ciphers/utils'],
    ['node-forge', 'node-forge'],
  ])('normalizes %s to %s', (specifier, id) => {
    expect(normalizeModuleId(specifier)).toBe(id);
  });

  it.each([
    ['aes-256-gcm', 'GCM'],
    ['AES-128-GCM', 'GCM'],
    ['id-aes256-GCM', 'GCM'],
    ['aes-192-ctr', 'CTR'],
    ['aes-256-cbc', 'CBC'],
    ['des-ede3-cbc', 'CBC'],
    ['aes-128-ccm', 'CCM'],
    ['aes-256-ocb', 'OCB'],
    ['aes-256-cfb8', 'CFB'],
    ['aes-256-ecb', 'ECB'],
    ['chacha20-poly1305', 'ChaCha20-Poly1305'],
    ['AES-GCM', 'GCM'],
    ['AES-CTR', 'CTR'],
    ['AES-CBC', 'CBC'],
  ])('knows the family of %s', (algorithm, family) => {
    expect(cipherFamilyOf(algorithm)).toBe(family);
  });

  it.each(['RSA-OAEP', 'sha256', 'ed25519', 'gcm', ''])('has no cipher family for %j', (algorithm) => {
    expect(cipherFamilyOf(algorithm)).toBeUndefined();
  });

  it('sizes fresh nonces by family', () => {
    expect(nonceLengthOf('GCM')).toBe(12);
    expect(nonceLengthOf('ChaCha20-Poly1305')).toBe(12);
    expect(nonceLengthOf('XChaCha20-Poly1305')).toBe(24);
    expect(nonceLengthOf('CBC')).toBe(16);
    expect(nonceLengthOf('CTR')).toBe(16);
    expect(nonceLengthOf(undefined)).toBe(12);
  });

  it('rates what nonce reuse costs', () => {
    expect(nonceReuseImpact('GCM')).toBe('catastrophic');
    expect(nonceReuseImpact('XChaCha20-Poly1305')).toBe('catastrophic');
    expect(nonceReuseImpact('CBC')).toBe('leaks-equality');
    expect(nonceReuseImpact('GCM-SIV')).toBe('misuse-resistant');
    expect(nonceReuseImpact('ECB')).toBe('none');
  });

  it('gives every cipher API a unique id, a key slot, and a nonce slot unless it derives or takes none', () => {
    expect(new Set(cipherApis.map((a) => a.id)).size).toBe(cipherApis.length);
    for (const api of cipherApis) {
      const family = api.algorithm.kind === 'fixed' ? api.algorithm.family : undefined;
      expect(api.key.index, api.id).toBeGreaterThanOrEqual(0);
      expect(api.nonce !== undefined || api.derivesIvFromPassword === true || family === 'ECB', api.id).toBe(true);
    }
    expect(new Set(randomSourceApis.map((a) => a.id)).size).toBe(randomSourceApis.length);
  });

  it('finds APIs by module and path', () => {
    expect(findCipherApi('node:crypto', ['createCipheriv'])?.id).toBe('node:createCipheriv');
    expect(findCipherApi('global', ['crypto', 'subtle', 'encrypt'])?.id).toBe('webcrypto:subtle.encrypt');
    expect(findCipherApi('node:crypto', ['webcrypto', 'subtle', 'decrypt'])?.direction).toBe('decrypt');
    expect(findCipherApi('@noble/ciphers/chacha', ['xchacha20poly1305'])?.algorithm).toEqual({
      kind: 'fixed',
      family: 'XChaCha20-Poly1305',
    });
    expect(findCipherApi('./local', ['createCipheriv'])).toBeUndefined();
    expect(findCipherApi('node:crypto', ['createCipheriv', 'extra'])).toBeUndefined();
  });
});

describe('data-key generators', () => {
  it('finds AWS KMS data-key generation by shape and name', () => {
    expect(findDataKeyApi('command', 'GenerateDataKeyCommand')?.id).toBe('aws-sdk-v3:GenerateDataKeyCommand');
    expect(findDataKeyApi('method', 'generateDataKey')?.id).toBe('aws-sdk-v2:KMS.generateDataKey');
  });

  it('does not take other KMS calls, or a name in the other shape, for data-key generation', () => {
    expect(findDataKeyApi('command', 'DecryptCommand')).toBeUndefined();
    expect(findDataKeyApi('method', 'generateDataKeyWithoutPlaintext')).toBeUndefined();
    expect(findDataKeyApi('method', 'GenerateDataKeyCommand')).toBeUndefined();
  });

  it('has unique ids', () => {
    expect(new Set(dataKeyApis.map((api) => api.id)).size).toBe(dataKeyApis.length);
  });
});

describe('classifyCryptoCall', () => {
  it.each([
    ["import { createCipheriv } from 'node:crypto'; createCipheriv(a, k, iv);", 'node:createCipheriv'],
    ["import { createCipheriv as cc } from 'crypto'; cc(a, k, iv);", 'node:createCipheriv'],
    ["import crypto from 'crypto'; crypto.createCipheriv(a, k, iv);", 'node:createCipheriv'],
    ["import * as c from 'node:crypto'; c.createDecipheriv(a, k, iv);", 'node:createDecipheriv'],
    ["import c = require('crypto'); c.createCipheriv(a, k, iv);", 'node:createCipheriv'],
    ["const crypto = require('crypto'); crypto.createCipheriv(a, k, iv);", 'node:createCipheriv'],
    ["const { createCipheriv } = require('node:crypto'); createCipheriv(a, k, iv);", 'node:createCipheriv'],
    [
      "async function f() { const { createCipheriv } = await import('node:crypto'); createCipheriv(a, k, iv); }",
      'node:createCipheriv',
    ],
    ['crypto.subtle.encrypt(p, k, d);', 'webcrypto:subtle.encrypt'],
    ['globalThis.crypto.subtle.encrypt(p, k, d);', 'webcrypto:subtle.encrypt'],
    ['window.crypto.subtle.decrypt(p, k, d);', 'webcrypto:subtle.decrypt'],
    ['self.crypto.subtle.encrypt(p, k, d);', 'webcrypto:subtle.encrypt'],
    ['const subtle = crypto.subtle; subtle.encrypt(p, k, d);', 'webcrypto:subtle.encrypt'],
    ['const { subtle } = globalThis.crypto; subtle.encrypt(p, k, d);', 'webcrypto:subtle.encrypt'],
    ["import { webcrypto } from 'node:crypto'; webcrypto.subtle.encrypt(p, k, d);", 'webcrypto:subtle.encrypt'],
    ["crypto['subtle']['encrypt'](p, k, d);", 'webcrypto:subtle.encrypt'],
    ["import { gcm } from '@noble/ciphers/aes.js'; gcm(k, n);", 'noble:gcm'],
    ["import { gcm } from '@noble/ciphers/aes'; gcm(k, n);", 'noble:gcm'],
    ["import { chacha20poly1305 } from '@noble/ciphers/chacha.js'; chacha20poly1305(k, n);", 'noble:chacha20poly1305'],
    ["import { gcm } from '@noble/ciphers/webcrypto.js'; gcm(k, n);", 'noble:webcrypto.gcm'],
    ["import forge from 'node-forge'; forge.cipher.createCipher('AES-GCM', k);", 'forge:cipher.createCipher'],
    ["import * as forge from 'node-forge'; forge.cipher.createDecipher('AES-GCM', k);", 'forge:cipher.createDecipher'],
  ])('%s -> %s', (code, id) => {
    const found = classifyCryptoCall(t, lastCall(code));
    expect(found?.kind).toBe('cipher');
    expect(found && 'api' in found ? found.api.id : undefined).toBe(id);
  });

  it.each([
    ["import { randomBytes } from 'node:crypto'; randomBytes(12);", 'random'],
    ['crypto.getRandomValues(new Uint8Array(12));', 'random'],
    ["import { randomBytes } from '@noble/hashes/utils.js'; randomBytes(24);", 'random'],
    ["import { createHash } from 'crypto'; createHash('sha256');", 'deterministic'],
    ["import { managedNonce } from '@noble/ciphers/utils.js'; managedNonce(gcm);", 'managed-nonce'],
  ])('%s -> %s', (code, kind) => {
    expect(classifyCryptoCall(t, lastCall(code))?.kind).toBe(kind);
  });

  it.each([
    'function createCipheriv(a, k, iv) {} createCipheriv(a, k, iv);',
    "import { createCipheriv } from './crypto-wrapper.js'; createCipheriv(a, k, iv);",
    'function f(crypto) { crypto.createCipheriv(a, k, iv); }',
    'createCipheriv(a, k, iv);',
    "import { gcm } from 'some-other-lib'; gcm(k, n);",
    'const subtle = getSubtle(); subtle.encrypt(p, k, d);',
  ])('does not take %s for a crypto API', (code) => {
    expect(classifyCryptoCall(t, lastCall(code))).toBeUndefined();
  });

  it('locates globals without the global object prefix', () => {
    expect(apiLocationOf(t, lastCall('window.crypto.subtle.encrypt(p, k, d);').expression)).toEqual({
      module: 'global',
      path: ['crypto', 'subtle', 'encrypt'],
    });
  });
});

describe('cipherCallOf', () => {
  /** The first call in `code` that reads as a cipher call. */
  const read = (code: string) => {
    const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
    let call: ReturnType<typeof cipherCallOf>;
    const walk = (node: ts.Node): void => {
      if (!call && ts.isCallExpression(node)) call = cipherCallOf(t, node);
      ts.forEachChild(node, walk);
    };
    walk(file);
    return (
      call && {
        direction: call.direction,
        algorithm: call.algorithm,
        family: call.family,
        key: call.key?.getText(),
        nonce: call.nonce?.getText(),
      }
    );
  };

  it.each([
    [
      "import { createCipheriv } from 'crypto'; createCipheriv('aes-256-gcm', k, iv);",
      { direction: 'encrypt', algorithm: 'aes-256-gcm', family: 'GCM', key: 'k', nonce: 'iv' },
    ],
    [
      "import { createDecipheriv } from 'crypto'; const ALG = 'aes-128-ctr'; createDecipheriv(ALG, k, p.subarray(0, 16));",
      { direction: 'decrypt', algorithm: 'aes-128-ctr', family: 'CTR', key: 'k', nonce: 'p.subarray(0, 16)' },
    ],
    [
      "import { createCipheriv } from 'crypto'; createCipheriv(alg, k, iv);",
      { direction: 'encrypt', algorithm: undefined, family: undefined, key: 'k', nonce: 'iv' },
    ],
    [
      "crypto.subtle.encrypt({ name: 'AES-CTR', counter: c, length: 64 }, k, d);",
      { direction: 'encrypt', algorithm: 'AES-CTR', family: 'CTR', key: 'k', nonce: 'c' },
    ],
    [
      "const params = { name: 'AES-GCM', iv }; crypto.subtle.decrypt(params, k, d);",
      { direction: 'decrypt', algorithm: 'AES-GCM', family: 'GCM', key: 'k', nonce: 'iv' },
    ],
    [
      "import { gcm } from '@noble/ciphers/aes.js'; gcm(k, n).encrypt(pt);",
      { direction: 'encrypt', algorithm: undefined, family: 'GCM', key: 'k', nonce: 'n' },
    ],
    [
      "import { gcm } from '@noble/ciphers/aes.js'; gcm(k, n).decrypt(ct);",
      { direction: 'decrypt', algorithm: undefined, family: 'GCM', key: 'k', nonce: 'n' },
    ],
    [
      "import { cbc } from '@noble/ciphers/aes.js'; function f() { const c = cbc(k, n); return c.decrypt(ct); }",
      { direction: 'decrypt', algorithm: undefined, family: 'CBC', key: 'k', nonce: 'n' },
    ],
    [
      "import { cbc } from '@noble/ciphers/aes.js'; function f() { const c = cbc(k, n); return [c.encrypt(a), c.decrypt(b)]; }",
      { direction: 'encrypt', algorithm: undefined, family: 'CBC', key: 'k', nonce: 'n' },
    ],
    [
      "import forge from 'node-forge'; function f() { const c = forge.cipher.createCipher('AES-GCM', k); c.start({ iv: n }); }",
      { direction: 'encrypt', algorithm: 'AES-GCM', family: 'GCM', key: 'k', nonce: 'n' },
    ],
    [
      "import crypto from 'crypto'; crypto.createCipher('aes-256-cbc', pw);",
      { direction: 'encrypt', algorithm: 'aes-256-cbc', family: 'CBC', key: 'pw', nonce: undefined },
    ],
  ])('%s', (code, expected) => {
    expect(read(code)).toEqual(expected);
  });

  it('reads no nonce-less algorithm and no other call', () => {
    expect(read("crypto.subtle.encrypt({ name: 'RSA-OAEP' }, k, d);")).toBeUndefined();
    expect(read("import { randomBytes } from 'crypto'; randomBytes(12);")).toBeUndefined();
  });
});
