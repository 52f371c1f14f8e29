// The adapter process: the harness runs the store under test here, in a child process whose
// stdout and stderr it owns for the whole run, so everything the store prints (console calls,
// process.stdout.write, a logger writing to file descriptor 1, output deferred past a check) is
// captured and searched. The harness talks to it over the IPC channel (host.ts is the other end).
// Plain JavaScript so that it runs from `src/` (tests) and from the published package alike.
import { writeSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import util, { format } from 'node:util';

// Debug output a store writes through util.debuglog is heard whatever NODE_DEBUG says: operators
// turn it on in production to troubleshoot, and a secret it prints then is a leak. (Node's own
// sections use an internal debuglog and stay as NODE_DEBUG sets them.)
util.debuglog = util.debug = (section, callback) => {
  const log = (...args) =>
    process.stderr.write(`${String(section).toUpperCase()} ${process.pid}: ${format(...args)}\n`);
  log.enabled = true;
  callback?.(log);
  return log;
};
syncBuiltinESMExports();

// pg 8 asks at load time whether it runs on Cloudflare Workers: without a `navigator` (Node 20) its
// test loads Node's whole fetch implementation. A navigator stands in while pg loads (load-pg.ts).
const pg = await (async () => {
  if (globalThis.navigator !== undefined) return (await import('pg')).default;
  globalThis.navigator = { userAgent: 'Node.js' };
  try {
    return (await import('pg')).default;
  } finally {
    delete globalThis.navigator;
  }
})();

/** @type {Function | undefined} */
let factory;
/** @type {Map<number, { adapter: any, pool: pg.Pool, state: { queryCount: number, hooked: boolean, inHook: boolean } }>} */
const stores = new Map();
/** Pending beforeQuery round trips to the harness. */
const hooks = new Map();
let nextHook = 0;

const send = (message) => {
  if (process.connected) process.send(message);
};

/** @param {unknown} error */
const describeError = (error) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

// An error the store lets escape becomes the current check's failure in the harness; the process
// goes on so the run still ends with a report.
process.on('unhandledRejection', (reason) =>
  send({ type: 'escaped', kind: 'an unhandled promise rejection', message: describeError(reason) }),
);
process.on('uncaughtException', (error) =>
  send({
    type: 'escaped',
    kind: 'an uncaught exception (a throwing timer or event handler)',
    message: describeError(error),
  }),
);
// Ctrl-C reaches the whole process group; the harness stops this process itself after its cleanup.
process.on('SIGINT', () => undefined);
// The harness went away without asking this process to end: release the pools, and exit at the
// latest in 5 s even if the store left something running.
process.on('disconnect', () => {
  for (const entry of stores.values()) entry.pool.end().catch(() => undefined);
  setTimeout(() => process.exit(0), 5_000).unref();
});

/**
 * Wraps `client.query` so the harness can act (kill connections, read and write through another
 * store) before each query the store sends: pg-pool's callback form and the promise form.
 */
function instrument(client, storeId, state) {
  const original = client.query.bind(client);
  client.query = (...args) => {
    state.queryCount++;
    if (!state.hooked || state.inHook) return original(...args);
    state.inHook = true;
    const id = nextHook++;
    const ran = new Promise((resolve, reject) => {
      hooks.set(id, { resolve, reject });
      send({ type: 'beforeQuery', id, store: storeId, queryNumber: state.queryCount });
    }).finally(() => {
      state.inHook = false;
    });
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      ran.then(
        () => original(...args),
        (error) => last(error),
      );
      return undefined;
    }
    return ran.then(() => original(...args));
  };
}

const handlers = {
  async load({ target }) {
    const mod = await import(target);
    const found = mod.createAdapter ?? mod.default;
    if (typeof found !== 'function') throw new Error('exports neither createAdapter nor a default factory function');
    factory = found;
  },
  async open({ store, connection, applicationName, keys, poolSize }) {
    const pool = new pg.Pool({ ...connection, max: poolSize });
    const state = { queryCount: 0, hooked: false, inHook: false };
    // Killed connections raise 'error' on idle clients and on the pool; without listeners Node would crash.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      instrument(client, store, state);
    });
    const log = (...args) => process.stdout.write(`${format(...args)}\n`);
    let adapter;
    try {
      adapter = await factory({ pool, connection, applicationName, keys, log });
      await adapter.setup();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    stores.set(store, { adapter, pool, state });
    // Descriptions are data; an audit callback stays here and is called through 'audit.events'.
    const audit = adapter.audit;
    const described =
      audit === undefined
        ? undefined
        : typeof audit.events === 'function'
          ? { events: true, ...(audit.actions === undefined ? {} : { actions: audit.actions }) }
          : { ...audit };
    return { storage: { ...adapter.storage }, audit: described };
  },
  async call({ store, method, args }) {
    const entry = stores.get(store);
    if (entry === undefined) throw new Error(`store ${store} is not open`);
    const value = method === 'audit.events' ? await entry.adapter.audit.events() : await entry.adapter[method](...args);
    return { value, queryCount: entry.state.queryCount };
  },
  async hook({ store, enabled }) {
    const entry = stores.get(store);
    if (entry !== undefined) entry.state.hooked = enabled;
  },
  async resetQueryCount({ store }) {
    const entry = stores.get(store);
    if (entry !== undefined) entry.state.queryCount = 0;
  },
  async endPool({ store }) {
    const entry = stores.get(store);
    stores.delete(store);
    if (entry !== undefined) await entry.pool.end().catch(() => undefined);
  },
  /** Marks the end of what was printed so far on both streams (the harness waits for the marks). */
  async flush({ mark }) {
    writeSync(1, `${mark}\n`);
    writeSync(2, `${mark}\n`);
  },
  /** The positive control: prints the way real stores do (file descriptor 1 directly, process.stderr). */
  async print({ direct, stream }) {
    writeSync(1, `${direct}\n`);
    process.stderr.write(`${stream}\n`);
  },
  /** Ends the process once everything the store left running (timers, loggers) has finished. */
  async exit() {
    setImmediate(() => process.disconnect());
  },
};

process.on('message', (message) => {
  if (message.type === 'hookDone') {
    const pending = hooks.get(message.id);
    hooks.delete(message.id);
    if (message.error === undefined) pending?.resolve();
    else pending?.reject(new Error(message.error));
    return;
  }
  const handler = handlers[message.type];
  Promise.resolve()
    .then(() => handler(message))
    .then(
      (value) => send({ type: 'reply', id: message.id, ok: true, value }),
      (error) =>
        send({
          type: 'reply',
          id: message.id,
          ok: false,
          error: { name: error?.name ?? 'Error', message: error instanceof Error ? error.message : String(error) },
        }),
    );
});
send({ type: 'ready' });
