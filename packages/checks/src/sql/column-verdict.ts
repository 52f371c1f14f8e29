import { NON_TEXT_COLUMN_TYPES } from '../catalogs/orm-columns.js';
import { classifyName, type ClassifierOptions, type SecretKind } from '../names/index.js';
import type { DdlColumn } from './ddl.js';

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
}

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
): CredentialColumnClassification {
  const classified = (typeof names === 'string' ? [names] : names)
    .filter((n) => n.length > 0)
    .map((name) => ({ name, c: classifyName(name, options) }));
  for (const verdict of ['protected', 'metadata'] as const) {
    const hit = classified.find((x) => x.c.verdict === verdict);
    if (hit) return { verdict, ...(hit.c.kind ? { kind: hit.c.kind } : {}), name: hit.name, reason: hit.c.reason };
  }
  const secret = classified.find((x) => x.c.isSecret);
  if (!secret) return { verdict: 'none', reason: 'no credential name' };
  const kind = secret.c.kind ?? 'secret';
  const base = type
    ?.trim()
    .toLowerCase()
    .match(/^[a-z0-9_]+(?:\s+precision)?/)?.[0]
    ?.replace(/\s+/g, '');
  const category = base === undefined ? undefined : TYPE_CATEGORY.get(base);
  if (category === 'temporal' || category === 'boolean') {
    return { verdict: 'metadata', kind, name: secret.name, reason: `a ${category} column cannot hold a ${kind}` };
  }
  if (category === 'numeric' && kind !== 'otp' && kind !== 'password') {
    return { verdict: 'metadata', kind, name: secret.name, reason: `a numeric column holds a reference or count, not a ${kind}` };
  }
  return { verdict: 'plaintext', kind, name: secret.name, reason: secret.c.reason };
}

/**
 * `credentialColumnVerdict` for a column the DDL reader found, with what only DDL says: a SQL
 * Server Always Encrypted column (`api_key nvarchar(64) ENCRYPTED WITH (...)`) is protected.
 * The check and the scanner's `*.sql` reader both call this.
 */
export function ddlColumnVerdict(column: DdlColumn, options: ClassifierOptions = {}): CredentialColumnClassification {
  const verdict = credentialColumnVerdict(column.column, column.type, options);
  if (verdict.verdict === 'plaintext' && /\bENCRYPTED\s+WITH\b/i.test(column.constraints)) {
    return { ...verdict, verdict: 'protected', reason: 'declared ENCRYPTED WITH (Always Encrypted)' };
  }
  return verdict;
}
