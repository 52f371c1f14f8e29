import createDebug from 'debug';
import { readFile } from 'node:fs/promises';

const debug = createDebug('acme:cli:login');
const log = console.log;
const warn = console.warn.bind(console);

interface StoredCredentials {
  email: string;
  apiToken: string;
  expiresAt: string;
}

export async function loadCredentials(path: string): Promise<StoredCredentials> {
  const creds = JSON.parse(await readFile(path, 'utf8')) as StoredCredentials;
  debug('loaded credentials for %s', creds.email);
  debug('loaded credentials %o', creds); // expect: no-secret-logging
  debug('token expires at %s', creds.expiresAt);
  return creds;
}

export function printWhoAmI(creds: StoredCredentials): void {
  log(`Logged in as ${creds.email}`);
  log(`Token: ${creds.apiToken}`); // expect: no-secret-logging
  log(`Token: ${creds.apiToken.slice(0, 4)}…`);
  process.stdout.write(`api token ${creds.apiToken}\n`); // expect: no-secret-logging
  process.stdout.write(`token expires ${creds.expiresAt}\n`);
}

export function warnExpired(creds: StoredCredentials, passphrase: string): void {
  warn(`credentials for ${creds.email} have expired`);
  warn('passphrase was', passphrase); // expect: no-secret-logging
  console.error('passphrase accepted:', passphrase.length > 0);
  console.info('token type: bearer');
  console.info('password reset link sent to', creds.email);
}
