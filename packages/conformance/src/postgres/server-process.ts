import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PostgresBinaries } from './binaries.js';
import type { SystemUser } from './root-access.js';

/** How initdb and the server run: as whom (root starts them as the postgres user), and where their output goes. */
export interface ServerProcessOptions {
  readonly runAs?: SystemUser;
  readonly onLog: (text: string) => void;
}

/** The message PostgreSQL logs once it accepts connections (untranslated: messages are in the C locale). */
const readyMessage = 'database system is ready to accept connections';

function spawnOptions(options: ServerProcessOptions) {
  return {
    ...(options.runAs === undefined ? {} : { uid: options.runAs.uid, gid: options.runAs.gid }),
    // The start is recognised by an English log line.
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
  };
}

/**
 * Runs initdb into `dataDir` (an empty directory the server's user owns) with a superuser
 * `postgres` whose password is `password`.
 * @throws {Error} with initdb's output when it fails.
 */
export async function initialiseCluster(
  binaries: PostgresBinaries,
  dataDir: string,
  password: string,
  flags: readonly string[],
  options: ServerProcessOptions,
): Promise<void> {
  const passwordFile = join(tmpdir(), `secret-hygiene-pwfile-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (options.runAs !== undefined) await chown(passwordFile, options.runAs.uid, options.runAs.gid);
    const child = spawn(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
        ...flags,
      ],
      spawnOptions(options),
    );
    let output = '';
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      options.onLog(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const [code, signal] = await exited(child);
    if (code !== 0)
      throw new Error(`initdb failed (${signal ?? `exit code ${String(code)}`}): ${output.trim().split('\n').at(-1)}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** The exit code and signal of `child`, once it has exited; rejects when it could not be started. */
function exited(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve([code, signal]));
  });
}

/**
 * Starts the server on `dataDir`; resolves once it accepts connections. Its stderr (the log) goes
 * to `onLog` for as long as it runs.
 * @throws {Error} when it cannot be started or exits before it is ready.
 */
export async function startServer(
  binaries: PostgresBinaries,
  dataDir: string,
  port: number,
  flags: readonly string[],
  options: ServerProcessOptions,
): Promise<ChildProcess> {
  const child = spawn(binaries.postgres, ['-D', dataDir, '-p', String(port), ...flags], spawnOptions(options));
  child.stdout.on('data', (chunk: Buffer) => options.onLog(chunk.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    // The ready line may arrive split over two chunks: look at the text since the last line break.
    let line = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      options.onLog(text);
      line += text;
      if (line.includes(readyMessage)) resolve();
      line = line.slice(line.lastIndexOf('\n') + 1);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`the server exited during start-up (${signal ?? `exit code ${String(code)}`})`)),
    );
  });
  return child;
}

/**
 * Stops the server with an immediate shutdown (SIGQUIT: no shutdown checkpoint, whose writes are
 * wasted on a cluster that is removed next); one that is wedged gets SIGKILL after `graceMs`.
 */
export async function stopServer(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGQUIT');
  const timer = new AbortController();
  const stopped = await Promise.race([
    done.then(() => true),
    sleep(graceMs, false, { signal: timer.signal }).catch(() => false),
  ]);
  timer.abort();
  if (!stopped) {
    child.kill('SIGKILL');
    await done;
  }
}
