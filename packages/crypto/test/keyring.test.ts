import { describe, expect, it, vi } from 'vitest';
import {
  base64Encode,
  CryptoError,
  DecryptionError,
  DisposedError,
  EncodingError,
  envKeyProvider,
  hexEncode,
  InvalidArgumentError,
  InvalidKeyError,
  KeySourceError,
  KeyStateError,
  Keyring,
  KeyUsageLimitError,
  nobleBackend,
  RetiredKeyError,
  Secret,
  UnknownKeyError,
  type KeyMaterial,
} from '../src/index.js';

// Property tests run thousands of cases; CI shares two cores with other suites.
vi.setConfig({ testTimeout: 30_000 });

const material = (id: string, fill: number, state: KeyMaterial['state']): KeyMaterial => ({
  id,
  key: new Uint8Array(32).fill(fill),
  state,
});

/** Runs `fn`, returns what it threw (fails the test if it did not throw). */
const thrown = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
};

describe('key states', () => {
  it('only the primary encrypts; staged keys decrypt; retired keys are refused with their own error', () => {
    const keyring = new Keyring([material('k1', 1, 'primary'), material('k2', 2, 'staged')]);
    const old = keyring.encryptToString('a');
    expect(thrown(() => keyring.encrypt('x', { keyId: 'k2' }))).toBeInstanceOf(KeyStateError);
    expect(thrown(() => keyring.encrypt('x', { keyId: 'k2' })).message).toContain('staged');
    keyring.promote('k2');
    expect(keyring.primaryKeyId).toBe('k2');
    expect(keyring.info('k1').state).toBe('staged');
    expect(keyring.decryptToString(old)).toBe('a');
    expect(keyring.inspect(keyring.encryptToString('b')).keyId).toBe('k2');
    keyring.retire('k1');
    const error = thrown(() => keyring.decrypt(old));
    expect(error).toBeInstanceOf(RetiredKeyError);
    expect(error.message).toContain('"k1"');
    expect(thrown(() => keyring.encrypt('x', { keyId: 'k1' }))).toBeInstanceOf(RetiredKeyError);
    keyring.setState('k1', 'staged'); // un-retire, like lowering Vault's min_decryption_version
    expect(keyring.decryptToString(old)).toBe('a');
  });

  it('guards transitions: one primary, primary not retired directly, remove only retired keys', () => {
    const keyring = new Keyring([material('k1', 1, 'primary'), material('k2', 2, 'staged')]);
    expect(thrown(() => keyring.add(material('k3', 3, 'primary')))).toBeInstanceOf(KeyStateError);
    expect(thrown(() => new Keyring([material('a', 1, 'primary'), material('b', 2, 'primary')]))).toBeInstanceOf(
      KeyStateError,
    );
    expect(thrown(() => keyring.retire('k1'))).toBeInstanceOf(KeyStateError);
    expect(thrown(() => keyring.remove('k2'))).toBeInstanceOf(KeyStateError);
    keyring.retire('k2');
    keyring.remove('k2');
    expect(thrown(() => keyring.info('k2'))).toBeInstanceOf(UnknownKeyError);
    expect(thrown(() => keyring.setState('k1', 'deleted' as 'staged'))).toBeInstanceOf(InvalidArgumentError);
  });

  it('a keyring without a primary refuses to encrypt with KeyStateError', () => {
    const keyring = new Keyring([material('k1', 1, 'staged')]);
    expect(thrown(() => keyring.encrypt('x'))).toBeInstanceOf(KeyStateError);
  });

  it('unknown key id is UnknownKeyError naming the id', () => {
    const a = new Keyring([material('k9', 9, 'primary')]);
    const b = new Keyring([material('k1', 1, 'primary')]);
    const error = thrown(() => b.decrypt(a.encrypt('x')));
    expect(error).toBeInstanceOf(UnknownKeyError);
    expect(error.message).toContain('"k9"');
  });

  it('rejects bad key material with typed errors that never contain the key', () => {
    const short = Uint8Array.from({ length: 16 }, (_, i) => 0xc0 + i);
    const error = thrown(() => new Keyring([{ id: 'k1', key: short, state: 'primary' }]));
    expect(error).toBeInstanceOf(InvalidKeyError);
    expect(error.message).toContain('"k1"');
    expect(error.message).not.toContain(hexEncode(short));
    expect(error.message).not.toContain(base64Encode(short));
    expect(thrown(() => new Keyring([material('bad id', 1, 'primary')]))).toBeInstanceOf(InvalidArgumentError);
    expect(thrown(() => new Keyring([material('k1', 1, 'primary'), material('k1', 2, 'staged')]))).toBeInstanceOf(
      InvalidArgumentError,
    );
  });

  it('copies key material (the caller may zero its buffer) and destroy() zeroes and disables', () => {
    const key = new Uint8Array(32).fill(5);
    const keyring = new Keyring([{ id: 'k1', key, state: 'primary' }]);
    const stored = keyring.encrypt('m');
    key.fill(0);
    expect(keyring.decryptToString(stored)).toBe('m');
    // Also for a Buffer, whose slice() would share memory.
    const buffer = Buffer.alloc(32, 6);
    const fromBuffer = new Keyring([{ id: 'b1', key: buffer, state: 'primary' }]);
    const sealed = fromBuffer.encrypt('b');
    buffer.fill(0);
    expect(fromBuffer.decryptToString(sealed)).toBe('b');
    fromBuffer.destroy();
    expect(buffer.every((b) => b === 0)).toBe(true);
    keyring.destroy();
    expect(thrown(() => keyring.decrypt(stored))).toBeInstanceOf(DisposedError);
    expect(thrown(() => keyring.encrypt('m'))).toBeInstanceOf(DisposedError);
  });

  it('never prints key material (String, JSON, inspect)', async () => {
    const { inspect } = await import('node:util');
    const key = Uint8Array.from({ length: 32 }, (_, i) => 0x41 + i);
    const keyring = new Keyring([{ id: 'k1', key, state: 'primary' }]);
    for (const text of [String(keyring), JSON.stringify(keyring), inspect(keyring, { showHidden: true, depth: 10 })]) {
      expect(text).toContain('k1');
      expect(text).not.toContain(hexEncode(key));
      expect(text).not.toContain(base64Encode(key));
      expect(text).not.toContain('65, 66, 67');
    }
  });
});

