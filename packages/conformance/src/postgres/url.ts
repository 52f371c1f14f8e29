import pg from 'pg';
import { SqlFileLog, UnavailableLog } from './log.js';
import { maskUrl, maskUrlsIn } from './mask.js';
import { SetupError, type PostgresServer } from './types.js';

/**
 * Parses a connection URL. A URL that does not parse is not echoed at all: where its password
 * starts and ends is exactly what is unknown then.
 */
export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SetupError(
      'the database URL is not a valid URL (expected postgres://user:password@host:port/database; the value is not shown, it may hold a password)',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new SetupError(`the database URL must start with postgres:// or postgresql://, got ${maskUrl(url)}`);
  }
  if (parsed.hostname === '') {
    throw new SetupError(
      `the database URL names no host: ${maskUrl(url)} (expected postgres://user:password@host:port/database)`,
    );
  }
  return parsed;
}

/** The same URL pointing at another database on the server. */
function withDatabase(url: URL, database: string | undefined): string {
  if (database === undefined) return url.toString();
  const copy = new URL(url.toString());
  copy.pathname = `/${encodeURIComponent(database)}`;
  return copy.toString();
}

/**
 * Uses an existing server. Each check still gets its own database, so the role needs CREATEDB.
 * The statement log is read through SQL when the server has `logging_collector=on`,
 * `log_statement=all` and the role may read server files; otherwise that part of the leak search
 * is reported as unavailable.
 * @throws {SetupError} with the password masked when the URL is malformed or the server cannot be reached.
 */
export async function connectUrl(url: string): Promise<PostgresServer> {
  const parsed = parseDatabaseUrl(url);
  const masked = maskUrl(url);
  let client: pg.Client | undefined;
  try {
    // The constructor parses the URL itself and reads any sslcert/sslkey file it names: a bad
    // escape (`URI malformed`) or a missing file is a setup error about the URL too.
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    await client?.end().catch(() => undefined);
    throw new SetupError(
      `could not connect to the database URL ${masked}: ${maskUrlsIn((error as Error).message || String(error))}`,
    );
  }
  const reason = await SqlFileLog.probe(client);
  await client.end().catch(() => undefined);
  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  };
  return {
    kind: 'url',
    description: `PostgreSQL at ${masked}`,
    log: reason === undefined ? new SqlFileLog(connect) : new UnavailableLog(reason),
    connection: (database) => ({ connectionString: withDatabase(parsed, database) }),
    stop: async () => undefined,
  };
}
