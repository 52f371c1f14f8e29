import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { compileGlobs } from './glob.js';

/** What the scanner does with a file. */
export type InputKind = 'typescript' | 'prisma' | 'sql' | 'env' | 'config';

export interface DiscoveredFile {
  /** Absolute path as reached (not the realpath), so output names what the user sees. */
  readonly path: string;
  /** POSIX path relative to the root. */
  readonly file: string;
  readonly kind: InputKind;
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  readonly skipped: { binary: number; tooLarge: number; generated: number; ignored: number };
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
const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'composer.lock']);

/** The kind of a file by name, or undefined for files the scanner does not read. */
export function inputKind(name: string): InputKind | undefined {
  if (/\.d\.[mc]?ts$/i.test(name)) return undefined;
  if (/\.(?:[mc]?[jt]s|[jt]sx)$/i.test(name)) return 'typescript';
  if (/\.prisma$/i.test(name)) return 'prisma';
  if (/\.sql$/i.test(name)) return 'sql';
  if (/^\.env(?:$|\.)/.test(name) || /\.env$/.test(name)) return 'env';
  if (/\.(?:json|ya?ml)$/i.test(name) && !LOCKFILES.has(name)) return 'config';
  return undefined;
}

/**
 * Lists the files to scan below `paths`, following symlinks but never a real directory twice (so
 * symlink loops end), skipping binary, oversized, generated and ignored files and counting them.
 */
export function discoverFiles(options: DiscoverOptions): Discovery {
  const isIgnored = compileGlobs(options.ignore);
  const result: Discovery = { files: [], skipped: { binary: 0, tooLarge: 0, generated: 0, ignored: 0 }, unreadable: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const toRelative = (path: string) => relative(options.root, path).split(sep).join('/') || basename(path);

  const visitFile = (path: string, size: number, underGenerated: boolean): void => {
    const name = basename(path);
    const kind = inputKind(name);
    if (!kind) {
      if (/\.d\.[mc]?ts$/i.test(name)) result.skipped.generated++;
      return;
    }
    const file = toRelative(path);
    if (isIgnored(file)) return void result.skipped.ignored++;
    if (underGenerated || /\.min\.[mc]?js$/i.test(name)) return void result.skipped.generated++;
    if (size > options.maxFileSize) return void result.skipped.tooLarge++;
    let head: Buffer;
    try {
      head = readHead(path, 2048);
    } catch (error) {
      result.unreadable.push({ file, message: (error as Error).message });
      return;
    }
    if (head.includes(0)) return void result.skipped.binary++;
    if (kind === 'typescript' && /@generated\b/.test(head.subarray(0, 1024).toString('utf8'))) return void result.skipped.generated++;
    result.files.push({ path, file, kind });
  };

  const visit = (path: string, underGenerated: boolean): void => {
    let stat;
    let real: string;
    try {
      stat = statSync(path);
      real = realpathSync(path);
    } catch (error) {
      // A dangling symlink or a file that vanished: say so, go on.
      result.unreadable.push({ file: toRelative(path), message: (error as Error).message });
      return;
    }
    if (stat.isDirectory()) {
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      const rel = toRelative(path);
      if (path !== options.root && rel !== '' && isIgnored(rel) && !options.paths.includes(path)) return void result.skipped.ignored++;
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (error) {
        result.unreadable.push({ file: rel, message: (error as Error).message });
        return;
      }
      for (const name of names) {
        if (PRUNED_DIRS.has(name)) continue;
        visit(join(path, name), underGenerated || GENERATED_DIRS.has(name));
      }
    } else if (stat.isFile()) {
      // A file reached through a symlink waits, so the real path wins when both are scanned.
      if (real !== path && !options.paths.includes(path)) return void linked.push({ path, real, size: stat.size, underGenerated });
      if (seenFiles.has(real)) return;
      seenFiles.add(real);
      visitFile(path, stat.size, underGenerated);
    }
  };
  const linked: { path: string; real: string; size: number; underGenerated: boolean }[] = [];
  for (const path of options.paths) visit(path, false);
  for (const link of linked) {
    if (seenFiles.has(link.real)) continue;
    seenFiles.add(link.real);
    visitFile(link.path, link.size, link.underGenerated);
  }
  result.files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
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
