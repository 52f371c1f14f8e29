import type { Confidence } from '../check.js';
import {
  CREDENTIAL_TABLE_WORDS,
  BINARY_COLUMN_TYPES,
  IDENTIFIER_COLUMN_TYPES,
  MASKED_VALUE_WORDS,
  PUBLIC_BY_PROTOCOL_WORDS,
  TYPE_WRAPPERS,
  VALUE_COLUMN_NAMES,
  NON_TEXT_COLUMN_TYPES,
  DOMAIN_TABLE_WORDS,
  FRAMEWORK_HASHED_COLUMNS,
  SALT_OR_NONCE_WORDS,
} from '../catalogs/orm-columns.js';
import { classifyName, splitWords, type ClassifierOptions, type SecretKind } from '../names/index.js';
import type { DdlColumn, DdlSchemaColumn } from './ddl.js';

/**
 * - `plaintext`: the column holds a credential as given (`password text`, `apiKey: varchar(...)`).
 * - `protected`: a credential in a protected form (`password_hash`, `api_key_ciphertext`, `token_nonce`).
 * - `metadata`: about a credential, not one (`key_version`, `password_reset_at`, `token_expires timestamp`).
 * - `none`: nothing to do with credentials.
 */
export type CredentialColumnVerdict = 'plaintext' | 'protected' | 'metadata' | 'none';

export interface CredentialColumnClassification {
  readonly verdict: CredentialColumnVerdict;
  /** The kind of credential the deciding name names. */
  readonly kind?: SecretKind;
  /** The name that decided the verdict. */
  readonly name?: string;
  /** A short human explanation. */
  readonly reason: string;
  /**
   * For `plaintext`: how sure the declaration alone makes it. Never `high`: a name and a type say
   * what a column is for, not that the program writes it raw (it may hash or encrypt on write).
   * `medium` for a credential name on a text column; `low` when the column looks like a reference
   * (`session_id`, a UUID, a foreign key) or holds a value that is public by protocol.
   */
  readonly confidence?: Confidence;
}

/** What else the declaration says about a column besides its names and type. */
export interface ColumnFacts {
  /** The table (or model) it belongs to: a `value` column of `api_tokens` holds a token. */
  readonly table?: string | undefined;
  /** It references a row of another table (`REFERENCES`, `FOREIGN KEY`, a Prisma `@relation(fields)`). */
  readonly foreignKey?: boolean | undefined;
  /** The names of the other columns of its table, when the declaration shows them: a `salt` beside a `token` says it is hashed. */
  readonly siblings?: readonly string[] | undefined;
}

/** Kinds whose `…_key` name may be the key of a key/value pair (`data_key`, `session_key`); an `api_key` never is. */
const KEY_VALUE_KINDS: ReadonlySet<SecretKind> = new Set<SecretKind>(['secret', 'session']);

const TYPE_CATEGORY = new Map<string, keyof typeof NON_TEXT_COLUMN_TYPES>(
  (Object.keys(NON_TEXT_COLUMN_TYPES) as (keyof typeof NON_TEXT_COLUMN_TYPES)[]).flatMap((category) =>
    NON_TEXT_COLUMN_TYPES[category].map((type) => [type, category] as const),
  ),
);

/**
 * Says whether a database column stores a credential in plaintext. `names` are the names the
 * column goes by (the ORM property and the database name, e.g. `["apiKey", "api_key"]`): a
 * protected or metadata name wins over a secret one, since either side saying `hash` or
 * `ciphertext` means the value is transformed. `type` is the declared type in any spelling (SQL
 * `varchar(64)`, Drizzle `text`, Sequelize `STRING`, Prisma `String`); temporal and boolean types
 * cannot hold a credential, numeric ones only a PIN or one-time code. A binary type alone protects
 * nothing: `password bytea` is still plaintext unless named like ciphertext.
 */
