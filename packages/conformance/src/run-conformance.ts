import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import type pg from 'pg';
import type { AdapterFactory } from './adapter.js';
import { catchEscapedErrors } from './adapter-host/escapes.js';
import { AdapterProcess, type EscapedError } from './adapter-host/host.js';
import { Redactor } from './canary.js';
import { conformanceChecks } from './checks/index.js';
import type { ConformanceCheckResult, ConformanceCheck, ConformanceResult } from './conformance-check.js';
import { ConformanceRun, type StoreSource } from './conformance-run.js';
import { resolveAdapter } from './load.js';
import { CheckDatabases } from './postgres/check-databases.js';
import { registerCleanup, wasInterrupted } from './postgres/cleanup.js';
import { openServer, type ProviderRequest } from './postgres/select.js';
import { SetupError, type PostgresServer } from './postgres/types.js';
import { Needles } from './search/find.js';
import { findKeystreamReuse, type KnownCiphertext } from './search/keystream.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions extends ProviderRequest {
  /**
   * The adapter: a module path, a package directory, or a package name (run in a process of its
   * own, whose output is searched), or the factory itself (run in this process).
   */
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
  /** Time limit per adapter call (`adapter.teardown() did not finish within 30 s`); 30 s by default. */
  callTimeoutMs?: number;
  /** The tool that runs the harness, for the report (the CLI passes `secret-hygiene <version>`). */
  tool?: string;
}

/** Resolves the requested check ids. @throws {SetupError} on an unknown id. */
export function selectChecks(ids: readonly string[] | undefined): ConformanceCheck[] {
  if (ids === undefined || ids.length === 0) return [...conformanceChecks];
  const known = new Map(conformanceChecks.map((c) => [c.id, c]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new SetupError(`unknown check id(s): ${unknown.join(', ')}; known: ${[...known.keys()].join(', ')}`);
  }
  return conformanceChecks.filter((c) => ids.includes(c.id));
}

/** This package's version, for reports. */
export const harnessVersion: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;

/** The check that owns "nothing in what the store prints": whole-run output hits are reported there. */
const outputCheckId = 'no-plaintext-at-rest';

/**
 * Runs the conformance checks against an adapter on a real PostgreSQL server and returns the
 * result (never throws for failing checks).
 * @throws {SetupError} when the adapter cannot be loaded, a check id is unknown or no server is usable.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceResult> {
  const started = Date.now();
  // After Ctrl-C the process says one line and exits: a check failing as its server stops is not news.
  const progress = (line: string): void => {
    if (!wasInterrupted()) options.onProgress?.(line);
  };
  const checks = selectChecks(options.checks);
  const seed = options.seed ?? randomInt(0, 2 ** 31 - 1);
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const adapterName = typeof options.adapter === 'function' ? options.adapter.name || '(factory)' : options.adapter;
  const handleSignals = options.handleSignals ?? false;

  // The store process starts while the server does; a module path that cannot exist fails first.
  const target = typeof options.adapter === 'function' ? undefined : resolveAdapter(options.adapter);
  const starting =
    target === undefined ? Promise.resolve(undefined) : AdapterProcess.start(target, adapterName, callTimeoutMs);
  starting.catch(() => undefined);
  let host: AdapterProcess | undefined;
  let stopHost = async (): Promise<void> => {
    // Not started yet when the server failed: stop it once it is.
    await starting.then(
      (started) => started?.stop(),
      () => undefined,
    );
  };
  const redactor = new Redactor();
  const runs: Array<{ check: ConformanceCheck; run: ConformanceRun; durationMs: number }> = [];
  /** Every record of the run whose plaintext is known, for the keystream comparison across checks. */
  const records: KnownCiphertext[] = [];
  let current: ConformanceRun | undefined;

  // An error the store lets escape fails the check that is running (or, between checks, the last one).
  const escaped = ({ kind, message }: EscapedError): void => (current ?? runs.at(-1)?.run)?.escaped(kind, message);
  // A store in this process: its escaped errors reach this process's handlers, for the whole run.
  const stopCatching = target === undefined ? catchEscapedErrors(escaped) : () => undefined;

  const ownServer = options.server === undefined;
  let server: PostgresServer | undefined;
  let databases: CheckDatabases | undefined;
  let nextAdmin: Promise<pg.Client> | undefined;
  try {
    if (ownServer)
      progress(`starting PostgreSQL (${options.databaseUrl !== undefined ? 'url' : (options.db ?? 'embedded')})`);
    server = options.server ?? (await openServer({ ...options, handleSignals }));
    databases = await CheckDatabases.open(
      server,
      checks.map((c) => c.id),
      !ownServer,
    );
    // The first check's database is made while the store process may still be starting.
    if (checks.length > 0) {
      nextAdmin = databases.connect(0);
      nextAdmin.catch(() => undefined);
    }
    host = await starting;
    if (host !== undefined) {
      const started = host;
      stopHost = registerCleanup(() => started.stop(), handleSignals);
      started.onEscaped = escaped;
    }
    const source: StoreSource = host === undefined ? { factory: options.adapter as AdapterFactory } : { process: host };
    progress(`using ${server.description} (PostgreSQL ${databases.postgresVersion})`);
    // Each next check's database is made, and the harness's connection to it opened, while a check
    // runs; dropping it afterwards overlaps the next check too (databases.close() waits).
    for (const [index, check] of checks.entries()) {
      const checkAdmin = await (nextAdmin ?? databases.connect(index));
      nextAdmin = index + 1 < checks.length ? databases.connect(index + 1) : undefined;
      nextAdmin?.catch(() => undefined);
      const run = new ConformanceRun(server, databases.name(index), checkAdmin, seed, source, {
        callTimeoutMs,
        redactor,
      });
      current = run;
      const t0 = Date.now();
      try {
        await run.execute(check, options.checkTimeoutMs ?? 90_000);
        records.push(...(await run.knownRecords()));
      } finally {
        current = undefined;
        void databases.drop(index, checkAdmin);
      }
      runs.push({ check, run, durationMs: Date.now() - t0 });
      progress(
        `${statusOf(run) === 'pass' ? 'pass' : statusOf(run) === 'fail' ? 'FAIL' : 'not proven'} ${check.id} (${Date.now() - t0} ms)`,
      );
    }
    reportKeystreamReuse(records, runs);
    if (host !== undefined) {
      await host.finish();
      searchWholeOutput(host.output(), runs);
    }
  } finally {
    stopCatching();
    await nextAdmin?.then((client) => client.end()).catch(() => undefined);
    await stopHost();
    await databases?.close();
    if (ownServer) await server?.stop();
  }
  const results: ConformanceCheckResult[] = runs.map(({ check, run, durationMs }) => ({
    id: check.id,
    description: check.description,
    promise: check.promise,
    status: statusOf(run),
    durationMs,
    // Canaries made by later checks are redacted too (a store may echo any secret it was given).
    failures: run.failures.map((f) => redactor.apply(f)),
    notes: run.notes.map((n) => redactor.apply(n)),
  }));
  return {
    adapter: adapterName,
    provider: server!.description,
    server: { kind: server!.kind, description: server!.description, postgresVersion: databases!.postgresVersion },
    versions: {
      harness: harnessVersion,
      ...(options.tool === undefined ? {} : { tool: options.tool }),
      node: process.version,
    },
    isolation: host === undefined ? 'in-process' : 'process',
    seed,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    checks: results,
    // A check that could not prove its promise does not fail the run; every report shows it apart.
    passed: results.every((r) => r.status !== 'fail'),
  };
}

