import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml, runConformance, type ConformanceCheckResult, type ConformanceResult } from '../src/index.js';
import { fullCanary, storePath, useEmbeddedServer } from './helpers.js';

/** Debian's `chromium` (the CI script installs it); the tests skip, saying why, only where it is absent. */
const chromium = ['chromium', 'chromium-browser']
  .map((name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim())
  .find((path) => path !== '');

/**
 * Headless Chromium driven over the DevTools protocol on a pipe (fd 3 in, fd 4 out, messages
 * separated by NUL), so the test reads the page as a reader sees it: `innerText` applies the CSS.
 */
class Browser {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private received = '';

  private constructor(private readonly child: ChildProcess) {
    (child.stdio[4] as Readable).on('data', (chunk: Buffer) => {
      this.received += chunk.toString('utf8');
      let end;
      while ((end = this.received.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.received.slice(0, end)) as {
          id?: number;
          result?: unknown;
          error?: { message: string };
        };
        this.received = this.received.slice(end + 1);
        const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
        if (waiting === undefined) continue;
        this.pending.delete(message.id!);
        if (message.error !== undefined) waiting.reject(new Error(message.error.message));
        else waiting.resolve(message.result);
      }
    });
  }

  static launch(binary: string, profile: string): Browser {
    const child = spawn(
      binary,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
      ],
      {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
      },
    );
    return new Browser(child);
  }

  send<T>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      (this.child.stdio[3] as Writable).write(
        `${JSON.stringify({ id, method, params, ...(sessionId === undefined ? {} : { sessionId }) })}\0`,
      );
    });
  }

  /** Opens `url` in a new tab and returns `expression`'s value once the page has loaded. */
  async read<T>(url: string, expression: string): Promise<T> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    await this.send('Page.navigate', { url }, sessionId);
    const evaluate = async <V>(source: string): Promise<V> =>
      (
        await this.send<{ result: { value: V } }>(
          'Runtime.evaluate',
          { expression: source, returnByValue: true },
          sessionId,
        )
      ).result.value;
    while ((await evaluate<string>(`document.URL === ${JSON.stringify(url)} && document.readyState`)) !== 'complete')
      await new Promise((r) => setTimeout(r, 20));
    return evaluate<T>(expression);
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.send('Browser.close').catch(() => undefined);
    await exited;
  }
}

/** What a reader of the report sees, gathered in the page. */
interface Seen {
  title: string;
  text: string;
  scripts: number;
  images: number;
  resources: number;
  checks: Array<{ id: string; status: string; evidence: string[]; notes: string[] }>;
}

const seeing = `JSON.stringify({
  title: document.title,
  text: document.body.innerText,
  scripts: document.scripts.length,
  images: document.images.length,
  resources: performance.getEntriesByType('resource').length,
  checks: [...document.querySelectorAll('article.check')].map((a) => ({
    id: a.querySelector('h3').innerText,
    status: a.querySelector('.status').innerText,
    evidence: [...a.querySelectorAll('ul.evidence li')].map((li) => li.innerText),
    notes: [...a.querySelectorAll('ul.notes li')].map((li) => li.innerText),
  })),
})`;

describe.skipIf(chromium === undefined)(
  `the HTML report, as headless Chromium shows it${chromium === undefined ? ' (skipped: no chromium binary on PATH; apt-get install chromium)' : ''}`,
  () => {
    const server = useEmbeddedServer();
    let directory: string;
    let browser: Browser;
    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'secret-hygiene-html-'));
      browser = Browser.launch(chromium!, join(directory, 'profile'));
    });
    afterAll(async () => {
      await browser?.close();
      await rm(directory, { recursive: true, force: true });
    });

    const show = async (result: ConformanceResult, name: string): Promise<Seen> => {
      const file = join(directory, `${name}.html`);
      await writeFile(file, formatHtml(result));
      return JSON.parse(await browser.read<string>(pathToFileURL(file).href, seeing)) as Seen;
    };

    it('shows each promise proven, broken or not proven, the evidence of a failure, and the run', async () => {
      const result = await runConformance({
        adapter: storePath('broken-plaintext-then-encrypt'),
        server: server(),
        checks: ['no-plaintext-on-disk', 'deletion', 'audit-trail'],
        seed: 424242,
      });
      const seen = await show(result, 'run');
      expect(seen.title).toBe('secret-hygiene conformance: 1 of 3 promises broken');
      expect(seen.checks.map((c) => [c.id, c.status])).toEqual([
        ['no-plaintext-on-disk', 'BROKEN'],
        ['deletion', 'PROVEN'],
        ['audit-trail', 'NOT PROVEN'],
      ]);
      const [disk, , audit] = seen.checks;
      expect(disk!.evidence.join('\n')).toMatch(
        /\d secrets \(shc[^ ]*…[^ ]*, .*\) in heap file of secrets, page 0, before VACUUM \(raw\)/,
      );
      expect(audit!.notes).toEqual([
        'not proven: the adapter declares no audit trail (`audit`: a table or an events callback)',
      ]);
      expect(seen.text).toMatch(/Seed\s+424242/);
      expect(seen.text).toMatch(/Server\s+embedded: embedded PostgreSQL on 127\.0\.0\.1:\d+/);
      expect(seen.text).toMatch(/PostgreSQL\s+17\.\d+/);
      expect(seen.text).toMatch(/Harness\s+@secret-hygiene\/conformance \d+\.\d+\.\d+/);
      expect(seen.text).toMatch(/Store ran\s+in its own process/);
      expect(seen.text).toContain('How it is tested:');
      expect(seen.text).not.toMatch(fullCanary);
      // Self-contained: no script, no image, nothing fetched.
      expect([seen.scripts, seen.images, seen.resources]).toEqual([0, 0, 0]);
    });

    it('shows hostile text from an adapter as text: nothing in a message becomes markup', async () => {
      const hostile = `</style><script>document.title='owned'</script><img src=x onerror="document.title='owned'"> & "quotes" 'single'`;
      const check: ConformanceCheckResult = {
        id: 'integrity',
        description: 'd',
        promise: 'p',
        status: 'fail',
        durationMs: 3,
        failures: [`unexpected error: ${hostile}`],
        notes: [hostile],
      };
      const result: ConformanceResult = {
        adapter: `<b>adapter</b>.mjs`,
        provider: 'embedded PostgreSQL on 127.0.0.1:1',
        server: {
          kind: 'embedded',
          description: 'embedded PostgreSQL on 127.0.0.1:1',
          postgresVersion: `17.0 <i>x</i>`,
        },
        versions: { harness: '0.1.0', node: 'v20.19.0' },
        isolation: 'process',
        seed: 1,
        startedAt: new Date(0).toISOString(),
        durationMs: 5,
        checks: [check],
        passed: false,
      };
      const seen = await show(result, 'hostile');
      expect(seen.title).toBe('secret-hygiene conformance: 1 of 1 promises broken');
      expect(seen.checks[0]!.evidence).toEqual([`unexpected error: ${hostile}`]);
      expect(seen.checks[0]!.notes).toEqual([hostile]);
      expect(seen.text).toContain('<b>adapter</b>.mjs');
      expect(seen.text).toMatch(/PostgreSQL\s+17\.0 <i>x<\/i>/);
      expect([seen.scripts, seen.images, seen.resources]).toEqual([0, 0, 0]);
    });
  },
);
