/** One scalar field of a Prisma model. */
export interface PrismaField {
  readonly model: string;
  /** The field name, and the database column name when `@map("...")` renames it. */
  readonly name: string;
  readonly column: string;
  /** The table name: `@@map("...")` of the model, else the model name. */
  readonly table: string;
  /** The scalar type without `?`/`[]`, e.g. `String`, `Bytes`. */
  readonly type: string;
  /** The native database type from `@db.X`, e.g. `ByteA`, `Text`; undefined when none. */
  readonly nativeType?: string;
  /** Attributes text after the type, e.g. `@unique @map("pw")`. */
  readonly attributes: string;
  readonly line: number;
  readonly column1: number;
  readonly endColumn: number;
}

/** Reads the fields of every `model` block of a Prisma schema, line by line (Prisma's grammar is line-based). */
export function readPrismaFields(lines: readonly string[]): PrismaField[] {
  const fields: PrismaField[] = [];
  let model: { name: string; table: string } | undefined;
  let pending: Omit<PrismaField, 'table'>[] = [];
  lines.forEach((raw, index) => {
    const text = raw.replace(/\/\/.*$/, '');
    if (!model) {
      const open = /^\s*model\s+(\w+)\s*\{/.exec(text);
      if (open) {
        model = { name: open[1]!, table: open[1]! };
        pending = [];
      }
      return;
    }
    if (/^\s*\}/.test(text)) {
      const table = model.table;
      for (const f of pending) fields.push({ ...f, table });
      model = undefined;
      return;
    }
    const tableMap = /^\s*@@map\(\s*"([^"]+)"\s*\)/.exec(text);
    if (tableMap) {
      model.table = tableMap[1]!;
      return;
    }
    const field = /^(\s*)(\w+)\s+(\w+)(\??|\[\])(.*)$/.exec(text);
    if (!field || field[2]!.startsWith('@')) return;
    const attributes = field[5]!.trim();
    const columnMap = /@map\(\s*"([^"]+)"\s*\)/.exec(attributes);
    const native = /@db\.(\w+)/.exec(attributes);
    // Fields get the table name when the block closes: `@@map` usually comes last.
    pending.push({
      model: model.name,
      name: field[2]!,
      column: columnMap?.[1] ?? field[2]!,
      type: field[3]!,
      ...(native ? { nativeType: native[1]! } : {}),
      attributes,
      line: index + 1,
      column1: field[1]!.length + 1,
      endColumn: field[1]!.length + field[2]!.length + 1,
    });
  });
  return fields;
}
