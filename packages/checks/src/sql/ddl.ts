/**
 * A small reader of SQL DDL: the columns that `CREATE TABLE` and `ALTER TABLE ... ADD [COLUMN]`
 * statements declare. It is not a SQL parser: it tokenizes (comments, strings, dollar quotes and
 * quoted identifiers are understood), finds those two statements and reads their column
 * definitions, skipping everything else. PostgreSQL, MySQL, SQLite and SQL Server spellings.
 */

/** One column a DDL statement declares. */
export interface DdlColumn {
  /** The table's name, unquoted, without its schema. */
  readonly table: string;
  /** The schema (or database) the table is qualified with, unquoted; undefined when unqualified. */
  readonly schema: string | undefined;
  /** The column's name, unquoted. */
  readonly column: string;
  /** The declared type as written, whitespace collapsed (`varchar(64)`, `timestamp with time zone`); '' when none. */
  readonly type: string;
  /** What follows the type (`NOT NULL DEFAULT ''`), whitespace collapsed. */
  readonly constraints: string;
  /** The statement: `create` for CREATE TABLE, `alter` for ALTER TABLE ... ADD. */
  readonly statement: 'create' | 'alter';
  /** Offset of the column's name (with its quotes) in the text given. */
  readonly start: number;
  /** Offset just past the column's name. */
  readonly end: number;
}

type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct';

interface Token {
  readonly kind: TokenKind;
  /** Raw text. */
  readonly text: string;
  /** Upper-case text for words, unquoted text for quoted identifiers. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** Words that start a table constraint rather than a column, in a column list. */
const TABLE_CONSTRAINT_WORDS = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'UNIQUE',
  'FOREIGN',
  'CHECK',
  'EXCLUDE',
  'LIKE',
  'PERIOD',
  'FULLTEXT',
  'SPATIAL',
]);
/** Words that start a table constraint only when an index name or `(` follows (MySQL `KEY idx (a)`). */
const INDEX_WORDS = new Set(['KEY', 'INDEX']);
/** Words that end a column's type and start its constraints. */
const COLUMN_CONSTRAINT_WORDS = new Set([
  'NOT',
  'NULL',
  'DEFAULT',
  'PRIMARY',
  'REFERENCES',
  'UNIQUE',
  'CHECK',
  'CONSTRAINT',
  'GENERATED',
  'COLLATE',
  'AUTO_INCREMENT',
  'AUTOINCREMENT',
  'IDENTITY',
  'COMMENT',
  'ON',
  'AS',
  'STORED',
  'VIRTUAL',
  'INVISIBLE',
  'VISIBLE',
  'ENCRYPTED',
  'MASKED',
  'SPARSE',
  'ROWGUIDCOL',
  'CHARSET',
  'COMPRESSION',
  'STORAGE',
  'ENCODE',
  'FOREIGN',
  'KEY',
  // MySQL column placement; ClickHouse codecs, TTLs and computed columns.
  'AFTER',
  'FIRST',
  'CODEC',
  'TTL',
  'MATERIALIZED',
  'ALIAS',
  'EPHEMERAL',
]);
/** Prefix words of CREATE TABLE: `CREATE [OR REPLACE] [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE`. */
const CREATE_TABLE_PREFIX = new Set(['OR', 'REPLACE', 'GLOBAL', 'LOCAL', 'TEMP', 'TEMPORARY', 'UNLOGGED']);

/**
 * What a later statement does to columns declared before it: `DROP TABLE`, `ALTER TABLE ... DROP
 * [COLUMN]`, `RENAME [COLUMN] a TO b`, `RENAME TO`; and the columns a `FOREIGN KEY (...)` or a
 * column's `REFERENCES` makes references to another row.
 */
