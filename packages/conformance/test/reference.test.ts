import { describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  conformanceChecks,
  formatReport,
  reportFormats,
  runConformance,
  type ConformanceResult,
} from '../src/index.js';
import { ConformanceRun } from '../src/conformance-run.js';
import { positiveControl } from '../src/checks/positive-control.js';
import { loadAdapter } from '../src/load.js';
import { fullCanary, storePath, useEmbeddedServer } from './helpers.js';

describe('the reference store', () => {
  const server = useEmbeddedServer();
  let result: ConformanceResult;

  it('passes every check', async () => {
    result = await runConformance({ adapter: storePath('reference'), server: server(), seed: 1 });
    const failures = result.checks.flatMap((c) => c.failures.map((f) => `${c.id}: ${f}`));
    expect(failures).toEqual([]);
    expect(result.checks.map((c) => c.id)).toEqual(conformanceChecks.map((c) => c.id));
    expect(result.passed).toBe(true);
  });

  it('runs only the checks asked for, and rejects unknown ids', async () => {
    const some = await runConformance({
      adapter: storePath('reference'),
      server: server(),
      checks: ['deletion', 'restart'],
    });
    expect(some.checks.map((c) => c.id)).toEqual(['deletion', 'restart']);
    await expect(
      runConformance({ adapter: storePath('reference'), server: server(), checks: ['no-such-check'] }),
    ).rejects.toThrow(/unknown check id/);
  });

  it('works through --database-url on an existing server, noting that its log cannot be read', async () => {
    const c = server().connection();
    const url = `postgres://${c.user}:${encodeURIComponent(String(c.password))}@${c.host}:${c.port}/postgres`;
    const viaUrl = await runConformance({
      adapter: storePath('reference'),
      databaseUrl: url,
      checks: ['positive-control', 'no-plaintext-at-rest'],
    });
    expect(viaUrl.provider).toMatch(/^PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres$/);
    expect(viaUrl.checks.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(viaUrl.checks[1]!.notes.join()).toContain(
      'not searched: server statement log (the server does not write a log file',
    );
  });

  it('writes every report format without a full canary', () => {
    for (const format of reportFormats) {
      const text = formatReport(result, format);
      expect(text).not.toMatch(fullCanary);
      expect(text).toContain('rotation-fault-tolerance');
    }
  });

  it('positive control: the same search misses nothing it planted, and fails when the search is blind', async () => {
    const admin = new pg.Client(server().connection());
    await admin.connect();
    const database = `positive_control_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${database}`);
    const client = new pg.Client(server().connection(database));
    await client.connect();
    try {
      const factory = await loadAdapter(storePath('reference'));
      const working = new ConformanceRun(server(), database, client, 1, factory);
      await working.execute(positiveControl);
      expect(working.failures).toEqual([]);

      await client.query('DROP SCHEMA secret_hygiene_control CASCADE');
      const blind = new ConformanceRun(server(), database, client, 1, factory);
      blind.searchTables = async () => [];
      blind.adapterOutput = async () => '';
      await blind.execute(positiveControl);
      expect(blind.failures.filter((f) => f.startsWith('the table search missed'))).toHaveLength(10);
      expect(blind.failures).toContain('the search of printed output missed a canary printed with console.log');
    } finally {
      await client.end();
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
      await admin.end();
    }
  });
});
