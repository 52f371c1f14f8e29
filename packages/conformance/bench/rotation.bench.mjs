// Key rotation of the reference store over 100,000 rows, next to the floor measured in the same
// run on the same rows: one bare `UPDATE` that rewrites every row (PostgreSQL's own cost of
// writing them, with no reading, no crypto and no round trips). Goal: at least half the floor.
// The machine is shared, so wall time swings with other load: ROUNDS alternations of floor and
// rotation are run (a rotation back to the first key each time) and each side's fastest round is
// compared. A second row compares CPU time used (PostgreSQL's server processes plus, for rotation,
// this Node process), which other load does not change.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { KeySet, startEmbedded } from '../dist/index.js';

const ROWS = 100_000;
const ROUNDS = 3;
const referencePath = fileURLToPath(new URL('../../../fixtures/stores/reference/index.mjs', import.meta.url));

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds used so far by a process (`self`) and by its reaped children (`children`), from /proc. */
function procCpu(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return {
    self: (Number(fields[11]) + Number(fields[12])) / TICKS,
    children: (Number(fields[13]) + Number(fields[14])) / TICKS,
    parent: Number(fields[1]),
  };
}

/** CPU seconds used by the PostgreSQL server so far: postmaster, its live children and those already reaped. */
function serverCpu(postmaster) {
  let total = procCpu(postmaster).self + procCpu(postmaster).children;
  for (const entry of listPids()) {
    try {
      const p = procCpu(entry);
      if (p.parent === postmaster) total += p.self + p.children;
    } catch {
      // exited meanwhile: counted in the postmaster's reaped children
    }
  }
  return total;
}

function listPids() {
  return readdirSync('/proc')
    .filter((name) => /^[0-9]+$/.test(name))
    .map(Number);
}

/** Wall seconds, server CPU seconds and this process's CPU seconds used by `fn`. */
async function measure(fn, postmaster) {
  const server0 = postmaster ? serverCpu(postmaster) : 0;
  const own0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const own = process.cpuUsage(own0);
  return { wall, server: postmaster ? serverCpu(postmaster) - server0 : NaN, node: (own.user + own.system) / 1e6 };
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
    const store = createAdapter(
      { pool, connection: server.connection(), applicationName: 'bench', keys, log: () => undefined },
      { batchSize: 2000 },
    );
    await store.setup();
    await fill(store, pool);
    await pool.query('VACUUM ANALYZE secrets');

    // The server's postmaster: the parent of our backend (Linux /proc only; elsewhere CPU is not reported).
    let postmaster;
    try {
      const {
        rows: [{ pid }],
      } = await pool.query('SELECT pg_backend_pid() AS pid');
      postmaster = procCpu(pid).parent;
    } catch {
      postmaster = undefined;
    }
    const settle = async () => {
      await pool.query('VACUUM ANALYZE secrets');
      await pool.query('CHECKPOINT');
    };
    const best = { floor: undefined, rotation: undefined };
    const cpu = { floor: 0, rotation: 0, rotationServer: 0, rotationNode: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      // Each measured step starts right after VACUUM and a CHECKPOINT, so both write every page
      // with the same full-page images into the WAL (otherwise a checkpoint landing in one step
      // only made that step up to 2x slower).
      await settle();
      const floor = await measure(() => pool.query('UPDATE secrets SET key_version = key_version'), postmaster);
      await settle();
      const to = round % 2 === 0 ? 2 : 1;
      const rotation = await measure(() => store.rotate(to), postmaster);
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM secrets WHERE key_version = $1', [to]);
      if (rows[0].n !== ROWS) throw new Error(`rotation moved ${rows[0].n} of ${ROWS} rows`);
      cpu.floor += floor.server;
      cpu.rotation += rotation.server + rotation.node;
      cpu.rotationServer += rotation.server;
      cpu.rotationNode += rotation.node;
      if (best.floor === undefined || floor.wall < best.floor.wall) best.floor = floor;
      if (best.rotation === undefined || rotation.wall < best.rotation.wall) best.rotation = rotation;
    }
    const { floor, rotation } = best;
    await store.teardown();
    const rows = [
      {
        name: `rotate ${ROWS.toLocaleString('en-US')} rows (reference store), wall time, best of ${ROUNDS}`,
        value: ROWS / rotation.wall,
        unit: 'rows/s',
        baseline: { name: 'bare UPDATE of the same rows', value: ROWS / floor.wall },
        ratio: floor.wall / rotation.wall,
        goal: '>= 0.5x the bare UPDATE',
      },
    ];
    if (Number.isFinite(cpu.rotation)) {
      rows.push({
        name: `rotate ${ROWS.toLocaleString('en-US')} rows, CPU time (server ${(cpu.rotationServer / ROUNDS).toFixed(2)} s + Node ${(cpu.rotationNode / ROUNDS).toFixed(2)} s a round; floor ${(cpu.floor / ROUNDS).toFixed(2)} s), all ${ROUNDS} rounds`,
        value: (ROUNDS * ROWS) / cpu.rotation,
        unit: 'rows/CPU-s',
        baseline: { name: 'bare UPDATE, server CPU', value: (ROUNDS * ROWS) / cpu.floor },
        ratio: cpu.floor / cpu.rotation,
        goal: 'report only',
      });
    }
    return rows;
  } finally {
    await pool.end();
    await server.stop();
  }
}
