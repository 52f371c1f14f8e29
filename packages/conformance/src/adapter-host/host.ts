import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientConfig } from 'pg';
import type { AuditActions, AuditTable, StorageDescription, StoreKeys } from '../adapter.js';
import { SetupError } from '../postgres/types.js';
import { withTimeout } from './timeout.js';

/** The child's entry: beside this file in `src/`, or in `src/` when this file runs from `dist/`. */
function childEntry(): string {
  const here = new URL('./child.mjs', import.meta.url);
  return fileURLToPath(
    existsSync(fileURLToPath(here)) ? here : new URL('../../src/adapter-host/child.mjs', import.meta.url),
  );
}

/** An error the store let escape (an unhandled rejection, a throwing timer), as the child reported it. */
export interface EscapedError {
  readonly kind: string;
  readonly message: string;
}

interface Reply {
  readonly type: 'reply';
  readonly id: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { name: string; message: string };
}

type ChildMessage =
  | Reply
  | { readonly type: 'ready' }
  | { readonly type: 'escaped'; readonly kind: string; readonly message: string }
  | { readonly type: 'beforeQuery'; readonly id: number; readonly store: number; readonly queryNumber: number };

/** What the harness asks of the store process when a hooked store is about to send a query. */
export type QueryHook = (store: number, queryNumber: number) => Promise<void>;

/**
 * The parent side of the adapter process: starts it (cwd and TMPDIR in a directory of the
 * harness's own), owns its stdout and stderr for the whole run, and calls the store through IPC.
 * A process that dies is started again for the next store; every call has a time limit that names it.
 */
