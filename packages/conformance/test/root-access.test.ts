import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { startEmbedded } from '../src/postgres/embedded.js';
import { unreachableForPostgres } from '../src/postgres/root-access.js';
import { SetupError } from '../src/postgres/types.js';

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
