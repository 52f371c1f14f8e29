// Demo stage: the PostgreSQL conformance harness on a real (embedded) server: the reference store
// passes every check; a store that inlines secrets into SQL passes the table search but is caught
// in the server's statement log.
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';
import { formatTable, runConformance, startEmbedded } from '../../packages/conformance/dist/index.js';

export const title = 'secret-hygiene conformance: a credential store proven on a real PostgreSQL';

const store = (name) => fileURLToPath(new URL(`../../fixtures/stores/${name}/index.mjs`, import.meta.url));
const color = Boolean(process.stdout.isTTY);

/** True when the reference store passes every check and broken-inlined-sql fails exactly what it declares. */
export async function run() {
  const server = await startEmbedded({ handleSignals: true });
  try {
    process.stdout.write(pc.dim(`$ npx secret-hygiene conformance --adapter fixtures/stores/reference/index.mjs\n`));
    const reference = await runConformance({ adapter: store('reference'), server, seed: 1 });
    process.stdout.write(`${formatTable(reference, { color })}\n`);

    process.stdout.write(
      pc.dim(`$ npx secret-hygiene conformance --adapter fixtures/stores/broken-inlined-sql/index.mjs\n`),
    );
    const broken = await runConformance({ adapter: store('broken-inlined-sql'), server, seed: 1 });
    process.stdout.write(`${formatTable(broken, { color })}\n`);

    const { expectedFailures } = await import(store('broken-inlined-sql'));
    const failed = broken.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    const ok =
      reference.passed &&
      failed.length === expectedFailures.length &&
      failed.every((id) => expectedFailures.includes(id));
    process.stdout.write(
      ok
        ? pc.green(
            'the reference store passes; the store that inlines secrets into SQL is caught by the statement-log search\n',
          )
        : pc.red(
            `expected the reference to pass and broken-inlined-sql to fail ${expectedFailures.join(', ')}; it failed ${failed.join(', ') || 'nothing'}\n`,
          ),
    );
    return ok;
  } finally {
    await server.stop();
  }
}
