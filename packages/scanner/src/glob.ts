import picomatch from 'picomatch';

/**
 * Path ignores (config `ignore`, `--ignore`), matched by picomatch with gitignore's reading of a
 * pattern: one without `/` matches a name at any depth, a leading `/` anchors it at the root, a
 * trailing `/` or a match on a directory ignores everything below it. Paths are POSIX, relative to the root.
 */
export function compileGlobs(patterns: readonly string[]): (relativePath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matches = picomatch(patterns.map(gitignoreStyle), { dot: true });
  return (relativePath) => {
    // A directory match ignores the directory's files, so test every ancestor too.
    const parts = relativePath.split('/');
    for (let i = 1; i <= parts.length; i++) if (matches(parts.slice(0, i).join('/'))) return true;
    return false;
  };
}

function gitignoreStyle(pattern: string): string {
  let glob = pattern.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (glob.endsWith('/')) glob = glob.slice(0, -1);
  if (glob.startsWith('/')) return glob.slice(1);
  return glob.includes('/') ? glob : `**/${glob}`;
}
