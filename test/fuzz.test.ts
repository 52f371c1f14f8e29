import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script, no types
import { DEEP_KINDS, deepProgram, fuzz, runHosts } from '../scripts/fuzz.mjs';

// The fuzzing harness on a small budget (`node scripts/fuzz.mjs --budget 600` runs it longer): no
// host throws, every file a host cannot finish is reported as skipped, and the scanner and the plugin
// report the same findings on every file both finished. Counts are fixed; nothing here is timed.
type Problem = { kind: string; file: string; message: string };

describe('fuzzing both hosts', () => {
  it('a fixed-seed round of deep programs, corpus mutations, a long line and a big file finds no problem', async () => {
    const summary = await fuzz({
      seed: 16,
      batches: 1,
      kinds: ['concat', 'nullish', 'parens', 'jsx', 'types'],
      mutations: 4,
      longBytes: 100_000,
    });
    expect(summary.programs).toBe(11);
    expect(summary.problems as Problem[]).toEqual([]);
  }, 900_000);

  it('property: a program nested up to 10,000 levels is finished or reported as skipped by both hosts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(DEEP_KINDS)),
        fc.integer({ min: 1, max: 10_000 }),
        async (kind: string, depth: number) => {
          const problems = (await runHosts([deepProgram(kind, depth)])) as Problem[];
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 4, seed: 16, endOnFailure: true },
    );
  }, 900_000);
});
