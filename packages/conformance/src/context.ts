import { randomBytes } from 'node:crypto';
import { format } from 'node:util';
import pg from 'pg';
import type { AdapterFactory, StoreKeys } from './adapter.js';
import { makeCanary, redact } from './canary.js';
import type { CheckContext, ConformanceCheck, OpenedStore } from './check.js';
import { maskUrlsIn } from './postgres/mask.js';
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

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The application_name of the harness's own connections. */
export const harnessApplicationName = 'secret-hygiene-harness';

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

interface StoreState {
  queryCount: number;
  inHook: boolean;
  beforeQuery: ((n: number) => Promise<void>) | undefined;
}

/** Builds the context of one check and cleans up what it opened. */
export class CheckRun implements CheckContext {
  readonly keys = new KeySet();
  readonly failures: string[] = [];
  readonly notes: string[] = [];
  private readonly output: string[] = [];
  private readonly stores: OpenedStore[] = [];
  private storeCount = 0;

  constructor(
    readonly server: PostgresServer,
    readonly database: string,
    readonly admin: pg.Client,
    readonly seed: number,
    private readonly factory: AdapterFactory,
  ) {}

  private readonly canaries: string[] = [];

  canary(): string {
    const canary = makeCanary(this.canaries.length % 5 === 4);
    this.canaries.push(canary);
    return canary;
  }

  /** Replaces every canary of this check in `message` by its redacted form (adapter errors may quote them). */
  private sanitize(message: string): string {
    let out = message;
    for (const canary of this.canaries) if (out.includes(canary)) out = out.split(canary).join(redact(canary));
    return out;
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

  /** Reasons the check could not prove its promise; each is also a note, so every report shows it. */
  readonly unproven: string[] = [];

  notProven(reason: string): void {
    this.unproven.push(this.sanitize(reason));
    this.note(`not proven: ${reason}`);
  }

  /** Adds text an adapter printed. */
  capture(text: string): void {
    this.output.push(text);
  }

  adapterOutput(): string {
    return this.output.join('\n');
  }

  async openStore(keys: StoreKeys): Promise<OpenedStore> {
    this.storeCount++;
    const applicationName = `secret-hygiene-store-${randomBytes(4).toString('hex')}`;
    const connection = { ...this.server.connection(this.database), application_name: applicationName };
    const pool = new pg.Pool({ ...connection, max: 6 });
    const state: StoreState = { queryCount: 0, inHook: false, beforeQuery: undefined };
    // Killed connections raise 'error' on idle clients and on the pool; without listeners Node would crash.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      instrument(client, state);
    });
    const endPool = async (): Promise<void> => {
      await pool.end().catch(() => undefined);
    };
    let adapter;
    try {
      adapter = await this.factory({
        pool,
        connection,
        applicationName,
        keys,
        log: (...args: unknown[]) => this.capture(format(...args)),
      });
      await adapter.setup();
    } catch (error) {
      await endPool();
      throw error;
    }
    const opened: OpenedStore = {
      adapter,
      applicationName,
      get beforeQuery() {
        return state.beforeQuery;
      },
      set beforeQuery(hook) {
        state.beforeQuery = hook;
      },
      get queryCount() {
        return state.queryCount;
      },
      resetQueryCount: () => {
        state.queryCount = 0;
      },
      close: async () => {
        state.beforeQuery = undefined;
        await adapter.teardown().catch(() => undefined);
        await endPool();
      },
    };
    this.stores.push(opened);
    return opened;
  }

  async killConnections(store: OpenedStore): Promise<number> {
    const { rows } = await this.admin.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid, 30000) AS killed FROM pg_stat_activity WHERE application_name = $1`,
      [store.applicationName],
    );
    return rows.filter((r) => r.killed).length;
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
    try {
      await capturingConsole((text) => this.capture(text), () => withTimeout(check.run(this), timeoutMs, `check ${check.id}`));
    } catch (error) {
      this.fail(`unexpected error: ${maskUrlsIn(error instanceof Error ? error.message : String(error))}`);
    } finally {
      await this.closeAll();
    }
  }

  /** Closes every store the check opened. */
  async closeAll(): Promise<void> {
    for (const store of this.stores.splice(0)) await store.close();
  }
}