describe('loading from the environment', () => {
  const value = Uint8Array.from({ length: 32 }, (_, i) => i + 100);
  const b64 = base64Encode(value);
  const hexValue = hexEncode(value);

  it('accepts base64, base64url and hex of exactly 32 bytes', () => {
    for (const encoded of [
      b64,
      b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
      hexValue,
      hexValue.toUpperCase(),
    ]) {
      const a = Keyring.fromEnv([{ id: 'k1', variable: 'APP_KEY', state: 'primary' }], {
        env: { APP_KEY: encoded },
        backend: nobleBackend,
      });
      const b = new Keyring([{ id: 'k1', key: value, state: 'primary' }], { backend: nobleBackend });
      expect(b.decryptToString(a.encrypt('ok'))).toBe('ok');
    }
  });

  const cases: readonly [string, string, new (...args: never[]) => CryptoError][] = [
    ['wrong length (16 bytes, base64)', base64Encode(value.subarray(0, 16)), InvalidKeyError],
    ['wrong length (33 bytes, hex)', hexValue + 'ab', InvalidKeyError],
    ['bad base64', b64.slice(0, 20) + '!' + b64.slice(21), EncodingError],
    ['bad hex (forced hex encoding)', 'zz' + hexValue.slice(2), EncodingError],
  ];
  it.each(cases)('%s: typed error naming the variable, never the value', (_name, encoded, type) => {
    const encoding = _name.includes('forced hex') ? 'hex' : 'auto';
    const error = thrown(() =>
      Keyring.fromEnv([{ id: 'k1', variable: 'APP_ENCRYPTION_KEY', state: 'primary', encoding }], {
        env: { APP_ENCRYPTION_KEY: encoded },
      }),
    );
    expect(error).toBeInstanceOf(type);
    expect(error.message).toContain('APP_ENCRYPTION_KEY');
    expect(error.message).not.toContain(encoded);
    expect(error.message).not.toContain(encoded.slice(4, 20));
  });

  it('a missing variable is KeySourceError naming it', () => {
    const error = thrown(() => Keyring.fromEnv([{ id: 'k1', variable: 'MISSING_KEY', state: 'primary' }], { env: {} }));
    expect(error).toBeInstanceOf(KeySourceError);
    expect(error.message).toContain('MISSING_KEY');
  });

  it('loads through an async KeyProvider (what a KMS adapter implements) and zeroes the provider buffers', async () => {
    const provided = [{ id: 'kms-1', key: value.slice(), state: 'primary' as const }];
    const keyring = await Keyring.fromProvider({ loadKeys: async () => provided });
    expect(provided[0]!.key.every((b) => b === 0)).toBe(true);
    const viaEnv = await Keyring.fromProvider(
      envKeyProvider([{ id: 'kms-1', variable: 'K', state: 'primary' }], { K: b64 }),
    );
    expect(viaEnv.decryptToString(keyring.encrypt('p'))).toBe('p');
  });
});

