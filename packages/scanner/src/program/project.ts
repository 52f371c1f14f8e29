import { existsSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { getLibFiles } from '@ts-morph/common';
import { ts } from 'ts-morph';
import { ConfigError } from '../config.js';
import type { SharedDeclarationFiles } from './shared-source-files.js';

export interface ProgramInput {
  readonly root: string;
  /** Absolute paths of the TypeScript/JavaScript files to scan. */
  readonly files: readonly string[];
  /** Absolute tsconfig path; undefined means the default program. */
  readonly tsconfig: string | undefined;
  /** The tsconfig already read (`readTsconfig`), so it is not read twice. */
  readonly config?: TsconfigContents;
  /** Declaration files shared with the scan's other programs. */
  readonly declarationFiles?: SharedDeclarationFiles;
}

export interface BuiltProgram {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** Files that could not be added (unreadable, or too deeply nested to bind), with the reason. */
  readonly failed: { path: string; message: string }[];
}

/**
 * TypeScript ran out of stack building or binding the program (a very large project whose imports
 * chain thousands of modules deep overflows `tsc` the same way). The scan cannot go on; the message
 * says how to give Node a larger stack (a `ConfigError`: the user fixes how the scan runs; exit 2).
 */
export class ProgramStackOverflowError extends ConfigError {}

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
 * Built once, with TypeScript's own compiler host, as `tsc` builds it (no ts-morph wrappers: they
 * built the program twice and wrapped every file).
 * @throws Error when the tsconfig cannot be read or is not JSON (an `extends` that is missing or
 *   circular is no error here: `tsconfigProblem` reports it and the rest of the config is used).
 * @throws {ProgramStackOverflowError} when TypeScript runs out of stack building the program.
 */
export function buildProgram(input: ProgramInput): BuiltProgram {
  const { options, rootNames } =
    input.config ??
    (input.tsconfig ? readTsconfig(input.tsconfig) : { options: defaultCompilerOptions, rootNames: [] as string[] });
  const inConfig = new Set(rootNames.map((f) => resolve(f)));
  const scannedRoots = input.files.filter((path) => !inConfig.has(resolve(path)));
  const host = withLibFiles(ts.createCompilerHost(options));
  const failed = new Map<string, string>();
  // Files read or bound already and found wanting are left out of the program (and so out of every
  // import of them), so the checker never meets them.
  const getSourceFile = input.declarationFiles
    ? input.declarationFiles.wrap(host.getSourceFile.bind(host), options)
    : host.getSourceFile.bind(host);
  // Files whose parse ran out of stack: nested too deeply, or parsed while the program's walk of the
  // imports was already deep (then a second parse, from a shallow stack, succeeds; see below).
  let importsTooDeep = false;
  const overflowed: { fileName: string; options: Parameters<ts.CompilerHost['getSourceFile']>[1] }[] = [];
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const path = resolve(fileName);
    if (failed.has(path)) return undefined;
    let sourceFile: ts.SourceFile | undefined;
    try {
      sourceFile = getSourceFile(
        fileName,
        languageVersion,
        (message) => {
          failed.set(path, message);
          // TypeScript's host catches what reading throws: a stack overflow there is the import walk's.
          if (/call stack/i.test(message)) importsTooDeep = true;
          onError?.(message);
        },
        shouldCreate,
      );
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      overflowed.push({ fileName, options: languageVersion });
      failed.set(path, `TypeScript cannot parse it (${(error as Error).message}): nested too deeply`);
      return undefined;
    }
    // TypeScript's host answers an unreadable file with an empty one: leave it out instead.
    return failed.has(path) ? undefined : sourceFile;
  };
  // TypeScript's own fileExists and directoryExists answer false to any error, a stack overflow
  // included: module resolution then says "cannot find module" and the program silently ends there.
  const entryExists = (path: string, isKind: (stats: Stats) => boolean): boolean => {
    try {
      const stats = statSync(path, { throwIfNoEntry: false });
      return stats !== undefined && isKind(stats);
    } catch (error) {
      if (isStackOverflow(error)) importsTooDeep = true;
      return false;
    }
  };
  host.fileExists = (path) => isLibFile(path) || entryExists(path, (stats) => stats.isFile());
  host.directoryExists = (path) => entryExists(path, (stats) => stats.isDirectory());
  return whileStackLasts(() => {
    let program = ts.createProgram({ rootNames: [...rootNames, ...scannedRoots], options, host });
    if (importsTooDeep) throw new RangeError('Maximum call stack size exceeded (following imports)');
    for (const { fileName, options: parseOptions } of overflowed) {
      try {
        getSourceFile(fileName, parseOptions);
      } catch {
        continue; // too deeply nested even from a shallow stack: left out, reported
      }
      throw new RangeError('Maximum call stack size exceeded (the imports, not the file)');
    }
    // TypeScript's binder recurses on `a ?? b ?? …` and `a || b || …` chains (a few thousand terms
    // overflow the stack), and making the checker binds every file at once: one such file would end
    // the scan. So each file is bound alone first; one that cannot be is left out and reported.
    // (`bindSourceFile` is internal to TypeScript: without it, files are bound with the checker.)
    const bindSourceFile = (
      ts as unknown as { bindSourceFile?: (file: ts.SourceFile, options: ts.CompilerOptions) => void }
    ).bindSourceFile;
    let unbindable = false;
    for (const sourceFile of bindSourceFile ? program.getSourceFiles() : []) {
      try {
        bindSourceFile!(sourceFile, options);
      } catch (error) {
        failed.set(
          resolve(sourceFile.fileName),
          `TypeScript cannot bind it (${(error as Error).message}): nested too deeply`,
        );
        unbindable = true;
      }
    }
    if (unbindable) {
      const kept = (path: string) => !failed.has(resolve(path));
      program = ts.createProgram({
        rootNames: [...rootNames, ...scannedRoots].filter(kept),
        options,
        host,
        oldProgram: program,
      });
    }
    const scanned = new Set(input.files.map((f) => resolve(f)));
    return {
      program,
      checker: program.getTypeChecker(),
      failed: [...failed].filter(([path]) => scanned.has(path)).map(([path, message]) => ({ path, message })),
    };
  });
}

