import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/index.js';
import { describeStores } from './broken-stores.js';
import { fullCanary, storePath, useEmbeddedServer } from './helpers.js';

describeStores('the broken store for no-plaintext-on-disk', ['broken-plaintext-then-encrypt']);

describe('no-plaintext-on-disk', () => {
  const server = useEmbeddedServer();
  const run = async (store: string, checks = ['no-plaintext-on-disk'], databaseUrl?: string) =>
    runConformance({ adapter: storePath(store), ...(databaseUrl === undefined ? { server: server() } : { databaseUrl }), checks, seed: 5 });
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
    expect(check.notes).toEqual([expect.stringMatching(/^not proven: the server log was not searched \(the server does not write a log file/)]);
    expect(result.passed).toBe(true);
  });
});