export function credentialColumnVerdict(
  names: string | readonly string[],
  type?: string,
  options: ClassifierOptions = {},
  facts: ColumnFacts = {},
): CredentialColumnClassification {
  const given = (typeof names === 'string' ? [names] : names).filter((n) => n.length > 0);
  const classified = given.map((name) => ({ name, c: classifyName(name, options) }));
  for (const verdict of ['protected', 'metadata'] as const) {
    const hit = classified.find((x) => x.c.verdict === verdict);
    if (hit) return { verdict, ...(hit.c.kind ? { kind: hit.c.kind } : {}), name: hit.name, reason: hit.c.reason };
  }
  // `partialClientSecret`, `masked_key`: a display form (a prefix and the last characters), not the secret.
  const masked = given.find((name) => splitWords(name).some((w) => MASKED_VALUE_WORDS.has(w)));
  let secret: { name: string; kind: SecretKind; reason: string } | undefined = classified
    .filter((x) => x.c.isSecret)
    .map((x) => ({ name: x.name, kind: x.c.kind ?? 'secret', reason: x.c.reason }))[0];
  if (!secret) {
    // `personal_access_tokens.value`: the table says what the value is.
    const tableKind = credentialTableKind(given, facts.table, options);
    if (tableKind)
      secret = {
        name: given[given.length - 1]!,
        kind: tableKind,
        reason: `the "${given[given.length - 1]}" of a ${tableKind} table`,
      };
  }
  if (!secret) return { verdict: 'none', reason: 'no credential name' };
  const kind = secret.kind;
  if (masked)
    return {
      verdict: 'metadata',
      kind,
      name: masked,
      reason: `"${masked}" holds a masked display form of a ${kind}, not the ${kind}`,
    };
  if (facts.foreignKey)
    return {
      verdict: 'none',
      kind,
      name: secret.name,
      reason: `a foreign key: it holds the id of another row, not a ${kind}`,
    };
  const base = baseType(type);
  const category = base === undefined ? undefined : TYPE_CATEGORY.get(base);
  if (category === 'temporal' || category === 'boolean') {
    return { verdict: 'metadata', kind, name: secret.name, reason: `a ${category} column cannot hold a ${kind}` };
  }
  if (category === 'numeric' && kind !== 'otp' && kind !== 'password') {
    return {
      verdict: 'metadata',
      kind,
      name: secret.name,
      reason: `a numeric column holds a reference or count, not a ${kind}`,
    };
  }
  if (base === 'aggregatefunction')
    return {
      verdict: 'metadata',
      kind,
      name: secret.name,
      reason: `an aggregate state holds a computed value, not a ${kind}`,
    };
  const plaintext = { verdict: 'plaintext' as const, kind, name: secret.name };
  const words = splitWords(secret.name);
  if (base !== undefined && BINARY_COLUMN_TYPES.has(base)) {
    return {
      ...plaintext,
      confidence: 'low',
      reason: `${secret.reason}; a ${base} column mostly holds ciphertext or a digest, not the ${kind} as typed`,
    };
  }
  if (base !== undefined && IDENTIFIER_COLUMN_TYPES.has(base))
    return {
      ...plaintext,
      confidence: 'low',
      reason: `a ${base} column mostly holds a row or object id, rarely a ${kind}`,
    };
  if (words[words.length - 1] === 'id' || words[words.length - 1] === 'ids') {
    return {
      ...plaintext,
      confidence: 'low',
      reason: `"${secret.name}" names the id of a ${kind}, which is often a reference, not the credential`,
    };
  }
  const tableWords = facts.table ? splitWords(facts.table) : [];
  if ([...words, ...tableWords].some((w) => PUBLIC_BY_PROTOCOL_WORDS.has(w))) {
    return { ...plaintext, confidence: 'low', reason: `${secret.reason}, but a challenge value is public by protocol` };
  }
  // A domain's verification token is published in a DNS TXT record.
  if (words.includes('verification') && tableWords.some((w) => DOMAIN_TABLE_WORDS.has(w))) {
    return { ...plaintext, confidence: 'low', reason: 'a domain verification token is published in DNS' };
  }
  // `data_key` beside `string_value`, `number_value`: the key of a key/value pair, a property name.
  const valueSibling =
    words[words.length - 1] === 'key' && KEY_VALUE_KINDS.has(kind)
      ? facts.siblings?.find((name) => splitWords(name).at(-1) === 'value')
      : undefined;
  if (valueSibling)
    return {
      verdict: 'none',
      kind,
      name: secret.name,
      reason: `"${secret.name}" beside "${valueSibling}" names the key of a key/value pair`,
    };
  const sibling = facts.siblings?.find((name) => name !== secret.name && isSaltOrNonce(name));
  if (sibling)
    return {
      ...plaintext,
      confidence: 'low',
      reason: `the sibling column "${sibling}" says the value is hashed with a salt or encrypted with a nonce`,
    };
  const hashedBy = hashedByFramework(secret.name, facts.table);
  if (hashedBy) return { ...plaintext, confidence: 'low', reason: hashedBy };
  return { ...plaintext, confidence: 'medium', reason: secret.reason };
}