export type DdlChange =
  | { readonly kind: 'drop-table' | 'rename-table'; readonly table: string; readonly at: number }
  | {
      readonly kind: 'drop-column' | 'rename-column';
      readonly table: string;
      readonly column: string;
      readonly at: number;
    }
  | { readonly kind: 'foreign-key'; readonly table: string; readonly column: string; readonly at: number }
  /** `ALTER COLUMN c TYPE bytea`, MySQL `MODIFY c varbinary(255)`: the column is declared again, with its new type. */
  | { readonly kind: 'retype-column'; readonly table: string; readonly column: string; readonly at: number };

/** A column that is still there after the whole text ran, and whether it references another row. */
export interface DdlSchemaColumn extends DdlColumn {
  readonly foreignKey: boolean;
}

/** Reads the columns that CREATE TABLE and ALTER TABLE ... ADD statements in `sql` declare. */
export function readDdlColumns(sql: string): DdlColumn[] {
  return readDdl(sql).columns;
}

/**
 * The columns `sql` leaves behind when its statements run in order: a column that a later
 * statement of the same text drops or renames (or whose table it drops or renames) is gone; one
 * declared again after that is there. Each says whether it is a foreign key. With `replay: false`,
 * every declaration, gone or not.
 */
export function readDdlSchema(sql: string, options: { readonly replay?: boolean } = {}): DdlSchemaColumn[] {
  const { columns, changes } = readDdl(sql);
  const replay = options.replay ?? true;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return columns
    .filter(
      (c) =>
        !replay ||
        !changes.some(
          (x) =>
            x.at > c.start &&
            same(x.table, c.table) &&
            (x.kind === 'drop-table' ||
              x.kind === 'rename-table' ||
              ((x.kind === 'drop-column' || x.kind === 'rename-column' || x.kind === 'retype-column') &&
                same(x.column, c.column))),
        ),
    )
    .map((c) => ({
      ...c,
      foreignKey:
        /\bREFERENCES\b/i.test(c.constraints) ||
        changes.some((x) => x.kind === 'foreign-key' && same(x.table, c.table) && same(x.column, c.column)),
    }));
}

function readDdl(sql: string): { columns: DdlColumn[]; changes: DdlChange[] } {
  const tokens = tokenize(sql);
  const columns: DdlColumn[] = [];
  const changes: DdlChange[] = [];
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || (tokens[i]!.kind === 'punct' && tokens[i]!.text === ';')) {
      readStatement(sql, tokens.slice(from, i), columns, changes);
      from = i + 1;
    }
  }
  return { columns, changes };
}

/** `FOREIGN KEY (a, b) REFERENCES ...` at the start of `element` (after an optional `CONSTRAINT name`): the columns. */
function foreignKeyColumns(element: readonly Token[]): string[] {
  const cursor = new Cursor(element);
  if (cursor.takeWord('CONSTRAINT')) cursor.next();
  if (!cursor.takeWords('FOREIGN', 'KEY') || !cursor.takePunct('(')) return [];
  const close = matchingParen(element, cursor.index - 1);
  return element
    .slice(cursor.index, close)
    .filter((t) => t.kind === 'word' || t.kind === 'quoted')
    .map(identifierText);
}

