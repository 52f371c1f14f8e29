import { createRequire } from 'node:module';

/** This CLI's version, from its package.json (read, not imported: no scanner load for `--version`). */
export const cliVersion = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
