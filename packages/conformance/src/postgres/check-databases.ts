import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { maskUrlsIn } from './mask.js';
import { quoteIdentifier as quote } from './sql.js';
import { SetupError, type PostgresServer } from './types.js';

/** The application_name of the harness's own connections. */
export const harnessApplicationName = 'secret-hygiene-harness';

/** Template databases kept on servers the caller shares between runs (tests): made once per server. */
const sharedTemplates = new WeakMap<PostgresServer, string>();

/**
 * The database lifecycle of a conformance run: one fresh database per check, created from a
 * template that has `pg_stat_statements`, the next one prepared while the current check runs, each
 * dropped after its check; the template is dropped at the end when the harness made it.
 */
export class CheckDatabases {
  private readonly created = new Map<number, Promise<void>>();
  private readonly dropped = new Set<number>();
  private readonly dropping: Promise<void>[] = [];
  // FILE_COPY (PostgreSQL 15+) copies the small template faster than the default WAL_LOG.
  private strategy = ' STRATEGY FILE_COPY';

  private constructor(
    private readonly server: PostgresServer,
    /** The harness's connection to the server's maintenance database. */
    readonly admin: pg.Client,
    private readonly creator: pg.Client,
    private readonly names: readonly string[],
    private readonly template: string,
    private readonly ownTemplate: boolean,
    /** The server's version (`SHOW server_version`). */
    readonly postgresVersion: string,
  ) {}

  /**
   * Connects to the server and makes the template. `shared`: the server outlives this run (tests),
   * so the template is kept for the next run on it.
   * @throws {SetupError} when the server cannot be reached.
   */
  static async open(server: PostgresServer, checkIds: readonly string[], shared: boolean): Promise<CheckDatabases> {
    const admin = new pg.Client({ ...server.connection(), application_name: harnessApplicationName });
    // A server stopped under the harness (Ctrl-C) ends its connections: an 'error' event without a listener would crash.
    admin.on('error', () => undefined);
    try {
      await admin.connect();
    } catch (error) {
      await admin.end().catch(() => undefined);
      throw new SetupError(maskUrlsIn(`could not connect to ${server.description}: ${(error as Error).message}`));
    }
    const runId = randomBytes(4).toString('hex');
    // On a server the harness started, template1 itself gets pg_stat_statements; on someone else's
    // server a template database of our own is made (and dropped) instead.
    const ownTemplate = server.kind === 'url';
    const known = shared ? sharedTemplates.get(server) : undefined;
    const template = known ?? (ownTemplate ? `sh_tpl_${runId}` : 'template1');
    const creator = new pg.Client({ ...server.connection(), application_name: harnessApplicationName });
    creator.on('error', () => undefined);
    try {
      // Three connections' start-ups and the template's preparation overlap.
      const prepareTemplate = async (): Promise<void> => {
        if (known !== undefined) return;
        if (ownTemplate) await admin.query(`CREATE DATABASE ${quote(template)}`);
        const tplClient = new pg.Client({ ...server.connection(template), application_name: harnessApplicationName });
        tplClient.on('error', () => undefined);
        try {
          await tplClient.connect();
          await tplClient.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => undefined);
        } finally {
          await tplClient.end().catch(() => undefined);
        }
        if (shared) sharedTemplates.set(server, template);
      };
      const [{ rows }] = await Promise.all([
        admin.query<{ server_version: string }>('SHOW server_version'),
        prepareTemplate(),
        creator.connect(),
      ]);
      const names = checkIds.map((id, index) => `sh_${runId}_${index}_${id.replace(/-/g, '_')}`.slice(0, 63));
      return new CheckDatabases(
        server,
        admin,
        creator,
        names,
        template,
        ownTemplate && !shared,
        rows[0]?.server_version ?? 'unknown',
      );
    } catch (error) {
      await creator.end().catch(() => undefined);
      await admin.end().catch(() => undefined);
      throw error;
    }
  }

  /** The name of check `index`'s database. */
  name(index: number): string {
    return this.names[index]!;
  }

  /** Creates check `index`'s database (once; later calls wait for the same creation). */
  prepare(index: number): Promise<void> | undefined {
    const name = this.names[index];
    if (name === undefined) return undefined;
    let pending = this.created.get(index);
    if (pending === undefined) {
      pending = this.create(name);
      pending.catch(() => undefined);
      this.created.set(index, pending);
    }
    return pending;
  }

  private async create(database: string): Promise<void> {
    try {
      await this.creator.query(`CREATE DATABASE ${quote(database)} TEMPLATE ${quote(this.template)}${this.strategy}`);
    } catch (error) {
      if (this.strategy === '') throw error;
      this.strategy = '';
      await this.creator.query(`CREATE DATABASE ${quote(database)} TEMPLATE ${quote(this.template)}`);
    }
  }

  /** A harness connection to check `index`'s database, once it is created. */
  async connect(index: number): Promise<pg.Client> {
    await this.prepare(index);
    const client = new pg.Client({
      ...this.server.connection(this.name(index)),
      application_name: harnessApplicationName,
    });
    await client.connect();
    client.on('error', () => undefined);
    return client;
  }

  /**
   * Ends `client` (the harness's connection to it) and drops check `index`'s database (whoever is
   * still connected is disconnected). It runs beside the next check; `close()` waits for it.
   */
  drop(index: number, client?: pg.Client): Promise<void> {
    this.dropped.add(index);
    const dropping = (async () => {
      await client?.end().catch(() => undefined);
      await this.admin.query(`DROP DATABASE IF EXISTS ${quote(this.name(index))} WITH (FORCE)`).catch(() => undefined);
    })();
    this.dropping.push(dropping);
    return dropping;
  }

  /** Drops databases prepared for checks that never ran and a template of our own; ends the connections. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.created.values(), ...this.dropping]);
    for (const index of this.created.keys()) {
      if (!this.dropped.has(index))
        await this.creator
          .query(`DROP DATABASE IF EXISTS ${quote(this.name(index))} WITH (FORCE)`)
          .catch(() => undefined);
    }
    await this.creator.end().catch(() => undefined);
    if (this.ownTemplate)
      await this.admin.query(`DROP DATABASE IF EXISTS ${quote(this.template)} WITH (FORCE)`).catch(() => undefined);
    await this.admin.end().catch(() => undefined);
  }
}
