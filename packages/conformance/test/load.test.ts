import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAdapter, runConformance, SetupError } from '../src/index.js';
import { resolveAdapter } from '../src/load.js';
import { storePath, useEmbeddedServer } from './helpers.js';

const stores = dirname(dirname(storePath('reference')));

describe('--adapter as users give it', () => {
  const root = mkdtempSync(join(tmpdir(), 'sh-load-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dir = (name: string, files: Record<string, string>): string => {
    const path = join(root, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(path, file)), { recursive: true });
      writeFileSync(join(path, file), text);
    }
    mkdirSync(path, { recursive: true });
    return path;
  };

  it('loads a package directory through its exports (the import condition) or its main, and a folder with index.mjs', () => {
    expect(resolveAdapter('reference-as-package', stores)).toBe(
      pathToFileURL(join(stores, 'reference-as-package/lib/adapter.mjs')).href,
    );
    expect(resolveAdapter('reference', stores)).toBe(pathToFileURL(join(stores, 'reference/index.mjs')).href);
    const main = dir('with-main', {
      'package.json': '{"main": "dist/store.js"}',
      'dist/store.js': 'export default () => ({});',
    });
    expect(resolveAdapter(main)).toBe(pathToFileURL(join(main, 'dist/store.js')).href);
    const sugar = dir('exports-string', {
      'package.json': '{"exports": "./a.mjs"}',
      'a.mjs': 'export default () => ({});',
    });
    expect(resolveAdapter(sugar)).toBe(pathToFileURL(join(sugar, 'a.mjs')).href);
    expect(resolveAdapter('some-package')).toBe('some-package');
  });

  it('refuses a directory with no entry module in one line that says what was looked for', async () => {
    const empty = dir('empty', {});
    const requireOnly = dir('require-only', { 'package.json': '{"exports": {"require": "./a.cjs"}}', 'a.cjs': '' });
    const missing = dir('missing-main', { 'package.json': '{"main": "gone.js"}' });
    const broken = dir('broken-json', { 'package.json': '{' });
    const cases: Array<[string, RegExp]> = [
      [empty, /^adapter directory .*empty has no package.json with "exports" or "main", and no index.mjs or index.js$/],
      [
        requireOnly,
        /^adapter directory .*require-only: package.json "exports" has no entry for "." under the import, node or default condition$/,
      ],
      [missing, /^adapter directory .*missing-main: package.json points to gone.js, which does not exist$/],
      [broken, /^adapter directory .*broken-json: package.json is not valid JSON \(/],
    ];
    for (const [path, message] of cases) {
      await expect(loadAdapter(path)).rejects.toThrow(SetupError);
      await expect(loadAdapter(path)).rejects.toThrow(message);
    }
  });

  const server = useEmbeddedServer();
  it('runs the checks on an adapter given as a package directory', async () => {
    const result = await runConformance({
      adapter: join(stores, 'reference-as-package'),
      server: server(),
      checks: ['deletion'],
    });
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([['deletion', 'pass']]);
  });
});
