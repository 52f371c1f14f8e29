// What the CLI's test files share: running `main()` with captured output, and throwaway projects.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

import { main } from '../src/index.js';

export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Runs the CLI in this process as `secret-hygiene <args>`; `tty` says whether its streams are terminals. */
export async function runCli(args: string[], tty = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  process.exitCode = undefined;
  await main(['node', 'secret-hygiene', ...args], {
    stdout: { write: (s: string) => (stdout += s), isTTY: tty },
    stderr: { write: (s: string) => (stderr += s), isTTY: tty },
  });
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout, stderr, code };
}

/**
 * A maker of temporary projects (`files`: path -> text) for one test file, each removed after its
 * test, and `process.exitCode` reset.
 */
export function useTempProjects(prefix: string): (files: Record<string, string>) => string {
  const made: string[] = [];
  afterEach(() => {
    while (made.length > 0) rmSync(made.pop()!, { recursive: true, force: true });
    process.exitCode = undefined;
  });
  return (files) => {
    const root = mkdtempSync(join(tmpdir(), prefix));
    made.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };
}
