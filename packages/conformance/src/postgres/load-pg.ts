// Imported first by the package's entry, before any module that imports `pg`: pg 8 asks at load
// time whether it runs on Cloudflare Workers through `navigator.userAgent`, and where there is no
// `navigator` (Node 20) through `new Response(null, { cf })`, which loads Node's whole fetch
// implementation (undici) at every start. A navigator stands in while pg loads, and is removed.
import { createRequire } from 'node:module';

const global = globalThis as { navigator?: unknown };
if (global.navigator === undefined) {
  global.navigator = { userAgent: 'Node.js' };
  try {
    createRequire(import.meta.url)('pg');
  } finally {
    delete global.navigator;
  }
}
