import { randomBytes, randomInt } from 'node:crypto';
import pg from 'pg';
import type { AdapterFactory } from './adapter.js';
import { allChecks } from './checks/index.js';
import type { CheckResult, ConformanceCheck, ConformanceResult } from './check.js';
import { CheckRun, harnessApplicationName } from './context.js';
import { loadAdapter } from './load.js';
import { maskUrlsIn } from './postgres/mask.js';
import { openServer, type ProviderRequest } from './postgres/select.js';
import { SetupError, type PostgresServer } from './postgres/types.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions extends ProviderRequest {
  /** Path of the adapter module (or a package name), or the factory itself. */
  adapter: string | AdapterFactory;
  /** Ids of the checks to run; all when omitted. */
  checks?: readonly string[];
  /** Seed for fast-check and other random choices; random (and reported) when omitted. */
  seed?: number;
  /** Progress lines (the CLI writes them to stderr). */
  onProgress?: (line: string) => void;
  /**
   * A server to use instead of starting one (tests share one server per file). It is not stopped,
   * and the template database made on it is kept for the next run on the same server object.
   */
  server?: PostgresServer;
  /** Time limit per check; 90 s by default. */
  checkTimeoutMs?: number;
}

/** Resolves the requested check ids. @throws {SetupError} on an unknown id. */
export function selectChecks(ids: readonly string[] | undefined): ConformanceCheck[] {
  if (ids === undefined || ids.length === 0) return [...allChecks];
  const known = new Map(allChecks.map((c) => [c.id, c]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new SetupError(`unknown check id(s): ${unknown.join(', ')}; known: ${[...known.keys()].join(', ')}`);
  }
  return allChecks.filter((c) => ids.includes(c.id));
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** Template databases kept on servers the caller shares between runs (tests): made once per server. */
const sharedTemplates = new WeakMap<PostgresServer, string>();

/**
 * Runs the conformance checks against an adapter on a real PostgreSQL server and returns the
 * result (never throws for failing checks).
 * @throws {SetupError} when the adapter cannot be loaded, a check id is unknown or no server is usable.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceResult> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const checks = selectChecks(options.checks);
  const factory = typeof options.adapter === 'function' ? options.adapter : await loadAdapter(options.adapter);
  const adapterName = typeof options.adapter === 'function' ? options.adapter.name || '(factory)' : options.adapter;
  const seed = options.seed ?? randomInt(0, 2 ** 31 - 1);

  const ownServer = options.server === undefined;
  if (ownServer) progress(`starting PostgreSQL (${options.databaseUrl !== undefined ? 'url' : (options.db ?? 'embedded')})`);
  const server = options.server ?? (await openServer({ ...options, handleSignals: options.handleSignals ?? false }));
  const admin = new pg.Client({ ...server.connection(), application_name: harnessApplicationName });
  const runId = randomBytes(4).toString('hex');
  // On a server the harness started, template1 itself gets pg_stat_statements; on someone else's
  // server a template database of our own is made (and dropped) instead.
  const ownTemplate = server.kind === 'url';
  const shared = ownServer ? undefined : sharedTemplates.get(server);
  const template = shared ?? (ownTemplate ? `sh_tpl_${runId}` : 'template1');
  const results: CheckResult[] = [];
  let cleanupCreator = async (): Promise<void> => undefined;
  try {
    try {
      await admin.connect();
    } catch (error) {
      throw new SetupError(maskUrlsIn(`could not connect to ${server.description}: ${(error as Error).message}`));
    }
    progress(`using ${server.description}`);
    if (shared === undefined) {
      if (ownTemplate) await admin.query(`CREATE DATABASE ${quote(template)}`);
      const tplClient = new pg.Client({ ...server.connection(template), application_name: harnessApplicationName });
      await tplClient.connect();
      await tplClient.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => undefined);
      await tplClient.end();
      if (!ownServer) sharedTemplates.set(server, template);
    }
    // FILE_COPY (PostgreSQL 15+) copies the small template faster than the default WAL_LOG.
    // The next check's database is created while the current check runs, on a second connection.
    let strategy = ' STRATEGY FILE_COPY';
    const names = checks.map((check, index) => `sh_${runId}_${index}_${check.id.replace(/-/g, '_')}`.slice(0, 63));
    const creator = new pg.Client({ ...server.connection(), application_name: harnessApplicationName });
    await creator.connect();
    const create = async (database: string): Promise<void> => {
      try {
        await creator.query(`CREATE DATABASE ${quote(database)} TEMPLATE ${quote(template)}${strategy}`);
      } catch (error) {
        if (strategy === '') throw error;
        strategy = '';
        await creator.query(`CREATE DATABASE ${quote(database)} TEMPLATE ${quote(template)}`);
      }
    };
    const created = new Map<number, Promise<void>>();
    const prepare = (index: number): Promise<void> | undefined => {
      const name = names[index];
      if (name === undefined) return undefined;
      let pending = created.get(index);
      if (pending === undefined) {
        pending = create(name);
        pending.catch(() => undefined);
        created.set(index, pending);
      }
      return pending;
    };
    cleanupCreator = async () => {
      await Promise.allSettled(created.values());
      // Databases prepared for checks that never ran (an error stopped the run).
      for (const index of created.keys()) {
        if (index >= results.length) await creator.query(`DROP DATABASE IF EXISTS ${quote(names[index]!)} WITH (FORCE)`).catch(() => undefined);
      }
      await creator.end().catch(() => undefined);
    };

    for (const [index, check] of checks.entries()) {
      const database = names[index]!;
      await prepare(index);
      void prepare(index + 1);
      const checkAdmin = new pg.Client({ ...server.connection(database), application_name: harnessApplicationName });
      await checkAdmin.connect();
      checkAdmin.on('error', () => undefined);
      const run = new CheckRun(server, database, checkAdmin, seed, factory);
      const t0 = Date.now();
      try {
        await run.execute(check, options.checkTimeoutMs ?? 90_000);
      } finally {
        await run.closeAll();
        await checkAdmin.end().catch(() => undefined);
        await admin.query(`DROP DATABASE IF EXISTS ${quote(database)} WITH (FORCE)`).catch(() => undefined);
      }
      const result: CheckResult = {
        id: check.id,
        description: check.description,
        promise: check.promise,
        status: run.failures.length > 0 ? 'fail' : run.unproven.length > 0 ? 'not-proven' : 'pass',
        durationMs: Date.now() - t0,
        failures: run.failures,
        notes: run.notes,
      };
      results.push(result);
      progress(`${{ pass: 'pass', fail: 'FAIL', 'not-proven': 'not proven' }[result.status]} ${check.id} (${result.durationMs} ms)`);
    }
  } finally {
    await cleanupCreator();
    if (ownServer && ownTemplate) await admin.query(`DROP DATABASE IF EXISTS ${quote(template)} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    if (ownServer) await server.stop();
  }
  return {
    adapter: adapterName,
    provider: server.description,
    seed,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    checks: results,
    // A check that could not prove its promise does not fail the run; every report shows it apart.
    passed: results.every((r) => r.status !== 'fail'),
  };
}
