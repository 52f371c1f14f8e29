import { randomBytes } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { format } from 'node:util';
import pg from 'pg';
import type {
  AdapterFactory,
  AuditCallback,
  AuditTable,
  StorageDescription,
  StoreAdapter,
  StoreKeys,
} from './adapter.js';
import type { AdapterProcess, OutputPosition } from './adapter-host/host.js';
import { withTimeout } from './adapter-host/timeout.js';
import { makeCanary, redact, Redactor } from './canary.js';
import type { ConformanceContext, ConformanceCheck, OpenedStore, StoreDirectory } from './conformance-check.js';
import { decodedBytes } from './checks/util.js';
import { maskUrlsIn } from './postgres/mask.js';
import { quoteIdentifier, quoteQualified } from './postgres/sql.js';
import { terminateBackends } from './postgres/terminate.js';
import type { KnownCiphertext } from './search/keystream.js';
import { KeySet } from './keys.js';
import type { LogPosition, PostgresServer } from './postgres/types.js';
import { searchDatabase } from './search/database.js';
import type { Hit, Needles } from './search/find.js';

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Sends console output to `sink` while `fn` runs: what an adapter prints is searched, not shown. */
async function capturingConsole<T>(sink: (text: string) => void, fn: () => Promise<T>): Promise<T> {
  const saved = consoleMethods.map((m) => console[m]);
  for (const m of consoleMethods) console[m] = (...args: unknown[]) => sink(format(...args));
  try {
    return await fn();
  } finally {
    consoleMethods.forEach((m, i) => {
      console[m] = saved[i] as (typeof console)[typeof m];
    });
  }
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Wraps `client.query` so a hook can run (and kill connections) before each query.
 * Handles the callback form pg-pool uses and the promise form adapters use.
 */
function instrument(client: pg.PoolClient, store: StoreState): void {
  const original = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (...args: unknown[]): unknown => {
    store.queryCount++;
    const hook = store.beforeQuery;
    if (hook === undefined || store.inHook) return original(...args);
    store.inHook = true;
    const ran = hook(store.queryCount).finally(() => {
      store.inHook = false;
    });
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      ran.then(
        () => original(...args),
        (error: unknown) => (last as (e: unknown) => void)(error),
      );
      return undefined;
    }
    return ran.then(() => original(...args));
  };
}

/**
 * The harness's handle on a store: its query hook and count, and a close that tears the adapter
 * down once and then releases what the harness gave it (`release`, also when teardown fails).
 */
function openedStore(
  adapter: StoreAdapter,
  applicationName: string,
  state: StoreState,
  effects: { hookChanged?: (on: boolean) => void; queryCountReset?: () => void; release: () => Promise<void> },
): OpenedStore {
  return {
    adapter,
    applicationName,
    get beforeQuery() {
      return state.beforeQuery;
    },
    set beforeQuery(hook) {
      state.beforeQuery = hook;
      effects.hookChanged?.(hook !== undefined);
    },
    get queryCount() {
      return state.queryCount;
    },
    resetQueryCount: () => {
      state.queryCount = 0;
      effects.queryCountReset?.();
    },
    close: async () => {
      if (state.closed) return;
      state.closed = true;
      state.beforeQuery = undefined;
      try {
        await adapter.teardown();
      } finally {
        await effects.release();
      }
    },
  };
}

interface StoreState {
  /** Closing twice (a check closes a store, then the harness closes whatever is left) tears down once. */
  closed?: boolean;
  queryCount: number;
  inHook: boolean;
  beforeQuery: ((n: number) => Promise<void>) | undefined;
}

/**
 * Where the store under test runs: in the adapter process (a module path; its output captured at
 * the file-descriptor level) or in this process (a factory function; only `log` and console calls
 * during a check are heard).
 */
export type StoreSource = { readonly process: AdapterProcess } | { readonly factory: AdapterFactory };

