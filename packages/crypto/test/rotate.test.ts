import { describe, expect, it, vi } from 'vitest';
import {
  DecryptionError,
  InvalidArgumentError,
  Keyring,
  rotate,
  type RotationRecord,
  type RotationUpdate,
} from '../src/index.js';

// Property tests run thousands of cases; CI shares two cores with other suites.
vi.setConfig({ testTimeout: 30_000 });

const keyOf = (fill: number) => new Uint8Array(32).fill(fill);

/** An in-memory table of encrypted rows, ordered by id. */
function makeTable(keyring: Keyring, rows: number, envelope: boolean) {
  const table = new Map<string, string>();
  for (let i = 0; i < rows; i++) {
    const id = `row-${String(i).padStart(4, '0')}`;
    table.set(id, keyring.encryptToString(`secret ${i}`, { aad: { table: 'users', row: id }, envelope }));
  }
  const source = (cursor: string | undefined): AsyncIterable<RotationRecord> =>
    (async function* () {
      for (const [id, ciphertext] of [...table].sort(([a], [b]) => a.localeCompare(b))) {
        if (cursor !== undefined && id <= cursor) continue;
        yield { id, ciphertext, aad: { table: 'users', row: id } };
      }
    })();
  return { table, source };
}

describe('rotate', () => {
  for (const envelope of [false, true]) {
    it(`${envelope ? 'envelope' : 'direct'} records: a crash mid-way, then resume from the checkpoint: nothing lost, nothing encrypted twice`, async () => {
      const keyring = new Keyring([
        { id: 'k1', key: keyOf(1), state: 'primary' },
        { id: 'k2', key: keyOf(2), state: 'staged' },
      ]);
      const { table, source } = makeTable(keyring, 250, envelope);
      keyring.promote('k2');
      let checkpointed: string | undefined;
      let batches = 0;
      const writes: RotationUpdate[] = [];
      const crashingWrite = async (updates: readonly RotationUpdate[]) => {
        batches++;
        // The third batch is written, then the process dies before its checkpoint.
        for (const u of updates) table.set(u.id, u.ciphertext as string);
        writes.push(...updates);
        if (batches === 3) throw new Error('simulated crash');
      };
      const progress = vi.fn();
      await expect(
        rotate({
          keyring,
          source,
          write: crashingWrite,
          checkpoint: (c) => void (checkpointed = c),
          batchSize: 40,
          onProgress: progress,
        }),
      ).rejects.toThrow('simulated crash');
      expect(checkpointed).toBe('row-0079');
      expect(progress).toHaveBeenCalledTimes(2);
      const countBefore = keyring.info('k2').encryptions;

      // Resume from the last checkpoint: batch 3 is read again and skipped as already current.
      const resumedWrites: RotationUpdate[] = [];
      const result = await rotate({
        keyring,
        source,
        cursor: checkpointed,
        write: (u) => {
          for (const x of u) table.set(x.id, x.ciphertext as string);
          resumedWrites.push(...u);
        },
        checkpoint: (c) => void (checkpointed = c),
        batchSize: 40,
      });
      expect(result).toEqual({ scanned: 170, rotated: 130, skipped: 40, cursor: 'row-0249' });
      // Every row was rotated exactly once across both runs.
      const ids = [...writes, ...resumedWrites].map((u) => u.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(250);
      // Direct records count against the nonce bound; an envelope rewrap uses the key only to wrap.
      expect(keyring.info('k2').encryptions - countBefore).toBe(envelope ? 0 : 130);
      // All rows now under k2 and decrypt to the original values with their row binding.
      keyring.retire('k1');
      for (const [id, ct] of table) {
        expect(keyring.inspect(ct).keyId).toBe('k2');
        expect(keyring.inspect(ct).envelope).toBe(envelope);
        expect(keyring.decryptToString(ct, { aad: { table: 'users', row: id } })).toBe(`secret ${Number(id.slice(4))}`);
      }
      // A second full run is a no-op.
      const again = await rotate({ keyring, source, write: () => expect.fail('nothing to write') });
      expect(again).toMatchObject({ scanned: 250, rotated: 0, skipped: 250 });
    });
  }

  it('resumes over a plain iterable by passing over records up to the cursor', async () => {
    const keyring = new Keyring([
      { id: 'k1', key: keyOf(1), state: 'primary' },
      { id: 'k2', key: keyOf(2), state: 'staged' },
    ]);
    const records = ['a', 'b', 'c', 'd'].map((id) => ({ id, ciphertext: keyring.encrypt(id) }));
    keyring.promote('k2');
    const written: string[] = [];
    const result = await rotate({
      keyring,
      source: records,
      cursor: 'b',
      mode: 'reencrypt',
      write: (u) => void written.push(...u.map((x) => x.id)),
    });
    expect(written).toEqual(['c', 'd']);
    expect(result.scanned).toBe(2);
    await expect(rotate({ keyring, source: records, cursor: 'zz', write: () => undefined })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });

  it('stops on a record whose context does not authenticate, after writing the batches before it', async () => {
    const keyring = new Keyring([
      { id: 'k1', key: keyOf(1), state: 'primary' },
      { id: 'k2', key: keyOf(2), state: 'staged' },
    ]);
    const records = [
      { id: '1', ciphertext: keyring.encrypt('x', { aad: '1' }), aad: '1' },
      { id: '2', ciphertext: keyring.encrypt('y', { aad: '2' }), aad: 'moved' },
    ];
    keyring.promote('k2');
    const write = vi.fn();
    await expect(rotate({ keyring, source: records, write, batchSize: 1 })).rejects.toBeInstanceOf(DecryptionError);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('stops between batches when the signal aborts, with the finished batches checkpointed', async () => {
    const keyring = new Keyring([
      { id: 'k1', key: keyOf(1), state: 'primary' },
      { id: 'k2', key: keyOf(2), state: 'staged' },
    ]);
    const { source } = makeTable(keyring, 10, false);
    keyring.promote('k2');
    const controller = new AbortController();
    const checkpoints: string[] = [];
    const run = rotate({
      keyring,
      source,
      batchSize: 3,
      write: () => undefined,
      checkpoint: (c) => {
        checkpoints.push(c);
        if (checkpoints.length === 2) controller.abort(new Error('deploy in progress'));
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow('deploy in progress');
    expect(checkpoints).toEqual(['row-0002', 'row-0005']);
  });

  it('validates options', async () => {
    const keyring = new Keyring([{ id: 'k1', key: keyOf(1), state: 'primary' }]);
    await expect(rotate({ keyring, source: [], write: () => undefined, batchSize: 0 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(
      rotate({ keyring, source: [], write: () => undefined, mode: 'copy' as 'rewrap' }),
    ).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
