import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/index.js';
import { describeStores } from './broken-stores.js';
import { storePath, useEmbeddedServer } from './helpers.js';

describeStores('the broken store for rotation-concurrent-writes', ['broken-rotation-lost-update']);

describe('rotation-concurrent-writes', () => {
  const server = useEmbeddedServer();
  const run = async (store: string) => (await runConformance({ adapter: storePath(store), server: server(), checks: ['rotation-concurrent-writes'], seed: 3 })).checks[0]!;

  it('passes the reference store, whose rotation skips rows changed since it read them', async () => {
    const check = await run('reference');
    expect(check.failures).toEqual([]);
    expect(check.status).toBe('pass');
    expect(check.notes).toEqual([]);
  });

  it('fails a rotation that writes a batch back over newer values, naming the secrets that lost their update', async () => {
    const check = await run('broken-rotation-lost-update');
    expect(check.status).toBe('fail');
    expect(check.failures.join('\n')).toMatch(/^lost while the rotation ran \(read with key 1 removed\): (alice|bob)\/rotating-\d+ returned a wrong value/m);
  });
});
