import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startEmbedded, type PostgresServer } from '../src/index.js';

/** Absolute path of a fixture store module. */
export const storePath = (name: string): string =>
  fileURLToPath(new URL(`../../../fixtures/stores/${name}/index.mjs`, import.meta.url));

/** One embedded server per test file, stopped (and its directory removed) also when tests fail. */
export function useEmbeddedServer(): () => PostgresServer {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    server = await startEmbedded();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (server === undefined) throw new Error('the embedded server did not start');
    return server;
  };
}

/** Full canaries look like `shc-` and 26 base32 letters (with optional ü/ß); none may appear in any report. */
export const fullCanary = /shc-(?:ü)?[a-z2-7]{13}ß?[a-z2-7]{13}/u;
