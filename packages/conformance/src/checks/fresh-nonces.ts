import type { ConformanceContext, ConformanceCheck, OpenedStore } from '../conformance-check.js';
import { parseCoreRecord } from '../core-format.js';
import { findKeystreamReuse, type KnownCiphertext } from '../search/keystream.js';
import { decodedBytes, readOwnerStored, readStored, repeatedNonces, type StoredValue } from './util.js';

/** Reads the record of every `name → secret` back, labelled, for the keystream comparison. */
async function known(
  ctx: ConformanceContext,
  store: OpenedStore,
  owner: string,
  secrets: ReadonlyMap<string, string>,
  label: string,
): Promise<KnownCiphertext[]> {
  const stored = await readOwnerStored(ctx, store.adapter.storage, owner);
  return [...secrets].flatMap(([name, plaintext]) => {
    const value = stored.get(name);
    return value === undefined ? [] : [{ plaintext, bytes: decodedBytes(value), label }];
  });
}

/** Puts one fresh canary per name, concurrently when `concurrent`; returns name → canary. */
async function putMany(
  ctx: ConformanceContext,
  store: OpenedStore,
  owner: string,
  names: readonly string[],
  concurrent = false,
): Promise<Map<string, string>> {
  const secrets = new Map(names.map((name) => [name, ctx.canary()] as const));
  if (concurrent) await Promise.all([...secrets].map(([name, secret]) => store.adapter.put(owner, name, secret)));
  else for (const [name, secret] of secrets) await store.adapter.put(owner, name, secret);
  return secrets;
}

const names = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

