import type { ConformanceCheck } from '../conformance-check.js';
import { sealWithoutAssociatedData } from '../core-format.js';
import {
  attempt,
  decodedBytes,
  describeReturned,
  movableColumns,
  readStored,
  recordColumns,
  swapColumns,
  writeStored,
  type StoredValue,
} from './util.js';

const base64Letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Changes one byte (or one character, keeping hex/base64 text valid) at `position`. In text that is
 * not hex, a base64 character gets the top bit of its 6 flipped: the last character of a base64
 * value also carries padding bits a decoder ignores, and changing only those changes nothing.
 */
function flip(value: StoredValue, position: number): StoredValue {
  if (typeof value !== 'string') {
    const copy = Buffer.from(value);
    copy[position] = (copy[position] ?? 0) ^ 0x01;
    return copy;
  }
  const c = value[position] ?? 'a';
  const alphabet = base64Letters + (/[-_]/.test(value) ? '-_' : '+/');
  const index = alphabet.indexOf(c);
  let next: string;
  if (!/^(\\x)?[0-9a-fA-F]+$/.test(value) && index >= 0) next = alphabet[index ^ 32]!;
  else if (c >= '0' && c <= '9') next = String((Number(c) + 1) % 10);
  else if (c >= 'a' && c <= 'e') next = String.fromCharCode(c.charCodeAt(0) + 1);
  else if (c === 'f') next = 'a';
  else if (c >= 'A' && c <= 'E') next = String.fromCharCode(c.charCodeAt(0) + 1);
  else if (c === 'F') next = 'A';
  else if (/[g-yG-Y]/.test(c)) next = String.fromCharCode(c.charCodeAt(0) + 1);
  else next = c === 'z' ? 'y' : c === 'Z' ? 'Y' : 'A';
  return value.slice(0, position) + next + value.slice(position + 1);
}

/** Parts of a `:`- or `.`-separated text record that decode (hex or base64) to 16 bytes: candidate authentication tags. */
function separatedTagParts(
  value: string,
): Array<{ index: number; separator: string; parts: string[]; encoding: 'hex' | 'base64' | 'base64url' }> {
  const out: Array<{ index: number; separator: string; parts: string[]; encoding: 'hex' | 'base64' | 'base64url' }> =
    [];
  for (const separator of [':', '.', '$']) {
    const parts = value.split(separator);
    if (parts.length < 2) continue;
    parts.forEach((part, index) => {
      if (/^[0-9a-fA-F]{32}$/.test(part)) out.push({ index, separator, parts, encoding: 'hex' });
      else if (/^[A-Za-z0-9+/]{22}(==)?$/.test(part)) out.push({ index, separator, parts, encoding: 'base64' });
      else if (/^[A-Za-z0-9_-]{22}$/.test(part)) out.push({ index, separator, parts, encoding: 'base64url' });
    });
  }
  return out;
}

/** The value with its authentication tag cut to 4 bytes, in every place the harness can see one. */
function shortTags(value: StoredValue, isTagColumn: boolean): StoredValue[] {
  if (isTagColumn) {
    const bytes = decodedBytes(value);
    if (bytes.length <= 4) return [];
    const cut = bytes.subarray(0, 4);
    if (typeof value !== 'string') return [Buffer.from(cut)];
    return [/^[0-9a-fA-F]+$/.test(value) ? cut.toString('hex') : cut.toString('base64')];
  }
  if (typeof value !== 'string') return [];
  return separatedTagParts(value).map(({ index, separator, parts, encoding }) => {
    const cut = Buffer.from(parts[index]!, encoding).subarray(0, 4).toString(encoding);
    return parts.map((p, i) => (i === index ? cut : p)).join(separator);
  });
}

