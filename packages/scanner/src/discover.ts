import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { InputKind } from '@secret-hygiene/checks';
import ignore, { type Ignore } from 'ignore';
import { compileGlobs } from './glob.js';
import type { SkippedFiles } from './types.js';

export type { InputKind };

export interface DiscoveredFile {
  /** Absolute path as reached (not the realpath), so output names what the user sees. */
  readonly path: string;
  /** POSIX path relative to the root. */
  readonly file: string;
  readonly kind: InputKind;
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  readonly skipped: { -readonly [K in keyof SkippedFiles]: number };
  readonly unreadable: { file: string; message: string }[];
}

export interface DiscoverOptions {
  readonly root: string;
  /** Absolute files or directories to scan. */
  readonly paths: readonly string[];
  readonly ignore: readonly string[];
  readonly maxFileSize: number;
}

/** Never entered: dependency and VCS folders. */
const PRUNED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Build output: files below are counted as generated, never read. */
const GENERATED_DIRS = new Set(['dist']);
const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'composer.lock',
]);

/** The kind of a file by name, or undefined for files the scanner does not read. */
export function inputKind(name: string): InputKind | undefined {
  if (/\.d\.[mc]?ts$/i.test(name)) return undefined;
  if (/\.(?:[mc]?[jt]s|[jt]sx)$/i.test(name)) return 'typescript';
  if (/\.prisma$/i.test(name)) return 'prisma';
  if (/\.sql$/i.test(name)) return 'sql';
  if (/^\.env(?:$|\.)/.test(name) || /\.env$/.test(name)) return 'env';
  if (/\.(?:json|ya?ml)$/i.test(name) && !LOCKFILES.has(name)) return 'config';
  if (/\.toml$/i.test(name)) return 'toml';
  if (name === '.npmrc') return 'npmrc';
  if (/\.(?:pem|key)$/i.test(name) || /^id_(?:rsa|dsa|ecdsa|ed25519)$/.test(name)) return 'private-key';
  return undefined;
}

/**
 * Lists the files to scan below `paths`, following symlinks but never a real directory twice (so
 * symlink loops end), skipping and counting ignored (config globs and every `.gitignore` from the
 * repository's top down, nested ones included), generated, minified, binary and oversized files.
 * A path named explicitly is scanned even when a `.gitignore` leaves it out.
 */
export function discoverFiles(options: DiscoverOptions): Discovery {
  const isIgnoredByConfig = compileGlobs(options.ignore);
  const gitignores = new GitignoreStack(options.root);
  const result: Discovery = {
    files: [],
    skipped: { ignored: 0, generated: 0, minified: 0, binary: 0, tooLarge: 0 },
    unreadable: [],
  };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const toRelative = (path: string) => relative(options.root, path).split(sep).join('/') || basename(path);
  const isIgnored = (path: string, isDirectory: boolean): boolean =>
    isIgnoredByConfig(toRelative(path)) || (!options.paths.includes(path) && gitignores.ignores(path, isDirectory));

  /** `size` undefined: not yet known (a file from the directory listing, stat'ed only if it is read). */
  const visitFile = (path: string, knownSize: number | undefined, underGenerated: boolean): void => {
    const name = basename(path);
    const kind = inputKind(name);
    if (!kind) {
      if (/\.d\.[mc]?ts$/i.test(name)) result.skipped.generated++;
      return;
    }
    const file = toRelative(path);
    if (isIgnored(path, false)) return void result.skipped.ignored++;
    if (underGenerated) return void result.skipped.generated++;
    if (/\.min\.[mc]?js$/i.test(name)) return void result.skipped.minified++;
    let head: Buffer;
    let size: number;
    try {
      size = knownSize ?? statSync(path).size;
      if (size > options.maxFileSize) return void result.skipped.tooLarge++;
      head = readHead(path, HEAD_BYTES);
    } catch (error) {
      result.unreadable.push({ file, message: (error as Error).message });
      return;
    }
    if (head.subarray(0, 2048).includes(0)) return void result.skipped.binary++;
    if (kind === 'typescript') {
      const text = head.toString('utf8');
      if (/@generated\b/.test(text.slice(0, 1024))) return void result.skipped.generated++;
      if (looksMinified(text, head.length < size)) return void result.skipped.minified++;
    }
    result.files.push({ path, file, kind });
  };

  /**
   * `entry`: how the parent's listing saw it, with the parent's real path. A plain file or directory
   * there needs no system call to be classified, and its real path is the parent's plus its name;
   * only symlinks (and the scanned paths themselves) are stat'ed and resolved.
   */
  const visit = (path: string, underGenerated: boolean, entry?: { dirent: Dirent; realParent: string }): void => {
    if (entry?.dirent.isFile()) {
      const real = join(entry.realParent, entry.dirent.name);
      if (real !== path && !options.paths.includes(path)) {
        // Below a symlinked directory: waits, so the real path wins when both are scanned.
        return void linked.push({ path, real, size: undefined, underGenerated });
      }
      if (seenFiles.has(real)) return;
      seenFiles.add(real);
      return visitFile(path, undefined, underGenerated);
    }
    let stat: { isDirectory(): boolean; isFile(): boolean; size?: number };
    let real: string;
    try {
      if (entry?.dirent.isDirectory()) {
        stat = entry.dirent;
        real = join(entry.realParent, entry.dirent.name);
      } else {
        stat = statSync(path);
        real = realpathSync(path);
      }
    } catch (error) {
      // A dangling symlink or a file that vanished: say so, go on.
      result.unreadable.push({ file: toRelative(path), message: (error as Error).message });
      return;
    }
    if (stat.isDirectory()) {
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      const rel = toRelative(path);
      if (path !== options.root && rel !== '' && isIgnored(path, true) && !options.paths.includes(path))
        return void result.skipped.ignored++;
      let entries: Dirent[];
      try {
        entries = readdirSync(path, { withFileTypes: true }).sort((a, b) =>
          a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
        );
      } catch (error) {
        result.unreadable.push({ file: rel, message: (error as Error).message });
        return;
      }
      if (entries.some((e) => e.name === '.gitignore')) gitignores.load(path);
      for (const dirent of entries) {
        if (PRUNED_DIRS.has(dirent.name)) continue;
        visit(join(path, dirent.name), underGenerated || GENERATED_DIRS.has(dirent.name), {
          dirent,
          realParent: real,
        });
      }
    } else if (stat.isFile()) {
      // A file reached through a symlink waits, so the real path wins when both are scanned.
      if (real !== path && !options.paths.includes(path))
        return void linked.push({ path, real, size: stat.size, underGenerated });
      if (seenFiles.has(real)) return;
      seenFiles.add(real);
      visitFile(path, stat.size, underGenerated);
    }
  };
  const linked: { path: string; real: string; size: number | undefined; underGenerated: boolean }[] = [];
  for (const path of options.paths) {
    gitignores.loadAncestors(stat(path)?.isDirectory() ? path : dirname(path));
    visit(path, false);
  }
  for (const link of linked) {
    if (seenFiles.has(link.real)) continue;
    seenFiles.add(link.real);
    visitFile(link.path, link.size, link.underGenerated);
  }
  result.files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
}

