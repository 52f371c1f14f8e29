import type { ClientConfig } from 'pg';

/** Where the PostgreSQL server comes from. */
export type ProviderKind = 'embedded' | 'docker' | 'url';

/** A running PostgreSQL server the harness may use, whoever started it. */
export interface PostgresServer {
  readonly kind: ProviderKind;
  /** Human-readable description with any password masked, e.g. `embedded PostgreSQL 17 on 127.0.0.1:54012`. */
  readonly description: string;
  /** Connection settings for one database on this server (superuser or the URL's user). */
  connection(database?: string): ClientConfig;
  /**
   * The server's data directory, when the harness started the server on this machine and may read
   * its files (embedded): `no-plaintext-on-disk` searches heap files and WAL segments there.
   */
  readonly dataDirectory?: string;
  /** The server's statement log, or a log whose `available` is false when it cannot be read. */
  readonly log: ServerLog;
  /** Stops the server (when the harness started it) and removes its temporary files. Idempotent. */
  stop(): Promise<void>;
}

/** An opaque position in a server log. */
export interface LogPosition {
  readonly offset: number;
  readonly file?: string;
}

/** Read access to what the server wrote to its log. */
export interface ServerLog {
  /** False when the log cannot be read (an existing server without the needed privileges). */
  readonly available: boolean;
  /** Why the log is unavailable, when it is. */
  readonly unavailableReason?: string;
  /** The current end of the log. */
  position(): Promise<LogPosition>;
  /**
   * Everything logged after `since`, waiting until the server has flushed the statement
   * `SELECT '<marker>'` issued through `flush`, so statements sent before the call are included.
   */
  readSince(since: LogPosition, flush: (marker: string) => Promise<void>): Promise<string>;
}

/** The error type for problems starting or reaching a server; the CLI maps it to exit code 2. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}