/** Settings of one check's run that come from the whole conformance run. */
export interface ConformanceRunOptions {
  /** Time limit of each adapter call (`adapter.teardown() did not finish within 30 s`). */
  readonly callTimeoutMs?: number;
  /** The run's redactor: every canary of every check is added to it. */
  readonly redactor?: Redactor;
}

const rowKey = (owner: string, name: string): string => `${owner}\u0000${name}`;

/** An error the store let escape, as a failure message. */
export const escapedMessage = (kind: string, message: string): string =>
  `the store let an error escape (${kind}): ${message}`;

/** Builds the context of one check and cleans up what it opened. */
export class ConformanceRun implements ConformanceContext {
  readonly keys = new KeySet();
  readonly failures: string[] = [];
  readonly notes: string[] = [];
  /** Reasons the check could not prove its promise; each is also a note, so every report shows it. */
  readonly unproven: string[] = [];
  private readonly output: string[] = [];
  private readonly stores: OpenedStore[] = [];
  private readonly canaries: string[] = [];
  private readonly redactor: Redactor;
  private readonly callTimeoutMs: number;
  private readonly source: StoreSource;
  private readonly outputStart: OutputPosition | undefined;
  /** When this run began (ms since the epoch). */
  private readonly startedAt = Date.now();
  /** The check this run executes (set by `execute`). */
  private checkId = '';
  /** The last secret written to each row (owner, name), to pair stored records with their plaintext. */
  private readonly written = new Map<string, string>();
  /** Where the last store opened keeps its records. */
  private storage: StorageDescription | undefined;
  /** Hooks of this check's stores in the adapter process, by store number. */
  private readonly hooks = new Map<number, StoreState>();

  constructor(
    readonly server: PostgresServer,
    readonly database: string,
    readonly admin: pg.Client,
    readonly seed: number,
    source: AdapterFactory | StoreSource,
    options: ConformanceRunOptions = {},
  ) {
    this.source = typeof source === 'function' ? { factory: source } : source;
    this.redactor = options.redactor ?? new Redactor();
    this.callTimeoutMs = options.callTimeoutMs ?? 60_000;
    if ('process' in this.source) {
      this.outputStart = this.source.process.position();
      this.source.process.onQuery = async (store, queryNumber) => {
        const state = this.hooks.get(store);
        if (state?.beforeQuery !== undefined) await state.beforeQuery(queryNumber);
      };
    }
  }

  canary(length?: number): string {
    const canary = makeCanary(length === undefined && this.canaries.length % 5 === 4, length);
    this.canaries.push(canary);
    this.redactor.add(canary);
    return canary;
  }

  /** The canaries this check made. */
  canariesMade(): readonly string[] {
    return this.canaries;
  }

  /** Redacts every canary of the run from `message`, in every spelling the leak search knows (adapter errors may echo them). */
  private sanitize(message: string): string {
    return this.redactor.apply(message);
  }

  redact(secret: string): string {
    return redact(secret);
  }

  fail(message: string): void {
    this.failures.push(this.sanitize(message));
  }

  note(message: string): void {
    const clean = this.sanitize(message);
    if (!this.notes.includes(clean)) this.notes.push(clean);
  }

  notProven(reason: string): void {
    this.unproven.push(this.sanitize(reason));
    this.note(`not proven: ${reason}`);
  }

  /** Records an error the store let escape while this check ran. */
  escaped(kind: string, message: string): void {
    this.fail(escapedMessage(kind, message));
  }

  /** Adds text an adapter printed. */
  capture(text: string): void {
    this.output.push(text);
  }

  async adapterOutput(): Promise<string> {
    if (!('process' in this.source)) return this.output.join('\n');
    await this.source.process.flush();
    return [...this.output, this.source.process.output(this.outputStart)].join('\n');
  }