function readStatement(sql: string, tokens: readonly Token[], out: DdlColumn[], changes: DdlChange[]): void {
  const cursor = new Cursor(tokens);
  const at = tokens[0]?.start ?? 0;
  if (cursor.takeWord('DROP')) {
    if (!cursor.takeWord('TABLE')) return;
    cursor.takeWords('IF', 'EXISTS');
    for (const item of splitTopLevel(tokens, cursor.index, tokens.length)) {
      const name = readQualifiedName(new Cursor(item));
      if (name) changes.push({ kind: 'drop-table', table: name.table, at });
    }
    return;
  }
  if (cursor.takeWord('CREATE')) {
    while (cursor.peekWordIn(CREATE_TABLE_PREFIX)) cursor.next();
    if (!cursor.takeWord('TABLE')) return;
    cursor.takeWords('IF', 'NOT', 'EXISTS');
    const name = readQualifiedName(cursor);
    if (!name || !cursor.takePunct('(')) return;
    const close = matchingParen(tokens, cursor.index - 1);
    for (const element of splitTopLevel(tokens, cursor.index, close)) {
      for (const column of foreignKeyColumns(element))
        changes.push({ kind: 'foreign-key', table: name.table, column, at });
      readColumnDefinition(sql, element, name, 'create', out);
    }
    return;
  }
  if (cursor.takeWord('ALTER')) {
    if (!cursor.takeWord('TABLE')) return;
    cursor.takeWords('IF', 'EXISTS');
    cursor.takeWord('ONLY');
    const name = readQualifiedName(cursor);
    if (!name) return;
    for (const action of splitTopLevel(tokens, cursor.index, tokens.length)) {
      const actionCursor = new Cursor(action);
      if (readRetype(sql, action, name, changes, out)) continue;
      if (readAlterChange(action, name.table, at, changes)) continue;
      if (!actionCursor.takeWord('ADD')) continue;
      const foreignKeys = foreignKeyColumns(action.slice(1));
      if (foreignKeys.length > 0) {
        for (const column of foreignKeys) changes.push({ kind: 'foreign-key', table: name.table, column, at });
        continue;
      }
      const hadColumnWord = actionCursor.takeWord('COLUMN');
      actionCursor.takeWords('IF', 'NOT', 'EXISTS');
      if (!hadColumnWord && actionCursor.peekPunct('(')) {
        // MySQL: ALTER TABLE t ADD (a text, b text)
        const open = actionCursor.index;
        const close = matchingParen(action, open);
        for (const element of splitTopLevel(action, open + 1, close))
          readColumnDefinition(sql, element, name, 'alter', out);
        continue;
      }
      readColumnDefinition(sql, action.slice(actionCursor.index), name, 'alter', out);
    }
  }
}

/**
 * A column's type changed in place, read as a new declaration of the column where the change is
 * written (so it is judged by its new type) that replaces the earlier ones: PostgreSQL `ALTER
 * [COLUMN] c [SET DATA] TYPE t [USING ...]`, MySQL `MODIFY [COLUMN] c t ...` and `CHANGE [COLUMN] a
 * b t ...` (a rename too). True when `action` was one.
 */
function readRetype(
  sql: string,
  action: readonly Token[],
  name: QualifiedName,
  changes: DdlChange[],
  out: DdlColumn[],
): boolean {
  const cursor = new Cursor(action);
  const declare = (element: readonly Token[]): void => {
    const column = element[0];
    if (!column || (column.kind !== 'word' && column.kind !== 'quoted')) return;
    changes.push({ kind: 'retype-column', table: name.table, column: identifierText(column), at: column.start });
    readColumnDefinition(sql, element, name, 'alter', out);
  };
  if (cursor.takeWord('ALTER')) {
    cursor.takeWord('COLUMN');
    const column = cursor.peek();
    cursor.next();
    cursor.takeWords('SET', 'DATA');
    if (!column || !cursor.takeWord('TYPE')) return false;
    const rest = action.slice(cursor.index);
    const using = rest.findIndex((t) => t.kind === 'word' && t.value === 'USING');
    declare([column, ...(using < 0 ? rest : rest.slice(0, using))]);
    return true;
  }
  if (cursor.takeWord('MODIFY')) {
    cursor.takeWord('COLUMN');
    declare(action.slice(cursor.index));
    return true;
  }
  if (cursor.takeWord('CHANGE')) {
    cursor.takeWord('COLUMN');
    const old = cursor.peek();
    if (!old || (old.kind !== 'word' && old.kind !== 'quoted')) return true;
    changes.push({ kind: 'rename-column', table: name.table, column: identifierText(old), at: old.start });
    cursor.next();
    declare(action.slice(cursor.index));
    return true;
  }
  return false;
}

