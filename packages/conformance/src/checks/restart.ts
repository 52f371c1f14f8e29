import type { ConformanceCheck } from '../conformance-check.js';
import { wrongKeys } from '../keys.js';
import { refusals } from './fails-closed.js';
import { attempt, failWith, listProblems, readStored, remember, verifyAll, type Expected } from './util.js';

/** Data outlives the process: a reopened store reads it with the same keys and refuses other keys. */
export const restart: ConformanceCheck = {
  id: 'restart',
  description:
    'Writes secrets, tears the store down, reopens it with the same keys (reads and writes) and with different keys (must refuse)',
  promise:
    'A store reopened with the same keyring reads everything it wrote; opened with a different keyring it refuses to read',
  docs: {
    does: 'Writes, tears the store down, reopens it with the same keys, then with different keys',
    proves: 'The same keyring reads (and writes) everything; a different keyring is refused',
    cannotSee:
      'State kept in the store process across instances (the store process lives for the whole run; a restart here is a new instance, not a new process)',
  },
  async run(ctx) {
    const keys = ctx.keys.material([1], 1);
    const first = await ctx.openStore(keys);
    const expected: Expected = new Map();
    for (let i = 0; i < 10; i++) {
      const secret = ctx.canary();
      await first.adapter.put(i % 2 === 0 ? 'alice' : 'bob', `key-${i}`, secret);
      remember(expected, i % 2 === 0 ? 'alice' : 'bob', `key-${i}`, secret);
    }
    const { storage } = first.adapter;
    await first.close();

    const again = await attempt(() => ctx.openStore(keys));
    if (!again.ok) {
      ctx.fail(`the store could not be reopened with the same keys: ${(again.error as Error).message}`);
      return;
    }
    const reopened = again.value;
    failWith(ctx, 'reopened with the same keys', [
      ...(await verifyAll(ctx, reopened, expected)),
      ...(await listProblems(reopened, expected)),
    ]);
    const later = ctx.canary();
    await reopened.adapter.put('alice', 'after-restart', later);
    remember(expected, 'alice', 'after-restart', later);
    failWith(ctx, 'reopened with the same keys', await verifyAll(ctx, reopened, expected));
    await reopened.close();

    const alice = expected.get('alice') ?? new Map<string, string>();
    const wrong = await refusals(ctx, wrongKeys(keys), 'alice', alice, (name) =>
      readStored(ctx, storage, 'alice', name),
    );
    failWith(ctx, 'reopened with a different keyring', wrong);
  },
};
