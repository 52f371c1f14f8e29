import type { ConformanceCheck } from '../conformance-check.js';
import { Needles } from '../search/find.js';
import { asBytes, attempt, describeHits, failWith, readStored, remember, verifyAll, type Expected } from './util.js';

/** A deleted secret leaves no trace: no plaintext, no ciphertext, in any table. */
export const deletion: ConformanceCheck = {
  id: 'deletion',
  description:
    'Writes a secret twice and deletes it among others, then checks get and list, and searches every table for both versions: plaintexts and ciphertexts (raw, hex, base64)',
  promise:
    'delete removes the secret for good, with every version it had: no plaintext or ciphertext of it stays in any table, and the other secrets are untouched',
  docs: {
    does: 'Writes a secret twice (so a store that keeps versions has two), deletes it among others',
    proves:
      '`get` and `list` no longer see it; neither plaintext nor ciphertext of **either version** (raw, hex, base64) is in any table; the other secrets are intact',
    cannotSee:
      'Copies outside the database (backups, a cache), dead row versions (that is `no-plaintext-on-disk`), a deleted secret encrypted again into another table (a trash or history table with a fresh nonce: a ciphertext the harness never saw)',
  },
  async run(ctx) {
    const store = await ctx.openStore(ctx.keys.material([1], 1));
    const { storage } = store.adapter;
    const kept: Expected = new Map();
    for (let i = 0; i < 3; i++) {
      const secret = ctx.canary();
      await store.adapter.put('alice', `keep-${i}`, secret);
      remember(kept, 'alice', `keep-${i}`, secret);
    }
    // Written twice: a store that keeps former versions (a history table) must delete them too.
    const former = ctx.canary();
    await store.adapter.put('alice', 'doomed', former);
    const formerCiphertext = await readStored(ctx, storage, 'alice', 'doomed');
    const doomed = ctx.canary();
    await store.adapter.put('alice', 'doomed', doomed);
    const sameName = ctx.canary();
    await store.adapter.put('bob', 'doomed', sameName);
    remember(kept, 'bob', 'doomed', sameName);
    const ciphertext = await readStored(ctx, storage, 'alice', 'doomed');

    await store.adapter.delete('alice', 'doomed');
    const read = await attempt(() => store.adapter.get('alice', 'doomed'));
    if (read.ok && read.value !== undefined)
      ctx.fail(`get after delete still returns a value${read.value === doomed ? ' (the deleted secret)' : ''}`);
    if ((await store.adapter.list('alice')).includes('doomed'))
      ctx.fail('list after delete still names the deleted secret');
    failWith(ctx, 'other secrets damaged by delete', await verifyAll(ctx, store, kept));

    const ciphertexts = [formerCiphertext, ciphertext].flatMap((c) => (c === undefined ? [] : [asBytes(c)]));
    const needles = new Needles([doomed, former], ciphertexts);
    const hits = await ctx.searchTables(needles);
    failWith(ctx, 'the deleted secret is still stored', describeHits(ctx, hits, needles), 4);
  },
};