/** Tampered or moved records must fail loudly. */
export const integrity: ConformanceCheck = {
  id: 'integrity',
  description:
    'Flips bytes of every part of a stored record (ciphertext, nonce, tag, wrapped key), truncates it, cuts a visible authentication tag to 4 bytes, plants a record without associated data (core format), then swaps whole records (every non-key column) between two rows of one owner and between two owners, and reads each back',
  promise:
    "A tampered, truncated or transplanted record, or one without its associated data, makes get throw: it never returns garbage or another row's secret",
  docs: {
    does: 'Flips the first, a middle and the last byte of a stored ciphertext, truncates it, flips the first byte of each declared `nonceColumn`, `tagColumn`, `wrappedKeyColumn` and `otherRecordColumns`, and of every other `bytea` or text column of the row (an undeclared IV); cuts a visible authentication tag to 4 bytes (a `tagColumn`, or a 16-byte part of a `:`/`.`/`$`-separated text record); plants a record of the same secret under the same key without associated data (core format); and swaps whole records (every column that is not owner, name or part of a key, declared or not) between two rows of one owner and between two owners',
    proves:
      "`get` throws; it never returns garbage, the stored bytes, or another row's secret (that needs associated data binding a record to its row); a 4-byte tag and a record without associated data are refused; a changed column the adapter did not declare changes nothing or makes `get` throw",
    cannotSee:
      "A short tag inside an opaque binary record (only the core format's layout and separated text records are visible; the core format always expects 16 bytes); associated data a store checks but that does not name the row (the swap then passes only if the row's columns differ); tampering with columns a store reads from elsewhere",
  },
  async run(ctx) {
    const keys = ctx.keys.material([1], 1);
    const store = await ctx.openStore(keys);
    const { storage } = store.adapter;
    /**
     * Whether a read that gave a row its own secret back also does so through a new store instance:
     * a store may serve reads from a cache of values it decrypted before (then it never read the
     * changed record, and a new instance, with an empty cache, must refuse it).
     */
    const readsWithoutCache = async (owner: string, name: string): Promise<boolean> => {
      const fresh = await ctx.openStore(keys);
      try {
        return (await attempt(() => fresh.adapter.get(owner, name))).ok;
      } finally {
        await fresh.close();
      }
    };
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
    /** Writes `value` into `column` of alice/token-a, reads, restores; a read that succeeds is a failure. */
    const tamper = async (column: string, value: StoredValue, saved: StoredValue, what: string): Promise<void> => {
      await writeStored(ctx, storage, 'alice', 'token-a', value, column);
      const read = await attempt(() => store.adapter.get('alice', 'token-a'));
      if (read.ok && (read.value !== secrets.a || (await readsWithoutCache('alice', 'token-a')))) {
        const how =
          read.value === secrets.a
            ? 'returned the original secret (the change went unnoticed)'
            : describeReturned(ctx, read.value, { stored: saved, secrets: all });
        ctx.fail(`${what}, get ${how}`);
      }
      await writeStored(ctx, storage, 'alice', 'token-a', saved, column);
    };

    const length = original.length;
    for (const [label, position] of [
      ['first', 0],
      ['middle', Math.floor(length / 2)],
      ['last', length - 1],
    ] as const) {
      await tamper(
        storage.ciphertextColumn,
        flip(original, position),
        original,
        `with the ${label} byte of the ciphertext changed`,
      );
    }
    if (typeof original !== 'string' && original.length > 1) {
      await tamper(
        storage.ciphertextColumn,
        original.subarray(0, original.length - 1),
        original,
        'with the ciphertext truncated by one byte',
      );
    }
    for (const [column, part] of [
      [storage.nonceColumn, 'nonce'],
      [storage.tagColumn, 'tag'],
      [storage.wrappedKeyColumn, 'wrapped key'],
      ...(storage.otherRecordColumns ?? []).map((c) => [c, c]),
    ] as const) {
      if (column === undefined) continue;
      const saved = await readStored(ctx, storage, 'alice', 'token-a', column);
      if (saved === undefined || saved.length === 0) continue;
      await tamper(column, flip(saved, 0), saved, `with the first byte of the ${part} (column ${column}) changed`);
    }
    // A tag cut to 4 bytes: AES-GCM decrypters that take the tag length from the tag accept it
    // (node:crypto without authTagLength), and 4 bytes are forged in 2^32 tries.
    const tagColumn = storage.tagColumn ?? storage.ciphertextColumn;
    const tagValue =
      storage.tagColumn === undefined ? original : await readStored(ctx, storage, 'alice', 'token-a', tagColumn);
    if (tagValue !== undefined) {
      for (const short of shortTags(tagValue, storage.tagColumn !== undefined)) {
        await tamper(tagColumn, short, tagValue, 'with the authentication tag cut to 4 bytes');
      }
    }
    // A record of the same secret under the same key, but without associated data: a store that
    // falls back to decrypting without it accepts a record moved from anywhere.
    const planted = sealWithoutAssociatedData(original, ctx.keys.key(1), secrets.a);
    if (planted !== undefined)
      await tamper(
        storage.ciphertextColumn,
        planted,
        original,
        'with a record of the same secret sealed without associated data',
      );
    // Columns the adapter did not declare may still be part of the record (an IV its MAC does not
    // cover): a change there may go unnoticed (the column is not read) or hide the row (a status
    // column a query filters on), never give another value.
    const declared = new Set(recordColumns(storage));
    const columns = await movableColumns(ctx, storage);
    for (const column of columns.filter((c) => !declared.has(c))) {
      const saved = await readStored(ctx, storage, 'alice', 'token-a', column);
      if ((typeof saved !== 'string' && !Buffer.isBuffer(saved)) || saved.length === 0) continue;
      const changed = await attempt(() => writeStored(ctx, storage, 'alice', 'token-a', flip(saved, 0), column));
      if (!changed.ok) continue; // not a value of the column's type: nothing a store could read
      const read = await attempt(() => store.adapter.get('alice', 'token-a'));
      if (read.ok && typeof read.value === 'string' && read.value !== secrets.a)
        ctx.fail(
          `with the first byte of column ${column} (not declared as part of the record) changed, get ${describeReturned(ctx, read.value, { stored: saved, secrets: all })}: it is part of the record and nothing authenticates it`,
        );
      await writeStored(ctx, storage, 'alice', 'token-a', saved, column);
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
      await swapColumns(ctx, storage, columns, swap.x, swap.y);
      for (const [owner, name] of [swap.x, swap.y]) {
        const own = owner === 'bob' ? secrets.c : name === 'token-a' ? secrets.a : secrets.b;
        const read = await attempt(() => store.adapter.get(owner, name));
        if (read.ok && (read.value !== own || (await readsWithoutCache(owner, name))))
          ctx.fail(
            `with records (${columns.join(', ')}) swapped between ${swap.label}, get(${owner}, ${name}) ${describeReturned(ctx, read.value, { secrets: all })}: no associated data binds a record to its row`,
          );
      }
      await swapColumns(ctx, storage, columns, swap.x, swap.y);
    }
  },
};
