import type { StorageDescription } from '../adapter.js';
import { parseCoreRecord } from '../core-format.js';
import type { ConformanceContext, OpenedStore } from '../conformance-check.js';
import { quoteIdentifier, quoteQualified } from '../postgres/sql.js';
import type { Hit, Needles } from '../search/find.js';

/** A stored ciphertext as read from the database: bytes for bytea, text otherwise. */
export type StoredValue = Buffer | string;

function live(storage: StorageDescription): string {
  return storage.liveRowCondition === undefined ? '' : ` AND (${storage.liveRowCondition})`;
}

/** The stored ciphertext (or another column of the record) of one secret, read directly from the table. */
export async function readStored(
  ctx: ConformanceContext,
  storage: StorageDescription,
  owner: string,
  name: string,
  column = storage.ciphertextColumn,
): Promise<StoredValue | undefined> {
  const { rows } = await ctx.admin.query<{ v: StoredValue | null }>(
    `SELECT ${quoteIdentifier(column)} AS v FROM ${quoteQualified(storage.table)} WHERE ${quoteIdentifier(storage.ownerColumn)} = $1 AND ${quoteIdentifier(storage.nameColumn)} = $2${live(storage)}`,
    [owner, name],
  );
  return rows[0]?.v ?? undefined;
}

/** The stored ciphertexts of all of `owner`'s secrets in one query: name → value. */
export async function readOwnerStored(
  ctx: ConformanceContext,
  storage: StorageDescription,
  owner: string,
): Promise<Map<string, StoredValue>> {
  const { rows } = await ctx.admin.query<{ name: string; v: StoredValue | null }>(
    `SELECT ${quoteIdentifier(storage.nameColumn)}::text AS name, ${quoteIdentifier(storage.ciphertextColumn)} AS v FROM ${quoteQualified(storage.table)} WHERE ${quoteIdentifier(storage.ownerColumn)} = $1${live(storage)}`,
    [owner],
  );
  return new Map(rows.flatMap((r) => (r.v === null ? [] : [[r.name, r.v] as const])));
}

/** Overwrites the stored ciphertext (or another column of the record) of one secret behind the store's back. */
export async function writeStored(
  ctx: ConformanceContext,
  storage: StorageDescription,
  owner: string,
  name: string,
  value: StoredValue,
  column = storage.ciphertextColumn,
): Promise<void> {
  await ctx.admin.query(
    `UPDATE ${quoteQualified(storage.table)} SET ${quoteIdentifier(column)} = $3 WHERE ${quoteIdentifier(storage.ownerColumn)} = $1 AND ${quoteIdentifier(storage.nameColumn)} = $2${live(storage)}`,
    [owner, name, value],
  );
}

/** The columns the store declares as part of a record: ciphertext, nonce, tag, wrapped key, key version and any other. */
export function recordColumns(storage: StorageDescription): string[] {
  const declared = [
    storage.ciphertextColumn,
    storage.nonceColumn,
    storage.tagColumn,
    storage.wrappedKeyColumn,
    storage.keyVersionColumn,
    ...(storage.otherRecordColumns ?? []),
  ];
  return [...new Set(declared.filter((c): c is string => c !== undefined))];
}

/**
 * Every column a record may span, declared or not: all columns of the table except owner, name,
 * key columns (primary key, unique indexes), identity and generated columns. Swapping these moves
 * a whole record, also a nonce kept in a column the adapter did not declare.
 */
export async function movableColumns(ctx: ConformanceContext, storage: StorageDescription): Promise<string[]> {
  const { rows } = await ctx.admin.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = '' AND a.attgenerated = ''
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND (i.indisprimary OR i.indisunique) AND a.attnum = ANY (i.indkey))
      ORDER BY a.attnum`,
    [quoteQualified(storage.table)],
  );
  const skip = new Set([storage.ownerColumn, storage.nameColumn]);
  return [...new Set([...recordColumns(storage), ...rows.map((r) => r.name).filter((c) => !skip.has(c))])];
}

/** Swaps `columns` between the rows of two secrets, in one statement (run it again to swap back). */
export async function swapColumns(
  ctx: ConformanceContext,
  storage: StorageDescription,
  columns: readonly string[],
  x: readonly [string, string],
  y: readonly [string, string],
): Promise<void> {
  const o = quoteIdentifier(storage.ownerColumn);
  const n = quoteIdentifier(storage.nameColumn);
  await ctx.admin.query(
    `UPDATE ${quoteQualified(storage.table)} AS a SET ${columns.map((c) => `${quoteIdentifier(c)} = b.${quoteIdentifier(c)}`).join(', ')}
       FROM ${quoteQualified(storage.table)} AS b
      WHERE (a.${o}, a.${n}, b.${o}, b.${n}) IN (($1, $2, $3, $4), ($3, $4, $1, $2))`,
    [x[0], x[1], y[0], y[1]],
  );
}

/** How many nonces of a declared nonce column appear more than once under one key version. */
export async function repeatedNonces(
  ctx: ConformanceContext,
  storage: StorageDescription,
  nonceColumn: string,
): Promise<number> {
  const version =
    storage.keyVersionColumn === undefined ? 'NULL' : `${quoteIdentifier(storage.keyVersionColumn)}::text`;
  const { rows } = await ctx.admin.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${quoteQualified(storage.table)} WHERE true${live(storage)} GROUP BY ${version}, ${quoteIdentifier(nonceColumn)} HAVING count(*) > 1) AS r`,
  );
  return rows[0]?.n ?? 0;
}

