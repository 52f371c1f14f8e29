import type { StorageDescription } from '../adapter.js';
import type { ConformanceContext, ConformanceCheck } from '../conformance-check.js';
import { dedupe, visitDatabase } from '../search/database.js';
import { decodedRuns } from '../search/encodings.js';
import { Needles } from '../search/find.js';
import type { KnownCiphertext } from '../search/keystream.js';
import { candidateKeys, findStoredKeys, type CandidateKey } from '../search/stored-keys.js';
import { searchEverywhere, searchFiles } from './leak-search.js';
import { attempt, decodedBytes, describeHits, failWith, readOwnerRows } from './util.js';

/**
 * Random letters of secrets a store may treat differently: a PIN-like one (`shc-` and 2 letters, 6
 * characters) and one longer than the usual 4 or 8 kB limits (a private key, a certificate bundle).
 */
const unusualLengths = { short: 2, long: 9_000 } as const;

/**
 * Records whose AES key is stored in the database (a raw data key in a column or a keys table, a
 * "wrapped" key that is only base64): the secrets are as readable as plaintext to anyone with the
 * database. Candidates: every 16-, 24- or 32-byte value of every table (whole, or a hex or base64
 * run inside a text).
 */
async function keysBesideData(
  ctx: ConformanceContext,
  storage: StorageDescription,
  written: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Promise<string[]> {
  const everywhere: CandidateKey[] = [];
  await visitDatabase(ctx.admin, {}, (value, location) => everywhere.push(...candidateKeys(value, location)));
  const problems: string[] = [];
  for (const [owner, secrets] of written) {
    const rows = await readOwnerRows(ctx, storage, owner);
    for (const [name, plaintext] of secrets) {
      // The long secret's record would take seconds of trials; the others' keys are found the same way.
      if (plaintext.length > 256) continue;
      const values = rows.get(name) ?? [];
      const records: KnownCiphertext[] = values.flatMap((value) => {
        const forms = [
          decodedBytes(value),
          ...(typeof value === 'string' ? decodedRuns(value).map((r) => r.bytes) : []),
        ];
        return forms.map((bytes) => ({ plaintext, bytes, label: `${owner}/${name}` }));
      });
      const found = findStoredKeys(everywhere, records);
      if (found.length > 0)
        problems.push(
          `${ctx.redact(plaintext)} (${owner}/${name}, ${found[0]!.mode}) with a key in ${found[0]!.location}`,
        );
    }
  }
  return problems;
}

/** Canaries go in through the adapter; then every place the server keeps text is searched for them. */
export const noPlaintextAtRest: ConformanceCheck = {
  id: 'no-plaintext-at-rest',
  description:
    "Stores unique canaries (also a short and a very long one), rotates, shuts the store down, then searches every column of every table, the statement log, pg_stat_statements, everything the store process printed and every file in its working and temporary directories, in raw, upper/lower-cased, reversed, hex, base64/base64url, base32, URL-encoded, UTF-16, JSON-escaped, gzip/deflate, XOR-ed (constant or repeated key) and hashed (SHA-256, SHA-1, MD5, SHA-512) forms, for any 8 characters of a secret in a row and for its ends; and looks for the keys: the harness's, or an AES key in the database that decrypts a secret",
  promise:
    "No plaintext secret reaches the database server or the store's files: not in a table, not in a SQL literal, not in a bind parameter, not in what the store prints, not hashed, not as a prefix or suffix, and not beside the key that decrypts it",
  docs: {
    does: "Stores unique random canaries through the adapter (puts, an overwrite, a read, a listing, a rotation; a short secret of 6 characters and one of 9,000 as well), then reads **every column of every table in every schema** (except `pg_catalog`, `information_schema`, TOAST and temporary tables) and searches each value, the server's **statement log**, **`pg_stat_statements`**, everything the store process **printed** (stdout and stderr, file-descriptor level, with `util.debuglog` and the `debug` package's output on) and the **files it wrote** (its working and temporary directories whole; files changed during the check below the adapter module's directory, and in the system temporary directories (`$TMPDIR`, `/tmp`, `/var/tmp`), the home directory and `/dev/shm`: directly, one level down, and deeper in directories whose entries changed during the check); looks for the key bytes the harness gave the store (raw, hex, base64) and for a stored AES key that decrypts one of the secrets (every 16-, 24- or 32-byte value of any table, whole or as a hex or base64 run inside a text, tried in GCM/CTR, ECB and CBC at every offset of the record); searches the files again after the store shut down (a cache persisted at `teardown()`); after the last check, everything the store printed until its process ended is searched again for every canary of the run",
    proves:
      "No plaintext reaches the server or the store's files: not in a table, not in a SQL literal, not in a bind parameter (with `log_statement=all`, parameters are written to the log too), not in the store's output, not as an unkeyed hash (SHA-256, SHA-1, MD5, SHA-512: a guess is confirmed, equal secrets show), not as a prefix of 5 characters past the public `shc-`, a suffix of 6 or any 8 in a row; secrets of unusual length are encrypted too; neither the harness's key nor a key that decrypts a secret is stored with the data",
    cannotSee:
      'Files outside the places it reads: a path of its own elsewhere (`/var/cache/app`), a file rewritten (not created) two or more levels below the system temporary or home directory in a directory that existed before the check (`~/.cache/app/x.json` when `app` did), more than four levels down; other processes it talks to (a cache server, a log shipper) or starts (a command line or environment holding the secret); temporary tables (only the statement log sees what goes into them); a secret encrypted with a key of its own it does not show (that is encryption), or stored beside a key for a cipher other than AES (ChaCha20), a key inside a longer value (concatenated into the record) or a key that is only encoded in a way other than hex or base64; a hash with a salt or key (a blind index); an adapter given as a function (no process of its own: only `log` and console calls during a check are heard)',
  },
  async run(ctx) {
    const logStart = await ctx.logPosition();
    const keys = ctx.keys.material([1, 2], 1);
    const store = await ctx.openStore(keys);
    const secrets: string[] = [];
    const written = new Map<string, Map<string, string>>();
    const put = async (owner: string, name: string, secret: string): Promise<void> => {
      await store.adapter.put(owner, name, secret);
      secrets.push(secret);
      written.set(owner, (written.get(owner) ?? new Map<string, string>()).set(name, secret));
    };
    for (const owner of ['alice', 'bob']) {
      for (let i = 0; i < 4; i++) await put(owner, `api-key-${i}`, ctx.canary());
    }
    // Overwrites, reads and listings are paths that could leak too.
    const replaced = ctx.canary();
    await put('alice', 'api-key-0', replaced);
    await store.adapter.get('alice', 'api-key-0');
    await store.adapter.list('alice');
    // Stores that skip encryption for a short value (a PIN) or move a long one (a private key)
    // elsewhere; a store may refuse such a value instead.
    for (const [what, length] of Object.entries(unusualLengths)) {
      const secret = ctx.canary(length);
      const stored = await attempt(() => put('carol', `${what}-secret`, secret));
      if (!stored.ok)
        ctx.note(
          `the store refused a ${what} secret (${secret.length} characters): ${(stored.error as Error).message ?? String(stored.error)}`,
        );
    }

    // A rotation decrypts every secret: a plaintext staging column or table, a log of what it moved.
    await store.adapter.rotate(2);
    await store.adapter.get('alice', 'api-key-1');

    const keyBytes = keys.versions.map((v) => Buffer.from(v.key));
    const needles = new Needles(secrets, keyBytes, { fragments: true });
    const result = await searchEverywhere(ctx, needles, logStart);
    // Then the store shuts down: a cache it persists at teardown is a file like any other. (What it
    // prints from then on is the search of all it printed until its process ended.)
    const { storage } = store.adapter;
    await store.close();
    for (const directory of ctx.storeDirectories()) result.hits.push(...(await searchFiles(directory, needles)));
    failWith(
      ctx,
      'plaintext found',
      describeHits(ctx, dedupe(result.hits), needles, 6, [
        'a key the harness gave the store',
        'keys the harness gave the store',
      ]),
      6,
    );
    failWith(ctx, 'secrets stored beside the key that decrypts them', await keysBesideData(ctx, storage, written), 3);
    for (const missing of result.unavailable) ctx.note(`not searched: ${missing}`);
  },
};
