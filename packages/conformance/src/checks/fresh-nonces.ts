import type { ConformanceCheck } from '../check.js';
import { parseCoreRecord } from '../core-format.js';
import { decodedBytes, readStored, type StoredValue } from './util.js';

/** Offset where `a ⊕ b` shows up in `ca ⊕ cb`: the same keystream encrypted both (a reused nonce). */
function keystreamReuse(ca: Buffer, cb: Buffer, a: Buffer, b: Buffer): number | undefined {
  const xor = a.map((x, i) => x ^ (b[i] ?? 0));
  const limit = Math.min(ca.length, cb.length) - xor.length;
  for (let offset = 0; offset <= limit; offset++) {
    let same = true;
    for (let i = 0; i < xor.length && same; i++) same = ((ca[offset + i] ?? 0) ^ (cb[offset + i] ?? 0)) === xor[i];
    if (same) return offset;
  }
  return undefined;
}

/** The same secret stored many times must never give the same ciphertext or reuse a nonce. */
export const freshNonces: ConformanceCheck = {
  id: 'fresh-nonces',
  description:
    'Stores one secret 32 times (new rows and overwrites) and checks that every ciphertext differs, that no nonce repeats (core format) and that no two ciphertexts share a keystream',
  promise: 'Every encryption uses a fresh nonce: equal secrets are not recognisable and nonce reuse cannot expose plaintext',
  async run(ctx) {
    const store = await ctx.openStore(ctx.keys.material([1], 1));
    const secret = ctx.canary();
    const stored: StoredValue[] = [];
    for (let i = 0; i < 24; i++) {
      await store.adapter.put('nonce-owner', `same-${i}`, secret);
      const value = await readStored(ctx, store.adapter.storage, 'nonce-owner', `same-${i}`);
      if (value !== undefined) stored.push(value);
    }
    for (let i = 0; i < 8; i++) {
      await store.adapter.put('nonce-owner', 'same-0', secret);
      const value = await readStored(ctx, store.adapter.storage, 'nonce-owner', 'same-0');
      if (value !== undefined) stored.push(value);
    }
    if (stored.length < 32) {
      ctx.fail(`only ${stored.length} of 32 ciphertexts could be read from ${store.adapter.storage.table}.${store.adapter.storage.ciphertextColumn}`);
      return;
    }
    const distinct = new Set(stored.map((v) => (typeof v === 'string' ? v : v.toString('hex'))));
    if (distinct.size < stored.length) {
      ctx.fail(`the same secret stored 32 times gave only ${distinct.size} distinct ciphertexts (deterministic encryption or a static nonce)`);
    }

    const parsed = stored.map(parseCoreRecord);
    if (parsed.every((p) => p !== undefined)) {
      const nonces = parsed.flatMap((p) => p!.nonces.map((n) => n.toString('hex')));
      const unique = new Set(nonces);
      if (unique.size < nonces.length) ctx.fail(`${nonces.length - unique.size} nonce(s) repeat across ${stored.length} records`);
    } else {
      ctx.note('ciphertexts are not in the @secret-hygiene/crypto format: nonces checked through distinct ciphertexts and keystream reuse only');
    }

    // Two different secrets of the same length: with a reused nonce, ca ⊕ cb = a ⊕ b.
    const a = ctx.canary();
    const b = ctx.canary();
    await store.adapter.put('nonce-owner', 'pair-a', a);
    await store.adapter.put('nonce-owner', 'pair-b', b);
    const ca = await readStored(ctx, store.adapter.storage, 'nonce-owner', 'pair-a');
    const cb = await readStored(ctx, store.adapter.storage, 'nonce-owner', 'pair-b');
    if (ca !== undefined && cb !== undefined) {
      const offset = keystreamReuse(decodedBytes(ca), decodedBytes(cb), Buffer.from(a), Buffer.from(b));
      if (offset !== undefined) ctx.fail(`two different secrets were encrypted with the same keystream (ciphertext XOR equals plaintext XOR at byte ${offset}): a nonce is reused`);
    }
  },
};