/** Every stored ciphertext of the table, as bytes (text values as their UTF-8 bytes). */
export async function allStored(ctx: ConformanceContext, storage: StorageDescription): Promise<Buffer[]> {
  const { rows } = await ctx.admin.query<{ v: StoredValue | null }>(
    `SELECT ${quoteIdentifier(storage.ciphertextColumn)} AS v FROM ${quoteQualified(storage.table)} WHERE true${live(storage)}`,
  );
  return rows.flatMap((r) => (r.v === null ? [] : [asBytes(r.v)]));
}

/** Key versions recorded in the key-version column, when the store declares one. */
export async function recordedVersions(
  ctx: ConformanceContext,
  storage: StorageDescription,
): Promise<Map<string, number> | undefined> {
  if (storage.keyVersionColumn === undefined) return undefined;
  const { rows } = await ctx.admin.query<{ version: string | null; count: string }>(
    `SELECT ${quoteIdentifier(storage.keyVersionColumn)}::text AS version, count(*) AS count FROM ${quoteQualified(storage.table)} WHERE true${live(storage)} GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.version ?? 'null', Number(r.count)]));
}

export function asBytes(value: StoredValue): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

/** Text ciphertexts decoded to bytes when they are hex or base64; bytes as they are. */
export function decodedBytes(value: StoredValue): Buffer {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (/^(\\x)?[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0) return Buffer.from(text.replace(/^\\x/, ''), 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return Buffer.from(text, /[-_]/.test(text) ? 'base64url' : 'base64');
  const colon = text.lastIndexOf(':');
  if (colon >= 0) return decodedBytes(text.slice(colon + 1));
  return Buffer.from(text, 'utf8');
}

/** Runs `fn`, returning its value or the error it threw. */
export async function attempt<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Says what a value returned where an error was due is: the stored ciphertext, an empty string,
 * a known secret, not-found, or something else (garbage).
 */
export function describeReturned(
  ctx: ConformanceContext,
  value: unknown,
  known: { stored?: StoredValue; secrets?: readonly string[] },
): string {
  if (value === undefined) return 'reported "not found" instead of an error';
  // The contract says string or undefined; a store that catches and returns null is read as saying "not found".
  if (value === null) return 'returned null ("not found") instead of an error';
  if (typeof value !== 'string') return `returned a ${typeof value} instead of an error`;
  if (value === '') return 'returned an empty string';
  const secret = known.secrets?.find((s) => s === value);
  if (secret !== undefined) return `returned a secret (${ctx.redact(secret)})`;
  if (known.stored !== undefined) {
    const stored = known.stored;
    const forms =
      typeof stored === 'string'
        ? [stored]
        : [stored.toString('utf8'), stored.toString('hex'), stored.toString('base64'), stored.toString('base64url')];
    if (forms.some((f) => f === value || (value.length >= 16 && f.includes(value))))
      return 'returned the stored ciphertext';
  }
  return `returned a wrong value (${value.length} characters)`;
}

/** Describes hits for a failure message, grouped by place and spelling, secrets redacted. */
export function describeHits(
  ctx: ConformanceContext,
  hits: readonly Hit[],
  needles: Needles,
  limit = 6,
  rawBytesAre: readonly [string, string] = ['a former ciphertext', 'former ciphertexts'],
): string[] {
  const groups = new Map<string, Set<number>>();
  for (const hit of hits) {
    const key = `${hit.location} (${hit.encoding})`;
    groups.set(key, (groups.get(key) ?? new Set()).add(hit.needle));
  }
  const lines = [...groups].slice(0, limit).map(([where, found]) => {
    const secrets = [...found].flatMap((n) =>
      needles.secrets[n] === undefined ? [] : [ctx.redact(needles.secrets[n]!)],
    );
    const bytes = found.size - secrets.length;
    const parts: string[] = [];
    if (secrets.length > 0)
      parts.push(
        `${secrets.length} ${secrets.length === 1 ? 'secret' : 'secrets'} (${secrets.slice(0, 3).join(', ')}${secrets.length > 3 ? ', …' : ''})`,
      );
    if (bytes > 0) parts.push(bytes === 1 ? rawBytesAre[0] : `${bytes} ${rawBytesAre[1]}`);
    return `${parts.join(' and ')} in ${where}`;
  });
  if (groups.size > limit) lines.push(`… and ${groups.size - limit} more places`);
  return lines;
}

/** Puts `count` canaries for `owner`, named `<prefix>-<i>`; returns name → canary. */
export async function putCanaries(
  ctx: ConformanceContext,
  store: OpenedStore,
  owner: string,
  count: number,
  prefix = 'secret',
): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const name = `${prefix}-${i}`;
    const canary = ctx.canary();
    await store.adapter.put(owner, name, canary);
    stored.set(name, canary);
  }
  return stored;
}

/** Reads every expected secret back; returns one message per mismatch (redacted). */
export async function verifyAll(
  ctx: ConformanceContext,
  store: OpenedStore,
  expected: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Promise<string[]> {
  const problems: string[] = [];
  // One read at a time: concurrent reads made each store open more connections, and every new
  // server backend costs more CPU (0.3 s per run) than the reads saved in wall time.
  for (const [owner, secrets] of expected) {
    for (const [name, canary] of secrets) {
      const read = await attempt(() => store.adapter.get(owner, name));
      if (!read.ok)
        problems.push(`${owner}/${name} is unreadable: ${(read.error as Error).message ?? String(read.error)}`);
      else if (read.value !== canary)
        problems.push(
          `${owner}/${name} ${describeReturned(ctx, read.value, { secrets: [] })} instead of ${ctx.redact(canary)}`,
        );
    }
  }
  return problems;
}

/** Every column value of `owner`'s rows, by name: bytes as they are, everything else as text. */
export async function readOwnerRows(
  ctx: ConformanceContext,
  storage: StorageDescription,
  owner: string,
): Promise<Map<string, Array<Buffer | string>>> {
  const { rows } = await ctx.admin.query<Record<string, unknown>>(
    `SELECT * FROM ${quoteQualified(storage.table)} WHERE ${quoteIdentifier(storage.ownerColumn)} = $1${live(storage)}`,
    [owner],
  );
  return new Map(
    rows.map((row) => [
      String(row[storage.nameColumn]),
      Object.values(row).flatMap((v) =>
        v === null || v === undefined
          ? []
          : [Buffer.isBuffer(v) ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)],
      ),
    ]),
  );
}

/** Records up to `limit` problems as failures under a heading. */
export function failWith(ctx: ConformanceContext, heading: string, problems: readonly string[], limit = 5): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, limit).join('; ');
  ctx.fail(`${heading}: ${shown}${problems.length > limit ? `; … ${problems.length - limit} more` : ''}`);
}

/**
 * Problems with key versions after a rotation to `version`: from the store's key-version column,
 * and from the record headers when ciphertexts are in the core format.
 */
export async function versionProblems(
  ctx: ConformanceContext,
  storage: StorageDescription,
  version: number,
  keyId: string,
): Promise<string[]> {
  const problems: string[] = [];
  const recorded = await recordedVersions(ctx, storage);
  if (recorded !== undefined) {
    for (const [v, count] of recorded)
      if (v !== String(version)) problems.push(`${count} row(s) still recorded under key version ${v}`);
  }
  const parsed = (await allStored(ctx, storage)).map(
    (bytes) => parseCoreRecord(bytes) ?? parseCoreRecord(bytes.toString('utf8')),
  );
  if (parsed.length > 0 && parsed.every((p) => p !== undefined)) {
    const behind = parsed.filter((p) => p!.keyId !== keyId).length;
    if (behind > 0) problems.push(`${behind} record(s) are still encrypted under an older key (record header)`);
  } else if (recorded === undefined) {
    ctx.note(
      'key versions could not be verified (no key-version column, not the core record format); the old-key removal test still applies',
    );
  }
  return problems;
}

/** Expected secrets, owner → name → secret. */
export type Expected = Map<string, Map<string, string>>;

export function remember(expected: Expected, owner: string, name: string, secret: string): void {
  let secrets = expected.get(owner);
  if (secrets === undefined) expected.set(owner, (secrets = new Map()));
  secrets.set(name, secret);
}

/** Names the store lists that it should not, and names it lost. */
export async function listProblems(store: OpenedStore, expected: Expected): Promise<string[]> {
  const problems: string[] = [];
  for (const [owner, secrets] of expected) {
    const listed = new Set(await store.adapter.list(owner));
    const lost = [...secrets.keys()].filter((n) => !listed.has(n));
    if (lost.length > 0)
      problems.push(`${lost.length} row(s) of ${owner} are missing from list(): ${lost.slice(0, 3).join(', ')}`);
  }
  return problems;
}
