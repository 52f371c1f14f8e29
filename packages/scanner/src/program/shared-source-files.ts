import { resolve } from 'node:path';
import { ts } from 'ts-morph';

type GetSourceFile = ts.CompilerHost['getSourceFile'];

/**
 * Declaration files parsed once per scan, shared by the programs built one after another (a
 * monorepo's apps all load `@types/node`, React's and Prisma's types). Only `.d.ts` files: sharing
 * the project's own sources too would keep every program's files alive, and peak memory would be
 * the whole scan's instead of the largest program's. A file is shared only between programs whose
 * options parse and bind it alike: the key is the one TypeScript's own document registry uses
 * across a language service's projects, with the parse options TypeScript hands the host.
 */
export class SharedDeclarationFiles {
  private readonly registry = ts.createDocumentRegistry();
  private readonly files = new Map<string, ts.SourceFile>();

  /** `getSourceFile` of a program's compiler host, answering declaration files from the shared store. */
  wrap(getSourceFile: GetSourceFile, options: ts.CompilerOptions): GetSourceFile {
    const settings = this.registry.getKeyForCompilationSettings(options);
    return (fileName, languageVersion, onError, shouldCreate) => {
      if (!/\.d\.[mc]?ts$/i.test(fileName)) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
      const parse =
        typeof languageVersion === 'object'
          ? `${languageVersion.languageVersion}|${languageVersion.impliedNodeFormat}|${languageVersion.jsDocParsingMode}`
          : String(languageVersion);
      const key = `${settings}|${parse}|${resolve(fileName)}`;
      const known = this.files.get(key);
      if (known) return known;
      let failed = false;
      const sourceFile = getSourceFile(
        fileName,
        languageVersion,
        (message) => {
          failed = true;
          onError?.(message);
        },
        shouldCreate,
      );
      // An unreadable file is answered again next time (and reported by that program).
      if (sourceFile && !failed) this.files.set(key, sourceFile);
      return sourceFile;
    };
  }

  /** How many parsed declaration files are shared (for tests). */
  get size(): number {
    return this.files.size;
  }
}
