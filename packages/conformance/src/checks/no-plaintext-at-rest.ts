import type { ConformanceCheck } from '../check.js';
import { Needles } from '../search/find.js';
import { searchEverywhere } from './leak-search.js';
import { describeHits, failWith } from './util.js';

/** Canaries go in through the adapter; then every place the server keeps text is searched for them. */
export const noPlaintextAtRest: ConformanceCheck = {
  id: 'no-plaintext-at-rest',
  description:
    'Stores unique canaries, then searches every column of every table, the statement log, pg_stat_statements and the adapter output for them in raw, hex, base64/base64url, URL-encoded, UTF-16, JSON-escaped and gzip/deflate forms',
  promise: 'No plaintext secret reaches the database server: not in a table, not in a SQL literal, not in a bind parameter, not in what the store prints',
  async run(ctx) {
    const logStart = await ctx.logPosition();
    const store = await ctx.openStore(ctx.keys.material([1], 1));
    const secrets: string[] = [];
    for (const owner of ['alice', 'bob']) {
      for (let i = 0; i < 4; i++) {
        const canary = ctx.canary();
        secrets.push(canary);
        await store.adapter.put(owner, `api-key-${i}`, canary);
      }
    }
    // Overwrites, reads and listings are paths that could leak too.
    const replaced = ctx.canary();
    secrets.push(replaced);
    await store.adapter.put('alice', 'api-key-0', replaced);
    await store.adapter.get('alice', 'api-key-0');
    await store.adapter.list('alice');

    const needles = new Needles(secrets);
    const result = await searchEverywhere(ctx, needles, logStart);
    failWith(ctx, 'plaintext found', describeHits(ctx, result.hits, needles), 6);
    for (const missing of result.unavailable) ctx.note(`not searched: ${missing}`);
  },
};
