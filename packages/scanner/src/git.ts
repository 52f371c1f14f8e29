import { execFileSync } from 'node:child_process';

function git(root: string, args: readonly string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Files git tracks below `root`, as POSIX paths relative to `root`; undefined outside a repository. */
export function trackedFiles(root: string): Set<string> | undefined {
  try {
    return new Set(git(root, ['ls-files', '-z']).split('\0').filter(Boolean));
  } catch {
    return undefined;
  }
}

/** Lines changed since a ref, per root-relative file; `all` for files that are new or untracked. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/**
 * Reads `git diff -U0 <ref>` hunks (working tree against the ref) and untracked files.
 * Throws an Error of one line for a missing git, a directory outside a repository or an unknown ref
 * (asked first: `git diff` outside a repository prints its whole usage).
 */
export function changedLinesSince(root: string, ref: string): ChangedLines {
  const problem = gitRefProblem(root, ref);
  if (problem) throw new Error(`--changed-since ${ref}: ${problem}`);
  let diff: string;
  let untracked: string;
  try {
    diff = git(root, ['diff', '-U0', '--no-color', '--no-ext-diff', '--relative', ref, '--']);
    untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`--changed-since ${ref}: ${stderr || (error as Error).message}`);
  }
  return parseDiff(diff, untracked.split('\0').filter(Boolean));
}

/** Why `ref` cannot be diffed against in `root`, in one line, or undefined when it can. */
function gitRefProblem(root: string, ref: string): string | undefined {
  try {
    git(root, ['rev-parse', '--is-inside-work-tree']);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'git is not installed (or not on PATH)';
    return `${root} is not inside a git repository (clone the repository, or leave out --changed-since)`;
  }
  try {
    // `--end-of-options`: a ref that starts with `-` is a ref, never an option.
    git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    return 'unknown git ref (a shallow clone lacks it: fetch it, or in GitHub Actions check out with fetch-depth: 0)';
  }
  return undefined;
}

/** Parses unified diff output with zero context into changed new-side lines per file. */
export function parseDiff(diff: string, untracked: readonly string[] = []): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  let fromDevNull = false;
  for (const line of diff.split('\n')) {
    if (line.startsWith('--- ')) {
      fromDevNull = line === '--- /dev/null';
    } else if (line.startsWith('+++ ')) {
      const path = line.slice(4).replace(/^b\//, '').replace(/\t.*$/, '');
      if (path === '/dev/null') {
        current = undefined;
      } else if (fromDevNull) {
        changed.set(path, 'all');
        current = undefined;
      } else {
        current = new Set();
        changed.set(path, current);
      }
    } else if (line.startsWith('@@') && current) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  for (const file of untracked) changed.set(file, 'all');
  return changed;
}
