import type { ConformanceCheck } from '../conformance-check.js';
import { Needles } from '../search/find.js';
import { searchEverywhere } from './leak-search.js';
import { describeHits, failWith } from './util.js';

/** Canaries go in through the adapter; then every place the server keeps text is searched for them. */
export const noPlaintextAtRest: ConformanceCheck = {
  id: 'no-plaintext-at-rest',
  description:
    'Stores unique canaries, then searches every column of every table, the statement log, pg_stat_statements, everything the store process printed and every file in its working and temporary directories, in raw, upper/lower-cased, reversed, hex, base64/base64url, base32, URL-encoded, UTF-16, JSON-escaped, gzip/deflate and XOR-ed (constant or repeated key) forms, and for any 8 characters of a secret in a row',
  promise:
    "No plaintext secret reaches the database server or the store's files: not in a table, not in a SQL literal, not in a bind parameter, not in what the store prints, not as a prefix or suffix longer than 7 characters",
  docs: {
    does: "Stores unique random canaries through the adapter (puts, an overwrite, a read, a listing), then reads **every column of every table in every schema** (except `pg_catalog`, `information_schema`, TOAST) and searches each value, the server's **statement log**, **`pg_stat_statements`**, everything the store process **printed** (stdout and stderr, file-descriptor level) and the **files it wrote** (its working and temporary directories, and files changed during the check in the system temporary directory and beside the adapter module); after the last check, everything the store printed until its process ended is searched again for every canary of the run",
    proves:
      "No plaintext reaches the server or the store's files: not in a table, not in a SQL literal, not in a bind parameter (with `log_statement=all`, parameters are written to the log too), not in the store's output, not as a prefix, suffix or part of 8 characters or more",
    cannotSee:
      "Files outside the directories it reads (the store process's working and temporary directories whole; files changed during the check directly in the system temporary directory and below the adapter module's directory): a path of its own elsewhere, a deeper directory under `/tmp`; other processes it talks to (a cache server, a log shipper), a secret encrypted with a key of its own it does not show (that is encryption), an adapter given as a function (no process of its own: only `log` and console calls during a check are heard)",
  },
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

    const needles = new Needles(secrets, [], { fragments: true });
    const result = await searchEverywhere(ctx, needles, logStart);
    failWith(ctx, 'plaintext found', describeHits(ctx, result.hits, needles), 6);
    for (const missing of result.unavailable) ctx.note(`not searched: ${missing}`);
  },
};
