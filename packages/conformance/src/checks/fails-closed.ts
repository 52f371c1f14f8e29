import type { StoreKeys } from '../adapter.js';
import type { ConformanceContext, ConformanceCheck } from '../conformance-check.js';
import { wrongKeys } from '../keys.js';
import { attempt, describeReturned, readStored } from './util.js';

/**
 * Opens a store with `keys` and reads `secrets` back: each read must throw (or the store must
 * refuse to open). Returns how each wrong answer looked.
 */
export async function refusals(
  ctx: ConformanceContext,
  keys: StoreKeys,
  owner: string,
  secrets: ReadonlyMap<string, string>,
  storageOf: (name: string) => Promise<Buffer | string | undefined>,
): Promise<string[]> {
  const opened = await attempt(() => ctx.openStore(keys));
  if (!opened.ok) return [];
  const wrong: string[] = [];
  for (const [name, secret] of secrets) {
    const read = await attempt(() => opened.value.adapter.get(owner, name));
    if (read.ok)
      wrong.push(
        `get(${owner}, ${name}) ${describeReturned(ctx, read.value, { stored: await storageOf(name), secrets: [secret] })}`,
      );
  }
  await opened.value.close();
  return wrong;
}

/** Without the right key, a read is an error, never a value. */
export const failsClosed: ConformanceCheck = {
  id: 'fails-closed',
  description:
    'Reads secrets back through stores opened with a wrong key, without the key version they need, and with no keys at all; writes with no keys',
  promise:
    'With a wrong or missing key, get throws: it never returns the ciphertext, an empty string, the input or "not found"; with no key, put throws',
  docs: {
    does: 'Reads through stores opened with a wrong key, without the needed key version, and with no keys; then writes through a store opened with no keys',
    proves:
      '`get` throws (or the store refuses to open); it never returns the ciphertext, an empty string, the input or "not found". With no keys, `put` throws too: a store that writes then uses a key of its own (a development default) or none',
    cannotSee: 'Keys the store gets elsewhere than from the harness (an environment variable, a KMS)',
  },
  async run(ctx) {
    const keys = ctx.keys.material([1], 1);
    const store = await ctx.openStore(keys);
    const secrets = new Map<string, string>();
    for (let i = 0; i < 3; i++) {
      const secret = ctx.canary();
      await store.adapter.put('alice', `key-${i}`, secret);
      secrets.set(`key-${i}`, secret);
    }
    const storageOf = (name: string) => readStored(ctx, store.adapter.storage, 'alice', name);
    const cases: Array<[string, StoreKeys]> = [
      ['a wrong key', wrongKeys(keys)],
      ['the needed key version missing', ctx.keys.material([2], 2)],
      ['no keys at all', { current: 1, versions: [] }],
    ];
    for (const [label, material] of cases) {
      const wrong = await refusals(ctx, material, 'alice', secrets, storageOf);
      if (wrong.length > 0) ctx.fail(`with ${label}: ${wrong.join('; ')}`);
    }
    // Writing needs a key too: a store that writes without one falls back to a key of its own (a
    // development default) or to no encryption at all.
    const keyless = await attempt(() => ctx.openStore({ current: 1, versions: [] }));
    if (keyless.ok) {
      const written = await attempt(() => keyless.value.adapter.put('alice', 'written-without-keys', ctx.canary()));
      if (written.ok)
        ctx.fail(
          'with no keys at all, put succeeded: the store encrypted with a key the harness did not give it (a default key) or not at all',
        );
      await keyless.value.close();
    }
  },
};
