import type { SharedSettings, TextContext } from '../check.js';
import { credentialColumnVerdict, ddlColumnVerdict, ddlSiblings } from '../sql/column-verdict.js';
import { readDdlSchema } from '../sql/ddl.js';
import { lineLocator } from './locate.js';
import { readPrismaFields } from './prisma.js';

/** Prisma's scalar types; anything else on a field is a relation or an enum. */
const PRISMA_SCALARS = new Set([
  'String',
  'Boolean',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'DateTime',
  'Json',
  'Bytes',
  'Unsupported',
]);

/** A credential-related column of a schema file, with the verdict of `no-plaintext-credential-column`. */
export interface SchemaCredentialColumn {
  readonly table: string;
  readonly column: string;
  readonly type: string;
  readonly verdict: ReturnType<typeof credentialColumnVerdict>;
  readonly line: number;
  /** 1-based columns of the name in the file. */
  readonly startColumn: number;
  readonly endColumn: number;
}

/** Every credential-related column of a Prisma schema (plaintext, protected or metadata). */
export function prismaCredentialColumns(lines: readonly string[], settings: SharedSettings): SchemaCredentialColumn[] {
  const fields = readPrismaFields(lines);
  // `user User @relation(fields: [userId], ...)`: `userId` holds the id of another row.
  const foreignKeys = new Set(
    fields.flatMap((f) =>
      [...f.attributes.matchAll(/@relation\([^)]*\bfields\s*:\s*\[([^\]]*)\]/g)].flatMap((m) =>
        m[1]!.split(',').map((n) => `${f.model}.${n.trim()}`),
      ),
    ),
  );
  return fields
    .filter((f) => PRISMA_SCALARS.has(f.type))
    .map((f) => ({
      table: f.table,
      column: f.column,
      type: f.nativeType ?? f.type,
      verdict: credentialColumnVerdict([f.name, f.column], f.nativeType ?? f.type, settings, {
        table: f.table,
        foreignKey: foreignKeys.has(`${f.model}.${f.name}`),
        siblings: fields.filter((x) => x.model === f.model).map((x) => x.column),
      }),
      line: f.line,
      startColumn: f.column1,
      endColumn: f.endColumn,
    }))
    .filter((c) => c.verdict.verdict !== 'none');
}

/** Every credential-related column a SQL migration declares; none when the SQL cannot be read. */
export function sqlCredentialColumns(text: string, settings: SharedSettings): SchemaCredentialColumn[] {
  let columns;
  try {
    columns = readDdlSchema(text);
  } catch {
    return [];
  }
  const locate = lineLocator(text);
  const siblings = ddlSiblings(columns);
  return columns
    .map((c) => {
      const start = locate(c.start);
      return {
        table: c.table,
        column: c.column,
        type: c.type,
        verdict: ddlColumnVerdict(c, settings, siblings(c)),
        line: start.line,
        startColumn: start.column,
        endColumn: locate(c.end).column,
      };
    })
    .filter((c) => c.verdict.verdict !== 'none');
}

/** The credential columns of a Prisma schema or SQL file. */
export function schemaCredentialColumns(
  kind: 'prisma' | 'sql',
  text: string,
  lines: readonly string[],
  settings: SharedSettings,
): SchemaCredentialColumn[] {
  return kind === 'prisma' ? prismaCredentialColumns(lines, settings) : sqlCredentialColumns(text, settings);
}

/** `no-plaintext-credential-column` on Prisma schemas and SQL migrations: every column the verdict finds plaintext. */
export function analyzeSchemaColumns(context: TextContext<unknown, 'plaintextSchemaColumn'>): void {
  const { file, settings } = context;
  if (file.kind !== 'prisma' && file.kind !== 'sql') return;
  for (const c of schemaCredentialColumns(file.kind, file.text, file.lines, settings)) {
    if (c.verdict.verdict !== 'plaintext') continue;
    context.report({
      messageId: 'plaintextSchemaColumn',
      data: { table: c.table, column: c.column, kind: c.verdict.kind ?? 'secret' },
      line: c.line,
      column: c.startColumn,
      endLine: c.line,
      endColumn: c.endColumn,
      confidence: c.verdict.confidence ?? 'medium',
    });
  }
}