/**
 * The lower-case base of a declared type, wrappers removed: `Nullable(String)` -> `string`,
 * `SimpleAggregateFunction(sum, Int64)` -> `int64`, `double precision` -> `doubleprecision`.
 */
function baseType(type: string | undefined): string | undefined {
  let text = type?.trim().toLowerCase();
  for (let guard = 0; text && guard < 4; guard++) {
    const open = /^([a-z0-9_]+)\s*\(/.exec(text);
    const wrapper = open ? TYPE_WRAPPERS[open[1]!] : undefined;
    if (!open || wrapper === undefined) break;
    // The wrapped type is the argument at `wrapper` (`SimpleAggregateFunction(sum, T)`: 1).
    text = splitArguments(text.slice(open[0].length, closingParen(text, open[0].length - 1)))[wrapper]?.trim();
  }
  return text?.match(/^[a-z0-9_]+(?:\s+precision)?/)?.[0]?.replace(/\s+/g, '');
}

/** Index of the `)` matching the `(` at `open`, or the text's length when unclosed. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}

/** `salt`, `token_salt`, `iv`, `nonce`, `api_key_iv`: the column beside a credential that hashing or encryption needs. */
function isSaltOrNonce(name: string): boolean {
  const words = splitWords(name);
  return words.length > 0 && SALT_OR_NONCE_WORDS.has(words[words.length - 1]!);
}

/** A framework that hashes this column before its adapter stores it (`FRAMEWORK_HASHED_COLUMNS`). */
function hashedByFramework(column: string, table: string | undefined): string | undefined {
  if (!table) return undefined;
  const tableKey = splitWords(table).join('_').replace(/s$/, '');
  const columnKey = splitWords(column).join('_');
  return FRAMEWORK_HASHED_COLUMNS.find((entry) => entry.table === tableKey && entry.column === columnKey)?.reason;
}

/** Top-level comma-separated arguments: `sum, Nullable(Int64)` -> [`sum`, `Nullable(Int64)`]. */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    current += c;
  }
  parts.push(current);
  return parts;
}

/** The kind of credential a table holds when a column of it is only called `value`: `api_tokens`, `verification`. */
function credentialTableKind(
  names: readonly string[],
  table: string | undefined,
  options: ClassifierOptions,
): SecretKind | undefined {
  if (!table || !names.some((n) => VALUE_COLUMN_NAMES.has(n.toLowerCase()))) return undefined;
  const c = classifyName(table, options);
  if (c.isSecret) return c.kind ?? 'secret';
  return splitWords(table).some((w) => CREDENTIAL_TABLE_WORDS.has(w)) ? 'token' : undefined;
}

/** The names of the columns each table of a DDL text declares, by table (case as written): the siblings of each column. */
export function ddlSiblings(columns: readonly DdlColumn[]): (column: DdlColumn) => readonly string[] {
  const byTable = new Map<string, string[]>();
  for (const c of columns)
    byTable.set(c.table.toLowerCase(), [...(byTable.get(c.table.toLowerCase()) ?? []), c.column]);
  return (column) => byTable.get(column.table.toLowerCase()) ?? [];
}

/**
 * `credentialColumnVerdict` for a column the DDL reader found, with what only DDL says: a SQL
 * Server Always Encrypted column (`api_key nvarchar(64) ENCRYPTED WITH (...)`) is protected.
 * The check and the scanner's `*.sql` reader both call this.
 */
export function ddlColumnVerdict(
  column: DdlColumn | DdlSchemaColumn,
  options: ClassifierOptions = {},
  siblings?: readonly string[],
): CredentialColumnClassification {
  const foreignKey = 'foreignKey' in column ? column.foreignKey : /\bREFERENCES\b/i.test(column.constraints);
  const verdict = credentialColumnVerdict(column.column, column.type, options, {
    table: column.table,
    foreignKey,
    siblings,
  });
  if (verdict.verdict === 'plaintext' && /\bENCRYPTED\s+WITH\b/i.test(column.constraints)) {
    return { ...verdict, verdict: 'protected', reason: 'declared ENCRYPTED WITH (Always Encrypted)' };
  }
  return verdict;
}
