import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import type { LogPosition, ServerLog } from './types.js';

const flushTimeoutMs = 20_000;

function marker(): string {
  return `secret-hygiene-log-mark-${randomBytes(8).toString('hex')}`;
}

/**
 * Reads until the marker statement shows up. A log that never shows it is an error, not a partial
 * read: a search over half a log could pass a leaky store.
 */
async function waitFor(read: () => Promise<string>, mark: string): Promise<string> {
  const deadline = Date.now() + flushTimeoutMs;
  for (;;) {
    const text = await read();
    if (text.includes(mark)) return text;
    if (Date.now() > deadline)
      throw new Error(
        `the server log did not show the harness's marker statement within ${flushTimeoutMs / 1000} s; it cannot be searched`,
      );
    await sleep(10);
  }
}

/** A log held in memory, fed with the server process's stderr (embedded and Docker servers). */
export class MemoryLog implements ServerLog {
  readonly available = true;
  private text = '';

  /** Appends a chunk the server wrote. */
  append(chunk: string): void {
    this.text += chunk;
  }

  /** The last `lines` lines, for error messages when the server fails to start. */
  tail(lines = 15): string {
    return this.text.trimEnd().split('\n').slice(-lines).join('\n');
  }

  async position(): Promise<LogPosition> {
    return { offset: this.text.length };
  }

  async readSince(since: LogPosition, flush: (marker: string) => Promise<void>): Promise<string> {
    const mark = marker();
    await flush(mark);
    return waitFor(async () => this.text.slice(since.offset), mark);
  }
}

/**
 * A log read through SQL (`pg_current_logfile()` and `pg_read_file()`), for existing servers with
 * `logging_collector` on and a role allowed to read server files.
 */
export class SqlFileLog implements ServerLog {
  readonly available = true;
  constructor(private readonly connect: () => Promise<Client>) {}

  private async withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async position(): Promise<LogPosition> {
    return this.withClient(async (client) => {
      const { rows } = await client.query<{ file: string; size: string }>(
        `SELECT pg_current_logfile() AS file, (pg_stat_file(pg_current_logfile())).size AS size`,
      );
      const row = rows[0];
      return { file: row?.file ?? '', offset: Number(row?.size ?? 0) };
    });
  }

  async readSince(since: LogPosition, flush: (marker: string) => Promise<void>): Promise<string> {
    const mark = marker();
    await flush(mark);
    return this.withClient((client) =>
      waitFor(async () => {
        const { rows } = await client.query<{ text: string; file: string }>(
          `SELECT pg_current_logfile() AS file,
                  pg_read_file(pg_current_logfile(), o.start, greatest((pg_stat_file(pg_current_logfile())).size - o.start, 0)) AS text
             FROM (SELECT CASE WHEN pg_current_logfile() = $2 THEN $1::bigint ELSE 0 END AS start) AS o`,
          [since.offset, since.file ?? ''],
        );
        return rows[0]?.text ?? '';
      }, mark),
    );
  }

  /** Probes whether the log can be read; resolves to a reason when it cannot. */
  static async probe(client: Client): Promise<string | undefined> {
    try {
      const { rows } = await client.query<{ file: string | null }>(`SELECT pg_current_logfile() AS file`);
      if (rows[0]?.file == null) return 'the server does not write a log file (logging_collector is off)';
      await client.query(`SELECT pg_read_file(pg_current_logfile(), 0, 1)`);
      const setting = await client.query<{ log_statement: string }>(`SHOW log_statement`);
      if (setting.rows[0]?.log_statement !== 'all')
        return `log_statement is '${setting.rows[0]?.log_statement ?? '?'}', not 'all'`;
      return undefined;
    } catch (error) {
      return `the log cannot be read: ${(error as Error).message}`;
    }
  }
}

/** The log of a server whose log cannot be read. */
export class UnavailableLog implements ServerLog {
  readonly available = false;
  constructor(readonly unavailableReason: string) {}
  async position(): Promise<LogPosition> {
    return { offset: 0 };
  }
  async readSince(): Promise<string> {
    return '';
  }
}
