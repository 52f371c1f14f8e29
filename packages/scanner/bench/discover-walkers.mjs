// Not a `*.bench.mjs`: it needs real trees on the command line, so `npm run bench` does not run it.
// The scanner's file discovery (discover.ts: our walk, `ignore` for .gitignore files) against a
// maintained walker (fdir, which tinyglobby is built on, with the same `ignore` stack) and against
// git's own list (`git ls-files -co --exclude-standard`), on real trees:
//   node packages/scanner/bench/discover-walkers.mjs [--rounds 7] [--baseline <discover.js>] <dir>...
// Each variant ends in the same per-file decisions (kind, dist/, minified, size, binary, @generated),
// so the file sets must be equal; the script prints any difference. `--baseline` adds another build of
// discover.js (e.g. an older one) to compare with. Variants run interleaved, round by round, and the
// median wall time is reported (a shared machine's load moves single runs by 2x). Read-only.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '7' }, baseline: { type: 'string' } },
});
if (positionals.length === 0) {
  console.error('usage: discover-walkers.mjs [--rounds n] [--baseline <discover.js>] <dir>...');
  process.exit(2);
}
const require = createRequire(new URL('../package.json', import.meta.url));
const { fdir } = require('fdir');
const ignore = require('ignore');
const ours = await import(new URL('../dist/discover.js', import.meta.url).href);
const baseline = values.baseline ? await import(new URL(values.baseline, `file://${process.cwd()}/`).href) : undefined;
const { inputKind, looksMinified } = ours;

const PRUNED = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX = 1024 * 1024;
const posix = (path) => path.split(sep).join('/');

/** The `.gitignore` files met so far, each matched relative to its own directory (as discover.ts does). */
function gitignoreStack() {
  const byDir = new Map();
  return {
    load(dir) {
      if (byDir.has(dir)) return;
      try {
        byDir.set(dir, ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')));
      } catch {
        byDir.set(dir, undefined);
      }
    },
    ignores(path, isDir) {
      for (let dir = dirname(path); ; dir = dirname(dir)) {
        const rules = byDir.get(dir);
        const rel = posix(relative(dir, path));
        if (rules && rules.ignores(isDir ? `${rel}/` : rel)) return true;
        if (dirname(dir) === dir) return false;
      }
    },
  };
}

function readHead(path) {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16384);
    return buffer.subarray(0, readSync(fd, buffer, 0, 16384, 0));
  } finally {
    closeSync(fd);
  }
}

/** discover.ts's decisions for one candidate file: its relative path when scanned, else undefined. */
function keep(path, rel) {
  const name = basename(path);
  const kind = inputKind(name);
  if (!kind || rel.split('/').slice(0, -1).includes('dist') || /\.min\.[mc]?js$/i.test(name)) return undefined;
  const size = statSync(path).size;
  if (size > MAX) return undefined;
  const head = readHead(path);
  if (head.subarray(0, 2048).includes(0)) return undefined;
  if (kind === 'typescript') {
    const text = head.toString('utf8');
    if (/@generated\b/.test(text.slice(0, 1024)) || looksMinified(text, head.length < size)) return undefined;
  }
  return rel;
}

const discover = (module) => (root) =>
  module.discoverFiles({ root, paths: [root], ignore: [], maxFileSize: MAX }).files.map((f) => f.file);

function viaFdir(root) {
  const gitignores = gitignoreStack();
  gitignores.load(root);
  return new fdir()
    .withFullPaths()
    .exclude((name, dirPath) => {
      const dir = dirPath.replace(/[\\/]$/, '');
      if (PRUNED.has(name) || gitignores.ignores(dir, true)) return true;
      // fdir gives no listing to look in: one more system call per directory for nested .gitignore files.
      if (existsSync(join(dir, '.gitignore'))) gitignores.load(dir);
      return false;
    })
    .filter((path) => inputKind(basename(path)) !== undefined && !gitignores.ignores(path, false))
    .crawl(root)
    .sync()
    .map((path) => keep(path, posix(relative(root, path))))
    .filter(Boolean)
    .sort();
}

function viaGit(root) {
  return execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
    .split('\0')
    .filter((rel) => rel && !rel.split('/').some((s) => PRUNED.has(s)) && inputKind(basename(rel)) !== undefined)
    .filter((rel) => existsSync(join(root, rel))) // a sparse checkout lists files that are not there
    .map((rel) => keep(join(root, rel), rel))
    .filter(Boolean)
    .sort();
}

const variants = {
  'discover.ts': discover(ours),
  ...(baseline ? { baseline: discover(baseline) } : {}),
  'fdir + ignore': viaFdir,
  'git ls-files': viaGit,
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const only = (a, b) => {
  const other = new Set(b);
  return a.filter((x) => !other.has(x));
};

for (const root of positionals) {
  const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const files = {};
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [name, run] of Object.entries(variants)) {
      const started = performance.now();
      files[name] = run(root);
      times[name].push(performance.now() - started);
    }
  }
  console.log(`\n${root}`);
  for (const name of Object.keys(variants)) {
    const all = times[name].map((t) => (t / 1000).toFixed(2)).join(' ');
    console.log(
      `  ${name.padEnd(14)} ${(median(times[name]) / 1000).toFixed(2)} s median  (${all})  ${files[name].length} files`,
    );
  }
  for (const name of Object.keys(variants).slice(1)) {
    const missing = only(files['discover.ts'], files[name]);
    const extra = only(files[name], files['discover.ts']);
    const same = missing.length === 0 && extra.length === 0;
    console.log(
      `  ${name}: ${same ? 'the same file set' : `only discover.ts: ${JSON.stringify(missing.slice(0, 5))} (${missing.length}); only ${name}: ${JSON.stringify(extra.slice(0, 5))} (${extra.length})`}`,
    );
  }
}
