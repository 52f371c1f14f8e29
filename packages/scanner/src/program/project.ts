import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Project, ts } from 'ts-morph';

export interface ProgramInput {
  readonly root: string;
  /** Absolute paths of the TypeScript/JavaScript files to scan. */
  readonly files: readonly string[];
  /** Absolute tsconfig path; undefined means the default program. */
  readonly tsconfig: string | undefined;
}

export interface BuiltProgram {
  readonly project: Project;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** Files that could not be added (unreadable), with the reason. */
  readonly failed: { path: string; message: string }[];
}

/** Options of the program built when no tsconfig exists: every TS/JS file, JavaScript included. */
export const defaultCompilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowJs: true,
  checkJs: false,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  resolveJsonModule: false,
};

/** The tsconfig to use: the one given, else `tsconfig.json` in the first scanned directory or the root. */
export function findTsconfig(root: string, paths: readonly string[], given?: string): string | undefined {
  if (given) return resolve(root, given);
  for (const dir of [...paths.map((p) => (existsSync(resolve(p, 'tsconfig.json')) ? p : dirname(p))), root]) {
    const candidate = resolve(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Builds one program over the scanned files: the tsconfig's own files (so types and cross-module
 * flows resolve as the project compiles them) plus every scanned file it leaves out, with `allowJs`.
 */
export function buildProgram(input: ProgramInput): BuiltProgram {
  const failed: { path: string; message: string }[] = [];
  let project: Project;
  if (input.tsconfig) {
    project = new Project({
      tsConfigFilePath: input.tsconfig,
      compilerOptions: { allowJs: true, noEmit: true, skipLibCheck: true },
      skipAddingFilesFromTsConfig: false,
    });
  } else {
    project = new Project({ compilerOptions: defaultCompilerOptions });
  }
  for (const path of input.files) {
    if (project.getSourceFile(path)) continue;
    try {
      project.addSourceFileAtPath(path);
    } catch (error) {
      failed.push({ path, message: (error as Error).message });
    }
  }
  // TypeScript's binder recurses on `a ?? b ?? …` and `a || b || …` chains (a few thousand terms
  // overflow the stack), and making the checker binds every file at once: one such file would end
  // the scan. So each file is bound alone first; one that cannot be is left out and reported.
  // (`bindSourceFile` is internal to TypeScript: without it, files are bound with the checker.)
  const bindSourceFile = (
    ts as unknown as { bindSourceFile?: (file: ts.SourceFile, options: ts.CompilerOptions) => void }
  ).bindSourceFile;
  for (const sourceFile of bindSourceFile ? project.getSourceFiles() : []) {
    try {
      bindSourceFile!(sourceFile.compilerNode, project.getCompilerOptions());
    } catch (error) {
      failed.push({
        path: sourceFile.getFilePath(),
        message: `TypeScript cannot bind it (${(error as Error).message}): nested too deeply`,
      });
      project.removeSourceFile(sourceFile);
    }
  }
  const program = project.getProgram().compilerObject;
  return { project, program, checker: program.getTypeChecker(), failed };
}
