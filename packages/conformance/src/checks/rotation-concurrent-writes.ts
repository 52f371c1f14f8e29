import type { ConformanceContext, ConformanceCheck, OpenedStore } from '../conformance-check.js';
import { keyIdOf } from '../keys.js';
import {
  attempt,
  failWith,
  listProblems,
  putCanaries,
  remember,
  verifyAll,
  versionProblems,
  type Expected,
} from './util.js';

/** Rounds of interference: each overwrites `overwritesPerStep` rows and deletes one, never touching a row twice. */
const steps = 6;
const overwritesPerStep = 3;

/**
 * Waits until `work` has finished or one of `writer`'s connections waits for a lock. A rotation that
 * locks rows (SELECT … FOR UPDATE in a transaction) blocks the writer until it commits, so the
 * rotation's next query must be let through, or both would wait for each other.
 */
async function finishedOrBlocked(ctx: ConformanceContext, work: Promise<unknown>, writer: OpenedStore): Promise<void> {
  let done = false;
  const end = (): void => {
    done = true;
  };
  work.then(end, end);
  while (!done) {
    const { rows } = await ctx.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
      [writer.applicationName],
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10))]);
  }
}

/**
 * A rotation must not write a value it read back over a newer one (the lost update of a rotation
 * that reads a batch, re-encrypts it and writes it back), nor bring back a deleted row.
 */
export const rotationConcurrentWrites: ConformanceCheck = {
  id: 'rotation-concurrent-writes',
  description:
    'Stores 32 secrets under key 1 and rotates to key 2; before each of the first queries the rotation sends, other store instances (one round still writing with key 1, the rest with key 2) overwrite three existing secrets and delete one; then reads everything with key 1 removed',
  promise:
    'Writes and deletes made by other instances while a rotation runs are kept: every secret reads its latest value, deleted secrets stay deleted, and nothing is left under the old key',
  docs: {
    does: "Stores 32 secrets under key 1 and rotates to key 2; before each of the rotation's first six queries, other store instances overwrite three existing secrets and delete one (one early round from an instance still writing with key 1, as in a rolling deploy; the rest with key 2); a rotation that locks rows is let go on as soon as a writer waits for one of its locks, and if writes land after it ended it is run once more to move them (a note says so); then reads everything with key 1 removed",
    proves:
      'Writes and deletes made by other instances while a rotation runs are kept: every secret reads its latest value, deleted ones stay deleted (not listed, not readable), and nothing is left under the old key',
    cannotSee:
      "Races the harness's query hook cannot place: writes inside the rotation's own transaction, or between queries the store sends on connections it opened itself (then fewer rounds run, and a note says so; none at all is **not proven**)",
  },
  async run(ctx) {
    const store = await ctx.openStore(ctx.keys.material([1, 2], 1));
    const oldWriter = await ctx.openStore(ctx.keys.material([1, 2], 1));
    const newWriter = await ctx.openStore(ctx.keys.material([1, 2], 2));
    const expected: Expected = new Map();
    const rows: Array<{ owner: string; name: string }> = [];
    for (const owner of ['alice', 'bob']) {
      for (const [name, secret] of await putCanaries(ctx, store, owner, 16, 'rotating')) {
        remember(expected, owner, name, secret);
        rows.push({ owner, name });
      }
    }
    // Interleaved so that each step touches both owners and rows from the whole id range.
    const order = rows
      .map((row, i) => ({ row, key: (i * 17) % rows.length }))
      .sort((a, b) => a.key - b.key)
      .map((r) => r.row);
    const deleted: Array<{ owner: string; name: string }> = [];
    const during: string[] = [];
    let step = 0;
    const rounds: Array<Promise<void>> = [];
    let roundsEnded = 0;
    store.beforeQuery = async () => {
      if (step >= steps) return;
      const touched = order.slice(step * (overwritesPerStep + 1), (step + 1) * (overwritesPerStep + 1));
      // One early round comes from an instance not yet given the new key (a rolling deploy): the
      // rotation must pick its rows up too. Later rounds write with the new key, as instances do
      // once they have it, so that the last rows written need no further pass.
      const writer = step === 1 ? oldWriter : newWriter;
      step++;
      const round = (async () => {
        for (const { owner, name } of touched.slice(0, overwritesPerStep)) {
          const secret = ctx.canary();
          const write = await attempt(() => writer.adapter.put(owner, name, secret));
          if (write.ok) remember(expected, owner, name, secret);
          else
            during.push(
              `an overwrite of ${owner}/${name} during the rotation failed: ${(write.error as Error).message}`,
            );
        }
        const gone = touched[overwritesPerStep];
        if (gone === undefined) return;
        const removal = await attempt(() => writer.adapter.delete(gone.owner, gone.name));
        if (removal.ok) {
          expected.get(gone.owner)?.delete(gone.name);
          deleted.push(gone);
        } else
          during.push(
            `a delete of ${gone.owner}/${gone.name} during the rotation failed: ${(removal.error as Error).message}`,
          );
      })().finally(() => {
        roundsEnded++;
      });
      rounds.push(round);
      await finishedOrBlocked(ctx, round, writer);
    };
    const rotation = await attempt(() => store.adapter.rotate(2));
    store.beforeQuery = undefined;
    const pendingAtEnd = rounds.length - roundsEnded;
    await Promise.all(rounds);
    if (!rotation.ok) throw rotation.error;
    if (pendingAtEnd > 0) {
      // Writes the rotation's locks held back landed after it ended; moving them is a new rotation's job.
      ctx.note(
        `${pendingAtEnd} round(s) of writes waited for the rotation's locks and ended after it; the rotation was run again to move them`,
      );
      await store.adapter.rotate(2);
    }
    if (step === 0)
      ctx.notProven('the rotation sent no query through the pool it was given: no write could be interleaved with it');
    else if (step < steps)
      ctx.note(`the rotation sent only ${step} queries: ${step} rounds of writes were interleaved instead of ${steps}`);
    failWith(ctx, 'during the rotation', during);
    await Promise.all([store.close(), oldWriter.close(), newWriter.close()]);

    const newOnly = await ctx.openStore(ctx.keys.material([2], 2));
    failWith(ctx, 'lost while the rotation ran (read with key 1 removed)', await verifyAll(ctx, newOnly, expected));
    failWith(ctx, 'after the rotation', [
      ...(await listProblems(newOnly, expected)),
      ...(await versionProblems(ctx, newOnly.adapter.storage, 2, keyIdOf(2))),
    ]);
    const back: string[] = [];
    for (const { owner, name } of deleted) {
      const read = await attempt(() => newOnly.adapter.get(owner, name));
      const listed = (await newOnly.adapter.list(owner)).includes(name);
      if (!read.ok || read.value !== undefined || listed)
        back.push(`${owner}/${name} was deleted during the rotation and is back${listed ? ' (listed)' : ''}`);
    }
    failWith(ctx, 'deleted during the rotation', back);
  },
};