function statusOf(run: ConformanceRun): ConformanceCheckResult['status'] {
  return run.failures.length > 0 ? 'fail' : run.unproven.length > 0 ? 'not-proven' : 'pass';
}

/**
 * Searches everything the store process printed during the whole run, until its teardown finished,
 * for every canary of the run: output deferred past a check (a timer, a logger's buffer) is found
 * here. Hits fail `no-plaintext-at-rest` when it ran; otherwise they are a note on the check that
 * made the canary (a check fails only for its own promise).
 */
function searchWholeOutput(
  output: string,
  runs: ReadonlyArray<{ check: ConformanceCheck; run: ConformanceRun }>,
): void {
  // The positive control prints its canaries on purpose.
  const owners = runs
    .filter(({ check }) => check.id !== 'positive-control')
    .flatMap(({ run }) => run.canariesMade().map((canary) => ({ canary, run })));
  if (owners.length === 0 || output === '') return;
  const needles = new Needles(owners.map((o) => o.canary));
  const hits = needles.search(output, 'store output');
  const target = runs.find((r) => r.check.id === outputCheckId)?.run;
  const found = new Map<ConformanceRun, string[]>();
  for (const hit of hits) {
    const owner = owners[hit.needle]!;
    const run = target ?? owner.run;
    found.set(run, [...(found.get(run) ?? []), `${owner.run.redact(owner.canary)} (${hit.encoding})`]);
  }
  for (const [run, secrets] of found) {
    if (run.failures.some((f) => f.includes('adapter output'))) continue;
    const unique = [...new Set(secrets)];
    const message = `the store printed ${unique.length === 1 ? 'a secret' : `${unique.length} secrets`} to its stdout or stderr (found by the search of all it printed until teardown finished): ${unique.slice(0, 3).join(', ')}${unique.length > 3 ? ', …' : ''}`;
    // Each check fails only for its own promise: without the check that owns this one, it is a note.
    if (target !== undefined) run.fail(message);
    else run.note(`${message}; run ${outputCheckId} to fail on it`);
  }
}

/** The check that owns "fresh nonces": keystream reuse seen across the run is reported there. */
const nonceCheckId = 'fresh-nonces';

/**
 * Compares every record the run left in any check's table (with the plaintext last written to its
 * row) for a shared keystream. Reuse fails `fresh-nonces` when it ran; otherwise it is a note on the
 * check whose record repeated a keystream.
 */
function reportKeystreamReuse(
  records: readonly KnownCiphertext[],
  runs: ReadonlyArray<{ check: ConformanceCheck; run: ConformanceRun }>,
): void {
  const reused = findKeystreamReuse(records);
  if (reused.length === 0) return;
  const target = runs.find((r) => r.check.id === nonceCheckId)?.run;
  const byRun = new Map<ConformanceRun, Set<string>>();
  for (const { first, second } of reused) {
    const run = target ?? runs.find((r) => r.check.id === second.label)?.run;
    if (run === undefined) continue;
    byRun.set(
      run,
      (byRun.get(run) ?? new Set()).add(
        first.label === second.label ? first.label : `${first.label} and ${second.label}`,
      ),
    );
  }
  for (const [run, places] of byRun) {
    if (run.failures.some((f) => f.includes('same keystream'))) continue;
    const message = `${reused.length} pair(s) of different secrets stored during the run share the same keystream (a nonce repeats under one key), in the records of ${[...places].slice(0, 4).join('; ')}`;
    if (target !== undefined) run.fail(message);
    else run.note(`${message}; run ${nonceCheckId} to fail on it`);
  }
}
