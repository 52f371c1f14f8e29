import pg from 'pg';
import { describe, expect, it } from 'vitest';

import { terminateBackends } from '../src/postgres/terminate.js';
import { useEmbeddedServer } from './helpers.js';

const server = useEmbeddedServer();

async function connect(applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ ...server().connection(), application_name: applicationName });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

describe('terminateBackends: the connections of one store are killed, and gone when it returns', () => {
  it('ends every backend of that application name and no other, and waits until they have left', async () => {
    const admin = await connect('sh-test-admin');
    const store = [await connect('sh-test-store'), await connect('sh-test-store')];
    const bystander = await connect('sh-test-bystander');
    try {
      expect(await terminateBackends(admin, 'sh-test-store')).toBe(2);
      // Gone from the server's view as soon as it returns: the store's next query finds its connection dead.
      const { rows } = await admin.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
        ['sh-test-store'],
      );
      expect(rows[0].n).toBe(0);
      for (const client of store) await expect(client.query('SELECT 1')).rejects.toThrow();
      await expect(bystander.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
      expect(await terminateBackends(admin, 'sh-test-store')).toBe(0);
    } finally {
      for (const client of [admin, ...store, bystander]) await client.end().catch(() => undefined);
    }
  });
});
