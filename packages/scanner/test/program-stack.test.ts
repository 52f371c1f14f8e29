import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { makeProject } from './helpers.js';

// Builds TypeScript programs in child processes: slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000 });

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** A chain of `length` modules, each importing the next: TypeScript follows imports depth-first. */
function importChain(length: number): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': '{ "type": "module" }',
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] },
      files: ['src/m0.ts'],
    }),
  };
  for (let i = 0; i < length; i++)
    files[`src/m${i}.ts`] =
      i + 1 < length
        ? `import { v${i + 1} } from './m${i + 1}.js';\nexport const v${i} = v${i + 1} + 1;\n`
        : `export const v${i} = 1;\n`;
  return files;
}

/** Runs the built scanner on `root` in a Node with the given stack size (KiB); the outcome as JSON. */
function scanWithStack(root: string, stackSize: number): { error?: { name: string; message: string }; files?: number } {
  const script = `
    import { scan } from '@secret-hygiene/scanner';
    try {
      const result = await scan({ root: ${JSON.stringify(root)} });
      console.log(JSON.stringify({ files: result.summary.programs[0]?.files }));
    } catch (error) {
      console.log(JSON.stringify({ error: { name: error.constructor.name, message: error.message } }));
    }`;
  const child = spawnSync(process.execPath, [`--stack-size=${stackSize}`, '--input-type=module', '-e', script], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout);
}

describe('scan: a program too deep for the stack (issue 17.5)', () => {
  it('says TypeScript ran out of stack and how to give it more, and more stack scans it', () => {
    const root = makeProject(importChain(1_500));
    const small = scanWithStack(root, 300);
    expect(small.error?.name).toBe('ProgramStackOverflowError');
    expect(small.error?.message).toMatch(/ran out of stack building the program/);
    expect(small.error?.message).toMatch(/node --stack-size=\d+ /);
    expect(small.error?.message).not.toMatch(/tsconfig/);
    // What the message advises works: the whole chain is in the program.
    expect(scanWithStack(root, 4_000).files).toBeGreaterThanOrEqual(1_500);
  });
});
