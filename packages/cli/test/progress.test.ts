import { describe, expect, it, vi } from 'vitest';

import { main } from '../src/index.js';
import { useTempProjects } from './support.js';
import { logProgress } from '../src/progress.js';

vi.setConfig({ testTimeout: 60_000 });

const project = useTempProjects('sh-progress-');

/** A clock that moves `step` ms each time it is read: no test waits on real time. */
const fakeClock = (step: number) => {
  let time = 0;
  return () => (time += step);
};

describe('logProgress (CI logs, not a terminal)', () => {
  it('writes a plain line at most every interval, with the phase, counts and time so far', () => {
    let time = 0;
    const lines: string[] = [];
    const progress = logProgress({ write: (s: string) => lines.push(s) }, { intervalMs: 5000, now: () => time });
    time = 6000;
    progress.onPhase!({ phase: 'discovered', files: 40, skipped: 3 });
    time = 7000;
    progress.onProgress!(1, 40, '.env'); // 1 s after the last line: nothing
    time = 30_000;
    progress.onProgress!(2, 40, 'a.ts');
    time = 31_000;
    progress.onProgress!(3, 40, 'b.ts'); // nothing
    time = 36_000;
    progress.onProgress!(4, 40, 'c.ts');
    expect(lines).toEqual([
      'secret-hygiene: found 40 files to scan, 3 skipped (6s)\n',
      'secret-hygiene: analysed 2/40 files (5%) (30s)\n',
      'secret-hygiene: analysed 4/40 files (10%) (36s)\n',
    ]);
  });

  it('always says when the TypeScript program starts being built (nothing is reported while it is)', () => {
    let time = 0;
    const lines: string[] = [];
    const progress = logProgress({ write: (s: string) => lines.push(s) }, { intervalMs: 5000, now: () => time });
    time = 1000;
    progress.onPhase!({ phase: 'discovered', files: 40, skipped: 3 }); // within the first interval: nothing
    time = 1500;
    progress.onPhase!({ phase: 'building-program', files: 30 });
    time = 4000;
    progress.onProgress!(1, 40, 'a.ts'); // 2.5 s after the last line: nothing
    expect(lines).toEqual([
      'secret-hygiene: building the TypeScript program over 30 files (of 40 files to scan, 3 skipped) (2s)\n',
    ]);
  });

  it('names each program as it starts being built when the scan builds one per tsconfig', () => {
    const lines: string[] = [];
    const progress = logProgress({ write: (s: string) => lines.push(s) }, { intervalMs: 5000, now: () => 2000 });
    progress.onPhase!({
      phase: 'building-program',
      files: 812,
      program: { index: 1, count: 2, tsconfig: 'apps/web/tsconfig.json' },
    });
    progress.onPhase!({ phase: 'building-program', files: 3, program: { index: 2, count: 2, tsconfig: null } });
    expect(lines).toEqual([
      'secret-hygiene: program 1/2: apps/web/tsconfig.json, 812 files (0s)\n',
      'secret-hygiene: program 2/2: default options, 3 files (0s)\n',
    ]);
  });

  it('prints nothing else for a scan that ends within the first interval', () => {
    const lines: string[] = [];
    const progress = logProgress({ write: (s: string) => lines.push(s) }, { intervalMs: 5000, now: () => 4999 });
    progress.onPhase!({ phase: 'discovered', files: 2, skipped: 0 });
    progress.onProgress!(2, 2, '.env');
    expect(lines).toEqual([]);
  });
});

// Issue 11.10: in a CI log (stderr not a terminal) a long scan printed nothing until its report.
describe('secret-hygiene scan progress when stderr is not a terminal', () => {
  const files = Object.fromEntries(
    Array.from({ length: 6 }, (_, i) => [`src/m${i}.ts`, `export const v${i} = ${i};\n`]),
  );

  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    process.exitCode = undefined;
    await main(['node', 'secret-hygiene', ...args], {
      stdout: { write: (s: string) => (stdout += s), isTTY: false },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      now: fakeClock(3000), // every reading is 3 s later: a line every other event
    });
    const code = Number(process.exitCode ?? 0);
    process.exitCode = undefined;
    return { stdout, stderr, code };
  }

  it('writes progress lines on stderr, never on stdout (a JSON report stays parseable)', async () => {
    const root = project(files);
    const { stdout, stderr, code } = await run(['scan', root, '--root', root, '--format', 'json']);
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stdout).not.toContain('analysed');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^secret-hygiene: building the TypeScript program over 6 files \(of 6 files to scan, 0 skipped\) \(\d+s\)$/,
        ),
        expect.stringMatching(/^secret-hygiene: analysed \d\/6 files \(\d+%\) \(\d+s\)$/),
      ]),
    );
    expect(stderr).not.toContain('\r');
  });

  it('is silent with --quiet and with --no-progress', async () => {
    const root = project(files);
    expect((await run(['scan', root, '--root', root, '--quiet'])).stderr).toBe('');
    expect((await run(['scan', root, '--root', root, '-q'])).stderr).toBe('');
    expect((await run(['scan', root, '--root', root, '--no-progress'])).stderr).toBe('');
  });
});
