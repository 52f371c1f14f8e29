import { describe, expect, it } from 'vitest';
import { conformanceChecks, runConformance } from '../src/index.js';
import { storePath, useEmbeddedServer } from './helpers.js';

/** Runs every check against each store and asserts exactly the checks it declares in `expectedFailures`. */
export function describeStores(title: string, stores: readonly string[]): void {
  describe(title, () => {
    const server = useEmbeddedServer();
    for (const name of stores) {
      it(`${name} fails exactly the checks it is built to fail`, async () => {
        const path = storePath(name);
        const { expectedFailures } = (await import(path)) as { expectedFailures: string[] };
        const result = await runConformance({ adapter: path, server: server(), seed: 20261122 });
        const failed = result.checks.filter((c) => c.status === 'fail').map((c) => c.id);
        expect(result.checks).toHaveLength(conformanceChecks.length);
        expect([...failed].sort()).toEqual([...expectedFailures].sort());
        expect(result.passed).toBe(expectedFailures.length === 0);
        for (const check of result.checks) {
          if (check.status === 'fail') expect(check.failures.length).toBeGreaterThan(0);
        }
      });
    }
  });
}
