// The main entry must run in browsers: no node: imports outside src/node.ts, and without
// process.getBuiltinModule or Buffer the portable paths are taken.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, defaultBackend, Keyring } from '../src/index.js';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

describe('portability', () => {
  it('only src/node.ts imports node: modules', () => {
    const offenders = readdirSync(srcDir)
      .filter((f) => f.endsWith('.ts') && f !== 'node.ts')
      .filter((f) => /from\s+['"]node:|import\(\s*['"]node:|require\(/.test(readFileSync(srcDir + f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('without process.getBuiltinModule and Buffer, the keyring runs on noble and pure-JS encoders', () => {
    const proc = process as { getBuiltinModule?: unknown };
    const g = globalThis as { Buffer?: unknown };
    const savedModule = proc.getBuiltinModule;
    const savedBuffer = g.Buffer;
    proc.getBuiltinModule = undefined;
    g.Buffer = undefined;
    try {
      expect(defaultBackend().name).toBe('noble');
      const keyring = new Keyring([{ id: 'k1', key: new Uint8Array(32).fill(4), state: 'primary' }]);
      expect(keyring.backend.name).toBe('noble');
      const stored = keyring.encryptToString('portable', { aad: { row: 1 }, envelope: true, commit: true });
      expect(keyring.decryptToString(stored, { aad: { row: 1 } })).toBe('portable');
      expect(base64urlDecode(base64urlEncode(Uint8Array.of(1, 2, 3)))).toEqual(Uint8Array.of(1, 2, 3));
    } finally {
      proc.getBuiltinModule = savedModule;
      g.Buffer = savedBuffer;
    }
    expect(defaultBackend().name).toBe('node');
  });
});
