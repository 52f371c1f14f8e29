import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AdapterFactory } from './adapter.js';
import { SetupError } from './postgres/types.js';

/** Conditions an `exports` entry is matched against, as Node's ESM loader does for `import`. */
const conditions = new Set(['import', 'node', 'default']);

/** The target of a package.json `exports` entry for `.` (string, conditions, or a subpath map). */
function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (Array.isArray(exports)) {
    for (const entry of exports) {
      const target = exportTarget(entry);
      if (target !== undefined) return target;
    }
    return undefined;
  }
  if (exports === null || typeof exports !== 'object') return undefined;
  const map = exports as Record<string, unknown>;
  if ('.' in map) return exportTarget(map['.']);
  // Conditions match in the order the package lists them.
  for (const [key, value] of Object.entries(map)) {
    if (conditions.has(key)) {
      const target = exportTarget(value);
      if (target !== undefined) return target;
    }
  }
  return undefined;
}

/**
 * The module file a directory stands for: its package.json `exports` (`.`) or `main`, else
 * `index.mjs` or `index.js`.
 * @throws {SetupError} naming what was looked for when there is none.
 */
function directoryEntry(directory: string, specifier: string): string {
  const manifest = join(directory, 'package.json');
  if (existsSync(manifest)) {
    let pkg: { exports?: unknown; main?: unknown };
    try {
      pkg = JSON.parse(readFileSync(manifest, 'utf8')) as typeof pkg;
    } catch (error) {
      throw new SetupError(
        `adapter directory ${specifier}: package.json is not valid JSON (${(error as Error).message})`,
      );
    }
    const target =
      pkg.exports !== undefined ? exportTarget(pkg.exports) : typeof pkg.main === 'string' ? pkg.main : undefined;
    if (target !== undefined) {
      const file = resolve(directory, target);
      if (!existsSync(file))
        throw new SetupError(`adapter directory ${specifier}: package.json points to ${target}, which does not exist`);
      return file;
    }
    if (pkg.exports !== undefined)
      throw new SetupError(
        `adapter directory ${specifier}: package.json "exports" has no entry for "." under the import, node or default condition`,
      );
  }
  for (const index of ['index.mjs', 'index.js']) {
    const file = join(directory, index);
    if (existsSync(file)) return file;
  }
  throw new SetupError(
    `adapter directory ${specifier} has no package.json with "exports" or "main", and no index.mjs or index.js`,
  );
}

/**
 * What to import for an adapter specifier: a file URL for a path relative to `cwd` (a directory
 * stands for its package entry or `index.mjs`), the specifier itself for a package name.
 * @throws {SetupError} when a directory has no entry module, or a file name is neither a file nor a package.
 */
export function resolveAdapter(specifier: string, cwd = process.cwd()): string {
  const path = resolve(cwd, specifier);
  if (!existsSync(path)) {
    // A file name that is no file and no package: say so now, before anything starts.
    if (/^\.{0,2}\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) {
      try {
        import.meta.resolve(specifier);
      } catch {
        throw new SetupError(`adapter module ${specifier} not found: no such file (from ${cwd}) and no such package`);
      }
    }
    return specifier;
  }
  return pathToFileURL(statSync(path).isDirectory() ? directoryEntry(path, specifier) : path).href;
}

/**
 * Loads an adapter module in this process (a path, relative to `cwd`, a package directory, or a
 * package name) and returns its factory: the `createAdapter` export, or the default export when
 * that is a function. `runConformance` loads path adapters in a process of their own instead.
 * @throws {SetupError} when the module cannot be loaded or exports no factory.
 */
export async function loadAdapter(specifier: string, cwd = process.cwd()): Promise<AdapterFactory> {
  const target = resolveAdapter(specifier, cwd);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(target)) as Record<string, unknown>;
  } catch (error) {
    throw new SetupError(`could not load adapter module ${specifier}: ${firstLine((error as Error).message)}`);
  }
  const factory = mod.createAdapter ?? mod.default;
  if (typeof factory !== 'function') {
    throw new SetupError(`adapter module ${specifier} exports neither createAdapter nor a default factory function`);
  }
  return factory as AdapterFactory;
}

/** Node's loader messages can run over several lines (require stacks); one line is enough. */
export const firstLine = (text: string): string => text.split('\n')[0] ?? text;