describe('envelope, rewrap and re-encryption', () => {
  it('rewrap keeps the data layer byte for byte, changes only the wrapped key and never returns plaintext', () => {
    const keyring = new Keyring([material('k1', 1, 'primary'), material('k2', 2, 'staged')], { envelope: true });
    const before = keyring.encrypt('payload', { aad: 'row-1' });
    keyring.promote('k2');
    const after = keyring.rewrap(before, { aad: 'row-1' }) as Uint8Array;
    expect(keyring.inspect(after).keyId).toBe('k2');
    // header (9) | wrapped key (32) | data layer: nonce, ciphertext, tag, unchanged.
    const tail = 12 + 7 + 16;
    expect(after.length).toBe(before.length);
    expect(Buffer.from(after.subarray(after.length - tail))).toEqual(
      Buffer.from(before.subarray(before.length - tail)),
    );
    expect(Buffer.from(after.subarray(9, 41))).not.toEqual(Buffer.from(before.subarray(9, 41)));
    expect(keyring.decryptToString(after, { aad: 'row-1' })).toBe('payload');
    keyring.retire('k1');
    expect(keyring.decryptToString(after, { aad: 'row-1' })).toBe('payload');
    expect(thrown(() => keyring.decrypt(before, { aad: 'row-1' }))).toBeInstanceOf(RetiredKeyError);
  });

  it('rewrap of an envelope needs no aad and does not decrypt: a tampered record stays undecryptable, reencrypt finds it', () => {
    for (const backend of [nobleBackend, undefined]) {
      const keyring = new Keyring([material('k1', 1, 'primary'), material('k2', 2, 'staged')], {
        envelope: true,
        backend,
      });
      const good = keyring.encryptToString('payload', { aad: 'row-1' });
      const tampered = keyring.encrypt('payload', { aad: 'row-1' });
      tampered[tampered.length - 1]! ^= 1; // tag of the data layer
      const badWrap = keyring.encrypt('payload', { aad: 'row-1' });
      badWrap[20]! ^= 1; // inside the wrapped key
      keyring.promote('k2');
      const moved = keyring.rewrap(good);
      expect(keyring.isCurrent(moved)).toBe(true);
      expect(keyring.decryptToString(moved, { aad: 'row-1' })).toBe('payload');
      for (const record of [tampered, badWrap]) {
        const rewrapped = keyring.rewrap(record);
        expect(thrown(() => keyring.decrypt(rewrapped, { aad: 'row-1' }))).toBeInstanceOf(DecryptionError);
        expect(thrown(() => keyring.reencrypt(record, { aad: 'row-1' }))).toBeInstanceOf(DecryptionError);
      }
    }
  });

  it('rewrapMany: mixed forms, layouts and old keys come back in input order, each in its form, all under the primary', () => {
    for (const backend of [nobleBackend, undefined]) {
      const keyring = new Keyring(
        [material('k0', 9, 'staged'), material('k1', 1, 'primary'), material('k2', 2, 'staged')],
        { envelope: true, backend },
      );
      const items: { ciphertext: string | Uint8Array; aad: string; value: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const aad = `row-${i}`;
        const value = `secret-${i}`;
        const options = { aad, envelope: i !== 3 };
        items.push({
          ciphertext: i % 2 === 0 ? keyring.encryptToString(value, options) : keyring.encrypt(value, options),
          aad,
          value,
        });
      }
      keyring.promote('k0');
      items.push({ ciphertext: keyring.encrypt('under-k0', { aad: 'row-6' }), aad: 'row-6', value: 'under-k0' });
      keyring.promote('k2');
      const results = keyring.rewrapMany(items);
      expect(results).toHaveLength(items.length);
      results.forEach((result, i) => {
        expect(typeof result).toBe(typeof items[i]!.ciphertext);
        expect(keyring.inspect(result).keyId).toBe('k2');
        expect(keyring.decryptToString(result, { aad: items[i]!.aad })).toBe(items[i]!.value);
      });
      expect(keyring.rewrapMany([])).toEqual([]);
      // One direct record with the wrong aad fails the whole call.
      expect(
        thrown(() => keyring.rewrapMany([items[0]!, { ciphertext: items[3]!.ciphertext, aad: 'row-9' }])),
      ).toBeInstanceOf(DecryptionError);
    }
  });

  it('a changed key id or wrapped key of an envelope unwraps to a wrong data key, caught by the data layer', () => {
    const keyring = new Keyring([material('k1', 1, 'primary'), material('k2', 2, 'staged')], { envelope: true });
    const stored = keyring.encryptToString('payload', { aad: 'row-1' });
    expect(thrown(() => keyring.decrypt(stored.replace('shc:v1:k1:', 'shc:v1:k2:'), { aad: 'row-1' }))).toBeInstanceOf(
      DecryptionError,
    );
    const bytes = keyring.encrypt('payload', { aad: 'row-1' });
    for (const i of [9, 24, 25, 40]) {
      const copy = bytes.slice();
      copy[i]! ^= 0x80;
      expect(thrown(() => keyring.decrypt(copy, { aad: 'row-1' }))).toBeInstanceOf(DecryptionError);
    }
  });

  it('rewrap of a direct record and reencrypt give new ciphertexts under the primary, same form as the input', () => {
    const keyring = new Keyring([material('k1', 1, 'primary'), material('k2', 2, 'staged')]);
    const text = keyring.encryptToString('v', { aad: { row: 1 } });
    keyring.promote('k2');
    const rewrapped = keyring.rewrap(text, { aad: { row: 1 } });
    expect(typeof rewrapped).toBe('string');
    expect(keyring.isCurrent(rewrapped)).toBe(true);
    expect(keyring.isCurrent(text)).toBe(false);
    const migrated = keyring.reencrypt(text, { aad: { row: 1 }, envelope: true, commit: true }) as string;
    expect(migrated.startsWith('shc:v1:k2:aes256gcm+env+kc:')).toBe(true);
    expect(keyring.decryptToString(migrated, { aad: { row: 1 } })).toBe('v');
    expect(thrown(() => keyring.rewrap(text, { aad: { row: 2 } }))).toBeInstanceOf(DecryptionError);
  });

  it('key commitment: a record cannot be opened under another key, even one with the same id', () => {
    const a = new Keyring([material('k1', 1, 'primary')], { commit: true });
    const b = new Keyring([material('k1', 2, 'primary')], { commit: true });
    const error = thrown(() => b.decrypt(a.encrypt('m')));
    expect(error).toBeInstanceOf(DecryptionError);
    expect(error.message).toContain('commitment');
  });

  it('decryptToSecret boxes the plaintext', () => {
    const keyring = new Keyring([material('k1', 1, 'primary')]);
    const s = keyring.decryptToSecret(keyring.encryptToString('hunter2'));
    expect(s).toBeInstanceOf(Secret);
    expect(String(s)).toBe('[REDACTED]');
    expect(s.reveal()).toBe('hunter2');
  });

  it('per-tenant keyrings from HKDF are distinct and keep ids and states', () => {
    const master = new Keyring([material('k1', 1, 'primary'), material('k0', 0, 'staged')]);
    const t1 = master.derive('tenant-data', 'tenant-1');
    const t2 = master.derive('tenant-data', 'tenant-2');
    expect(t1.list().map((k) => [k.id, k.state])).toEqual([
      ['k1', 'primary'],
      ['k0', 'staged'],
    ]);
    const stored = t1.encrypt('t1 secret');
    expect(master.derive('tenant-data', 'tenant-1').decryptToString(stored)).toBe('t1 secret');
    expect(thrown(() => t2.decrypt(stored))).toBeInstanceOf(DecryptionError);
    expect(thrown(() => master.decrypt(stored))).toBeInstanceOf(DecryptionError);
    expect(thrown(() => master.derive('other-label', 'tenant-1').decrypt(stored))).toBeInstanceOf(DecryptionError);
  });
});

