import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';

/**
 * Terminates every backend whose `application_name` is `applicationName` and waits until they are
 * gone (their transactions aborted, their locks released); resolves to how many were ended.
 * `pg_terminate_backend(pid, timeout)` waits too, but looks only every 100 ms: each kill of
 * rotation-fault-tolerance took over 100 ms where the backend is gone within a few.
 */
export async function terminateBackends(
  client: pg.ClientBase,
  applicationName: string,
  timeoutMs = 30_000,
): Promise<number> {
  // In the select list, not the WHERE clause: there the planner may call it before the name test.
  const { rows } = await client.query<{ pid: number; signalled: boolean }>(
    `SELECT pid, pg_terminate_backend(pid) AS signalled FROM pg_stat_activity WHERE application_name = $1`,
    [applicationName],
  );
  const ended = rows.filter((row) => row.signalled);
  let alive = ended.map((row) => row.pid);
  const deadline = Date.now() + timeoutMs;
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(2);
    // Each statement reads a fresh pg_stat_activity: a backend leaves it as the last step of its exit.
    const still = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE pid = ANY($1::int[])`, [
      alive,
    ]);
    alive = still.rows.map((row) => row.pid);
  }
  return ended.length - alive.length;
}