/**
 * ts-morph's TypeScript keeps its lib files (`lib.es2022.d.ts`…) in memory, not beside its code, so
 * its compiler host finds none on disk: without them `Array`, `Promise` and every global type is
 * missing and the checker answers `any` (an element of a `TokenType[]` included). This host serves
 * them from memory under a folder that exists nowhere on disk, parsed once per language version.
 */
const LIB_FOLDER = '/__secret-hygiene-typescript-lib__';
let libTexts: Map<string, string> | undefined;
const libSourceFiles = new Map<string, ts.SourceFile>();

function isLibFile(path: string): boolean {
  return libTexts?.has(path) ?? false;
}

function withLibFiles(host: ts.CompilerHost): ts.CompilerHost {
  libTexts ??= new Map(getLibFiles().map((file) => [join(LIB_FOLDER, file.fileName), file.text]));
  const texts = libTexts;
  const { getSourceFile, fileExists, readFile } = host;
  host.getDefaultLibLocation = () => LIB_FOLDER;
  host.getDefaultLibFileName = (options) => join(LIB_FOLDER, ts.getDefaultLibFileName(options));
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = texts.get(fileName);
    if (text === undefined) return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
    const target = typeof languageVersion === 'object' ? languageVersion.languageVersion : languageVersion;
    const key = `${String(target)}:${fileName}`;
    let sourceFile = libSourceFiles.get(key);
    if (!sourceFile) {
      sourceFile = ts.createSourceFile(fileName, text, languageVersion);
      libSourceFiles.set(key, sourceFile);
    }
    return sourceFile;
  };
  host.fileExists = (fileName) => texts.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => texts.get(fileName) ?? readFile.call(host, fileName);
  return host;
}

/** What the scan reads of a tsconfig. */
export interface TsconfigContents {
  readonly options: ts.CompilerOptions;
  /** The files it lists (`files`, `include` minus `exclude`), absolute. */
  readonly rootNames: readonly string[];
  /** Its project references (`tsc -b` builds them; a solution-style tsconfig lists only these). */
  readonly references: readonly ts.ProjectReference[];
}

/**
 * Reads a tsconfig: its files and options, with what the scan needs on top (JavaScript, no emit, no lib checks).
 * @throws Error when it cannot be read or is not JSON.
 */
export function readTsconfig(path: string): TsconfigContents {
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, ' '));
  // `include` globs match what the project's own options say (its allowJs, not ours: no dist/*.js).
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(path), undefined, path);
  return {
    options: { ...parsed.options, allowJs: true, noEmit: true, skipLibCheck: true },
    rootNames: parsed.fileNames,
    references: parsed.projectReferences ?? [],
  };
}

/** Runs `build`, turning a stack overflow inside TypeScript into one clear error. */
function whileStackLasts<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (isStackOverflow(error))
      throw new ProgramStackOverflowError(
        'TypeScript ran out of stack building the program (imports chained too deeply for the default stack; ' +
          '`tsc` fails the same way on such a project). Run the scan with a larger stack: ' +
          'node --stack-size=4000 node_modules/.bin/secret-hygiene scan … ' +
          '(stay below `ulimit -s`, 8 MB by default; raise it first to go further)',
      );
    throw error;
  }
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
