import type { ConformanceCheck } from '../conformance-check.js';
import { keyIdOf } from '../keys.js';
import { Needles } from '../search/find.js';
import {
  allStored,
  asBytes,
  attempt,
  failWith,
  listProblems,
  readStored,
  remember,
  verifyAll,
  versionProblems,
  type Expected,
} from './util.js';

/** A rotation keeps every value, moves every row, and lets reads and writes go on meanwhile. */
export const rotationRoundTrip: ConformanceCheck = {
  id: 'rotation-round-trip',
  description:
    'Stores 60 secrets under key 1 (overwriting three), rotates to key 2 while reading and writing between every query of the rotation, then reads everything with key 1 removed',
  promise:
    'After rotation every row reads back its latest value and is on the new key, no record under the old key stays in any table (former versions included), the old key can be removed, and reads and writes made during the rotation work and are not lost',
  docs: {
    does: 'Stores 60 secrets under key 1 (overwriting three), rotates to key 2 while, before every query the rotation sends, it reads a row through a second store instance and writes a new one',
    proves:
      'Every row reads back its latest value and is on key 2; no record written under key 1 stays in any table (former versions of overwritten secrets included); key 1 can be removed and everything still reads; reads during the rotation work; writes during it are not lost',
    cannotSee:
      'Old records kept outside the database; an old record re-encoded (a different spelling of the same bytes than raw, hex or base64)',
  },
  async run(ctx) {
    const keys = ctx.keys.material([1, 2], 1);
    const store = await ctx.openStore(keys);
    const reader = await ctx.openStore(keys);
    const expected: Expected = new Map();
    for (const owner of ['alice', 'bob', 'carol']) {
      for (let i = 0; i < 20; i++) {
        const secret = ctx.canary();
        await store.adapter.put(owner, `key-${i}`, secret);
        remember(expected, owner, `key-${i}`, secret);
      }
    }
    // Overwritten before the rotation: a store that keeps former versions must rotate (or drop) them too.
    const superseded: Buffer[] = [];
    for (let i = 0; i < 3; i++) {
      const before = await readStored(ctx, store.adapter.storage, 'bob', `key-${i}`);
      if (before !== undefined) superseded.push(asBytes(before));
      const secret = ctx.canary();
      await store.adapter.put('bob', `key-${i}`, secret);
      remember(expected, 'bob', `key-${i}`, secret);
    }
    const underOldKey = [...superseded, ...(await allStored(ctx, store.adapter.storage))];
    const initial = [...expected.entries()].flatMap(([owner, m]) =>
      [...m.entries()].map(([name, canary]) => ({ owner, name, canary })),
    );
    const during: string[] = [];
    let step = 0;
    store.beforeQuery = async () => {
      if (step >= 40) return;
      step++;
      const row = initial[(step * 7) % initial.length]!;
      const read = await attempt(() => reader.adapter.get(row.owner, row.name));
      if (!read.ok) during.push(`a read during rotation failed: ${(read.error as Error).message}`);
      else if (read.value !== row.canary)
        during.push(`a read during rotation returned a wrong value for ${row.owner}/${row.name}`);
      const secret = ctx.canary();
      const name = `written-during-${step}`;
      const write = await attempt(() => store.adapter.put('alice', name, secret));
      if (!write.ok) during.push(`a write during rotation failed: ${(write.error as Error).message}`);
      else remember(expected, 'alice', name, secret);
    };
    await store.adapter.rotate(2);
    store.beforeQuery = undefined;
    if (step === 0)
      ctx.note(
        'the rotation sent no query through the pool it was given: reads and writes during rotation were not exercised',
      );
    failWith(ctx, 'during rotation', during);
    failWith(ctx, 'after rotation', await verifyAll(ctx, store, expected));
    failWith(ctx, 'after rotation', await versionProblems(ctx, store.adapter.storage, 2, keyIdOf(2)));
    // A record the rotation left as it was is the key-version check's business (a store that does
    // not encrypt keeps the same bytes); here only copies beside the current records count.
    const current = new Set((await allStored(ctx, store.adapter.storage)).map((b) => b.toString('hex')));
    const leftovers = new Needles(
      [],
      underOldKey.filter((b) => !current.has(b.toString('hex'))),
    );
    const kept = await ctx.searchTables(leftovers);
    if (kept.length > 0) {
      const places = [...new Set(kept.map((h) => h.location))];
      ctx.fail(
        `after rotation, ${new Set(kept.map((h) => h.needle)).size} record(s) written under the old key are still stored (${places.slice(0, 3).join('; ')}): whoever keeps the old key can still read them`,
      );
    }
    await store.close();
    await reader.close();

    const newOnly = await ctx.openStore(ctx.keys.material([2], 2));
    failWith(ctx, 'with the old key removed', [
      ...(await verifyAll(ctx, newOnly, expected)),
      ...(await listProblems(newOnly, expected)),
    ]);
    const after = ctx.canary();
    await newOnly.adapter.put('dave', 'after-rotation', after);
    const read = await attempt(() => newOnly.adapter.get('dave', 'after-rotation'));
    if (!read.ok || read.value !== after)
      ctx.fail('a secret written after rotation with only the new key does not read back');
  },
};
