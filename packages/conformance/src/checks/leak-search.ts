import { open, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ConformanceContext, StoreDirectory } from '../conformance-check.js';
import type { LogPosition } from '../postgres/types.js';
import { statementStats, dedupe } from '../search/database.js';
import type { Hit, Needles } from '../search/find.js';

/** Where the leak search looked, and what it could not look at. */
export interface LeakSearch {
  readonly hits: Hit[];
  readonly searched: string[];
  readonly unavailable: string[];
}

/**
 * The one leak search both `no-plaintext-at-rest` and `positive-control` use: every table, the
 * server's statement log since `logStart`, pg_stat_statements, and what adapters printed.
 */
export async function searchEverywhere(
  ctx: ConformanceContext,
  needles: Needles,
  logStart: LogPosition,
): Promise<LeakSearch> {
  const hits: Hit[] = [];
  const searched: string[] = ['tables'];
  const unavailable: string[] = [];
  hits.push(...(await ctx.searchTables(needles)));

  const log = await ctx.readLog(logStart);
  if (log === undefined)
    unavailable.push(`server statement log (${ctx.server.log.unavailableReason ?? 'not readable'})`);
  else {
    searched.push('server statement log');
    hits.push(...needles.search(log, 'server statement log'));
  }

  const statements = await statementStats(ctx.admin);
  if (statements === undefined) unavailable.push('pg_stat_statements (not installed)');
  else {
    searched.push('pg_stat_statements');
    for (const text of statements) hits.push(...needles.search(text, 'pg_stat_statements'));
  }

  searched.push('adapter output');
  hits.push(...needles.search(await ctx.adapterOutput(), 'adapter output'));

  const directories = ctx.storeDirectories();
  if (directories.length === 0)
    unavailable.push(
      "files the store wrote (it runs in the harness's process, without a working or temporary directory of its own)",
    );
  else {
    searched.push(`files in ${[...new Set(directories.map((d) => d.label))].join(', ')}`);
    for (const directory of directories) hits.push(...(await searchFiles(directory, needles)));
  }
  return { hits: dedupe(hits), searched, unavailable };
}

/** Largest file read whole; bigger files are read up to this size. */
const maxFileBytes = 16 * 1024 * 1024;

/** The first `length` bytes of a file. */
async function readStart(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** How deep a shared directory's changed subdirectories are followed (`/tmp/app/cache/entries/x.json`). */
const maxChangedDepth = 4;

/**
 * Paths of the files to read below `directory`: every file when it is the store's own (recursive),
 * else the files directly in it and the files of the directories below whose entries changed since
 * `changedSince` (a directory's time moves when a file is created in it; the files' own times are
 * checked when they are read). Subdirectories of the first level are looked for in every first-level
 * directory (`~/.cache/app` when `~/.cache` is old). `node_modules`, the harness's own directories
 * (`secret-hygiene-*`: its server's data) and PostgreSQL's shared memory segments in `/dev/shm`
 * (`PostgreSQL.*`: the server's, not the store's) are skipped.
 */
async function filesToRead(directory: StoreDirectory): Promise<string[]> {
  if (directory.recursive) {
    const entries = await readdir(directory.path, { recursive: true });
    return entries.filter((e) => !e.split(sep).includes('node_modules')).map((e) => join(directory.path, e));
  }
  const since = directory.changedSince ?? 0;
  const out: string[] = [];
  /** `changed`: this directory's entries changed since `since` (its files are read). */
  const walk = async (path: string, depth: number, changed: boolean): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (
        entry.name === 'node_modules' ||
        entry.name.startsWith('secret-hygiene-') ||
        entry.name.startsWith('PostgreSQL.')
      )
        continue;
      const child = join(path, entry.name);
      if (entry.isFile()) {
        if (changed) out.push(child);
      } else if (entry.isDirectory() && depth < maxChangedDepth) {
        const info = await stat(child).catch(() => undefined);
        const childChanged = info !== undefined && info.mtimeMs >= since;
        // The first level is listed even when unchanged: `~/.cache` is old when `~/.cache/app` is new.
        if (childChanged || depth === 0) await walk(child, depth + 1, childChanged);
      }
    }
  };
  await walk(directory.path, 0, true);
  return out;
}

/** Searches the files of a directory (a cache, a temp file, a local database beside the server's). */
export async function searchFiles(directory: StoreDirectory, needles: Needles): Promise<Hit[]> {
  const hits: Hit[] = [];
  let paths: string[];
  try {
    paths = await filesToRead(directory);
  } catch {
    return hits;
  }
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (!info.isFile() || (directory.changedSince !== undefined && info.mtimeMs < directory.changedSince)) continue;
      hits.push(
        ...needles.search(
          await readStart(path, Math.min(info.size, maxFileBytes)),
          `file ${relative(directory.path, path)} in ${directory.label}`,
        ),
      );
    } catch {
      // Removed while we looked, or not ours to read: nothing to find there.
    }
  }
  return hits;
}