/** `DROP [COLUMN] [IF EXISTS] c`, `RENAME [COLUMN] a TO b`, `RENAME TO t`: recorded, true; anything else false. */
function readAlterChange(action: readonly Token[], table: string, at: number, changes: DdlChange[]): boolean {
  const cursor = new Cursor(action);
  if (cursor.takeWord('DROP')) {
    const hadColumnWord = cursor.takeWord('COLUMN');
    if (!hadColumnWord && cursor.peekWordIn(NOT_A_COLUMN_DROP)) return true;
    cursor.takeWords('IF', 'EXISTS');
    const column = cursor.peek();
    if (column && (column.kind === 'word' || column.kind === 'quoted'))
      changes.push({ kind: 'drop-column', table, column: identifierText(column), at });
    return true;
  }
  if (cursor.takeWord('RENAME')) {
    if (cursor.takeWord('TO') || cursor.takeWord('AS')) {
      changes.push({ kind: 'rename-table', table, at });
      return true;
    }
    if (cursor.peekWordIn(NOT_A_COLUMN_DROP)) return true;
    cursor.takeWord('COLUMN');
    const column = cursor.peek();
    if (column && (column.kind === 'word' || column.kind === 'quoted'))
      changes.push({ kind: 'rename-column', table, column: identifierText(column), at });
    return true;
  }
  return false;
}

/** What `ALTER TABLE ... DROP` / `RENAME` may name besides a column. */
const NOT_A_COLUMN_DROP = new Set([
  'CONSTRAINT',
  'INDEX',
  'KEY',
  'PRIMARY',
  'FOREIGN',
  'CHECK',
  'PARTITION',
  'PROJECTION',
  'DEFAULT',
]);

interface QualifiedName {
  readonly table: string;
  readonly schema: string | undefined;
}

function readQualifiedName(cursor: Cursor): QualifiedName | undefined {
  const parts: string[] = [];
  for (;;) {
    const token = cursor.peek();
    if (!token || (token.kind !== 'word' && token.kind !== 'quoted')) return undefined;
    parts.push(identifierText(token));
    cursor.next();
    if (!cursor.takePunct('.')) break;
  }
  const table = parts.pop()!;
  return { table, schema: parts.length > 0 ? parts.join('.') : undefined };
}

function readColumnDefinition(
  sql: string,
  element: readonly Token[],
  name: QualifiedName,
  statement: 'create' | 'alter',
  out: DdlColumn[],
): void {
  const first = element[0];
  if (!first || (first.kind !== 'word' && first.kind !== 'quoted')) return;
  if (first.kind === 'word') {
    if (TABLE_CONSTRAINT_WORDS.has(first.value)) return;
    if (INDEX_WORDS.has(first.value)) {
      const next = element[1];
      // `KEY idx (a)` is an index; `key varchar(255)` is a column: a type's parentheses hold a number.
      const namedIndex =
        (next?.kind === 'word' || next?.kind === 'quoted') && element[2]?.text === '(' && element[3]?.kind !== 'number';
      if (!next || next.text === '(' || namedIndex) return;
    }
  }
  let typeEnd = 1;
  while (typeEnd < element.length) {
    const token = element[typeEnd]!;
    if (token.kind === 'word' && COLUMN_CONSTRAINT_WORDS.has(token.value)) break;
    // `varchar(64) CHARACTER SET utf8mb4`: a character set is not part of the type.
    if (token.kind === 'word' && token.value === 'CHARACTER' && element[typeEnd + 1]?.value === 'SET') break;
    if (token.text === '(') {
      typeEnd = matchingParen(element, typeEnd) + 1;
      continue;
    }
    typeEnd++;
  }
  const slice = (from: number, to: number) =>
    from < to ? collapse(sql.slice(element[from]!.start, element[to - 1]!.end)) : '';
  out.push({
    table: name.table,
    schema: name.schema,
    column: identifierText(first),
    type: slice(1, typeEnd),
    constraints: slice(typeEnd, element.length),
    statement,
    start: first.start,
    end: first.end,
  });
}

