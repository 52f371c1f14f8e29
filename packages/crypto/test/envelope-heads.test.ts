import { describe, expect, it } from 'vitest';
import {
  envelopeHeadLength,
  FormatError,
  InvalidArgumentError,
  Keyring,
  parseEnvelopeHead,
  rotate,
  type RotationUpdate,
} from '../src/index.js';

const keyOf = (fill: number) => new Uint8Array(32).fill(fill);
const keyring = (primary: string) =>
  new Keyring(
    ['k1', 'key-two'].map((id, i) => ({ id, key: keyOf(i + 1), state: id === primary ? 'primary' : 'staged' })),
    { envelope: true },
  );

/** A binary record split where a rewrap stops changing bytes. */
const split = (record: Uint8Array) => {
  const at = envelopeHeadLength(record[6]!);
  return { head: record.subarray(0, at), tail: record.subarray(at) };
};
const join = (head: Uint8Array, tail: Uint8Array) => Uint8Array.from([...head, ...tail]);

describe('envelope heads', () => {
  it('a rewrapped head in front of the old data layer is byte for byte what rewrapMany makes of the whole record, and decrypts', () => {
    const old = keyring('k1');
    const records = ['a', 'bb', 'a longer secret value'].map((s, i) => old.encrypt(s, { aad: `row-${i}` }));
    const next = keyring('key-two');
    const whole = next.rewrapMany(records.map((ciphertext) => ({ ciphertext })));
    const heads = next.rewrapEnvelopeHeads(records.map((r) => split(r).head));
    records.forEach((record, i) => {
      const spliced = join(heads[i]!, split(record).tail);
      expect(spliced).toEqual(whole[i]);
      expect(next.inspect(spliced).keyId).toBe('key-two');
      expect(next.decryptToString(spliced, { aad: `row-${i}` })).toBe(['a', 'bb', 'a longer secret value'][i]);
    });
    // The key id grew from 2 to 7 characters: the head did too, and only the head.
    expect(heads[0]!.length).toBe(split(records[0]!).head.length + 5);
  });

  it('refuses anything but an envelope head', () => {
    const ring = keyring('k1');
    const record = ring.encrypt('x', { aad: 'r' });
    expect(() => parseEnvelopeHead(record)).toThrow(FormatError); // the whole record: too long
    expect(() => parseEnvelopeHead(split(record).head.subarray(0, 20))).toThrow(FormatError);
    const direct = ring.encrypt('x', { aad: 'r', envelope: false });
    expect(() => parseEnvelopeHead(direct.subarray(0, envelopeHeadLength(2)))).toThrow(/direct record/);
    expect(parseEnvelopeHead(split(record).head)).toMatchObject({ keyId: 'k1', algorithm: 'aes-256-gcm' });
  });

  it("rotate() in heads mode: skips heads already under the primary key and returns each record's new head", async () => {
    const old = keyring('k1');
    const rows = new Map(['a', 'b', 'c'].map((id) => [id, old.encrypt(`secret ${id}`, { aad: id })]));
    const next = keyring('key-two');
    rows.set('d', next.encrypt('secret d', { aad: 'd' }));
    const written: RotationUpdate[] = [];
    const progress = await rotate({
      keyring: next,
      mode: 'heads',
      source: [...rows].map(([id, record]) => ({ id, ciphertext: split(record).head })),
      write: (updates) => void written.push(...updates),
    });
    expect(progress).toMatchObject({ scanned: 4, rotated: 3, skipped: 1 });
    for (const { id, ciphertext } of written) {
      const record = join(ciphertext as Uint8Array, split(rows.get(id)!).tail);
      expect(next.decryptToString(record, { aad: id })).toBe(`secret ${id}`);
    }
    await expect(
      rotate({ keyring: next, mode: 'heads', source: [{ id: 'x', ciphertext: 'shc:v1:k1:text' }], write: () => {} }),
    ).rejects.toThrow(InvalidArgumentError);
  });
});