/** Bytes read from the start of each file: binary, `@generated` and minified detection look here. */
const HEAD_BYTES = 16 * 1024;

/**
 * A minified or bundled file: a line of 4,000 characters or more, or lines averaging over 500, in the
 * first 16 KiB (hand-written code almost never does either; a bundle does on its first line).
 */
export function looksMinified(head: string, truncated: boolean): boolean {
  const lines = head.split('\n');
  // The last line of a truncated head is longer than it looks: its length is a lower bound.
  const longest = Math.max(...lines.map((l) => l.length));
  if (longest >= 4000) return true;
  const complete = truncated ? lines.slice(0, -1) : lines;
  if (complete.length < 5) return false;
  return complete.reduce((sum, l) => sum + l.length, 0) / complete.length > 500;
}

function stat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The `.gitignore` files that apply to a walk, each matched (with gitignore semantics, by `ignore`)
 * against paths relative to its own directory: from the repository's top down to the scanned
 * directory, then each nested one as the walk enters its directory.
 */
class GitignoreStack {
  private readonly byDir = new Map<string, Ignore>();

  constructor(private readonly root: string) {}

  /** Loads the `.gitignore` of `dir` and of its ancestors up to the repository's top (the directory holding `.git`). */
  loadAncestors(dir: string): void {
    const chain: string[] = [];
    for (let current = dir; ; current = dirname(current)) {
      chain.push(current);
      if (existsSync(join(current, '.git')) || dirname(current) === current) break;
    }
    if (!existsSync(join(chain[chain.length - 1]!, '.git'))) chain.splice(1); // not in a repository: only the scanned directory's own.
    for (const d of chain.reverse()) if (existsSync(join(d, '.gitignore'))) this.load(d);
  }

  load(dir: string): void {
    if (this.byDir.has(dir)) return;
    try {
      this.byDir.set(dir, ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')));
    } catch {
      // An unreadable .gitignore ignores nothing; the walk reports unreadable files it needs.
    }
  }

  ignores(path: string, isDirectory: boolean): boolean {
    // Only the ancestors' files apply: look each up (a path's depth in map probes) rather than
    // trying every loaded file (89 in payload's tree, which made matching most of the walk's time).
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const rules = this.byDir.get(dir);
      if (rules) {
        const posix = relative(dir, path).split(sep).join('/');
        if (rules.ignores(isDirectory ? `${posix}/` : posix)) return true;
      }
      if (dirname(dir) === dir) return false;
    }
  }
}

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
