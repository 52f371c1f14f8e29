import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConformanceContext, ConformanceCheck } from '../conformance-check.js';
import { dedupe } from '../search/database.js';
import { Needles, type Hit } from '../search/find.js';
import { attempt, describeHits, failWith } from './util.js';

/** The harness's own table in the check's database, holding the positive control. */
const controlTable = 'secret_hygiene_disk_control';

/** PostgreSQL's page size (heap and WAL), fixed at compile time; 8 kB in every distribution. */
const pageSize = 8192;

/** A relation the store created (table, TOAST table, index or materialized view), with its file. */
interface Relation {
  readonly oid: string;
  readonly label: string;
  readonly path: string;
  readonly size: number;
  readonly vacuumable: boolean;
  /** Unlogged: its dirty pages reach the file only at shutdown, so they are read from the buffer cache. */
  readonly unlogged: boolean;
}

/** Reads raw bytes of the server's files: from the data directory, or through SQL on a server elsewhere. */
interface DiskReader {
  /** The pages of a relation's main fork, in order. @throws when they cannot be read. */
  pages(relation: Relation): Promise<Buffer[]>;
  /** `length` bytes of a WAL segment file from `offset`. */
  wal(file: string, offset: number, length: number): Promise<Buffer>;
  /** Writes dirty buffers to the files read (a no-op when pages are read through the buffer cache). */
  checkpoint(): Promise<void>;
}

/**
 * Relations with storage created after initdb (object ids from 16384 on), and `pg_largeobject`,
 * the catalog that holds large objects' bytes. Temporary tables are left out (their pages live in
 * one backend's memory).
 */
async function storeRelations(ctx: ConformanceContext): Promise<Relation[]> {
  const { rows } = await ctx.admin.query<{
    oid: string;
    label: string;
    path: string;
    size: string;
    kind: string;
    persistence: string;
  }>(
    `SELECT c.oid::text AS oid, c.oid::regclass::text AS label, pg_relation_filepath(c.oid) AS path,
            pg_relation_size(c.oid) AS size, c.relkind AS kind, c.relpersistence AS persistence
       FROM pg_class c
      WHERE (c.oid >= 16384 OR c.oid = 'pg_largeobject'::regclass) AND c.relkind IN ('r', 't', 'i', 'm') AND c.relpersistence <> 't'
      ORDER BY c.oid`,
  );
  return rows.map((r) => ({
    oid: r.oid,
    label: r.label,
    path: r.path,
    size: Number(r.size),
    vacuumable: r.kind === 'r' || r.kind === 'm',
    unlogged: r.persistence === 'u',
  }));
}

