import { describe, expect, it } from 'vitest';
import { runConformance, type AdapterContext, type AdapterFactory, type StoreAdapter } from '../src/index.js';
import { describeStores } from './broken-stores.js';
import { storePath, useEmbeddedServer } from './helpers.js';

describeStores('the broken store for rotation-concurrent-writes', ['broken-rotation-lost-update']);

describe('rotation-concurrent-writes', () => {
  const server = useEmbeddedServer();
  const run = async (store: string) =>
    (
      await runConformance({
        adapter: storePath(store),
        server: server(),
        checks: ['rotation-concurrent-writes'],
        seed: 3,
      })
    ).checks[0]!;

  it('passes the reference store, whose rotation skips rows changed since it read them', async () => {
    const check = await run('reference');
    expect(check.failures).toEqual([]);
    expect(check.status).toBe('pass');
    expect(check.notes).toEqual([]);
  });

  it('fails a rotation that writes a batch back over newer values, naming the secrets that lost their update', async () => {
    const check = await run('broken-rotation-lost-update');
    expect(check.status).toBe('fail');
    expect(check.failures.join('\n')).toMatch(
      // Its batch carries the rewrapped heads of the rows it read: a row overwritten meanwhile keeps
      // its new data behind the old record's key, unreadable.
      /^lost while the rotation ran \(read with key 1 removed\): (alice|bob)\/rotating-\d+ (is unreadable|returned a wrong value)/m,
    );
  });

  interface Row {
    id: string;
    owner: string;
    name: string;
    ciphertext: Buffer;
  }
  type Reference = StoreAdapter & {
    pool: AdapterContext['pool'];
    keys: AdapterContext['keys'];
    keyring: {
      primaryKeyId: string;
      promote(id: string): void;
      reencrypt(record: Uint8Array, options: { aad: string }): Uint8Array;
    };
    current: number;
    aad(owner: string, name: string): string;
  };
  const referenceStore = async (): Promise<new (context: AdapterContext) => Reference> =>
    ((await import(storePath('reference'))) as { ReferenceStore: new (context: AdapterContext) => Reference })
      .ReferenceStore;
  const promote = (store: Reference, version: number): void => {
    const target = store.keys.versions.find((v) => v.version === version)!;
    if (store.keyring.primaryKeyId !== target.id) store.keyring.promote(target.id);
    store.current = version;
  };

  it('passes a rotation that locks the rows it rotates (SELECT … FOR UPDATE in one transaction) instead of waiting forever with it', async () => {
    const ReferenceStore = await referenceStore();
    const locking: AdapterFactory = (context) => {
      const store = new ReferenceStore(context);
      store.rotate = async (version) => {
        promote(store, version);
        const client = await store.pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query<Row>(
            'SELECT id, owner, name, ciphertext FROM secrets WHERE key_version <> $1 ORDER BY id FOR UPDATE',
            [version],
          );
          for (const row of rows) {
            const next = store.keyring.reencrypt(row.ciphertext, { aad: store.aad(row.owner, row.name) });
            await client.query('UPDATE secrets SET ciphertext = $2, key_version = $3 WHERE id = $1', [
              row.id,
              Buffer.from(next),
              version,
            ]);
          }
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      };
      return store;
    };
    const check = (await runConformance({ adapter: locking, server: server(), checks: ['rotation-concurrent-writes'] }))
      .checks[0]!;
    expect(check.failures).toEqual([]);
    expect(check.status).toBe('pass');
  });

  it('fails a rotation that writes back by owner and name, bringing deleted secrets back', async () => {
    const ReferenceStore = await referenceStore();
    const upserting: AdapterFactory = (context) => {
      const store = new ReferenceStore(context);
      store.rotate = async (version) => {
        promote(store, version);
        const { rows } = await store.pool.query<Row>(
          'SELECT id, owner, name, ciphertext FROM secrets WHERE key_version <> $1 ORDER BY id',
          [version],
        );
        for (const row of rows) {
          const next = store.keyring.reencrypt(row.ciphertext, { aad: store.aad(row.owner, row.name) });
          await store.pool.query(
            `INSERT INTO secrets (owner, name, ciphertext, key_version) VALUES ($1, $2, $3, $4)
             ON CONFLICT (owner, name) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, key_version = EXCLUDED.key_version`,
            [row.owner, row.name, Buffer.from(next), version],
          );
        }
      };
      return store;
    };
    const check = (
      await runConformance({ adapter: upserting, server: server(), checks: ['rotation-concurrent-writes'] })
    ).checks[0]!;
    expect(check.status).toBe('fail');
    expect(check.failures.join('\n')).toMatch(
      /^deleted during the rotation: (alice|bob)\/rotating-\d+ was deleted during the rotation and is back \(listed\)/m,
    );
  });
});
