import type { ConformanceCheck } from '../check.js';
import { attempt, describeReturned, readStored, writeStored, type StoredValue } from './util.js';

/** Changes one byte (or one character, keeping hex/base64 text valid) at `position`. */
function flip(value: StoredValue, position: number): StoredValue {
  if (typeof value !== 'string') {
    const copy = Buffer.from(value);
    copy[position] = (copy[position] ?? 0) ^ 0x01;
    return copy;
  }
  const c = value[position] ?? 'a';
  let next: string;
  if (c >= '0' && c <= '9') next = String((Number(c) + 1) % 10);
  else if (c >= 'a' && c <= 'e') next = String.fromCharCode(c.charCodeAt(0) + 1);
  else if (c === 'f') next = 'a';
  else if (c >= 'A' && c <= 'E') next = String.fromCharCode(c.charCodeAt(0) + 1);
  else if (c === 'F') next = 'A';
  else if (/[g-yG-Y]/.test(c)) next = String.fromCharCode(c.charCodeAt(0) + 1);
  else next = c === 'z' ? 'y' : c === 'Z' ? 'Y' : 'A';
  return value.slice(0, position) + next + value.slice(position + 1);
}

/** Tampered or moved ciphertexts must fail loudly. */
export const integrity: ConformanceCheck = {
  id: 'integrity',
  description:
    'Flips a byte at the start, middle and end of a stored ciphertext, then swaps ciphertexts between two rows of one owner and between two owners, and reads each back',
  promise: 'A tampered, truncated or transplanted ciphertext makes get throw: it never returns garbage or another row\'s secret',
  async run(ctx) {
    const store = await ctx.openStore(ctx.keys.material([1], 1));
    const { storage } = store.adapter;
    const secrets = { a: ctx.canary(), b: ctx.canary(), c: ctx.canary() };
    await store.adapter.put('alice', 'token-a', secrets.a);
    await store.adapter.put('alice', 'token-b', secrets.b);
    await store.adapter.put('bob', 'token-a', secrets.c);
    const original = await readStored(ctx, storage, 'alice', 'token-a');
    if (original === undefined) {
      ctx.fail(`no ciphertext found in ${storage.table}.${storage.ciphertextColumn} for alice/token-a`);
      return;
    }
    const all = [secrets.a, secrets.b, secrets.c];
    const length = original.length;
    for (const [label, position] of [['first', 0], ['middle', Math.floor(length / 2)], ['last', length - 1]] as const) {
      await writeStored(ctx, storage, 'alice', 'token-a', flip(original, position));
      const read = await attempt(() => store.adapter.get('alice', 'token-a'));
      if (read.ok) {
        const what = read.value === secrets.a ? 'returned the original secret (the change went unnoticed)' : describeReturned(ctx, read.value, { stored: original, secrets: all });
        ctx.fail(`with the ${label} byte of the ciphertext changed, get ${what}`);
      }
      await writeStored(ctx, storage, 'alice', 'token-a', original);
    }
    if (typeof original !== 'string' && original.length > 1) {
      await writeStored(ctx, storage, 'alice', 'token-a', original.subarray(0, original.length - 1));
      const read = await attempt(() => store.adapter.get('alice', 'token-a'));
      if (read.ok) ctx.fail(`with the ciphertext truncated by one byte, get ${describeReturned(ctx, read.value, { stored: original, secrets: all })}`);
      await writeStored(ctx, storage, 'alice', 'token-a', original);
    }
    const restored = await attempt(() => store.adapter.get('alice', 'token-a'));
    if (!restored.ok || restored.value !== secrets.a) {
      ctx.fail('the untouched ciphertext no longer reads back after being restored');
      return;
    }

    const swaps = [
      { label: 'two rows of one owner', x: ['alice', 'token-a'], y: ['alice', 'token-b'] },
      { label: 'two owners', x: ['alice', 'token-a'], y: ['bob', 'token-a'] },
    ] as const;
    for (const swap of swaps) {
      const [xo, xn] = swap.x;
      const [yo, yn] = swap.y;
      const vx = await readStored(ctx, storage, xo, xn);
      const vy = await readStored(ctx, storage, yo, yn);
      if (vx === undefined || vy === undefined) continue;
      await writeStored(ctx, storage, xo, xn, vy);
      await writeStored(ctx, storage, yo, yn, vx);
      for (const [owner, name] of [swap.x, swap.y]) {
        const read = await attempt(() => store.adapter.get(owner, name));
        if (read.ok) ctx.fail(`with ciphertexts swapped between ${swap.label}, get(${owner}, ${name}) ${describeReturned(ctx, read.value, { secrets: all })}: no associated data binds a ciphertext to its row`);
      }
      await writeStored(ctx, storage, xo, xn, vx);
      await writeStored(ctx, storage, yo, yn, vy);
    }
  },
};