/** The embedded server: its files are read directly (after a CHECKPOINT wrote every dirty page). */
function fileReader(ctx: ConformanceContext, dataDirectory: string): DiskReader {
  return {
    async pages(relation) {
      const pages: Buffer[] = [];
      // A relation's main fork is split into 1 GB segment files: path, path.1, path.2, ...
      for (let segment = 0; pages.length * pageSize < relation.size; segment++) {
        const file = join(dataDirectory, segment === 0 ? relation.path : `${relation.path}.${segment}`);
        const bytes = await readFile(file);
        if (bytes.length === 0) break;
        for (let at = 0; at < bytes.length; at += pageSize) pages.push(bytes.subarray(at, at + pageSize));
      }
      return pages;
    },
    async wal(file, offset, length) {
      const handle = await open(join(dataDirectory, 'pg_wal', file), 'r');
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async checkpoint() {
      await ctx.admin.query('CHECKPOINT');
    },
  };
}

/** A server elsewhere: pages through `pageinspect`, WAL through `pg_read_binary_file` (each may be refused). */
function sqlReader(ctx: ConformanceContext): DiskReader {
  return {
    async pages(relation) {
      const { rows } = await ctx.admin.query<{ page: Buffer }>(
        `SELECT get_raw_page($1::regclass::text, 'main', b) AS page FROM generate_series(0, $2::int - 1) AS b ORDER BY b`,
        [relation.oid, Math.ceil(relation.size / pageSize)],
      );
      return rows.map((r) => r.page);
    },
    async wal(file, offset, length) {
      const { rows } = await ctx.admin.query<{ bytes: Buffer }>(
        `SELECT pg_read_binary_file('pg_wal/' || $1, $2, $3) AS bytes`,
        [file, offset, length],
      );
      return rows[0]?.bytes ?? Buffer.alloc(0);
    },
    async checkpoint() {
      // get_raw_page reads through shared buffers: nothing to write first.
    },
  };
}

/** The current WAL insert position, as a byte count. */
async function walPosition(ctx: ConformanceContext): Promise<bigint> {
  const { rows } = await ctx.admin.query<{ at: string }>(
    `SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::text AS at`,
  );
  return BigInt(rows[0]!.at);
}

/**
 * Makes the server write out the WAL logged so far (the harness's servers commit asynchronously):
 * a commit with synchronous_commit on flushes, if its transaction wrote WAL. Without the right to
 * emit a WAL message, waits for the WAL writer instead.
 */
async function flushWal(ctx: ConformanceContext): Promise<bigint> {
  const target = await walPosition(ctx);
  const flushed = await attempt(async () => {
    await ctx.admin.query('BEGIN');
    try {
      await ctx.admin.query('SET LOCAL synchronous_commit = on');
      await ctx.admin.query(`SELECT pg_logical_emit_message(true, 'secret-hygiene', 'flush')`);
      await ctx.admin.query('COMMIT');
    } catch (error) {
      await ctx.admin.query('ROLLBACK');
      throw error;
    }
  });
  for (let waited = 0; ; waited += 20) {
    const { rows } = await ctx.admin.query<{ at: string }>(
      `SELECT (pg_current_wal_flush_lsn() - '0/0'::pg_lsn)::text AS at`,
    );
    const at = BigInt(rows[0]!.at);
    if (at >= target) return at;
    if (flushed.ok || waited > 5000)
      throw new Error(`the server did not write out its WAL (flushed up to ${at}, logged up to ${target})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The WAL from `start` to what the server has written out, with the page headers removed, so that
 * a record continued on the next page reads as one run of bytes.
 */
async function readWal(
  ctx: ConformanceContext,
  reader: DiskReader,
  start: bigint,
): Promise<Array<{ file: string; bytes: Buffer }>> {
  const end = await flushWal(ctx);
  const { rows } = await ctx.admin.query<{ segment: string }>(
    `SELECT setting AS segment FROM pg_settings WHERE name = 'wal_segment_size'`,
  );
  const segmentSize = BigInt(rows[0]!.segment);
  const from = start - (start % BigInt(pageSize));
  const segments: bigint[] = [];
  for (let s = from / segmentSize; s <= (end - 1n) / segmentSize; s++) segments.push(s);
  // pg_walfile_name() of a segment's first byte names the previous segment; one byte in is exact.
  const { rows: names } = await ctx.admin.query<{ name: string }>(
    `SELECT pg_walfile_name('0/0'::pg_lsn + (s * $2::numeric + 1)) AS name FROM unnest($1::numeric[]) WITH ORDINALITY AS u(s, i) ORDER BY i`,
    [segments.map(String), String(segmentSize)],
  );
  const out: Array<{ file: string; bytes: Buffer }> = [];
  for (const [i, segment] of segments.entries()) {
    const base = segment * segmentSize;
    const offset = Number((from > base ? from : base) - base);
    const stop = Number((end < base + segmentSize ? end : base + segmentSize) - base);
    const raw = await reader.wal(names[i]!.name, offset, stop - offset);
    const parts: Buffer[] = [];
    for (let at = 0; at < raw.length; at += pageSize) {
      const page = raw.subarray(at, at + pageSize);
      // XLogPageHeaderData: 24 bytes (MAXALIGNed), 40 with XLP_LONG_HEADER (0x0002 in xlp_info) on a segment's first page.
      const header = page.length >= 4 && (page.readUInt16LE(2) & 0x0002) !== 0 ? 40 : 24;
      parts.push(page.subarray(Math.min(header, page.length)));
    }
    out.push({ file: names[i]!.name, bytes: Buffer.concat(parts) });
  }
  return out;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/**
 * Searches every page of every relation the store created (unlogged ones through `buffers` when
 * given); returns the hits and what could not be read.
 */
async function searchHeap(
  ctx: ConformanceContext,
  reader: DiskReader,
  needles: Needles,
  stage: string,
  buffers?: DiskReader,
): Promise<{ hits: Hit[]; unreadable: string[] }> {
  const hits: Hit[] = [];
  const unreadable: string[] = [];
  for (const relation of await storeRelations(ctx)) {
    const pages = await attempt(() => (relation.unlogged && buffers !== undefined ? buffers : reader).pages(relation));
    if (!pages.ok) {
      unreadable.push(`${relation.label} (${reason(pages.error)})`);
      continue;
    }
    pages.value.forEach((page, number) =>
      hits.push(...needles.search(page, `heap file of ${relation.label}, page ${number}, ${stage}`)),
    );
  }
  return { hits, unreadable };
}

/** What the server keeps in its files: dead row versions, WAL and the log are where plaintext outlives a fixed-up row. */
export const noPlaintextOnDisk: ConformanceCheck = {
  id: 'no-plaintext-on-disk',
  description:
    'Stores, overwrites, reads and deletes canaries, then searches the raw bytes of every page of every relation the store created (before and after VACUUM, so dead row versions too), the WAL written meanwhile and the server log, in every spelling the leak search knows; on an embedded server from its data directory, elsewhere through pageinspect and pg_read_binary_file',
  promise:
    "Nothing the store wrote is readable in the server's files: not in a dead row version left by an overwrite or a write-then-encrypt, not after VACUUM, not in WAL segments (which backups and replicas keep), not in the server log",
  docs: {
    does: "Stores, overwrites, reads and deletes canaries, then searches raw bytes: every 8 kB page of every relation the store created (tables, TOAST, indexes; object ids from 16384 on) and of `pg_largeobject` after a `CHECKPOINT` (an unlogged table, whose pages reach its file only at shutdown, is read from the buffer cache through `pageinspect`), again after `VACUUM` and a second `CHECKPOINT`; the WAL written since the check began (read before any checkpoint can recycle it, page headers removed so a record continued on the next page is one run); and the server log. Every spelling the leak search knows applies. A positive control runs with it: the harness writes a value of its own and replaces it, and the check fails as blind if that value is not found in a dead row version, the WAL and the log (wherever each was readable). Embedded server: read from its data directory. `--database-url`: pages through `pageinspect` (`get_raw_page`), WAL through `pg_read_binary_file('pg_wal/…')`, the log as for `no-plaintext-at-rest`",
    proves:
      "Nothing the store wrote is readable in the server's files: not in a dead row version (an overwrite, a write-then-encrypt), not after `VACUUM` (it frees the space but does not wipe it), not in WAL segments (what backups, archives and replicas keep), not in the server log",
    cannotSee:
      'Values PostgreSQL compressed (`pglz`/`lz4`, only for values over ~2 kB) or split across TOAST chunks; an update WAL record that leaves out bytes the new row shares with the old one at its ends (the value is still in the heap page); temporary tables; files of relations already dropped; WAL recycled before the check. On `--database-url`, a place it may not read (no `pageinspect`, no `pg_read_server_files`, no readable log) makes the check **not proven**, naming it',
  },
  async run(ctx) {
    const logStart = await ctx.logPosition();
    const walStart = await walPosition(ctx);
    // The positive control: a value the harness writes and replaces itself, so it is only in a dead
    // row version, the WAL and the log. A search that misses it is blind, and must not pass a store.
    const control = ctx.canary();
    await ctx.admin.query(`CREATE TABLE ${controlTable} (v text)`);
    await ctx.admin.query(`INSERT INTO ${controlTable} VALUES ($1)`, [control]);
    await ctx.admin.query(`UPDATE ${controlTable} SET v = 'replaced'`);
    const store = await ctx.openStore(ctx.keys.material([1], 1));
    const secrets: string[] = [];
    const put = async (owner: string, name: string): Promise<void> => {
      const secret = ctx.canary();
      secrets.push(secret);
      await store.adapter.put(owner, name, secret);
    };
    for (const owner of ['alice', 'bob']) for (let i = 0; i < 3; i++) await put(owner, `disk-key-${i}`);
    // Overwrites and deletes leave dead row versions behind: the old value must not be readable in them.
    await put('alice', 'disk-key-0');
    await put('bob', 'disk-key-1');
    await store.adapter.get('alice', 'disk-key-0');
    await store.adapter.delete('bob', 'disk-key-2');
    await store.close();

    const needles = new Needles([...secrets, control]);
    const onFiles = ctx.server.dataDirectory !== undefined;
    let reader: DiskReader;
    let heapReadable = true;
    if (ctx.server.dataDirectory !== undefined) reader = fileReader(ctx, ctx.server.dataDirectory);
    else {
      reader = sqlReader(ctx);
      const extension = await attempt(() => ctx.admin.query('CREATE EXTENSION IF NOT EXISTS pageinspect'));
      if (!extension.ok) {
        heapReadable = false;
        ctx.notProven(
          `heap pages were not searched: the pageinspect extension is not available (${reason(extension.error)})`,
        );
      }
    }
    const hits: Hit[] = [];
    const unreadable: string[] = [];

    // The WAL first: a CHECKPOINT may recycle the segments that hold it.
    const wal = await attempt(() => readWal(ctx, reader, walStart));
    if (wal.ok) for (const { file, bytes } of wal.value) hits.push(...needles.search(bytes, `WAL segment ${file}`));
    else
      ctx.notProven(
        `WAL was not searched: ${onFiles ? '' : 'pg_read_binary_file on pg_wal was refused: '}${reason(wal.error)}`,
      );

    if (heapReadable) {
      // An unlogged table's pages are written to its file only at shutdown: read them from the buffer cache.
      let buffers: DiskReader | undefined;
      if (onFiles && (await storeRelations(ctx)).some((r) => r.unlogged)) {
        const extension = await attempt(() => ctx.admin.query('CREATE EXTENSION IF NOT EXISTS pageinspect'));
        if (extension.ok) buffers = sqlReader(ctx);
        else
          ctx.note(
            `unlogged tables were read from their files, which may lag behind (pageinspect: ${reason(extension.error)})`,
          );
      }
      await reader.checkpoint();
      const before = await searchHeap(ctx, reader, needles, 'before VACUUM', buffers);
      const tables = (await storeRelations(ctx)).filter((r) => r.vacuumable).map((r) => r.label);
      if (tables.length > 0) await ctx.admin.query(`VACUUM ${tables.join(', ')}`);
      await reader.checkpoint();
      const after = await searchHeap(ctx, reader, needles, 'after VACUUM', buffers);
      hits.push(...before.hits, ...after.hits);
      unreadable.push(...new Set([...before.unreadable, ...after.unreadable]));
    }
    if (unreadable.length > 0)
      ctx.notProven(
        `pages of ${unreadable.length} relation(s) could not be read: ${unreadable.slice(0, 3).join('; ')}`,
      );

    const log = await ctx.readLog(logStart);
    if (log === undefined)
      ctx.notProven(`the server log was not searched (${ctx.server.log.unavailableReason ?? 'not readable'})`);
    else hits.push(...needles.search(log, 'server log'));

    const controlled = secrets.length;
    const found = (place: (location: string) => boolean): boolean =>
      hits.some((h) => h.needle === controlled && place(h.location));
    const blind: string[] = [];
    if (wal.ok && !found((l) => l.startsWith('WAL segment'))) blind.push('the WAL');
    if (
      heapReadable &&
      !unreadable.some((r) => r.startsWith(controlTable)) &&
      !found((l) => l.startsWith(`heap file of ${controlTable},`) && l.endsWith('before VACUUM'))
    ) {
      blind.push('a dead row version in a heap page');
    }
    if (log !== undefined && !found((l) => l === 'server log')) blind.push('the server log');
    failWith(ctx, 'the disk search is blind: it missed the value the harness itself wrote and replaced, in', blind);
    failWith(
      ctx,
      "readable in the server's files",
      describeHits(ctx, dedupe(hits.filter((h) => h.needle !== controlled)), needles, 8),
      8,
    );
  },
};
