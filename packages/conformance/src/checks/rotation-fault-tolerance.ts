import type { ConformanceCheck } from '../conformance-check.js';
import { keyIdOf } from '../keys.js';
import { attempt, remember, verifyAll, versionProblems, type Expected } from './util.js';

const versionsUpTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** Kills the store's connections in the middle of rotations, then resumes them. */
export const rotationFaultTolerance: ConformanceCheck = {
  id: 'rotation-fault-tolerance',
  description:
    "Rotates again and again (key k to k+1), each time killing the store's database connections before adapter queries fast-check picks (fixed seed), then resumes the rotation and reads every row with the old keys removed",
  promise: 'An interrupted rotation, resumed, loses no row and leaves none unreadable or encrypted twice',
  docs: {
    does: "Rotates again and again (key *k* → *k*+1). fast-check (seeded; the seed is in every report) chooses adapter query numbers; before each chosen query the harness runs `pg_terminate_backend` on the store's connections (found by the `application_name` it set). The rotation is then resumed until it completes",
    proves: 'Zero rows lost, unreadable (with the old keys removed) or encrypted twice',
    cannotSee:
      "Faults other than killed connections (a crash of the store process between a read and a write, a full disk); queries on connections without the harness's `application_name`",
  },
  async run(ctx) {
    const expected: Expected = new Map();
    let version = 1;
    let problems: string[] = [];

    /** One rotation from `version` to `version + 1` with kills at `killPoints` (adapter query numbers). */
    const rotateWithFaults = async (
      killPoints: readonly number[],
      newRows: number,
    ): Promise<{ found: string[]; queries: number }> => {
      const from = version;
      const to = version + 1;
      const store = await ctx.openStore(ctx.keys.material(versionsUpTo(to), from));
      for (let i = 0; i < newRows; i++) {
        const secret = ctx.canary();
        const name = `v${from}-${i}`;
        await store.adapter.put(`owner-${i % 3}`, name, secret);
        remember(expected, `owner-${i % 3}`, name, secret);
      }
      const found: string[] = [];
      let attempts = 0;
      let done = false;
      let queries = 0;
      while (!done && attempts < killPoints.length + 3) {
        const killAt = killPoints[attempts];
        attempts++;
        let killed = false;
        store.resetQueryCount();
        store.beforeQuery =
          killAt === undefined
            ? undefined
            : async (n) => {
                if (!killed && n >= killAt) {
                  killed = true;
                  await ctx.killConnections(store);
                }
              };
        const result = await attempt(() => store.adapter.rotate(to));
        store.beforeQuery = undefined;
        queries = store.queryCount;
        if (result.ok) done = true;
        else if (!killed) found.push(`rotate(${to}) failed without any fault: ${(result.error as Error).message}`);
      }
      if (!done) found.push(`rotate(${to}) never completed after the faults`);
      await store.close();
      version = to;
      const fresh = await ctx.openStore(ctx.keys.material([to], to));
      found.push(...(await verifyAll(ctx, fresh, expected)));
      found.push(...(await versionProblems(ctx, fresh.adapter.storage, to, keyIdOf(to))));
      await fresh.close();
      return { found, queries };
    };

    // A first rotation without faults checks the basics and counts the queries one rotation sends;
    // the kill points are chosen in that range (and a little past it, where no fault happens).
    const baseline = await rotateWithFaults([], 12);
    if (baseline.found.length > 0) {
      ctx.fail(`a rotation without faults already failed: ${baseline.found.slice(0, 3).join('; ')}`);
      return;
    }
    const queriesPerRotation = Math.max(baseline.queries, 2);

    // Loaded here: only this check needs it (0.03 s of every run's start otherwise).
    const { default: fc } = await import('fast-check');
    const killPlans = fc.array(fc.integer({ min: 1, max: queriesPerRotation + 4 }), { minLength: 1, maxLength: 3 });
    const details = fc.check(
      fc.asyncProperty(killPlans, async (plan) => {
        problems = (await rotateWithFaults(plan, 6)).found;
        return problems.length === 0;
      }),
      { seed: ctx.seed, numRuns: 6, endOnFailure: true },
    );
    const outcome = await details;
    if (outcome.failed) {
      const plan = outcome.counterexample?.[0] ?? [];
      const shown = problems.slice(0, 4).join('; ');
      ctx.fail(
        `after killing connections before adapter queries ${JSON.stringify(plan)} and resuming (seed ${outcome.seed}; rerun with --seed ${outcome.seed}): ${shown}${problems.length > 4 ? `; … ${problems.length - 4} more` : ''}`,
      );
    }
  },
};
