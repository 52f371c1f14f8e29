// A queue worker that caches an OAuth client's tokens and a signing key on local disk between jobs.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { exchangeCode, type TokenSet } from '../support/oauth';
import { unwrapDataKey } from '../support/kms';

const STATE_DIR = path.join(process.cwd(), '.worker-state');

export async function cacheTokens(code: string): Promise<TokenSet> {
  const tokens = await exchangeCode(code);
  await fsp.mkdir(STATE_DIR, { recursive: true });
  await fsp.writeFile(path.join(STATE_DIR, 'token.json'), JSON.stringify(tokens)); // expect: no-insecure-secret-file
  return tokens;
}

export async function cacheRefreshToken(tokens: TokenSet): Promise<void> {
  await fsp.writeFile(path.join(STATE_DIR, 'refresh.txt'), tokens.refresh_token); // expect: no-insecure-secret-file
}

export async function cacheDataKey(wrapped: string): Promise<void> {
  const dataKey = await unwrapDataKey(wrapped);
  await fsp.writeFile(path.join(STATE_DIR, 'data-key.bin'), dataKey, { mode: 0o640 }); // expect: no-insecure-secret-file
}

export async function cacheDataKeySafely(wrapped: string): Promise<void> {
  const dataKey = await unwrapDataKey(wrapped);
  await fsp.writeFile(path.join(STATE_DIR, 'data-key.bin'), dataKey, { mode: 0o600 });
}

export async function cacheWrappedKey(wrapped: string): Promise<void> {
  await fsp.writeFile(path.join(STATE_DIR, 'data-key.wrapped'), wrapped);
}

export function writeJobStats(jobs: number, failures: number): void {
  fs.writeFileSync(path.join(STATE_DIR, 'stats.json'), JSON.stringify({ jobs, failures }));
}

export function writeSessionSecret(): void {
  fs.writeFileSync(path.join(STATE_DIR, 'session-secret'), process.env.SESSION_SECRET!); // expect: no-insecure-secret-file
}

export function writeHeartbeat(): void {
  fs.writeFileSync(path.join(STATE_DIR, 'heartbeat'), new Date().toISOString());
}
