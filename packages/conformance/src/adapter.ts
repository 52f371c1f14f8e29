import type { ClientConfig, Pool } from 'pg';

/**
 * Key material the harness hands to a store, neutral so that stores not built on
 * `@secret-hygiene/crypto` can use it too: 32 random bytes per key version.
 */
export interface StoreKeys {
  /** The version new writes must use. */
  readonly current: number;
  /** Every key the store may use, by version. A version missing here must not be readable. */
  readonly versions: readonly StoreKey[];
}

/** One key version. */
export interface StoreKey {
  readonly version: number;
  /**
   * Key id for stores built on `@secret-hygiene/crypto` (`k<version>`): the core writes it into
   * every record header, which lets the harness check key versions and nonces in the ciphertext.
   */
  readonly id: string;
  /** 32 random bytes. */
  readonly key: Uint8Array;
}

/** Where a store keeps its ciphertexts, so the harness can tamper with and inspect them. */
export interface StorageDescription {
  /** Table name, optionally schema-qualified (`public.secrets`). */
  readonly table: string;
  readonly ownerColumn: string;
  readonly nameColumn: string;
  /** The column holding the ciphertext (`bytea` or `text`). */
  readonly ciphertextColumn: string;
  /** The column recording which key version encrypted the row, when there is one. */
  readonly keyVersionColumn?: string;
  /**
   * The other columns that belong to a record, when they are not inside the ciphertext column: the
   * harness tampers with each one and moves them all when it swaps records between rows. (It also
   * moves every other column that is not a key, so a column left out here is still swapped.)
   */
  /** The nonce (IV) of the record. */
  readonly nonceColumn?: string;
  /** The authentication tag. */
  readonly tagColumn?: string;
  /** The wrapped data key of an envelope record. */
  readonly wrappedKeyColumn?: string;
  /** Any other part of a record (a salt, an algorithm id, a second layer's nonce). */
  readonly otherRecordColumns?: readonly string[];
  /**
   * Extra rows a query on `table` must skip, as an SQL condition (`deleted_at IS NULL` for a
   * store that keeps tombstones); rarely needed.
   */
  readonly liveRowCondition?: string;
}

/** One audit event as a store reports it through {@link AuditCallback}. */
export interface AuditEvent {
  /** Who acted: under the harness, the store instance's `applicationName`. */
  readonly actor: string;
  /** `create`, `update`, `delete` or `reveal` (or the store's own words, see `actions`). */
  readonly action: string;
  /** What was acted on: must name the owner and the secret's name. */
  readonly target: string;
  /** Every other field the event carries (details, request data): searched for secrets. */
  readonly [field: string]: unknown;
}

/** The words a store writes for each audited operation, when they are not the default ones. */
export interface AuditActions {
  readonly create?: string;
  readonly update?: string;
  readonly delete?: string;
  readonly reveal?: string;
}

/** An audit trail kept in a table of the store's database. */
export interface AuditTable {
  /** Table name, optionally schema-qualified (`audit.secret_events`). */
  readonly table: string;
  readonly actorColumn: string;
  readonly actionColumn: string;
  /** The column(s) naming the target; together their text must name the owner and the secret. */
  readonly targetColumns: readonly string[];
  /** When the event happened, if the table records it (checked to be set). */
  readonly timeColumn?: string;
  /**
   * The database role the application connects as in production. The harness proves that it
   * cannot `UPDATE`, `DELETE` or `TRUNCATE` audit rows (and does not own the table). Omitted: the
   * role of the store's own connections, which under the harness is a superuser.
   */
  readonly applicationRole?: string;
  readonly actions?: AuditActions;
}

/** An audit trail kept outside the database (a log service, a file): the store returns its events. */
export interface AuditCallback {
  /** Every event this store instance recorded since it was opened, oldest first (the harness merges instances). */
  events(): Promise<readonly AuditEvent[]>;
  readonly actions?: AuditActions;
}

/**
 * The contract a credential store implements to be checked. Every method may be called
 * concurrently with `rotate`. Errors are thrown, never returned as values.
 */
export interface StoreAdapter {
  /** Where the ciphertexts live. */
  readonly storage: StorageDescription;
  /**
   * Where the store records who created, updated, deleted and revealed which secret; a store that
   * declares none is reported `not-proven` by the `audit-trail` check.
   */
  readonly audit?: AuditTable | AuditCallback;
  /** Creates tables if they do not exist. Called on every open, also on a database that already has data. */
  setup(): Promise<void>;
  /** Stores (inserts or replaces) the secret `name` of `owner`. */
  put(owner: string, name: string, secret: string): Promise<void>;
  /**
   * The secret, or `undefined` when there is none.
   * @throws when the stored value cannot be decrypted and authenticated with the keys given.
   */
  get(owner: string, name: string): Promise<string | undefined>;
  /** The names of `owner`'s secrets, in any order. */
  list(owner: string): Promise<string[]>;
  /** Removes the secret for good (no trace of its plaintext or ciphertext may remain). */
  delete(owner: string, name: string): Promise<void>;
  /**
   * Re-encrypts every row under `toKeyVersion` and makes it the version for new writes. Must be
   * safe to call again after it was interrupted (connections killed) and must not lose writes
   * made while it runs.
   */
  rotate(toKeyVersion: number): Promise<void>;
  /** Releases what the adapter holds (not the data). The harness ends the pool afterwards. */
  teardown(): Promise<void>;
}

/** What the harness gives an adapter factory. */
export interface AdapterContext {
  /** A pool owned by the harness; its connections carry `applicationName`, so the harness can kill them. */
  readonly pool: Pool;
  /** The same connection settings, for adapters that open their own connections (keep `application_name`). */
  readonly connection: ClientConfig;
  /** The `application_name` the harness set on every connection of this adapter. */
  readonly applicationName: string;
  /** The keys this store instance may use. */
  readonly keys: StoreKeys;
  /** Everything an adapter "prints" goes here: it is captured and searched for leaked secrets. */
  readonly log: (...args: unknown[]) => void;
}

/** What an adapter module exports (as `default` or `createAdapter`). */
export type AdapterFactory = (context: AdapterContext) => StoreAdapter | Promise<StoreAdapter>;
