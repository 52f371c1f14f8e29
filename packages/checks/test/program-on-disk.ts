import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';

export interface ProgramOnDisk {
  readonly dir: string;
  readonly program: ts.Program;
  /** The source file of `name` (relative to `dir`). */
  file(name: string): ts.SourceFile;
  remove(): void;
}

/**
 * A program over `files` written to a fresh temporary folder: cross-module tests need real paths for
 * module resolution. Strict, NodeNext, no `@types`, no emit; `options` adds to or overrides that.
 */
export function programOnDisk(
  prefix: string,
  files: Readonly<Record<string, string>>,
  entry: string,
  options: ts.CompilerOptions = {},
): ProgramOnDisk {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const program = ts.createProgram([join(dir, entry)], {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    noEmit: true,
    ...options,
  });
  return {
    dir,
    program,
    file: (name) => program.getSourceFile(join(dir, name))!,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