  /** Where the store process works and keeps temporary files, when it runs in its own process. */
  storeDirectories(): readonly StoreDirectory[] {
    if (!('process' in this.source)) return [];
    const host = this.source.process;
    // File times have a coarser clock on some file systems: a second of slack.
    const changedSince = this.startedAt - 1_000;
    const shared = [
      ...[...new Set([tmpdir(), '/tmp', '/var/tmp'])].map((path) => ({
        path,
        label: 'the system temporary directory',
      })),
      // A cache under ~/.cache/<app> is as common as one in /tmp; /dev/shm is the "memory only" one.
      { path: homedir(), label: 'the home directory' },
      { path: '/dev/shm', label: 'the shared memory directory' },
    ].map((place) => ({ ...place, recursive: false, changedSince }));
    return [
      { path: host.workDir, label: "the store's working directory", recursive: true },
      { path: host.tempDir, label: "the store's temporary directory", recursive: true },
      ...shared,
      ...(host.moduleDir === undefined
        ? []
        : [{ path: host.moduleDir, label: "the adapter module's directory", recursive: true, changedSince }]),
    ];
  }

  async restartStoreProcess(): Promise<boolean> {
    if (!('process' in this.source)) return false;
    // The next open starts the process again; what the old one printed stays in the output.
    await this.source.process.finish(500);
    return true;
  }

  async printFromStoreProcess(direct: string, stream: string): Promise<boolean> {
    return 'process' in this.source ? this.source.process.print(direct, stream) : false;
  }

  async openStore(keys: StoreKeys): Promise<OpenedStore> {
    const applicationName = `secret-hygiene-store-${randomBytes(4).toString('hex')}`;
    const connection = { ...this.server.connection(this.database), application_name: applicationName };
    const state: StoreState = { queryCount: 0, inHook: false, beforeQuery: undefined };
    const opened =
      'process' in this.source
        ? await this.openInProcess(this.source.process, connection, applicationName, keys, state)
        : await this.openHere(this.source.factory, connection, applicationName, keys, state);
    this.stores.push(opened);
    this.storage = opened.adapter.storage;
    return opened;
  }

  /** A store in the adapter process: every method is a call over IPC, with a time limit that names it. */
  private async openInProcess(
    host: AdapterProcess,
    connection: pg.ClientConfig,
    applicationName: string,
    keys: StoreKeys,
    state: StoreState,
  ): Promise<OpenedStore> {
    const { store, storage, audit } = await host.open(connection, applicationName, keys);
    this.hooks.set(store, state);
    const call = async (method: string, args: unknown[]): Promise<unknown> => {
      const { value, queryCount } = await host.call(store, method, args);
      state.queryCount = queryCount;
      return value;
    };
    const adapter: StoreAdapter = {
      storage,
      ...(audit === undefined
        ? {}
        : {
            audit:
              'events' in audit
                ? {
                    ...audit,
                    events: async () =>
                      (await call('audit.events', [])) as Awaited<ReturnType<AuditCallback['events']>>,
                  }
                : audit,
          }),
      setup: async () => void (await call('setup', [])),
      put: async (owner, name, secret) => {
        await call('put', [owner, name, secret]);
        this.written.set(rowKey(owner, name), secret);
      },
      get: async (owner, name) => (await call('get', [owner, name])) as string | undefined,
      list: async (owner) => (await call('list', [owner])) as string[],
      delete: async (owner, name) => void (await call('delete', [owner, name])),
      rotate: async (version) => void (await call('rotate', [version])),
      teardown: async () => void (await call('teardown', [])),
    };
    return openedStore(adapter, applicationName, state, {
      hookChanged: (on) => void host.setHook(store, on).catch(() => undefined),
      queryCountReset: () => void host.resetQueryCount(store).catch(() => undefined),
      release: async () => {
        this.hooks.delete(store);
        await host.endPool(store);
      },
    });
  }