export class AdapterProcess {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;
  private nextStore = 0;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; what: string }
  >();
  private readonly streams = { stdout: '', stderr: '' };
  private exited: Promise<void> = Promise.resolve();
  /** Called for every error the store lets escape. */
  onEscaped: (error: EscapedError) => void = () => undefined;
  /** Called before each query of a store whose hook is on. */
  onQuery: QueryHook = async () => undefined;

  /** The directory of the adapter module, when it is a file. */
  readonly moduleDir: string | undefined;

  private constructor(
    private readonly target: string,
    /** The store process's working directory. */
    readonly workDir: string,
    /** Its temporary directory (TMPDIR, TMP, TEMP). */
    readonly tempDir: string,
    private readonly root: string,
    private readonly callTimeoutMs: number,
  ) {
    this.moduleDir = target.startsWith('file:') ? dirname(fileURLToPath(target)) : undefined;
  }

  /**
   * Starts the process and loads the adapter module (`target`: a file URL or a package name).
   * @throws {SetupError} when the module does not load or exports no factory.
   */
  static async start(target: string, specifier: string, callTimeoutMs: number): Promise<AdapterProcess> {
    const root = await mkdtemp(join(tmpdir(), 'secret-hygiene-adapter-'));
    const workDir = join(root, 'work');
    const tempDir = join(root, 'tmp');
    await mkdir(workDir);
    await mkdir(tempDir);
    const host = new AdapterProcess(target, workDir, tempDir, root, callTimeoutMs);
    try {
      await host.spawn();
    } catch (error) {
      await host.stop();
      throw new SetupError(`could not load adapter module ${specifier}: ${(error as Error).message}`);
    }
    return host;
  }

  /** Everything the process printed so far, stdout then stderr, from the given offsets. */
  output(since: OutputPosition = { stdout: 0, stderr: 0 }): string {
    return [this.streams.stdout.slice(since.stdout), this.streams.stderr.slice(since.stderr)]
      .filter((s) => s !== '')
      .join('\n');
  }

  position(): OutputPosition {
    return { stdout: this.streams.stdout.length, stderr: this.streams.stderr.length };
  }

  private async spawn(): Promise<void> {
    const child = fork(childEntry(), [], {
      cwd: this.workDir,
      // DEBUG: every namespace of the `debug` package, as an operator troubleshooting would turn it on.
      env: { ...process.env, TMPDIR: this.tempDir, TMP: this.tempDir, TEMP: this.tempDir, DEBUG: '*' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
      // Its own process group: Ctrl-C reaches the harness, which stops it after cleaning up.
      detached: true,
    });
    this.child = child;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.streams.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.streams.stderr += chunk));
    let signalReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (signalReady = resolve));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') signalReady();
      else if (message.type === 'reply') {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) pending?.resolve(message.value);
        else
          pending?.reject(
            Object.assign(new Error(message.error?.message ?? 'unknown error'), {
              name: message.error?.name ?? 'Error',
            }),
          );
      } else if (message.type === 'escaped') this.onEscaped({ kind: message.kind, message: message.message });
      else if (message.type === 'beforeQuery') {
        this.onQuery(message.store, message.queryNumber).then(
          () => child.connected && child.send({ type: 'hookDone', id: message.id }),
          (error: unknown) =>
            child.connected &&
            child.send({ type: 'hookDone', id: message.id, error: (error as Error).message ?? String(error) }),
        );
      }
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (this.child === child) this.child = undefined;
        for (const [id, pending] of this.pending) {
          this.pending.delete(id);
          pending.reject(new Error(`the adapter process exited (${signal ?? `code ${code}`}) during ${pending.what}`));
        }
        resolve();
      });
    });
    child.on('error', () => undefined);
    await Promise.race([
      ready,
      this.exited.then(() => Promise.reject(new Error('the adapter process exited while starting'))),
    ]);
    await this.request({ type: 'load', target: this.target }, 'loading the adapter module');
  }

  private request(message: Record<string, unknown>, what: string, timeoutMs = this.callTimeoutMs): Promise<unknown> {
    const child = this.child;
    if (child === undefined || !child.connected)
      return Promise.reject(new Error(`the adapter process is not running (${what})`));
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, what });
      child.send({ ...message, id });
    });
    return withTimeout(reply, timeoutMs, what).finally(() => this.pending.delete(id));
  }

  /**
   * Opens a store (factory + `setup()`); restarts the process first when it died. Resolves to the
   * store's number and its descriptions (an audit callback as `{ events: true }`).
   */
  async open(connection: ClientConfig, applicationName: string, keys: StoreKeys): Promise<OpenedInProcess> {
    if (this.child === undefined) await this.spawn();
    const store = this.nextStore++;
    const opened = (await this.request(
      { type: 'open', store, connection, applicationName, keys, poolSize: 6 },
      'the adapter factory and setup()',
    )) as Omit<OpenedInProcess, 'store'>;
    return { store, ...opened };
  }

  /** Calls `method` on an open store; resolves to its value and the store's query count. */
  async call(store: number, method: string, args: readonly unknown[]): Promise<{ value: unknown; queryCount: number }> {
    return (await this.request({ type: 'call', store, method, args }, `adapter.${method}()`)) as {
      value: unknown;
      queryCount: number;
    };
  }

  async setHook(store: number, enabled: boolean): Promise<void> {
    await this.request({ type: 'hook', store, enabled }, 'a harness request');
  }

  async resetQueryCount(store: number): Promise<void> {
    await this.request({ type: 'resetQueryCount', store }, 'a harness request');
  }

  async endPool(store: number): Promise<void> {
    await this.request({ type: 'endPool', store }, 'ending the pool').catch(() => undefined);
  }

  /** Has the process print the way real stores do (positive control). False when it is not running. */
  async print(direct: string, stream: string): Promise<boolean> {
    if (this.child === undefined) await this.spawn().catch(() => undefined);
    return this.request({ type: 'print', direct, stream }, 'a harness request').then(
      () => true,
      () => false,
    );
  }

  /**
   * Waits until everything the process printed so far has arrived (a mark written to both streams
   * comes back). A dead process has nothing more to say.
   */
  async flush(): Promise<void> {
    const mark = `secret-hygiene-output-mark-${randomBytes(8).toString('hex')}`;
    const sent = await this.request({ type: 'flush', mark }, 'a harness request').then(
      () => true,
      () => false,
    );
    if (!sent) return;
    const deadline = Date.now() + this.callTimeoutMs;
    while (
      !(this.streams.stdout.includes(mark) && this.streams.stderr.includes(mark)) &&
      Date.now() < deadline &&
      this.child !== undefined
    ) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    this.streams.stdout = this.streams.stdout.replace(`${mark}\n`, '');
    this.streams.stderr = this.streams.stderr.replace(`${mark}\n`, '');
  }

  /**
   * Lets the process finish what the store left running (deferred output, timers) and exit; after
   * `graceMs` it is killed. Then every stream has ended and `output()` holds all it printed.
   */
  async finish(graceMs = 2_000): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    await this.request({ type: 'exit' }, 'a harness request', graceMs).catch(() => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    await Promise.all([ended(child.stdout), ended(child.stderr)]);
  }

  /** Kills the process (if it still runs) and removes its directories. Idempotent. */
  async stop(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
    await rm(this.root, { recursive: true, force: true });
  }
}

/** A store opened in the adapter process. */
export interface OpenedInProcess {
  readonly store: number;
  readonly storage: StorageDescription;
  readonly audit?: AuditTable | { readonly events: true; readonly actions?: AuditActions };
}

/** Offsets into the two output streams. */
export interface OutputPosition {
  readonly stdout: number;
  readonly stderr: number;
}

function ended(stream: NodeJS.ReadableStream | null): Promise<void> {
  if (stream === null || (stream as NodeJS.ReadableStream & { readableEnded?: boolean }).readableEnded === true)
    return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
  });
}
