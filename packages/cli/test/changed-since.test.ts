import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';

import { runCli, useTempProjects } from './support.js';

vi.setConfig({ testTimeout: 60_000 });

const tempProject = useTempProjects('sh-changed-');
const project = (): string => tempProject({ 'index.ts': 'export const port = 3000;\n' });

const run = runCli;

// Issue 11.10: outside a repository `git diff` printed its whole usage (80 lines) as the error.
describe('secret-hygiene scan --changed-since', () => {
  it('outside a git repository: one line, exit 2, no git usage', async () => {
    const root = project();
    // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temporary directory.
    vi.stubEnv('GIT_CEILING_DIRECTORIES', tmpdir());
    try {
      const { stdout, stderr, code } = await run(['scan', root, '--root', root, '--changed-since', 'main']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toEqual([
        `secret-hygiene: error: --changed-since main: ${root} is not inside a git repository (clone the repository, or leave out --changed-since)`,
      ]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('with an unknown ref: one line, exit 2, saying what to fetch', async () => {
    const root = project();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    const { stderr, code } = await run(['scan', root, '--root', root, '--changed-since', 'origin/no-such-branch']);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--changed-since origin/no-such-branch: unknown git ref');
    expect(stderr).toContain('fetch-depth: 0');
    // A ref that looks like an option is a ref, never passed to git as one.
    const option = await run(['scan', root, '--root', root, '--changed-since=--output=x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown git ref');
    // The ref that exists still works.
    expect((await run(['scan', root, '--root', root, '--changed-since', 'HEAD'])).code).toBe(0);
  });
});
