import type { CheckContext } from '../check.js';
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
export async function searchEverywhere(ctx: CheckContext, needles: Needles, logStart: LogPosition): Promise<LeakSearch> {
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
  return { hits: dedupe(hits), searched, unavailable };
}