function collapse(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*\)/g, ')')
    .trim();
}

function identifierText(token: Token): string {
  return token.kind === 'quoted' ? token.value : token.text;
}

/** Index of the `)` matching the `(` at `open`, or `tokens.length` when unclosed. */
function matchingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i]!.kind === 'punct' ? tokens[i]!.text : '';
    if (text === '(') depth++;
    else if (text === ')' && --depth === 0) return i;
  }
  return tokens.length;
}

/** The comma-separated items between `from` and `to`, commas inside parentheses ignored. */
function splitTopLevel(tokens: readonly Token[], from: number, to: number): Token[][] {
  const items: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.kind === 'punct') {
      if (token.text === '(') depth++;
      else if (token.text === ')') depth--;
      else if (token.text === ',' && depth === 0) {
        items.push(current);
        current = [];
        continue;
      }
    }
    current.push(token);
  }
  if (current.length > 0) items.push(current);
  return items;
}

class Cursor {
  index = 0;
  constructor(private readonly tokens: readonly Token[]) {}
  peek(): Token | undefined {
    return this.tokens[this.index];
  }
  next(): Token | undefined {
    return this.tokens[this.index++];
  }
  peekWordIn(words: ReadonlySet<string>): boolean {
    const token = this.peek();
    return token?.kind === 'word' && words.has(token.value);
  }
  peekPunct(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.text === text;
  }
  takeWord(word: string): boolean {
    const token = this.peek();
    if (token?.kind !== 'word' || token.value !== word) return false;
    this.index++;
    return true;
  }
  /** Takes the whole sequence of words, or nothing. */
  takeWords(...words: string[]): boolean {
    const matches = words.every((w, i) => {
      const token = this.tokens[this.index + i];
      return token?.kind === 'word' && token.value === w;
    });
    if (matches) this.index += words.length;
    return matches;
  }
  takePunct(text: string): boolean {
    if (!this.peekPunct(text)) return false;
    this.index++;
    return true;
  }
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Splits SQL into tokens, dropping whitespace and comments. */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const n = sql.length;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string) => {
    const text = sql.slice(start, end);
    tokens.push({ kind, text, value: value ?? (kind === 'word' ? text.toUpperCase() : text), start, end });
  };
  /** End of a run quoted by `quote`, where a doubled quote escapes it. */
  const quotedEnd = (from: number, quote: string): number => {
    let j = from + 1;
    while (j < n) {
      if (sql[j] === quote) {
        if (sql[j + 1] === quote) j += 2;
        else return j + 1;
      } else j++;
    }
    return n;
  };
  while (i < n) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl === -1 ? n : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--;
          j += 2;
        } else {
          j++;
        }
      }
      i = j;
    } else if (c === "'") {
      const end = quotedEnd(i, "'");
      push('string', i, end);
      i = end;
    } else if (c === '"' || c === '`') {
      const end = quotedEnd(i, c);
      const inner = sql
        .slice(i + 1, Math.max(i + 1, end - 1))
        .split(c + c)
        .join(c);
      push('quoted', i, end, inner);
      i = end;
    } else if (c === '[' && WORD_START.test(sql[i + 1] ?? '')) {
      // SQL Server `[name]`; `text[]` and `int[3]` stay punctuation.
      const close = sql.indexOf(']', i);
      const end = close === -1 ? n : close + 1;
      push('quoted', i, end, sql.slice(i + 1, end - 1));
      i = end;
    } else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i, i + 64))) {
      // PostgreSQL dollar quoting: $$...$$, $body$...$body$.
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64))![0];
      const close = sql.indexOf(tag, i + tag.length);
      const end = close === -1 ? n : close + tag.length;
      push('string', i, end);
      i = end;
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(sql[j]!)) j++;
      push('word', i, j);
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9.]/.test(sql[j]!)) j++;
      push('number', i, j);
      i = j;
    } else {
      push('punct', i, i + 1);
      i++;
    }
  }
  return tokens;
}