describe('record buffers', () => {
  it('records are independent views (writing one leaves the others intact), and a transferred buffer does not break the keyring', () => {
    const keyring = new Keyring([material('k1', 1, 'primary')]);
    const records = Array.from({ length: 300 }, (_, i) => keyring.encrypt(`value-${i}`, { envelope: i % 2 === 0 }));
    records[7]!.fill(0);
    records.forEach((r, i) => {
      if (i !== 7) expect(keyring.decryptToString(r)).toBe(`value-${i}`);
    });
    const last = records[records.length - 1]!;
    structuredClone(last.buffer, { transfer: [last.buffer] }); // detaches the shared slab
    expect(keyring.decryptToString(keyring.encrypt('after'))).toBe('after');
  });
});

describe('usage counters', () => {
  it('warns once at warnAt and refuses at refuseAt with KeyUsageLimitError; counters are per instance', () => {
    const onUsageWarning = vi.fn();
    const limits = { 'aes-256-gcm': { warnAt: 3, refuseAt: 5 } };
    const keyring = new Keyring([material('k1', 1, 'primary')], { limits, onUsageWarning });
    const other = new Keyring([material('k1', 1, 'primary')], { limits });
    for (let i = 0; i < 2; i++) keyring.encrypt('x');
    expect(onUsageWarning).not.toHaveBeenCalled();
    keyring.encrypt('x');
    expect(onUsageWarning).toHaveBeenCalledTimes(1);
    expect(onUsageWarning).toHaveBeenCalledWith({ keyId: 'k1', encryptions: 3, warnAt: 3, refuseAt: 5 });
    keyring.encrypt('x');
    keyring.encrypt('x');
    expect(onUsageWarning).toHaveBeenCalledTimes(1);
    const error = thrown(() => keyring.encrypt('x'));
    expect(error).toBeInstanceOf(KeyUsageLimitError);
    expect(error.message).toContain('5 of 5');
    expect(keyring.info('k1').encryptions).toBe(5);
    expect(other.info('k1').encryptions).toBe(0);
    other.encrypt('x'); // the other instance is unaffected
    // Rewrapping a direct record into the exhausted key is an encryption too; decryption is never counted or refused.
    expect(() => keyring.rewrap(other.encrypt('y'))).toThrow(KeyUsageLimitError);
    // Envelopes do not use the key with a nonce (it only wraps single-use data keys): not counted, not refused.
    expect(keyring.decryptToString(keyring.encrypt('e', { envelope: true }))).toBe('e');
    expect(keyring.decryptToString(keyring.rewrap(other.encrypt('f', { envelope: true })))).toBe('f');
    expect(keyring.info('k1').encryptions).toBe(5);
    expect(keyring.decryptToString(other.encrypt('w'))).toBe('w');
    // A new primary key encrypts again.
    keyring.add(material('k2', 2, 'staged'));
    keyring.promote('k2');
    expect(keyring.decryptToString(keyring.encrypt('z'))).toBe('z');
  });

  it('persists reservations ahead of use, so a restart never undercounts', () => {
    const store: Record<string, number> = {};
    const persist = vi.fn((id: string, reserved: number) => {
      store[id] = reserved;
    });
    const first = new Keyring([material('k1', 1, 'primary')], { usage: { persist, reserveBlock: 10 } });
    for (let i = 0; i < 12; i++) first.encrypt('x');
    expect(persist).toHaveBeenCalledTimes(2);
    expect(store).toEqual({ k1: 20 });
    // Crash; a new process starts from the reservation.
    const second = new Keyring([material('k1', 1, 'primary')], {
      usage: { initial: store, persist, reserveBlock: 10 },
      limits: { 'aes-256-gcm': { warnAt: 21, refuseAt: 22 } },
    });
    expect(second.info('k1').encryptions).toBe(20);
    second.encrypt('x');
    second.encrypt('x');
    expect(() => second.encrypt('x')).toThrow(KeyUsageLimitError);
  });

  it('a failing persistence hook fails the encryption (no unrecorded use)', () => {
    const keyring = new Keyring([material('k1', 1, 'primary')], {
      usage: {
        persist: () => {
          throw new Error('db down');
        },
      },
    });
    expect(() => keyring.encrypt('x')).toThrow('db down');
    expect(keyring.info('k1').encryptions).toBe(0);
  });

  it('rejects nonsense limits', () => {
    expect(() => new Keyring([], { limits: { 'aes-256-gcm': { warnAt: 10, refuseAt: 5 } } })).toThrow(
      InvalidArgumentError,
    );
  });
});
