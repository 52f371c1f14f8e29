import { readFileSync } from 'node:fs';

/** The scanner's package version, for SARIF and JSON output. */
export const scannerVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Where users read about the tool. */
export const informationUri = 'https://github.com/secret-hygiene/secret-hygiene';
