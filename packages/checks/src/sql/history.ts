import { readPrismaFields } from '../text/prisma.js';
import { readDdlSchema } from './ddl.js';

/** A schema file as the scanner discovered it: a Prisma schema or a SQL file. */
export interface SchemaSource {
  /** Path relative to the project root, `/` separators. */
  readonly path: string;
  readonly kind: 'prisma' | 'sql';
  readonly text: string;
}

/** A migration directory's SQL files run in path order: `migrations/20230404_init/migration.sql`, `drizzle/0001_x.sql`. */
const MIGRATION_DIR = /^(.*?\/)?(?:migrations?|drizzle)\//i;

/** `down.sql`, `0001_x.down.sql`, `V2__x.undo.sql`. */
const DOWN_MIGRATION = /(?:^|[/._-])(?:down|undo|rollback)\.sql$/i;

/**
 * The column declarations of a project's schema files that are not the column as it stands, as
 * `path:line:column` keys (where the column's name starts, as findings locate it): one finding per column, where the project says what the column is now.
 *
 * - Migrations of one directory replay in path order: a column that a later migration drops or
 *   renames (or whose table it drops or renames) is gone, unless a later one declares it again;
 *   one whose type a later migration changes (`ALTER COLUMN c TYPE bytea`) stands there.
 * - A column declared by several migrations is kept at its last declaration.
 * - A column that a schema file declares (a Prisma model, or a SQL file outside a migrations
 *   directory such as `schema.sql`) is kept there, not in the migrations that built it.
 *
 * Lines and columns are 1-based (UTF-16 units), as findings report them.
 */
export function supersededColumnDeclarations(sources: readonly SchemaSource[]): Set<string> {
  const superseded = new Set<string>();
  const schemaColumns = new Set<string>();
  const key = (table: string, column: string) => `${table.toLowerCase()}.${column.toLowerCase()}`;
  const groups = new Map<string, SchemaSource[]>();
  for (const source of sources) {
    // A down migration undoes its own up; it never runs in the history that built the schema.
    if (DOWN_MIGRATION.test(source.path)) continue;
    const dir = source.kind === 'sql' ? MIGRATION_DIR.exec(source.path) : null;
    if (dir) {
      groups.set(dir[0], [...(groups.get(dir[0]) ?? []), source]);
    } else if (source.kind === 'prisma') {
      for (const f of readPrismaFields(source.text.split(/\r?\n/))) schemaColumns.add(key(f.table, f.column));
    } else {
      for (const c of safeSchema(source.text)) schemaColumns.add(key(c.table, c.column));
    }
  }
  for (const files of groups.values()) {
    const ordered = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    // One text, statements of each file closed by `;`, so DROP and RENAME reach across files.
    let text = '';
    const starts: { source: SchemaSource; start: number }[] = [];
    for (const source of ordered) {
      starts.push({ source, start: text.length });
      text += `${source.text}\n;\n`;
    }
    const located = (offset: number) => {
      let i = starts.length - 1;
      while (i > 0 && starts[i]!.start > offset) i--;
      const { source, start } = starts[i]!;
      const before = source.text.slice(0, offset - start);
      const line = before.split('\n').length;
      const column = offset - start - (before.lastIndexOf('\n') + 1) + 1;
      return `${source.path}:${line}:${column}`;
    };
    const all = safeDeclarations(text);
    const standing = safeSchema(text);
    const kept = new Set(standing.map((c) => c.start));
    const last = new Map<string, number>();
    for (const c of standing) last.set(key(c.table, c.column), c.start);
    for (const c of all) {
      const k = key(c.table, c.column);
      if (!kept.has(c.start) || last.get(k) !== c.start || schemaColumns.has(k)) superseded.add(located(c.start));
    }
  }
  return superseded;
}

function safeSchema(text: string): ReturnType<typeof readDdlSchema> {
  try {
    return readDdlSchema(text);
  } catch {
    return [];
  }
}

/** Every declaration (standing or not): the schema reader before its replay. */
function safeDeclarations(text: string): { table: string; column: string; start: number }[] {
  try {
    return readDdlSchema(text, { replay: false });
  } catch {
    return [];
  }
}