/** The same secret stored many times must never give the same ciphertext or reuse a nonce. */
export const freshNonces: ConformanceCheck = {
  id: 'fresh-nonces',
  description:
    'Stores one secret 32 times (new rows and overwrites) and checks that every ciphertext differs and no nonce repeats (core format); then writes different secrets before and after a restart, in a burst of 24 concurrent writes from two instances and before a rotation, and checks that no two of them share a keystream and no declared nonce column repeats',
  promise:
    'Every encryption uses a fresh nonce, also across restarts, concurrent writes and rotation batches: equal secrets are not recognisable and nonce reuse cannot expose plaintext',
  docs: {
    does: 'Stores one secret 32 times (new rows and overwrites); then writes different secrets before and after a restart of the store (a new instance, then a new store process), in a burst of 12 concurrent writes from each of two instances, and before a rotation',
    proves:
      'Every ciphertext differs; no nonce repeats (parsed from the record in the `@secret-hygiene/crypto` format, or read from a declared `nonceColumn`); no two records of different secrets share a keystream, at any offset of their first 512 bytes and in any format: not across a restart (also of the process: a counter kept in module scope), a burst, or a rotation batch. After the run, every record any check left (paired with the plaintext last written to its row) is compared the same way',
    cannotSee:
      'Reuse in a cipher without a keystream (CBC, SIV: equal prefixes show only as equal blocks); nonces repeating less often than these writes (a 32-bit counter wrapping, a random 64-bit nonce after 2^32 writes); keys other than the ones the harness gave (a store that derives its own keys is compared per derived key only if its keystream repeats); a counter kept in module scope when the adapter is given as a function (no process of its own to restart) or when another check wrote through the store process first (a custom order)',
  },
  async run(ctx) {
    // These are the store process's first writes when this check runs first (it does, after the
    // positive control); so are those after the process restarts below. A counter kept in module
    // scope starts over there: the same nonces, the same keystream.
    const store = await ctx.openStore(ctx.keys.material([1], 1));
    const secret = ctx.canary();
    const stored: StoredValue[] = [];
    const firstWrites: KnownCiphertext[] = [];
    for (let i = 0; i < 24; i++) {
      await store.adapter.put('nonce-owner', `same-${i}`, secret);
      const value = await readStored(ctx, store.adapter.storage, 'nonce-owner', `same-${i}`);
      if (value !== undefined) stored.push(value);
      if (value !== undefined && i < 4)
        firstWrites.push({
          plaintext: secret,
          bytes: decodedBytes(value),
          label: 'the first writes of a store process',
        });
    }
    for (let i = 0; i < 8; i++) {
      await store.adapter.put('nonce-owner', 'same-0', secret);
      const value = await readStored(ctx, store.adapter.storage, 'nonce-owner', 'same-0');
      if (value !== undefined) stored.push(value);
    }
    if (stored.length < 32) {
      ctx.fail(
        `only ${stored.length} of 32 ciphertexts could be read from ${store.adapter.storage.table}.${store.adapter.storage.ciphertextColumn}`,
      );
      return;
    }
    const distinct = new Set(stored.map((v) => (typeof v === 'string' ? v : v.toString('hex'))));
    if (distinct.size < stored.length) {
      ctx.fail(
        `the same secret stored 32 times gave only ${distinct.size} distinct ciphertexts (deterministic encryption or a static nonce)`,
      );
    }

    const parsed = stored.map(parseCoreRecord);
    if (parsed.every((p) => p !== undefined)) {
      const nonces = parsed.flatMap((p) => p!.nonces.map((n) => n.toString('hex')));
      const unique = new Set(nonces);
      if (unique.size < nonces.length)
        ctx.fail(`${nonces.length - unique.size} nonce(s) repeat across ${stored.length} records`);
    } else {
      ctx.note(
        'ciphertexts are not in the @secret-hygiene/crypto format: nonces checked through distinct ciphertexts and keystream reuse only',
      );
    }

    // Nonces that repeat only sometimes: a counter that restarts with the process, a clock that
    // gives two writes of one millisecond the same nonce, one nonce for a whole rotation batch.
    // Different secrets under a reused nonce share a keystream: ciphertext ⊕ plaintext is the same.
    const keys = ctx.keys.material([1, 2], 1);
    const records: KnownCiphertext[] = [...firstWrites];
    const { storage } = store.adapter;
    await store.close();
    const first = await ctx.openStore(keys);
    const beforeRestart = await putMany(ctx, first, 'restart', names('before', 4));
    records.push(...(await known(ctx, first, 'restart', beforeRestart, 'before a restart')));
    await first.close();
    // A new instance, and then a new process: a counter kept in module scope starts over only there.
    const renewed = await ctx.openStore(keys);
    const afterRestart = await putMany(ctx, renewed, 'restart', names('after', 4));
    records.push(...(await known(ctx, renewed, 'restart', afterRestart, 'after a restart')));
    await renewed.close();
    const newProcess = await ctx.restartStoreProcess();
    const second = await ctx.openStore(keys);
    const afterProcess = await putMany(ctx, second, 'process', names('after', 4));
    if (newProcess)
      records.push(...(await known(ctx, second, 'process', afterProcess, 'after a restart of the store process')));

    const other = await ctx.openStore(keys);
    const burst = await Promise.all([
      putMany(ctx, second, 'burst', names('a', 12), true),
      putMany(ctx, other, 'burst', names('b', 12), true),
    ]);
    for (const secrets of burst)
      records.push(...(await known(ctx, second, 'burst', secrets, 'a burst of concurrent writes')));

    const batch = await putMany(ctx, second, 'batch', names('row', 8));
    await second.adapter.rotate(2);
    records.push(...(await known(ctx, second, 'batch', batch, 'one rotation batch')));
    records.push(
      ...(await known(ctx, second, 'restart', new Map([...beforeRestart, ...afterRestart]), 'one rotation batch')),
      ...(await known(ctx, second, 'process', afterProcess, 'one rotation batch')),
    );

    const reused = findKeystreamReuse(records);
    if (reused.length > 0) {
      const where = [
        ...new Set(
          reused.map((r) =>
            r.first.label === r.second.label ? r.first.label : `${r.first.label} and ${r.second.label}`,
          ),
        ),
      ];
      ctx.fail(
        `${reused.length} pair(s) of different secrets were encrypted with the same keystream (ciphertext XOR plaintext equal at byte ${reused[0]!.offset}): a nonce repeats, across ${where.join('; ')}`,
      );
    }
    const nonceColumn = storage.nonceColumn;
    if (nonceColumn !== undefined) {
      const repeats = await repeatedNonces(ctx, storage, nonceColumn);
      if (repeats > 0) ctx.fail(`${repeats} nonce(s) in column ${nonceColumn} repeat under one key version`);
    }
  },
};
