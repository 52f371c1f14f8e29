import type { ClientBase } from 'pg';
import { quoteIdentifier as quote } from '../postgres/sql.js';
import type { Hit, Needles } from './find.js';

interface ColumnRow {
  schema: string;
  table: string;
  column: string;
  type: string;
}

/**
 * Reads every column of every table, partitioned table and materialized view in every schema
 * except `pg_catalog`, `information_schema`, TOAST schemas and other sessions' temporary schemas
 * (PostgreSQL refuses to read those), and searches each value for the needles. `bytea` values are
 * read as bytes, everything else as its text form.
 */
export async function searchDatabase(
  client: ClientBase,
  needles: Needles,
  options: { skipSchemas?: readonly string[] } = {},
): Promise<Hit[]> {
  const hits: Hit[] = [];
  await visitDatabase(client, options, (value, location) => hits.push(...needles.search(value, location)));
  return dedupe(hits);
}

/** Calls `visit` with every value of every table {@link searchDatabase} reads, and where it is. */
export async function visitDatabase(
  client: ClientBase,
  options: { skipSchemas?: readonly string[] },
  visit: (value: Buffer | string, location: string) => void,
): Promise<void> {
  const { rows: columns } = await client.query<ColumnRow>(
    `SELECT n.nspname AS schema, c.relname AS table, a.attname AS column, t.typname AS type
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_type t ON t.oid = a.atttypid
      WHERE c.relkind IN ('r', 'p', 'm')
        AND c.relpersistence <> 't'
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg_toast%'
        AND NOT (n.nspname = ANY($1::text[]))
      ORDER BY 1, 2, a.attnum`,
    [options.skipSchemas ?? []],
  );
  const tables = new Map<string, ColumnRow[]>();
  for (const column of columns) {
    const key = `${quote(column.schema)}.${quote(column.table)}`;
    tables.set(key, [...(tables.get(key) ?? []), column]);
  }
  for (const [qualified, cols] of tables) {
    const select = cols.map((c, i) => `${quote(c.column)}${c.type === 'bytea' ? '' : '::text'} AS c${i}`).join(', ');
    const { rows } = await client.query<Record<string, Buffer | string | null>>(`SELECT ${select} FROM ${qualified}`);
    for (const row of rows) {
      cols.forEach((c, i) => {
        const value = row[`c${i}`];
        if (value === null || value === undefined) return;
        visit(value, `table ${c.schema}.${c.table}, column ${c.column}`);
      });
    }
  }
}

/** Query texts recorded by pg_stat_statements for the current database, or undefined when it is not installed. */
export async function statementStats(client: ClientBase): Promise<string[] | undefined> {
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS present`,
  );
  if (rows[0]?.present !== true) return undefined;
  try {
    const result = await client.query<{ query: string }>(
      `SELECT query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return result.rows.map((r) => r.query);
  } catch {
    return undefined;
  }
}

/** One hit per needle and location: the most direct spelling (the shortest decoding path). */
export function dedupe(hits: readonly Hit[]): Hit[] {
  const seen = new Map<string, Hit>();
  for (const hit of hits) {
    const key = `${hit.needle}|${hit.location}`;
    const known = seen.get(key);
    if (known === undefined || hit.encoding.length < known.encoding.length) seen.set(key, hit);
  }
  return [...seen.values()];
}
