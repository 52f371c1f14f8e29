/**
 * Path ignores, gitignore-flavoured: `*` stays within a segment, `**` crosses segments, `?` is one
 * character, `{a,b}` is either. A pattern without `/` matches a name at any depth; a trailing `/`
 * or a match on a directory ignores everything below it. Paths are POSIX and relative to the root.
 */
export function compileGlobs(patterns: readonly string[]): (relativePath: string) => boolean {
  const regexps = patterns.map(globToRegExp);
  return (relativePath) => {
    if (regexps.length === 0) return false;
    // A directory match ignores the directory's files, so test every ancestor too.
    const parts = relativePath.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (regexps.some((r) => r.test(prefix))) return true;
    }
    return false;
  };
}

/** Turns one glob into an anchored regular expression. */
export function globToRegExp(pattern: string): RegExp {
  let glob = pattern.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (glob.endsWith('/')) glob = glob.slice(0, -1);
  if (!glob.includes('/')) glob = `**/${glob}`;
  else if (glob.startsWith('/')) glob = glob.slice(1);
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a bare `**` anything.
        if (glob[i + 2] === '/') {
          out += '(?:.*/)?';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, close).split(',').map(escapeRegExp).join('|')})`;
        i = close;
      }
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
