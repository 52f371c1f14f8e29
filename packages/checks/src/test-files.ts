/**
 * Which files are tests. Some checks relax there on purpose: tests embed sample credentials and use
 * low KDF costs for speed. `fixtures/` is deliberately not a test pattern: fixture apps are real
 * code, and this project lints its own.
 */

/** Globs of test files, matched against the path relative to the project with `/` separators. */
export const DEFAULT_TEST_FILE_PATTERNS: readonly string[] = [
  '**/*.{test,spec}.*',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/test/**',
  '**/tests/**',
];

/**
 * True when the file's path, relative to `root` (default: the working directory) when it lies
 * below it, matches one of the globs. Relative, so a checkout under `~/tests/app` is not all tests.
 */
export function isTestFile(
  fileName: string,
  patterns: readonly string[] = DEFAULT_TEST_FILE_PATTERNS,
  root?: string,
): boolean {
  const path = relativeTo(fileName.replace(/\\/g, '/'), (root ?? workingDirectory())?.replace(/\\/g, '/'));
  return patterns.some((glob) => globToRegExp(glob).test(path));
}

function relativeTo(path: string, root: string | undefined): string {
  if (!root) return path;
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

function workingDirectory(): string | undefined {
  const proc = (globalThis as { process?: { cwd?: () => string } }).process;
  return proc?.cwd?.();
}

/** A minimal glob: `**` any path, `*` any name part, `{a,b}` alternatives, `?` one character; matches a path's tail. */
export function globToRegExp(glob: string): RegExp {
  // Two checks ask for every file with the same few globs: compiled once each (no `g` flag, so
  // sharing one RegExp keeps no state between tests).
  let compiled = compiledGlobs.get(glob);
  if (!compiled) {
    compiled = compileGlob(glob);
    compiledGlobs.set(glob, compiled);
  }
  return compiled;
}

const compiledGlobs = new Map<string, RegExp>();

function compileGlob(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',') source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(?:^|/)${source.replace(/^\(\?:\.\*\/\)\?/, '')}$`);
}
