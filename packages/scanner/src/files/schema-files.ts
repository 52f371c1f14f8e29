import { credentialColumnVerdict, ddlColumnVerdict, formatMessage, readDdlColumns, type SharedSettings } from '@secret-hygiene/checks';
import { scannerMessages } from '../messages.js';
import { readPrismaFields } from './prisma.js';
import type { FileFinding } from './types.js';

/** Prisma's scalar types; anything else on a field is a relation or an enum. */
const PRISMA_SCALARS = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes', 'Unsupported']);

/** A credential column that stores plaintext, as the column verdict of `no-plaintext-credential-column` decides. */
export interface CredentialColumn {
  readonly table: string;
  readonly column: string;
  readonly type: string;
  readonly verdict: ReturnType<typeof credentialColumnVerdict>;
  readonly line: number;
  readonly column1: number;
  readonly endColumn: number;
}

/** Every credential-related column of a Prisma schema (plaintext, protected or metadata). */
export function prismaCredentialColumns(lines: readonly string[], settings: SharedSettings): CredentialColumn[] {
  return readPrismaFields(lines)
    .filter((f) => PRISMA_SCALARS.has(f.type))
    .map((f) => ({
      table: f.table,
      column: f.column,
      type: f.nativeType ?? f.type,
      verdict: credentialColumnVerdict([f.name, f.column], f.nativeType ?? f.type, settings),
      line: f.line,
      column1: f.column1,
      endColumn: f.endColumn,
    }))
    .filter((c) => c.verdict.verdict !== 'none');
}

/** Every credential-related column a SQL migration declares. */
export function sqlCredentialColumns(text: string, settings: SharedSettings): CredentialColumn[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  let columns;
  try {
    columns = readDdlColumns(text);
  } catch {
    return [];
  }
  return columns
    .map((c) => {
      const start = position(c.start);
      return {
        table: c.table,
        column: c.column,
        type: c.type,
        verdict: ddlColumnVerdict(c, settings),
        line: start.line,
        column1: start.column,
        endColumn: position(c.end).column,
      };
    })
    .filter((c) => c.verdict.verdict !== 'none');
}

/** Plaintext credential columns in a Prisma schema or SQL migration, as `no-plaintext-credential-column` findings. */
export function analyzeSchemaFile(kind: 'prisma' | 'sql', text: string, lines: readonly string[], settings: SharedSettings): FileFinding[] {
  const columns = kind === 'prisma' ? prismaCredentialColumns(lines, settings) : sqlCredentialColumns(text, settings);
  return columns
    .filter((c) => c.verdict.verdict === 'plaintext')
    .map((c) => ({
      ruleId: 'no-plaintext-credential-column',
      line: c.line,
      column: c.column1,
      endLine: c.line,
      endColumn: c.endColumn,
      message: formatMessage(scannerMessages.plaintextColumn, { table: c.table, column: c.column, kind: c.verdict.kind ?? 'secret' }),
    }));
}
