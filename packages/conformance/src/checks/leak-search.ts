import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ConformanceContext } from '../conformance-check.js';
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
export async function searchEverywhere(ctx: ConformanceContext, needles: Needles, logStart: LogPosition): Promise<LeakSearch> {
  const hits: Hit[] = [];
  const searched: string[] = ['tables'];
  const unavailable: string[] = [];
  hits.push(...(await ctx.searchTables(needles)));

  const log = await ctx.readLog(logStart);
  if (log === undefined) unavailable.push(`server statement log (${ctx.server.log.unavailableReason ?? 'not readable'})`);
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
  if (directories.length === 0) unavailable.push("files the store wrote (it runs in the harness's process, without a working or temporary directory of its own)");
  else {
    searched.push("files in the store's working and temporary directories");
    for (const { path, role } of directories) hits.push(...(await searchFiles(path, needles, `the store's ${role} directory`)));
  }
  return { hits: dedupe(hits), searched, unavailable };
}

/** Largest file read whole; bigger files are read up to this size. */
const maxFileBytes = 16 * 1024 * 1024;

/** Searches every file under `directory` (a cache, a temp file, a local database beside the server's). */
export async function searchFiles(directory: string, needles: Needles, label: string): Promise<Hit[]> {
  const hits: Hit[] = [];
  let entries: string[];
  try {
    entries = await readdir(directory, { recursive: true });
  } catch {
    return hits;
  }
  for (const entry of entries) {
    const path = join(directory, entry);
    try {
      const info = await stat(path);
      if (!info.isFile()) continue;
      const bytes = await readFile(path);
      hits.push(...needles.search(bytes.subarray(0, maxFileBytes), `file ${relative(directory, path)} in ${label}`));
    } catch {
      // Removed while we looked: nothing left to find.
    }
  }
  return hits;
}
