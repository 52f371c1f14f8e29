import type { ConformanceCheck } from '../conformance-check.js';
import { keyIdOf } from '../keys.js';
import { attempt, failWith, remember, verifyAll, versionProblems, type Expected } from './util.js';

/** Saving again what was read after a rotation, and rotating again, never encrypts twice. */
export const noDoubleEncryption: ConformanceCheck = {
  id: 'no-double-encryption',
  description:
    'Rotates to key 2, saves every value again as read (read-modify-write), rotates to key 2 again from the same and from a restarted store, then reads with key 1 removed',
  promise:
    'Values saved again after a rotation, and repeated rotations, still read back as the original: nothing is ever encrypted twice',
  docs: {
    does: 'Rotates, saves every value again as read (read-modify-write), rotates again from the same and from a restarted instance, then reads with key 1 removed',
    proves: 'Values saved again after a rotation, and repeated rotations, still read back as the original',
    cannotSee: 'Double encryption that decrypts back transparently (then nothing is lost)',
  },
  async run(ctx) {
    const store = await ctx.openStore(ctx.keys.material([1, 2], 1));
    const expected: Expected = new Map();
    for (let i = 0; i < 12; i++) {
      const secret = ctx.canary();
      await store.adapter.put('alice', `key-${i}`, secret);
      remember(expected, 'alice', `key-${i}`, secret);
    }
    await store.adapter.rotate(2);
    const resaved: string[] = [];
    for (const [name] of expected.get('alice') ?? []) {
      const read = await attempt(() => store.adapter.get('alice', name));
      if (!read.ok || read.value === undefined) {
        resaved.push(`${name} could not be read after the rotation`);
        continue;
      }
      await store.adapter.put('alice', name, read.value);
    }
    failWith(ctx, 'after rotation', resaved);
    await store.adapter.rotate(2);
    await store.close();
    const restarted = await ctx.openStore(ctx.keys.material([1, 2], 2));
    await restarted.adapter.rotate(2);
    await restarted.close();

    const newOnly = await ctx.openStore(ctx.keys.material([2], 2));
    failWith(ctx, 'after saving again and rotating again', await verifyAll(ctx, newOnly, expected));
    failWith(
      ctx,
      'after saving again and rotating again',
      await versionProblems(ctx, newOnly.adapter.storage, 2, keyIdOf(2)),
    );
  },
};
