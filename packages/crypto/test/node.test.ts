import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  base64Encode,
  hexEncode,
  InsecureKeyFileError,
  InvalidKeyError,
  KeySourceError,
  Keyring,
} from '../src/index.js';
import { fileKeyProvider, keyringFromFile, nodeBackend, readKeyFile } from '../src/node.js';

const dir = mkdtempSync(join(tmpdir(), 'shc-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key1 = Uint8Array.from({ length: 32 }, (_, i) => i);
const key2 = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
const writeKeyFile = (name: string, content: unknown, mode: number): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content), { mode });
  chmodSync(path, mode); // umask may have narrowed the mode at creation
  return path;
};
const goodContent = {
  keys: [
    { id: 'k2', state: 'primary', key: base64Encode(key2) },
    { id: 'k1', state: 'staged', key: hexEncode(key1) },
  ],
};

describe.skipIf(process.platform === 'win32')('key files', () => {
  it('loads a 0600 file', async () => {
    const path = writeKeyFile('good.json', goodContent, 0o600);
    const keyring = await keyringFromFile(path);
    expect(keyring.list().map((k) => `${k.id}:${k.state}`)).toEqual(['k2:primary', 'k1:staged']);
    const reference = new Keyring([{ id: 'k1', key: key1, state: 'primary' }]);
    expect(keyring.decryptToString(reference.encrypt('from k1'))).toBe('from k1');
    expect((await readKeyFile(path))[0]!.key).toEqual(key2);
    expect((await Keyring.fromProvider(fileKeyProvider(path))).primaryKeyId).toBe('k2');
  });

  it.each([0o644, 0o640, 0o604, 0o660])(
    'refuses mode %o with InsecureKeyFileError naming the file, not the keys',
    async (mode) => {
      const path = writeKeyFile(`open-${mode.toString(8)}.json`, goodContent, mode);
      const error = await readKeyFile(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InsecureKeyFileError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toContain(`0${mode.toString(8)}`);
      expect((error as Error).message).not.toContain(base64Encode(key2));
    },
  );

  it('typed errors for missing files, bad JSON, bad shape and bad keys, never printing key text', async () => {
    await expect(readKeyFile(join(dir, 'nope.json'))).rejects.toBeInstanceOf(KeySourceError);
    await expect(readKeyFile(writeKeyFile('bad.json', '{"keys": [', 0o600))).rejects.toBeInstanceOf(KeySourceError);
    await expect(readKeyFile(writeKeyFile('shape.json', { keys: [{ id: 'k1' }] }, 0o600))).rejects.toBeInstanceOf(
      KeySourceError,
    );
    const shortKey = base64Encode(key1.subarray(0, 24));
    const error = await readKeyFile(
      writeKeyFile('short.json', { keys: [{ id: 'k1', state: 'primary', key: shortKey }] }, 0o600),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidKeyError);
    expect((error as Error).message).toContain('"k1"');
    expect((error as Error).message).not.toContain(shortKey);
  });

  it('nodeBackend() is the node:crypto backend', () => {
    expect(nodeBackend().name).toBe('node');
  });
});
