import { describe, expect, it } from 'vitest';
import { runConformance, type AdapterContext, type AdapterFactory, type StoreAdapter } from '../src/index.js';
import { describeStores } from './broken-stores.js';
import { fullCanary, storePath, useEmbeddedServer } from './helpers.js';

describeStores('the broken store for no-plaintext-on-disk', ['broken-plaintext-then-encrypt']);

describe('no-plaintext-on-disk', () => {
  const server = useEmbeddedServer();
  const run = async (store: string, checks = ['no-plaintext-on-disk'], databaseUrl?: string) =>
    runConformance({
      adapter: storePath(store),
      ...(databaseUrl === undefined ? { server: server() } : { databaseUrl }),
      checks,
      seed: 5,
    });
  const url = (): string => {
    const c = server().connection();
    return `postgres://${c.user}:${encodeURIComponent(String(c.password))}@${c.host}:${c.port}/postgres`;
  };

  it('passes the reference store on the embedded server, whose data directory it reads', async () => {
    const { checks } = await run('reference');
    expect(checks[0]!.failures).toEqual([]);
    expect(checks[0]!.status).toBe('pass');
  });

  it('finds the plaintext a write-then-encrypt store leaves in dead row versions, after VACUUM too, and in the WAL', async () => {
    const check = (await run('broken-plaintext-then-encrypt')).checks[0]!;
    expect(check.status).toBe('fail');
    const text = check.failures.join('\n');
    expect(text).toMatch(/in heap file of secrets, page 0, before VACUUM \(raw\)/);
    expect(text).toMatch(/in heap file of secrets, page 0, after VACUUM \(raw\)/);
    expect(text).toMatch(/in WAL segment [0-9A-F]{24} \(raw\)/);
    expect(text).not.toMatch(fullCanary);
  });

  it("fails instead of passing when its own search is blind: a server log that reads empty misses the harness's control value", async () => {
    const real = server();
    const blindLog = { available: true, position: () => real.log.position(), readSince: async () => '' };
    const check = (
      await runConformance({
        adapter: storePath('reference'),
        server: { ...real, log: blindLog },
        checks: ['no-plaintext-on-disk'],
      })
    ).checks[0]!;
    expect(check.status).toBe('fail');
    expect(check.failures).toEqual([
      'the disk search is blind: it missed the value the harness itself wrote and replaced, in: the server log',
    ]);
  });

  it('finds plaintext a store parked in an unlogged staging table it then emptied, and in a large object it unlinked', async () => {
    const { ReferenceStore } = (await import(storePath('reference'))) as {
      ReferenceStore: new (context: AdapterContext) => StoreAdapter & { pool: AdapterContext['pool'] };
    };
    // Unlogged: never in the WAL, and its pages reach the file only at shutdown.
    const staging: AdapterFactory = (context) => {
      const store = new ReferenceStore(context);
      const setup = store.setup.bind(store);
      const put = store.put.bind(store);
      store.setup = async () => {
        await setup();
        await store.pool.query('CREATE UNLOGGED TABLE IF NOT EXISTS put_staging (secret text)');
      };
      store.put = async (owner, name, secret) => {
        await store.pool.query('INSERT INTO put_staging VALUES ($1)', [secret]);
        await put(owner, name, secret);
        await store.pool.query('DELETE FROM put_staging');
      };
      return store;
    };
    const parked = (await runConformance({ adapter: staging, server: server(), checks: ['no-plaintext-on-disk'] }))
      .checks[0]!;
    expect(parked.failures.join('\n')).toMatch(/in heap file of put_staging, page 0, before VACUUM \(raw\)/);

    const largeObject: AdapterFactory = (context) => {
      const store = new ReferenceStore(context);
      const put = store.put.bind(store);
      store.put = async (owner, name, secret) => {
        await store.pool.query(`SELECT lo_unlink(lo_from_bytea(0, convert_to($1, 'UTF8')))`, [secret]);
        await put(owner, name, secret);
      };
      return store;
    };
    const unlinked = (
      await runConformance({ adapter: largeObject, server: server(), checks: ['no-plaintext-on-disk'] })
    ).checks[0]!;
    expect(unlinked.failures.join('\n')).toMatch(/in heap file of pg_largeobject, page 0, before VACUUM \(raw\)/);
  });

  it('on --database-url, reads pages through pageinspect, where the statement-log search is blind, and says what it could not read', async () => {
    const result = await run('broken-plaintext-then-encrypt', ['no-plaintext-at-rest', 'no-plaintext-on-disk'], url());
    const [atRest, onDisk] = result.checks;
    // The table is clean and the log unreadable: only the disk search sees the dead tuple.
    expect(atRest!.status).toBe('pass');
    expect(onDisk!.status).toBe('fail');
    expect(onDisk!.failures.join('\n')).toMatch(/heap file of secrets, page 0, before VACUUM/);
    expect(onDisk!.notes.join('\n')).toMatch(/not proven: the server log was not searched/);
  });

  it('on --database-url, a clean store is not proven while the server log cannot be read, instead of passing', async () => {
    const result = await run('reference', ['no-plaintext-on-disk'], url());
    const check = result.checks[0]!;
    expect(check.failures).toEqual([]);
    expect(check.status).toBe('not-proven');
    expect(check.notes).toEqual([
      expect.stringMatching(/^not proven: the server log was not searched \(the server does not write a log file/),
    ]);
    expect(result.passed).toBe(true);
  });
});
