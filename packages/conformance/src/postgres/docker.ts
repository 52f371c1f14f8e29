import { randomBytes } from 'node:crypto';
import { registerCleanup } from './cleanup.js';
import { MemoryLog } from './log.js';
import { SetupError, type PostgresServer } from './types.js';

/** Options for {@link startDocker}. */
export interface DockerOptions {
  /** Image to run; `postgres:17-alpine` by default. */
  image?: string;
  logStatements?: boolean;
  handleSignals?: boolean;
}

interface StartedContainer {
  getHost(): string;
  getMappedPort(port: number): number;
  stop(): Promise<unknown>;
}

/**
 * Starts PostgreSQL in a container through testcontainers (loaded only here, so the package works
 * without it). The container's stderr, which carries the statement log, is captured in memory.
 * @throws {SetupError} when testcontainers is not installed or no Docker engine answers.
 */
export async function startDocker(options: DockerOptions = {}): Promise<PostgresServer> {
  let tc: typeof import('testcontainers');
  try {
    tc = await import('testcontainers');
  } catch (error) {
    throw new SetupError(`--db docker needs the optional dependency testcontainers: ${(error as Error).message}`);
  }
  try {
    await tc.getContainerRuntimeClient();
  } catch (error) {
    throw new SetupError(
      `--db docker: no Docker engine answers (${(error as Error).message}); use --db embedded or --database-url`,
    );
  }
  const log = new MemoryLog();
  const password = randomBytes(18).toString('base64url');
  const settings = [
    `log_statement=${options.logStatements === false ? 'none' : 'all'}`,
    'shared_preload_libraries=pg_stat_statements',
    'fsync=off',
  ];
  let container: StartedContainer;
  try {
    container = await new tc.GenericContainer(options.image ?? 'postgres:17-alpine')
      .withEnvironment({ POSTGRES_PASSWORD: password })
      .withExposedPorts(5432)
      .withCommand(['postgres', ...settings.flatMap((s) => ['-c', s])])
      .withLogConsumer((stream) => stream.on('data', (chunk: Buffer | string) => log.append(chunk.toString())))
      .withWaitStrategy(tc.Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
  } catch (error) {
    throw new SetupError(`the PostgreSQL container did not start: ${(error as Error).message}`);
  }
  const host = container.getHost();
  const port = container.getMappedPort(5432);
  const stop = registerCleanup(async () => {
    await container.stop();
  }, options.handleSignals ?? false);
  return {
    kind: 'docker',
    description: `PostgreSQL container on ${host}:${port}`,
    log,
    connection: (database = 'postgres') => ({ host, port, user: 'postgres', password, database }),
    stop,
  };
}
