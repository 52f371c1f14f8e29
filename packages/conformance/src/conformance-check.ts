import type { Client } from 'pg';
import type { StoreKeys, StoreAdapter } from './adapter.js';
import type { KeySet } from './keys.js';
import type { LogPosition, PostgresServer, ProviderKind } from './postgres/types.js';
import type { Hit, Needles } from './search/find.js';

/** A directory the leak search reads files from. */
export interface StoreDirectory {
  readonly path: string;
  /** For messages: `the store's working directory`. */
  readonly label: string;
  /**
   * Also below the first level (skipping `node_modules`). A shared directory (not recursive, with
   * `changedSince`) is followed into subdirectories whose entries changed since then.
   */
  readonly recursive: boolean;
  /** Only files modified at or after this time (ms since the epoch): a shared directory. */
  readonly changedSince?: number;
}

/** A store the harness opened for a check, with the pool it handed to the adapter. */
export interface OpenedStore {
  readonly adapter: StoreAdapter;
  /** The `application_name` of this store's connections. */
  readonly applicationName: string;
  /**
   * Runs before each query the adapter sends (awaited, then the query goes out), until set back
   * to undefined. Queries the hook itself causes are not hooked.
   */
  beforeQuery: ((queryNumber: number) => Promise<void>) | undefined;
  /** Queries the adapter has sent since the last `resetQueryCount()`. */
  readonly queryCount: number;
  resetQueryCount(): void;
  /** Tears the adapter down and ends its pool; never throws. */
  close(): Promise<void>;
}

/** What a check gets from the harness: a fresh database, key sets, stores, searches. */
export interface ConformanceContext {
  /** The database created for this check only. */
  readonly database: string;
  readonly server: PostgresServer;
  /** A harness connection to the check's database (its own `application_name`). */
  readonly admin: Client;
  /** Fresh random keys for this check. */
  readonly keys: KeySet;
  /** The run's seed, for fast-check and any other choice. */
  readonly seed: number;
  /**
   * A unique random secret that appears nowhere else: `shc-` and 26 random letters, or `length`
   * (a short PIN-like secret, a long private key) when given.
   */
  canary(length?: number): string;
  /** Opens a store on the check's database with the given keys (factory + `setup()`). */
  openStore(keys: StoreKeys): Promise<OpenedStore>;
  /** Terminates every backend of the store's connections. */
  killConnections(store: OpenedStore): Promise<number>;
  /** Searches every table of the check's database. */
  searchTables(needles: Needles, skipSchemas?: readonly string[]): Promise<Hit[]>;
  /** A position in the server log, to read what was logged from here on. */
  logPosition(): Promise<LogPosition>;
  /** The server log since `since`, or undefined when the provider cannot read it. */
  readLog(since: LogPosition): Promise<string | undefined>;
  /**
   * Everything the store printed since this check began: in its own process, all it wrote to
   * stdout and stderr (waited for); in this process, its `log` and console calls during the check.
   */
  adapterOutput(): Promise<string>;
  /**
   * Directories where a store may leave files: its process's working and temporary directories
   * (whole), and the system temporary directory and the adapter module's directory (files changed
   * since the check began). None when the store runs in this process.
   */
  storeDirectories(): readonly StoreDirectory[];
  /**
   * Ends the store process so that the next `openStore` starts a new one (close the check's stores
   * first): what a store keeps in module scope, such as a nonce counter, starts over as after a
   * deploy. False when the store runs in this process.
   */
  restartStoreProcess(): Promise<boolean>;
  /**
   * Has the store process print `direct` to file descriptor 1 and `stream` through process.stderr
   * (the positive control); false when there is no such process.
   */
  printFromStoreProcess(direct: string, stream: string): Promise<boolean>;
  /** Redacts a secret for messages. */
  redact(secret: string): string;
  /** Records a broken promise; the check fails. Messages must use `redact()` for secrets. */
  fail(message: string): void;
  /** Records an observation that does not fail the check (e.g. "statement log unavailable"). */
  note(message: string): void;
  /**
   * Records why the promise could not be proven (nothing declared to check, a place that could not
   * be read). Without failures the check ends `not-proven`: neither pass nor fail.
   */
  notProven(reason: string): void;
}

/** One conformance check. */
export interface ConformanceCheck {
  /** Stable kebab-case id, used by `--checks` and in reports. */
  readonly id: string;
  /** What the check does, one sentence. */
  readonly description: string;
  /** The promise about the store that passing proves. */
  readonly promise: string;
  /**
   * The check's row in docs/conformance.md (Markdown, generated from here by
   * scripts/conformance-tables.mjs): what it does in full, the promise it proves, and what it
   * cannot see, so a reviewer knows where a pass stops meaning anything.
   */
  readonly docs: { readonly does: string; readonly proves: string; readonly cannotSee: string };
  run(context: ConformanceContext): Promise<void>;
}

/** How a check ended. */
export type ConformanceStatus = 'pass' | 'fail' | 'not-proven';

/** Outcome of one check. */
export interface ConformanceCheckResult {
  readonly id: string;
  readonly description: string;
  readonly promise: string;
  /** `not-proven`: nothing broke, but the check could not prove the promise (see `notes`). */
  readonly status: ConformanceStatus;
  readonly durationMs: number;
  /** Broken promises, redacted. */
  readonly failures: readonly string[];
  readonly notes: readonly string[];
}

/** Outcome of a whole run. */
export interface ConformanceResult {
  /** The adapter module that was checked. */
  readonly adapter: string;
  /** The server used, password masked (the same as `server.description`). */
  readonly provider: string;
  /** Which server was used: started by the harness (`embedded`, `docker`) or given (`url`, masked), and its version. */
  readonly server: { readonly kind: ProviderKind; readonly description: string; readonly postgresVersion: string };
  /** Versions of what produced the result: the harness, the tool that ran it (the CLI), Node. */
  readonly versions: { readonly harness: string; readonly tool?: string; readonly node: string };
  /**
   * Where the store ran: `process` (its own process; all it printed was searched) or `in-process`
   * (a factory function; only its `log` and console calls during checks were heard).
   */
  readonly isolation: 'process' | 'in-process';
  readonly seed: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly checks: readonly ConformanceCheckResult[];
  /** True when no check failed (a `not-proven` check does not fail the run; reports show it apart). */
  readonly passed: boolean;
}
