import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCache } from '../src/postgres/cluster-cache.js';
import {
  checkPort,
  chooseProvider,
  connectUrl,
  freePort,
  maskUrl,
  maskUrlsIn,
  parseDatabaseUrl,
  SetupError,
  startEmbedded,
} from '../src/index.js';

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });
}

describe('maskUrl', () => {
  it('masks the password and keeps everything else', () => {
    // made-up credentials: the test proves they are masked
    expect(maskUrl('postgres://app:s3cr3t-pw@db.internal:5432/prod')).toBe('postgres://app:***@db.internal:5432/prod');
    expect(maskUrl('postgresql://app@db/prod')).toBe('postgresql://app@db/prod');
    expect(maskUrl('postgres://db/prod?sslmode=require&password=hunter22')).toBe(
      'postgres://db/prod?sslmode=require&password=***',
    );
  });

  it('masks URLs that do not parse and URLs inside messages', () => {
    expect(maskUrl('postgres://app:p@ss word@db/x')).not.toContain('ss word');
    // made-up credentials: no scheme, one slash, a port that does not parse
    expect(maskUrl('app:pw-a@db/x')).toBe('app:***@db/x');
    expect(maskUrl('postgres:/app:pw-b@db/x')).toBe('postgres:/app:***@db/x');
    expect(maskUrl('postgres://app:pw-c@db:port/x')).toBe('postgres://app:***@db:port/x');
    // made-up credentials: the test proves they are masked
    expect(maskUrlsIn('failed for postgres://u:topsecret@h/db: timeout')).toBe(
      'failed for postgres://u:***@h/db: timeout',
    );
  });
});

describe('chooseProvider', () => {
  it('prefers a URL, uses Docker only when asked, defaults to embedded', () => {
    expect(chooseProvider({})).toBe('embedded');
    expect(chooseProvider({ databaseUrl: 'postgres://h/db' })).toBe('url');
    expect(chooseProvider({ db: 'docker' })).toBe('docker');
    expect(chooseProvider({ db: 'embedded', databaseUrl: 'postgres://h/db' })).toBe('embedded');
    expect(chooseProvider({ db: 'url', databaseUrl: 'postgres://h/db' })).toBe('url');
  });

  it('refuses --db url without a URL', () => {
    expect(() => chooseProvider({ db: 'url' })).toThrow(SetupError);
  });
});

describe('unusable URLs and ports give clear errors', () => {
  it('rejects a URL that is not a postgres URL, with the password masked', () => {
    // made-up credentials: the test proves they are masked
    expect(() => parseDatabaseUrl('mysql://root:rootpw@h/db')).toThrow(
      'the database URL must start with postgres:// or postgresql://, got mysql://root:***@h/db',
    );
    expect(() => parseDatabaseUrl('not a url')).toThrow(/not a valid URL/);
    // made-up credentials: a URL that does not parse is not echoed at all
    expect(() => parseDatabaseUrl('postgres://app:pw@host:notaport/db')).toThrow(
      'the database URL is not a valid URL (expected postgres://user:password@host:port/database; the value is not shown, it may hold a password)',
    );
    expect(() => parseDatabaseUrl('postgres:/app:pw@host/db')).toThrow(
      'the database URL names no host: postgres:/app:***@host/db',
    );
  });

  it('names the masked URL when nothing answers there', async () => {
    const port = await freePort();
    // made-up credentials: the test proves they are masked
    const error = await connectUrl(`postgres://app:dont-print-me@127.0.0.1:${port}/db`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    // made-up credentials: the test proves they are masked
    expect((error as Error).message).toMatch(
      new RegExp(`^could not connect to the database URL postgres://app:\\*\\*\\*@127\\.0\\.0\\.1:${port}/db: `),
    );
    expect((error as Error).message).not.toContain('dont-print-me');
  });

  it('refuses a port that is taken or out of range before starting anything', async () => {
    const { server, port } = await listen();
    try {
      await expect(checkPort(port)).rejects.toThrow(
        `port ${port} is not usable: another process is already listening on 127.0.0.1:${port}`,
      );
      await expect(startEmbedded({ port })).rejects.toThrow(SetupError);
    } finally {
      server.close();
    }
    await expect(checkPort(70_000)).rejects.toThrow(
      'port 70000 is not usable: a TCP port is an integer from 1 to 65535',
    );
  });

  it('finds a free port by binding port 0', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(checkPort(port)).resolves.toBeUndefined();
  });
});

describe('the initdb cache', () => {
  it('is trusted only when complete and readable by this user alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sh-cache-test-'));
    try {
      const location = join(root, 'cache');
      mkdirSync(join(location, 'data'), { recursive: true, mode: 0o700 });
      chmodSync(location, 0o700);
      expect(await readCache(location)).toBeUndefined();
      writeFileSync(join(location, 'data', 'PG_VERSION'), '17\n');
      writeFileSync(join(location, 'password'), 'cached-password\n', { mode: 0o600 });
      expect(await readCache(location)).toEqual({ dataDir: join(location, 'data'), password: 'cached-password' });
      chmodSync(location, 0o755);
      expect(await readCache(location)).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