  /** A store built by a factory in this process, behind the same time limits. */
  private async openHere(
    factory: AdapterFactory,
    connection: pg.ClientConfig,
    applicationName: string,
    keys: StoreKeys,
    state: StoreState,
  ): Promise<OpenedStore> {
    const pool = new pg.Pool({ ...connection, max: 6 });
    // Killed connections raise 'error' on idle clients and on the pool; without listeners Node would crash.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      instrument(client, state);
    });
    const endPool = async (): Promise<void> => {
      await pool.end().catch(() => undefined);
    };
    let inner: StoreAdapter;
    try {
      const log = (...args: unknown[]): void => this.capture(format(...args));
      inner = await withTimeout(
        Promise.resolve(factory({ pool, connection, applicationName, keys, log })),
        this.callTimeoutMs,
        'the adapter factory',
      );
      await withTimeout(inner.setup(), this.callTimeoutMs, 'adapter.setup()');
    } catch (error) {
      await endPool();
      throw error;
    }
    const timed =
      <A extends unknown[], R>(method: string, fn: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> =>
        withTimeout(fn.apply(inner, args), this.callTimeoutMs, `adapter.${method}()`);
    const adapter: StoreAdapter = {
      get storage(): StorageDescription {
        return inner.storage;
      },
      get audit(): AuditTable | AuditCallback | undefined {
        return inner.audit;
      },
      setup: timed('setup', inner.setup),
      put: async (owner, name, secret) => {
        await timed('put', inner.put)(owner, name, secret);
        this.written.set(rowKey(owner, name), secret);
      },
      get: timed('get', inner.get),
      list: timed('list', inner.list),
      delete: timed('delete', inner.delete),
      rotate: timed('rotate', inner.rotate),
      teardown: timed('teardown', inner.teardown),
    };
    return openedStore(adapter, applicationName, state, { release: endPool });
  }

  /**
   * Every record in the store's table whose plaintext the harness knows (the last value written to
   * its row), for the keystream comparison across the whole run. Call before the database is dropped.
   */
  async knownRecords(): Promise<KnownCiphertext[]> {
    const storage = this.storage;
    if (storage === undefined || this.written.size === 0) return [];
    try {
      const { rows } = await this.admin.query<{ owner: string; name: string; v: Buffer | string | null }>(
        `SELECT ${quoteIdentifier(storage.ownerColumn)}::text AS owner, ${quoteIdentifier(storage.nameColumn)}::text AS name, ${quoteIdentifier(storage.ciphertextColumn)} AS v FROM ${quoteQualified(storage.table)}`,
      );
      return rows.flatMap((row) => {
        const plaintext = this.written.get(rowKey(row.owner, row.name));
        return plaintext === undefined || row.v === null
          ? []
          : [{ plaintext, bytes: decodedBytes(row.v), label: this.checkId }];
      });
    } catch {
      return [];
    }
  }

  killConnections(store: OpenedStore): Promise<number> {
    return terminateBackends(this.admin, store.applicationName);
  }

  searchTables(needles: Needles, skipSchemas: readonly string[] = []): Promise<Hit[]> {
    return searchDatabase(this.admin, needles, { skipSchemas });
  }

  logPosition(): Promise<LogPosition> {
    return this.server.log.position();
  }

  async readLog(since: LogPosition): Promise<string | undefined> {
    if (!this.server.log.available) return undefined;
    return this.server.log.readSince(since, async (marker) => {
      await this.admin.query(`SELECT '${marker}'`);
    });
  }

  /**
   * Runs a check with the console captured (adapters that print are searched, never shown) and a
   * time limit; an unexpected error becomes a failure. Closes every store it opened.
   */
  async execute(check: ConformanceCheck, timeoutMs = 90_000): Promise<void> {
    this.checkId = check.id;
    try {
      await capturingConsole(
        (text) => this.capture(text),
        () => withTimeout(check.run(this), timeoutMs, `check ${check.id}`),
      );
    } catch (error) {
      this.fail(`unexpected error: ${maskUrlsIn(error instanceof Error ? error.message : String(error))}`);
    } finally {
      await this.closeAll();
    }
  }

  /** Closes every store the check opened; a teardown that throws or hangs is a failure of the check. */
  async closeAll(): Promise<void> {
    for (const store of this.stores.splice(0)) {
      await store
        .close()
        .catch((error: unknown) =>
          this.fail(`closing a store: ${maskUrlsIn(error instanceof Error ? error.message : String(error))}`),
        );
    }
  }
}
