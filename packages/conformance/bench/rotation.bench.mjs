// Key rotation of the reference store over 100,000 rows, next to the floor measured in the same
// run on the same rows: one bare `UPDATE` that rewrites every row (PostgreSQL's own cost of
// writing them, with no reading, no crypto and no round trips). Goal: at least half the floor.
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { KeySet, startEmbedded } from '../dist/index.js';

const ROWS = 100_000;
const referencePath = fileURLToPath(new URL('../../../fixtures/stores/reference/index.mjs', import.meta.url));

async function seconds(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Inserts `ROWS` secrets through the store's own sealing, in large unnest batches. */
async function fill(store, pool) {
  for (let start = 0; start < ROWS; start += 5000) {
    const owners = [];
    const names = [];
    const ciphertexts = [];
    for (let i = start; i < Math.min(ROWS, start + 5000); i++) {
      const owner = `owner-${i % 1000}`;
      const name = `key-${i}`;
      owners.push(owner);
      names.push(name);
      ciphertexts.push(store.seal(`secret-value-${i}-${'x'.repeat(24)}`, owner, name));
    }
    await pool.query(
      `INSERT INTO secrets (owner, name, ciphertext, key_version) SELECT o, n, c, 1 FROM unnest($1::text[], $2::text[], $3::bytea[]) AS v(o, n, c)`,
      [owners, names, ciphertexts],
    );
  }
}

export async function run() {
  const server = await startEmbedded({ logStatements: false });
  const pool = new pg.Pool({ ...server.connection(), max: 4 });
  pool.on('error', () => undefined);
  try {
    const { createAdapter } = await import(pathToFileURL(referencePath).href);
    const keys = new KeySet().material([1, 2], 1);
    const store = createAdapter({ pool, connection: server.connection(), applicationName: 'bench', keys, log: () => undefined }, { batchSize: 2000 });
    await store.setup();
    await fill(store, pool);
    await pool.query('VACUUM ANALYZE secrets');

    const floor = await seconds(() => pool.query('UPDATE secrets SET key_version = key_version'));
    await pool.query('VACUUM ANALYZE secrets');
    const rotation = await seconds(() => store.rotate(2));

    const { rows } = await pool.query('SELECT count(*)::int AS n FROM secrets WHERE key_version = 2');
    if (rows[0].n !== ROWS) throw new Error(`rotation moved ${rows[0].n} of ${ROWS} rows`);
    const floorRate = ROWS / floor;
    const rotationRate = ROWS / rotation;
    await store.teardown();
    return [
      {
        name: `rotate ${ROWS.toLocaleString('en-US')} rows (reference store)`,
        value: rotationRate,
        unit: 'rows/s',
        baseline: { name: 'bare UPDATE of the same rows', value: floorRate },
        ratio: rotationRate / floorRate,
        goal: '>= 0.5x the bare UPDATE',
      },
    ];
  } finally {
    await pool.end();
    await server.stop();
  }
}
